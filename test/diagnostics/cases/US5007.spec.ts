// US5007: An assume does not hold for the constants chosen (defaults and --const values).
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
  assume N > 1
  var x: 0..3
  init { x := 0 }
`;
