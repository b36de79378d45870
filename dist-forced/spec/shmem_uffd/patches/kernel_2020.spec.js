"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Kernel2020 = void 0;
const dsl_1 = require("../../../dsl");
// Variant A: the 2020 kernel (5.10-5.13) with Peter Xu's shmem uffd-wp series, written
// as a revert of the 6.18 base. The four differences are four merged commits of four
// releases, each already a constant of the base spec because the simulator and the
// native tours take the same switch (spec/shmem_uffd/variants.ts); a revert module that
// sets them keeps that history in one place, and the 2020 proposals below extend it.
exports.Kernel2020 = (0, dsl_1.spec) `
  import ShmemUffd from "../shmem_uffd.spec.ts"
  extends ShmemUffd

  // 5.10-5.13 should_fault_around(): no uffd check at all (5.19 added
  // uffd_disable_fault_around())
  const FAULT_AROUND = Always
  // before 5.19 (PTE_MARKER_UFFD_WP): the wp bit lives only in present ptes
  const PTE_MARKERS = false
  // before 5.19 (999dad824c39) there were no markers to drop
  const TRUNCATE_DROPS_MARKERS = false
  // before 6.2 (51d3d5eb74ff): a WP VMA does not want writenotify
  const WRITENOTIFY = false
`;
//# sourceMappingURL=kernel_2020.spec.js.map