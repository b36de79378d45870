// US3028: A map literal [i in D |-> e] enumerates D, so D must be a type or a constant range.
import { spec } from "../../../dsl";

export const Case = spec`
  var s: set<0..3>
  var m: [0..3] -> bool
  init { s := {}; m := [i in 0..3 |-> true] }
  action A { m := [i in s |-> true] }
`;
