// US3034: P at L and P[i].x read the state, which init and constant expressions do not have.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := if P at a then 0 else 1 }
  process P {
    a: x := 1
  }
`;
