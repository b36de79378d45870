// US1009: `at` tests the label of a process instance: its left side must be P or P[i].
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: (x + 1) at L
`;
