// US3013: A match has two arms for the same tag.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { A, B }
  var x: E
  init { x := A }
  invariant I: match x { A => true, A => false, B => true }
`;
