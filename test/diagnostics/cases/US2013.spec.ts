// US2013: A name that nothing in scope declares.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := y }
`;
