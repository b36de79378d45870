// US2019: Parameters and names bound by let, with, for, quantifiers and match arms are values, not variables.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A(p: 0..3) { p := 1 }
`;
