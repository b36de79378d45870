import { spec } from "../../../dsl";

export const Case = spec`
  import Broken from "./modules/broken.spec.ts"
  extends Broken
`;
