// US3043: A sequence type seq<T, N> needs a capacity N >= 0.
import { spec } from "../../../dsl";

export const Case = spec`
  var q: seq<bool, 0 - 1>
  init { q := <<>> }
`;
