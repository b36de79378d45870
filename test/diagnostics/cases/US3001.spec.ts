// US3001: A value of one type is used where another is expected.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := true }
`;
