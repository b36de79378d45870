// US3017: `is` tests the tag of a union or enum value.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: x is A
`;
