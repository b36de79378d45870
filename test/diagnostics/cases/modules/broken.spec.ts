import { spec } from "../../../../dsl";

export const Broken = spec`
  var x: 0..3
  init { x := }
`;
