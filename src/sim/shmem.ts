// mm/shmem.c: the fault handler, folio lookup/allocation, hole punch, read/write, and
// the page-cache half of UFFDIO_COPY. Each function that is a step of a concurrent
// path yields its label before doing anything.
import type { Kernel, VmArea } from './kernel';
import { EEXIST, EFAULT } from './errno';
import { mfill_atomic_install_pte } from './mfill';
import { Folio } from './page-cache';
import { KPath, Task, TaskResult, WaitQueue } from './scheduler';
import { handle_userfault } from './userfaultfd';
import { unmap_mapping_folio, unmap_mapping_range } from './zap';

/** What a fault handler hands to finish_fault: a locked folio, or restart the fault, or SIGBUS. */
export type FaultOutcome = { folio: Folio } | 'retry' | 'SIGBUS';

/**
 * shmem_fault. While a punch's i_private covers the page, the fault sleeps on the
 * punch's waitq and then returns VM_FAULT_NOPAGE, so the whole fault re-executes.
 * The first look is an unlocked peek; only the second, under i_lock, decides.
 */
export function* shmem_fault(k: Kernel, m: VmArea, task: Task, page: number, write: boolean): KPath<FaultOutcome> {
  yield 'shmem_fault';
  if (k.mapping.i_private !== null) {
    yield 'shmem_fault_wait';
    const falloc = k.mapping.i_private;
    if (falloc !== null && page >= falloc.start && page < falloc.next) {
      falloc.waitq.sleep(task);
      return 'retry';
    }
  }
  return yield* shmem_get_folio_fault(k, m, task, page, write);
}

/**
 * shmem_get_folio_gfp as called from a fault (SGP_CACHE): past EOF it is -EINVAL before
 * anything else, which shmem_fault turns into VM_FAULT_SIGBUS (vmf_error), so a
 * registered VMA raises no event there; MINOR when the folio is cached and the faulting
 * VMA is MINOR-registered; otherwise lock the cached folio; an empty slot raises MISSING
 * in a MISSING-registered VMA, else gets a new zero folio.
 */
function* shmem_get_folio_fault(k: Kernel, m: VmArea, task: Task, page: number, write: boolean): KPath<FaultOutcome> {
  for (;;) {
    yield 'shmem_get_folio';
    if (k.mapping.pastEof(page)) return 'SIGBUS';
    const folio = k.mapping.lookup(page);
    if (folio !== null && m.vma.VM_UFFD_MINOR) return yield* handle_userfault(m, task, page, 'MINOR', write);
    if (folio !== null) {
      // folio_lock sleeps; when woken the step re-runs the lookup, like the kernel's
      // re-check of folio->mapping after taking the lock.
      if (!folio.lockOrSleep(task)) continue;
      // A folio that fallocate allocated but never wrote is cleared before use.
      if (!folio.uptodate) {
        folio.value = 0;
        folio.uptodate = true;
      }
      return { folio };
    }
    if (m.vma.VM_UFFD_MISSING) return yield* handle_userfault(m, task, page, 'MISSING', write);
    const fresh = k.mapping.addFolio(page, 0);
    fresh.trylock(task);
    return { folio: fresh };
  }
}

/**
 * truncate_inode_folio, folio locked: the second unmap (only if the folio is still
 * mapped by some VMA — folio_mapped(), so a lone marker is not visited), over every
 * VMA of the file, then removal from the cache.
 */
export function truncate_inode_folio(k: Kernel, folio: Folio): void {
  if (k.variant.TRUNCATE_UNMAPS_MAPPED && k.folioMapped(folio)) unmap_mapping_folio(k, folio);
  k.mapping.removeFolio(folio);
}

/**
 * shmem_fallocate(FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE) over whole pages [lo,hi]:
 * inode_lock and i_private; the first unmap of the whole range with no folio locks;
 * shmem_undo_range, one index per step in index order (the kernel's two passes,
 * trylock then folio_lock, collapse into one blocking pass; a hole's step does
 * nothing, so the steps line up with the spec's); then clear i_private and wake the
 * faults that waited.
 */
