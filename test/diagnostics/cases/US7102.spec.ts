import { spec } from "../../../dsl";

export const Case = spec`
  type Tid = 0..2
  symmetric Tid
  var waiting: set<Tid>
  init { waiting := {} }
  action Wake(u: Tid, v: Tid) {
    await u < v && u in waiting
    waiting := {}
  }
`;
