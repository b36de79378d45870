// US3010: match distinguishes the tags of a union or enum value.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  invariant I: match x { _ => true }
`;
