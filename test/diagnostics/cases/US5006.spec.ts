// US5006: --const names a constant the spec does not declare.
// --const NOPE=1
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
  var x: 0..3
  init { x := 0 }
`;
