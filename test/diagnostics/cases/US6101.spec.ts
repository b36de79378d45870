import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action Inc { await x < 3; x := x + 1 }
  property Settles: eventually always (x == 3)
`;
