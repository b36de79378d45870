// US2016: A tag constructor T { ... } whose tag no union declares.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool }, B }
  var x: U
  init { x := Z { f: true } }
`;
