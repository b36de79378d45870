// US2018: Only state variables (and a process's own locals) can be assigned.
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
  var x: 0..3
  init { x := 0 }
  action A { N := 1 }
`;
