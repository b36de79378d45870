// US2014: A name used as a value denotes an action, a process, a type or a property.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { x := 1 }
  invariant I: A
`;
