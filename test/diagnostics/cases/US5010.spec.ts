// US5010: A derived constant (a def without parameters over constants) is computed from the constants: --const may name it only with the value it has.
// --const TWICE=3
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
  def TWICE: 0..6 = 2 * N
  var x: 0..6
  init { x := TWICE }
`;
