import { spec } from "../../../dsl";

// Variant F: Peter Xu's alternative (28 Nov 2020): shmem_fallocate(PUNCH_HOLE) without
// its first unmap_mapping_range(); only truncation's per-folio unmap, under the folio
// lock, zaps the ptes.
export const NoFirstUnmap = spec`
  import Kernel2020 from "./kernel_2020.spec.ts"
  extends Kernel2020

  process Punch {
    // mm/shmem.c shmem_fallocate():
    //   -	unmap_mapping_range(mapping, unmap_start, 1 + unmap_end - unmap_start, 0);
    unmap_mapping_range:
      skip
  }
`;
