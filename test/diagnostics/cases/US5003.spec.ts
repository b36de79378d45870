// US5003: A --const for an integer constant takes an integer.
// --const N=two
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
  var x: 0..3
  init { x := 0 }
`;
