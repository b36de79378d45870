// US2032: A statement def is used in an expression.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  def reset() { x := 0 }
  invariant I: reset() == 0
`;
