// US1006: A keyword was written where a name is expected.
import { spec } from "../../../dsl";

export const Case = spec`
  var if: bool
  init { if := true }
`;