export function* shmem_fallocate_punch(k: Kernel, task: Task, lo: number, hi: number): KPath<TaskResult> {
  for (;;) {
    yield 'punch_begin';
    if (k.mapping.inodeLockOrSleep(task)) break;
  }
  const falloc = { start: lo, next: hi + 1, waitq: new WaitQueue('falloc_waitq') };
  k.mapping.i_private = falloc;

  yield 'unmap_mapping_range';
  if (k.variant.FIRST_UNMAP) unmap_mapping_range(k, lo, hi);

  for (let index = lo; index <= hi; ) {
    yield 'truncate_inode_folio';
    const folio = k.mapping.lookup(index);
    if (folio !== null) {
      // folio_lock sleeps; the step is re-run for the same index once woken.
      if (!folio.lockOrSleep(task)) continue;
      truncate_inode_folio(k, folio);
      folio.unlock();
    }
    index++;
  }

  yield 'punch_end';
  k.mapping.i_private = null;
  falloc.waitq.wakeAll();
  k.mapping.inodeUnlock();
  return 0;
}

/**
 * shmem_file_read_iter of the first byte: holes read as zeros, nothing is allocated.
 * At or past EOF it reads nothing (0 bytes), which the trace reports as 0.
 */
export function* shmem_file_read(k: Kernel, task: Task, page: number): KPath<TaskResult> {
  for (;;) {
    yield 'pread';
    if (k.mapping.pastEof(page)) return 0;
    const folio = k.mapping.lookup(page);
    if (folio === null) return 0;
    // shmem_get_folio(SGP_READ) locks the folio briefly: wait for a fault holding it.
    if (!folio.lockOrSleep(task)) continue;
    folio.unlock();
    return folio.value;
  }
}

/**
 * shmem_file_write_iter of the first byte: under inode_lock (so serialized with a
 * punch), write_begin allocates a hole; no uffd event, whatever the ptes say. A write
 * at or past EOF moves it (shmem_write_end: i_size = pos + 1 byte, so page + 1 pages);
 * the pages between the old and the new EOF stay holes.
 */
export function* shmem_file_write(k: Kernel, task: Task, page: number, value: number): KPath<TaskResult> {
  for (;;) {
    yield 'pwrite';
    // Take both locks or neither, so that a retried step starts from scratch.
    const folio = k.mapping.lookup(page);
    if (k.mapping.inodeLockedBy !== null) {
      k.mapping.inodeLockWaiters.sleep(task);
      continue;
    }
    if (folio !== null && folio.locked) {
      folio.lockWaiters.sleep(task);
      continue;
    }
    const target = folio ?? k.mapping.addFolio(page, 0);
    target.value = value;
    target.uptodate = true;
    target.dirty = true;
    if (page + 1 > k.mapping.i_size) k.mapping.i_size = page + 1;
    return 0;
  }
}

/**
 * shmem_mfill_atomic_pte (UFFDIO_COPY of one page into dst_vma): at or past EOF it is
 * EFAULT (the max_off check, before the folio goes into the cache); otherwise a new
 * uptodate folio holding the source bytes goes into the cache (an occupied slot is
 * EEXIST), then the pte (a pte already mapped is EEXIST, and the folio leaves the cache
 * again). Returns 0 or -errno.
 */
export function shmem_mfill_atomic_pte(k: Kernel, dst: VmArea, page: number, value: number, wp: boolean): number {
  if (k.mapping.pastEof(page)) return -EFAULT;
  if (k.mapping.lookup(page) !== null) return -EEXIST;
  const folio = k.mapping.addFolio(page, value);
  const err = mfill_atomic_install_pte(k, dst, page, folio, wp);
  if (err !== 0) {
    k.mapping.removeFolio(folio);
    return err;
  }
  folio.dirty = true;
  return 0;
}
