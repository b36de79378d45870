// US1005: Comparisons are not associative: `a == b == c` is rejected.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: x == 0 == true
`;
