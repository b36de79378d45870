// US3035: The initial value of a process local cannot read the process's locals (there is no state yet).
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    var a: 0..3 = 0
    var b: 0..3 = a
    s: x := 1
  }
`;
