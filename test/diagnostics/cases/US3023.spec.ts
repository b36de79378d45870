// US3023: A record value gives the same field twice.
import { spec } from "../../../dsl";

export const Case = spec`
  var r: { a: bool }
  init { r := { a: true, a: false } }
`;
