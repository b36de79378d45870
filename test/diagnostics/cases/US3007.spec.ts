// US3007: A built-in function is called with the wrong number of arguments.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { x := min(x) }
`;
