// US3026: All elements of a sequence literal must have one type.
import { spec } from "../../../dsl";

export const Case = spec`
  var q: seq<0..3, 2>
  init { q := <<1, true>> }
`;
