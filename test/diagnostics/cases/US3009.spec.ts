// US3009: len, head, tail and append work on sequences.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: len(x) == 0
`;
