import { spec } from "../../../dsl";

export const Case = spec`
  import Case from "./US6003.spec.ts"
  extends Case
`;
