// US3014: A tag constructor or a match arm names a field the tag does not have.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool }, B }
  var x: U
  init { x := A { g: true } }
`;
