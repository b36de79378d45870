// US3032: Only records and unions have fields.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: x.f == 0
`;
