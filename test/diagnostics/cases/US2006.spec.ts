// US2006: A record type or a tag declares the same field twice.
import { spec } from "../../../dsl";

export const Case = spec`
  var r: { a: bool, a: 0..1 }
  init { r := { a: true } }
`;
