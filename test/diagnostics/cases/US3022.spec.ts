// US3022: A tag constructor must give every field of the tag.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool, g: bool }, B }
  var x: U
  init { x := A { f: true } }
`;
