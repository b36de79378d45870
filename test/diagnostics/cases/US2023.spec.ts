// US2023: An `at` test names a label that the process does not have.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    a: x := 1
  }
  invariant I: !(P at b)
`;
