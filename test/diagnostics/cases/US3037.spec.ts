// US3037: A tag with fields needs them given: T { f: v }.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool }, B }
  var x: U
  init { x := A }
`;
