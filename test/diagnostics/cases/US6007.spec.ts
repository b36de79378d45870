import { spec } from "../../../dsl";

export const Case = spec`
  extends Base
  var z: bool
  init { z := true }
`;
