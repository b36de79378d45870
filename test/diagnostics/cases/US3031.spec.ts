// US3031: x.f on a union value needs some tag to have the field f.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool }, B }
  var x: U
  init { x := B }
  invariant I: x.g
`;
