// US3039: A process without an index has one instance: write P, not P[i].
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P {
    a: x := 1
  }
  invariant I: !(P[0] at a)
`;
