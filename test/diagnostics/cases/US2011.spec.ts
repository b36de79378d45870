// US2011: A process declares the same local twice.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    var a: bool = true
    var a: bool = false
    s: x := 1
  }
`;
