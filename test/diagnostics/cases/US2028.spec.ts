// US2028: A spec must have state: at least one variable or process.
import { spec } from "../../../dsl";

export const Case = spec`
  const N: 0..3 = 1
`;
