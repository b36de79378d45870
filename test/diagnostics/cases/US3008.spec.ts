// US3008: card() counts the elements of a set.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: card(x) == 0
`;
