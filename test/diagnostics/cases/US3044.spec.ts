// US3044: A variable's values are numbered exactly in a double, so its type may have at most 2^52 values.
import { spec } from "../../../dsl";

export const Case = spec`
  var m: [0..9] -> [0..9] -> 0..99
  init { m := [i in 0..9 |-> [j in 0..9 |-> 0]] }
`;
