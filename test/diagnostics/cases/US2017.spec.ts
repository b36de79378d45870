// US2017: An assignment to a name that is not declared.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { y := 1 }
`;
