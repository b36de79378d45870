// US1010: Integer literals must be exact in a double (at most 2^53 - 1).
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 99999999999999999999
  var x: 0..3
  init { x := 0 }
`;
