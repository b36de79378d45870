// US5004: A --const value outside the constant's range.
// --const N=7
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
  var x: 0..3
  init { x := 0 }
`;
