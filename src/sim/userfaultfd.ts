// The fault side of userfaultfd (fs/userfaultfd.c): handle_userfault and
// userfaultfd_must_wait. The context is in uffd-ctx.ts, the ioctls in uffd-ioctl.ts.
import type { UffdMode } from './uapi';
import type { VmArea } from './kernel';
import type { UffdMsg } from './uffd-ctx';
import { KPath, Task } from './scheduler';


/**
 * userfaultfd_must_wait: the lockless re-check after queuing. Nothing mapped (none or
 * marker) still needs userspace; for WP, so does a present pte that is not writable.
 */
function userfaultfd_must_wait(m: VmArea, page: number, reason: UffdMode): boolean {
  const pte = m.pte(page);
  if (pte.kind !== 'present') return true; // pte_none_mostly: none or marker
  return reason === 'WP' && !pte.writable;
}

export type UserfaultOutcome = 'retry' | 'SIGBUS';

/**
 * handle_userfault on the faulting VMA (only a registered one gets here): queue a
 * message and sleep until a UFFDIO_* wakes the range. The
 * outcome is VM_FAULT_RETRY either way (the fault restarts from the top), or SIGBUS
 * with UFFD_FEATURE_SIGBUS. When it returns 'retry' with the task blocked, the caller
 * must yield before doing anything else.
 */
export function* handle_userfault(m: VmArea, task: Task, page: number, reason: UffdMode, write: boolean): KPath<UserfaultOutcome> {
  yield 'handle_userfault';
  const ctx = m.vma.uffdCtx;
  // The kernel holds mmap_lock across the fault, so UNREGISTER cannot slip in between
  // raising and handling; the simulator's steps are finer, so treat it as a retry.
  if (ctx === null) return 'retry';
  if (ctx.features.has('SIGBUS')) return 'SIGBUS';
  if (userfaultfd_must_wait(m, page, reason)) ctx.queue(task, { kind: reason, page, write });
  return 'retry';
}
