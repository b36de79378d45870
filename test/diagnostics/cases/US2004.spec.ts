// US2004: A type name that no type, enum or union declares.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: Foo
  init { x := 0 }
`;
