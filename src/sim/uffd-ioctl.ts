// The userfaultfd ioctls (fs/userfaultfd.c, mm/userfaultfd.c, mm/mprotect.c), each a
// single atomic step. Their ranges are addresses in mapping 0, the only mapping a trace
// registers; the helpers below take the VMA they act on. Results are what userspace sees: 0 / -errno,
// or the `copy` / `mapped` field for COPY and CONTINUE.
import type { Kernel, VmArea } from './kernel';
import { EFAULT, EINVAL, ENOENT, PAGE_SIZE } from './errno';
import { mfill_atomic_install_pte } from './mfill';
import { PTE_MARKER, PTE_NONE } from './page-table';
import { KPath, Task, TaskResult } from './scheduler';
import { shmem_mfill_atomic_pte } from './shmem';
import { UffdCtx, UffdFeature } from './uffd-ctx';
import { UffdMode } from './vma';

/** The VMA every UFFDIO_* of a trace addresses: mapping 0 (find_vma of the range start). */
function uffd_vma(k: Kernel): VmArea {
  return k.vmas[0];
}

/**
 * UFFDIO_REGISTER of the whole of mapping 0 (the uffd and its UFFDIO_API are made by the
 * first register). Registering again with the same uffd replaces the modes.
 */
export function* userfaultfd_register(k: Kernel, modes: readonly UffdMode[], features: readonly UffdFeature[]): KPath<TaskResult> {
  yield 'userfaultfd_register';
  if (k.uffd === null) k.uffd = new UffdCtx(new Set(features));
  if (modes.length === 0) return -EINVAL;
  uffd_vma(k).vma.setUffd(k.uffd, modes);
  return 0;
}

/**
 * uffd_wp_range / change_pte_range with MM_CP_UFFD_WP(_RESOLVE). Protecting sets uffd-wp
 * (and clears write) on present ptes and, with PTE_MARKERS, turns none ptes of this
 * shmem VMA into markers. Unprotecting clears the bit and drops markers; the pte gets
 * write back from vm_page_prot, or (writenotify) only if it is dirty.
 */
function uffd_wp_range(k: Kernel, m: VmArea, lo: number, hi: number, enable: boolean): void {
  for (let i = lo; i <= hi; i++) {
    const pte = m.pt.get(i);
    if (pte.kind === 'present') {
      pte.uffd_wp = enable;
      pte.writable = enable ? false : m.vma.vmPageProtWritable || pte.dirty;
    } else if (pte.kind === 'none' && enable && k.variant.PTE_MARKERS) {
      m.pt.set(i, PTE_MARKER);
    } else if (pte.kind === 'marker' && !enable) {
      m.pt.set(i, PTE_NONE);
    }
  }
}

/**
 * UFFDIO_UNREGISTER of the whole of mapping 0: wake the range's waiters (modern kernels
 * do it for any armed VMA), clear protection and markers if WP, drop the flags.
 */
export function* userfaultfd_unregister(k: Kernel): KPath<TaskResult> {
  yield 'userfaultfd_unregister';
  const m = uffd_vma(k);
  const ctx = m.vma.uffdCtx;
  if (ctx === null) return 0;
  ctx.wake(0, k.pages - 1);
  if (m.vma.VM_UFFD_WP) uffd_wp_range(k, m, 0, k.pages - 1, false);
  m.vma.setUffd(null, []);
  return 0;
}

/** validate_dst_vma: the page must be in a VMA registered with this uffd. */
function registeredWith(k: Kernel, m: VmArea): boolean {
  return k.uffd !== null && m.vma.uffdCtx === k.uffd;
}

/** UFFDIO_COPY of one page. A failed COPY wakes nobody. */
export function* mfill_atomic_copy(k: Kernel, page: number, value: number, wp: boolean, dontwake: boolean): KPath<TaskResult> {
  yield 'mfill_atomic_copy';
  const dst = uffd_vma(k);
  if (!registeredWith(k, dst)) return -ENOENT;
  if (wp && !dst.vma.VM_UFFD_WP) return -EINVAL;
  const err = shmem_mfill_atomic_pte(k, dst, page, value, wp);
  if (err !== 0) return err;
  if (!dontwake) k.uffd!.wake(page, page);
  return PAGE_SIZE;
}

/**
 * UFFDIO_CONTINUE of one page: map the folio already in the cache (SGP_NOALLOC, so a
 * hole is EFAULT); the folio is locked meanwhile, so wait for a fault holding it.
 */
export function* mfill_atomic_continue(k: Kernel, task: Task, page: number, wp: boolean, dontwake: boolean): KPath<TaskResult> {
  for (;;) {
    yield 'mfill_atomic_continue';
    const dst = uffd_vma(k);
    if (!registeredWith(k, dst)) return -ENOENT;
    if (wp && !dst.vma.VM_UFFD_WP) return -EINVAL;
    const folio = k.mapping.lookup(page);
    if (folio === null) return -EFAULT;
    if (!folio.lockOrSleep(task)) continue;
    const err = mfill_atomic_install_pte(dst, page, folio, wp);
    folio.unlock();
    if (err !== 0) return err;
    if (!dontwake) k.uffd!.wake(page, page);
    return PAGE_SIZE;
  }
}

/** UFFDIO_WRITEPROTECT: WP together with DONTWAKE is EINVAL; only unprotect wakes. */
export function* mwriteprotect_range(k: Kernel, lo: number, hi: number, wp: boolean, dontwake: boolean): KPath<TaskResult> {
  yield 'mwriteprotect_range';
  if (wp && dontwake) return -EINVAL;
  const m = uffd_vma(k);
  if (!registeredWith(k, m) || !m.vma.VM_UFFD_WP) return -ENOENT;
  uffd_wp_range(k, m, lo, hi, wp);
  if (!wp && !dontwake) k.uffd!.wake(lo, hi);
  return 0;
}

/** UFFDIO_WAKE: wake the range, whatever its ptes. */
export function* userfaultfd_wake(k: Kernel, lo: number, hi: number): KPath<TaskResult> {
  yield 'userfaultfd_wake';
  k.uffd?.wake(lo, hi);
  return 0;
}
