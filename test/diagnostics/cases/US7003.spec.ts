import { spec } from "../../../dsl";

export const Case = spec`
  type Tid = 0..1
  type Cpu = 0..1
  symmetric Tid
  symmetric Cpu
  var x: bool
  init { x := false }
`;
