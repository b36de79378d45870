import { spec } from "../../../dsl";

export const Case = spec`
  import Lib from "./modules/base.spec.ts"
  const N: 0..3 = 3
  var z: 0..3
  init { z := N }
`;
