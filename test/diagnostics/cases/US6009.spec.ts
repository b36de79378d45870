import { spec } from "../../../dsl";

export const Case = spec`
  const N = 3
  var z: 0..3
  init { z := N }
`;
