// US2005: A type alias that refers to itself, directly or through other types.
import { spec } from "../../../dsl";

export const Case = spec`
  type T = [0..1] -> T
  var x: bool
  init { x := true }
`;
