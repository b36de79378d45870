// US2003: A name used as a type denotes something else.
import { spec } from "../../../dsl";

export const Case = spec`
  var y: bool
  var x: y
  init { x := true; y := true }
`;
