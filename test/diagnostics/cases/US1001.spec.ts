// US1001: The text does not follow the grammar; the message lists what could come at that point.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := }
`;
