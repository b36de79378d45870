// US3005: The left operand of subseteq, union, inter or \\ must be a set.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: x subseteq {1}
`;
