// US2029: `property` is reserved for liveness properties, which the checker does not support yet.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  property P: x == 0
`;
