import { spec } from "../../../dsl";

// --no-file: the spec is given as text (the spec tag at run time), not read from its file
export const Case = spec`
  import Base from "./modules/base.spec.ts"
  extends Base
`;
