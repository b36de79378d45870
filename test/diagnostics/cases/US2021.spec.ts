// US2021: The left side of `at` must name a process.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: x at L
`;
