import { spec } from "../../../dsl";

export const Case = spec`
  import Base from "./modules/base.spec.ts"
  extends Base
  def x: bool = true
`;
