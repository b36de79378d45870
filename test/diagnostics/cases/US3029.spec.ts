// US3029: A field that the record type does not have.
import { spec } from "../../../dsl";

export const Case = spec`
  var r: { a: 0..1, b: 0..1 }
  init { r := { a: 0, b: 0 } }
  action A { r.c := 1 }
`;
