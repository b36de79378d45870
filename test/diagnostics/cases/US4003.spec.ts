// US4003: The iterations of a for run in one step, so a whole assignment in its body would repeat.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { for i in 0..1 { x := i } }
`;
