"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NoFaultAroundArmed = void 0;
const dsl_1 = require("../../../dsl");
// Variant B: Peter Xu, "mm: Don't fault around userfaultfd-registered regions on
// reads" (v1 26 Nov, v2 30 Nov 2020; never merged), on the 2020 kernel.
exports.NoFaultAroundArmed = (0, dsl_1.spec) `
  import Kernel2020 from "./kernel_2020.spec.ts"
  extends Kernel2020

  // mm/memory.c should_fault_around():
  //   +	/* uffd needs to be notified of every fault */
  //   +	if (userfaultfd_armed(vmf->vma))
  //   +		return false;
  def fault_around_ok(mm: Mapping): bool = reg[mm] == None
`;
//# sourceMappingURL=no_fault_around_armed.spec.js.map