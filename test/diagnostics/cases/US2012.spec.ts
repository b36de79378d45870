// US2012: A local of an indexed process cannot have the name of its index.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  process P[i in 0..1] {
    var i: bool = true
    s: x := 1
  }
`;
