// US1011: A spec template is read statically, so it cannot contain ${...} substitutions.
import { spec } from "../../../dsl";

const n = 3;
export const Bad = spec`
  var x: 0..${n}
  init { x := 0 }
`;
