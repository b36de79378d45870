// US3040: A range a..b with b < a is empty, which no type may be.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 3..1
  init { x := 3 }
`;
