// US3044: A variable is packed into fields of at most 2^52 values each (an ordinal exact in a double): its type must have at most 2^52 values, or be a map whose values are packed that way (one field per entry).
import { spec } from "../../../dsl";

export const Case = spec`
  var m: [0..9] -> seq<0..99, 9>
  init { m := [i in 0..9 |-> <<>>] }
`;
