// US3003: x in S needs x to have the type of the elements of S.
import { spec } from "../../../dsl";

export const Case = spec`
  var s: set<0..3>
  init { s := {} }
  invariant I: true in s
`;
