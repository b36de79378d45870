// US3033: with, for, forall, exists and map literals range over a set, a type or a range.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: forall i in x: true
`;
