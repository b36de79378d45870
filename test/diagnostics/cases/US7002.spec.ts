import { spec } from "../../../dsl";

export const Case = spec`
  var x: bool
  init { x := false }
  process Monitor { poll: x := !x }
  symmetric Monitor
`;
