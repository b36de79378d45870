// US1003: A block comment is opened with /* and never closed.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: bool
  init { x := true }
  /* the rest
`;
