// The userfaultfd ioctls (fs/userfaultfd.c, mm/userfaultfd.c, mm/mprotect.c) over the
// one mapping, each a single atomic step. Results are what userspace sees: 0 / -errno,
// or the `copy` / `mapped` field for COPY and CONTINUE.
import type { Kernel } from './kernel';
import { EFAULT, EINVAL, ENOENT, PAGE_SIZE } from './errno';
import { mfill_atomic_install_pte } from './mfill';
import { PTE_MARKER, PTE_NONE } from './page_table';
import { KPath, Task, TaskResult } from './scheduler';
import { shmem_mfill_atomic_pte } from './shmem';
import { UffdCtx, UffdFeature } from './userfaultfd';
import { UffdMode } from './vma';

/**
 * UFFDIO_REGISTER of the whole mapping (the uffd and its UFFDIO_API are made by the
 * first register). Registering again with the same uffd replaces the modes.
 */
export function* userfaultfd_register(k: Kernel, modes: readonly UffdMode[], features: readonly UffdFeature[]): KPath<TaskResult> {
  yield 'userfaultfd_register';
  if (k.uffd === null) k.uffd = new UffdCtx(new Set(features));
  if (modes.length === 0) return -EINVAL;
  k.vma.setUffd(k.uffd, modes);
  return 0;
}

/**
 * uffd_wp_range / change_pte_range with MM_CP_UFFD_WP(_RESOLVE). Protecting sets uffd-wp
 * (and clears write) on present ptes and, with PTE_MARKERS, turns none ptes of this
 * shmem VMA into markers. Unprotecting clears the bit and drops markers; the pte gets
 * write back from vm_page_prot, or (writenotify) only if it is dirty.
 */
function uffd_wp_range(k: Kernel, lo: number, hi: number, enable: boolean): void {
  for (let i = lo; i <= hi; i++) {
    const pte = k.pt.get(i);
    if (pte.kind === 'present') {
      pte.uffd_wp = enable;
      pte.writable = enable ? false : k.vma.vmPageProtWritable || pte.dirty;
    } else if (pte.kind === 'none' && enable && k.variant.PTE_MARKERS) {
      k.pt.set(i, PTE_MARKER);
    } else if (pte.kind === 'marker' && !enable) {
      k.pt.set(i, PTE_NONE);
    }
  }
}

/**
 * UFFDIO_UNREGISTER of the whole mapping: wake the range's waiters (modern kernels do
 * it for any armed VMA), clear protection and markers if WP, drop the flags.
 */
export function* userfaultfd_unregister(k: Kernel): KPath<TaskResult> {
  yield 'userfaultfd_unregister';
  const ctx = k.vma.uffdCtx;
  if (ctx === null) return 0;
  ctx.wake(0, k.pages - 1);
  if (k.vma.VM_UFFD_WP) uffd_wp_range(k, 0, k.pages - 1, false);
  k.vma.setUffd(null, []);
  return 0;
}

/** validate_dst_vma: the page must be in a VMA registered with this uffd. */
function registeredWith(k: Kernel): boolean {
  return k.uffd !== null && k.vma.uffdCtx === k.uffd;
}

/** UFFDIO_COPY of one page. A failed COPY wakes nobody. */
export function* mfill_atomic_copy(k: Kernel, page: number, value: number, wp: boolean, dontwake: boolean): KPath<TaskResult> {
  yield 'mfill_atomic_copy';
  if (!registeredWith(k)) return -ENOENT;
  if (wp && !k.vma.VM_UFFD_WP) return -EINVAL;
  const err = shmem_mfill_atomic_pte(k, page, value, wp);
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
    if (!registeredWith(k)) return -ENOENT;
    if (wp && !k.vma.VM_UFFD_WP) return -EINVAL;
    const folio = k.mapping.lookup(page);
    if (folio === null) return -EFAULT;
    if (!folio.lockOrSleep(task)) continue;
    const err = mfill_atomic_install_pte(k, page, folio, wp);
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
  if (!registeredWith(k) || !k.vma.VM_UFFD_WP) return -ENOENT;
  uffd_wp_range(k, lo, hi, wp);
  if (!wp && !dontwake) k.uffd!.wake(lo, hi);
  return 0;
}

/** UFFDIO_WAKE: wake the range, whatever its ptes. */
export function* userfaultfd_wake(k: Kernel, lo: number, hi: number): KPath<TaskResult> {
  yield 'userfaultfd_wake';
  k.uffd?.wake(lo, hi);
  return 0;
}
