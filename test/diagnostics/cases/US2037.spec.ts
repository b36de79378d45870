// US2037: A name that is not a def is called like one.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { x := x(1) }
`;
