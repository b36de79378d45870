// US3016: A match without `_` must have an arm for every tag.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { A, B, C }
  var x: E
  init { x := A }
  invariant I: match x { A => true, B => false }
`;
