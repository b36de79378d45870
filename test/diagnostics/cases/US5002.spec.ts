// US5002: A --const for a bool constant takes true or false.
// --const B=yes
import { spec } from "../../../dsl";

export const Case = spec`
  const B: bool = true
  var x: 0..3
  init { x := 0 }
`;
