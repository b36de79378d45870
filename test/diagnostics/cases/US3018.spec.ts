// US3018: Only maps and sequences can be indexed.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: x[0] == 0
`;
