// US2036: A def declares two parameters with the same name.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  def f(a: 0..3, a: 0..3): 0..3 = a
  action A { x := f(1, 2) }
`;
