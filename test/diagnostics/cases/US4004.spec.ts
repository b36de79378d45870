// US4004: A step jumps to at most one label.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    a: goto a
       goto Done
  }
`;
