// US1007: A range a..b is only a type, a domain, or the right side of in/notin; as a value write a set.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0..3 }
`;
