// mfill_atomic_install_pte (mm/userfaultfd.c): the pte half of UFFDIO_COPY and
// UFFDIO_CONTINUE, shared by shmem's COPY path and the CONTINUE path.
import type { VmArea } from './kernel';
import { EEXIST } from './errno';
import { Folio } from './page-cache';
import { pteNoneMostly } from './page-table';

/**
 * Under dst_vma's ptl: a pte that is neither none nor a marker means someone mapped the page
 * first (EEXIST). Otherwise install writable (VM_WRITE; the mapping is shared) and
 * dirty, plus uffd-wp and read-only with MODE_WP. Returns 0 or -errno.
 */
export function mfill_atomic_install_pte(dst: VmArea, page: number, folio: Folio, wp: boolean): number {
  if (!pteNoneMostly(dst.pt.get(page))) return -EEXIST;
  dst.pt.install(page, folio, dst.vma.VM_WRITE, true, wp);
  return 0;
}
