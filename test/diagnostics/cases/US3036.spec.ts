// US3036: init and constant expressions have no previous state to read variables from.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  var y: 0..3
  init { x := 0; y := x }
`;
