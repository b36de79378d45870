// US2007: An enum or union must have at least one member.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { }
  var x: bool
  init { x := true }
`;
