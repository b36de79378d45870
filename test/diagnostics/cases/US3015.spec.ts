// US3015: All arms of a match must give values of one type.
import { spec } from "../../../dsl";

export const Case = spec`
  enum E { A, B }
  var x: E
  init { x := A }
  invariant I: match x { A => true, B => 1 }
`;
