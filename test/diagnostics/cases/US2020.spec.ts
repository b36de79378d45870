// US2020: `self` names the instance of an indexed process, so it exists only inside one.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { x := self }
`;
