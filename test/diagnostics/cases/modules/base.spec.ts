import { spec } from "../../../../dsl";

// Specs that the US6xxx cases import.
export const Base = spec`
  const N: 0..3 = 1
  var x: 0..3
  init { x := 0 }
  process P[i in 0..1] {
    step: x := N
  }
`;

export const Lib = spec`
  const N: 0..3 = 2
  var y: bool
  init { y := false }
`;
