import { spec } from "../../../dsl";

export const Case = spec`
  import Base from "./modules/missing.spec.ts"
  extends Base
`;
