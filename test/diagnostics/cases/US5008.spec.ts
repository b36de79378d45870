// US5008: A constant's default, or a derived constant's value, lies outside its declared range.
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 7
  var x: 0..3
  init { x := 0 }
`;
