// US3030: x.f on a union value needs f to have one type in every tag that has it.
import { spec } from "../../../dsl";

export const Case = spec`
  union U { A { f: bool }, B { f: 0..1 } }
  var x: U
  init { x := A { f: true } }
  invariant I: x.f
`;
