"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NoFirstUnmap = void 0;
const dsl_1 = require("../../../dsl");
// Variant F: Peter Xu's alternative (28 Nov 2020): shmem_fallocate(PUNCH_HOLE) without
// its first unmap_mapping_range(); only truncation's per-folio unmap, under the folio
// lock, zaps the ptes.
exports.NoFirstUnmap = (0, dsl_1.spec) `
  import Kernel2020 from "./kernel_2020.spec.ts"
  extends Kernel2020

  process Punch {
    // mm/shmem.c shmem_fallocate():
    //   -	unmap_mapping_range(mapping, unmap_start, 1 + unmap_end - unmap_start, 0);
    unmap_mapping_range:
      skip
  }
`;
//# sourceMappingURL=no_first_unmap.spec.js.map