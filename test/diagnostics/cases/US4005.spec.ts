// US4005: goto moves a process to a label; outside a process (or a def declared in one) there is none.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { goto a }
`;
