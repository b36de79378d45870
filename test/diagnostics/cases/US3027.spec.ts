// US3027: An empty sequence << >> needs a place that says what its elements are.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: len(<<>>) == 0
`;
