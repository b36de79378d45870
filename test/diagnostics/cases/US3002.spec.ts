// US3002: == and != compare values of the same type.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { A, B }
  var x: E
  init { x := A }
  invariant I: x == 1
`;
