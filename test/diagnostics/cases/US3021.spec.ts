// US3021: The two branches of if-then-else must give values of one type.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := if true then 1 else false }
`;
