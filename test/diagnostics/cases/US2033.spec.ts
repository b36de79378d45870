// US2033: An expression def is used as a statement.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  def next(n: 0..3): 0..3 = (n + 1) % 4
  action A { next(x) }
`;
