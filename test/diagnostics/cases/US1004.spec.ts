// US1004: The value of a let expression must be followed by `in`; parenthesize a membership test inside the value.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: let y = x y
`;
