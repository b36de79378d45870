// US2027: Every variable needs an initial value, so a spec with variables needs an init block.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  action A { x := 1 }
`;
