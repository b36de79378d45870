// US4002: The same part of a variable (a field, an entry with a literal index) is assigned twice in one step.
import { spec } from "../../../dsl";

export const Case = spec`
  var r: { a: 0..1, b: 0..1 }
  init { r := { a: 0, b: 0 } }
  action A { r.a := 1; r.a := 0 }
`;
