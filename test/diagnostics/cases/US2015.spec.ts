// US2015: A constant may only use constants declared before it.
import { spec } from "../../../dsl";

export const Case = spec`
  const A: 0..3 = B
  const B: 0..3 = 1
  var x: 0..3
  init { x := 0 }
`;
