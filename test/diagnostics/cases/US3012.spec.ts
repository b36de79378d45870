// US3012: A tag tested with `is` or matched in an arm does not belong to the value's union.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { A, B }
  var x: E
  init { x := A }
  invariant I: !(x is C)
`;
