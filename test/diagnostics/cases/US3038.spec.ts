// US3038: An indexed process has one state per instance: name the instance, P[i].
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P[i in 0..1] {
    a: x := 1
  }
  invariant I: !(P at a)
`;
