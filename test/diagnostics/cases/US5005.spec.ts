// US5005: A --const for an enum constant takes one of the enum's members.
// --const M=C
import { spec } from "../../../dsl";

export const Case = spec`
  enum Mode { A, B }
  const M: Mode = A
  var x: 0..3
  init { x := 0 }
`;
