import { spec } from "../../../dsl";

export const Case = spec`
  type Tid = 0..2
  symmetric Tid
  var owner: 0..2
  init { owner := 0 }
  action Take(u: Tid) { owner := u }
`;
