// US2024: P[i].x reads a local that process P does not declare.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P[i in 0..1] {
    var a: bool = true
    s: x := 1
  }
  invariant I: P[0].b
`;
