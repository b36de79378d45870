// US3020: m with [k] = v updates an entry of a map.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: (x with [0] = 1) == x
`;
