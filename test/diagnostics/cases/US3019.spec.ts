// US3019: r with { f: v } updates a field of a record.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool }, B }
  var x: U
  init { x := B }
  invariant I: (x with { f: true }) == x
`;
