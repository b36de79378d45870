import { spec } from "../../../dsl";

export const Case = spec`
  import Base from "./modules/base.spec.ts"
  extends Base
  process P[j in 0..1] {
    step: x := 0
  }
`;
