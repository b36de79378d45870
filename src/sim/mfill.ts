// mfill_atomic_install_pte (mm/userfaultfd.c): the pte half of UFFDIO_COPY and
// UFFDIO_CONTINUE, shared by shmem's COPY path and the CONTINUE path.
import type { Kernel, VmArea } from './kernel';
import { EEXIST, EFAULT } from './errno';
import { Folio } from './page-cache';
import { pteNoneMostly } from './page-table';

/**
 * Under dst_vma's ptl: a page at or past EOF is EFAULT (mfill_file_over_size: i_size
 * may have moved since the caller looked; both callers have already refused such a
 * page, and each ioctl is one atomic step here, so an ftruncate cannot slip in between); a pte that is neither none nor a marker
 * means someone mapped the page first (EEXIST). Otherwise install writable (VM_WRITE;
 * the mapping is shared) and dirty, plus uffd-wp and read-only with MODE_WP. Returns 0
 * or -errno.
 */
export function mfill_atomic_install_pte(k: Kernel, dst: VmArea, page: number, folio: Folio, wp: boolean): number {
  if (k.mapping.pastEof(page)) return -EFAULT;
  if (!pteNoneMostly(dst.pte(page))) return -EEXIST;
  dst.installPte(page, folio, dst.vma.VM_WRITE, true, wp);
  return 0;
}
