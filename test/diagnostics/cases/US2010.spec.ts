// US2010: `Done` is the label a process reaches after its last step; it cannot label a step.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    Done: x := 1
  }
`;
