// US2025: A call of a function that is neither a built-in nor a def.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { x := abs(x) }
`;
