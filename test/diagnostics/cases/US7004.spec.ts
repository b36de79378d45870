import { spec } from "../../../dsl";

export const Case = spec`
  type Tid = 0..9
  symmetric Tid
  var waiting: set<Tid>
  init { waiting := {} }
`;
