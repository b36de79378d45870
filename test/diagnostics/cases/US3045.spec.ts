// US3045: A domain that is enumerated value by value (parameters, with, for, quantifiers, map literals, process indices) may have at most 2^20 values.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: forall i in 0..2000000: i >= 0
`;
