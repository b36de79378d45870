import { spec } from "../../../dsl";

export const Case = spec`
  type Tid = 0..2
  symmetric Tid
  var waiting: set<Tid>
  init { waiting := {} }
  process Thread[self in Tid] {
    fault: await self != 0
           waiting := waiting union {self}
  }
`;
