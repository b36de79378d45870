// US4001: A step is one simultaneous update: each variable is assigned at most once along any path through it.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  action A { x := 1; x := 2 }
`;
