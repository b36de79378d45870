// US2001: Two declarations (constants, types, tags, variables, actions, processes, properties, defs) have the same name.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  var x: bool
  init { x := 0 }
`;
