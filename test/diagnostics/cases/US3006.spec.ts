// US3006: Two sets combined by a set operator must have the same element type.
import { spec } from "../../../dsl";

export const Case = spec`
  var s: set<0..3>
  init { s := {} }
  invariant I: s subseteq {true}
`;
