// US3004: The right operand of in, notin, subseteq, union, inter or \\ must be a set.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: 1 in x
`;
