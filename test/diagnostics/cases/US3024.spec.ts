// US3024: All elements of a set literal must have one type.
import { spec } from "../../../dsl";

export const Case = spec`
  var s: set<0..3>
  init { s := {1, true} }
`;
