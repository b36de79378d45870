// US2031: A def is expanded where it is used, so it cannot call itself, directly or through other defs.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  def f(n: 0..3): 0..3 = if n == 0 then 0 else f(n - 1)
  invariant I: f(x) == 0
`;
