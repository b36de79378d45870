// US3041: Maps are stored whole, so their domain must be small (at most 4096 values).
import { spec } from "../../../dsl";

export const Case = spec`
  var m: [0..5000] -> bool
  init { m := [i in 0..5000 |-> true] }
`;
