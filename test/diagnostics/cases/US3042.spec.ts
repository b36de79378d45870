// US3042: Sets are stored as bit sets of at most 30 elements.
import { spec } from "../../../dsl";

export const Case = spec`
  var s: set<0..40>
  init { s := {} }
`;
