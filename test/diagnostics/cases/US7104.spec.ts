import { spec } from "../../../dsl";

export const Case = spec`
  type Tid = 0..2
  symmetric Tid
  var woken: [Tid] -> bool
  init { woken := [u in Tid |-> false] }
  action WakeAll {
    for u in Tid { woken[u] := exists v in Tid: !woken[v] }
  }
`;
