// US1012: A spec template must be the initialiser of a const, which gives the spec its name.
import { spec } from "../../../dsl";

export function make() {
  return spec`
    var x: bool
    init { x := true }
  `;
}
