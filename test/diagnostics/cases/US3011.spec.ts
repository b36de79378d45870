// US3011: An arm after the wildcard `_` can never be chosen.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { A, B }
  var x: E
  init { x := A }
  invariant I: match x { _ => true, A => false }
`;
