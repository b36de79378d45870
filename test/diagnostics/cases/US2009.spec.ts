// US2009: Each label of a process names one step.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    a: x := 1
    a: x := 2
  }
`;
