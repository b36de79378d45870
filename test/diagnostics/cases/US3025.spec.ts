// US3025: An empty set {} needs a place that says what its elements are.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: card({}) == 0
`;
