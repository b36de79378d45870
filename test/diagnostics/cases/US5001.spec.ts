// US5001: Constants are set from the command line, so their type is bool, an integer range or an enum.
import { spec } from "../../../dsl";

export const Case = spec`
  const S: set<bool> = {}
  var x: 0..3
  init { x := 0 }
`;
