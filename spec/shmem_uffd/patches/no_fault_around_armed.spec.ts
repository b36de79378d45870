import { spec } from "../../../dsl";

// Variant B: Peter Xu, "mm: Don't fault around userfaultfd-registered regions on
// reads" (v1 26 Nov, v2 30 Nov 2020; never merged), on the 2020 kernel.
export const NoFaultAroundArmed = spec`
  import Kernel2020 from "./kernel_2020.spec.ts"
  extends Kernel2020

  // mm/memory.c should_fault_around():
  //   +	/* uffd needs to be notified of every fault */
  //   +	if (userfaultfd_armed(vmf->vma))
  //   +		return false;
  def fault_around_ok(mm: Mapping): bool = reg[mm] == None
`;
