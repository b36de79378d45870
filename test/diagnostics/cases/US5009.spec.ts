// US5009: Evaluating a constant expression failed (for example a division by zero).
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1 / 0
  var x: 0..3
  init { x := 0 }
`;
