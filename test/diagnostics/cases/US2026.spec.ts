// US2026: A spec has one init block.
import { spec } from "../../../dsl";

export const Case = spec`
  var x: 0..3
  init { x := 0 }
  init { x := 1 }
`;
