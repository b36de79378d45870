// US2002: `self` and `Done` have a meaning of their own and cannot be declared.
import { spec } from "../../../dsl";

export const Case = spec`
  var Done: bool
  init { Done := true }
`;
