// The fault side of userfaultfd (fs/userfaultfd.c): the context, its message queue and
// waiters, handle_userfault and wake_userfault. The ioctls are in uffd_ioctl.ts.
import type { UffdFeature, UffdMode } from './uapi';
import type { VmArea } from './kernel';
import { KPath, Task } from './scheduler';


/** UFFDIO_API feature names a trace may ask for (docs/trace-format.md). */
export type { UffdFeature };

/** A uffd_msg of event PAGEFAULT, reduced to what the trace observes. */
export interface UffdMsg {
  kind: UffdMode;
  page: number;
  /** UFFD_PAGEFAULT_FLAG_WRITE */
  write: boolean;
}

/** struct userfaultfd_wait_queue: a faulting task, its message, and whether read(2) took it. */
interface UffdWaiter {
  task: Task;
  msg: UffdMsg;
  /** false while on fault_pending_wqh, true once moved to fault_wqh by read(2) */
  read: boolean;
}

export class UffdCtx {
  private waiters: UffdWaiter[] = [];

  constructor(readonly features: ReadonlySet<UffdFeature>) {}

  queue(task: Task, msg: UffdMsg): void {
    task.blockedOn = 'userfault';
    this.waiters.push({ task, msg, read: false });
  }

  /**
   * read(2) of one task's message, if it is still pending (queued, not yet read): it
   * moves to the read queue like readAll's, so readAll will not return it again.
   */
  readOf(task: Task): UffdMsg | null {
    const w = this.waiters.find((x) => x.task === task && !x.read);
    if (w === undefined) return null;
    w.read = true;
    return w.msg;
  }

  /** read(2) of every pending message, in queue order (the monitor never blocks on it). */
  readAll(): UffdMsg[] {
    const out: UffdMsg[] = [];
    for (const w of this.waiters) {
      if (!w.read) {
        w.read = true;
        out.push(w.msg);
      }
    }
    return out;
  }

  /**
   * wake_userfault over pages [lo,hi]: both pending and already-read waiters are
   * woken and removed; a message never read disappears with its waiter.
   */
  wake(lo: number, hi: number): void {
    const keep: UffdWaiter[] = [];
    for (const w of this.waiters) {
      if (w.msg.page >= lo && w.msg.page <= hi) w.task.blockedOn = null;
      else keep.push(w);
    }
    this.waiters = keep;
  }

  isWaiting(task: Task): boolean {
    return this.waiters.some((w) => w.task === task);
  }
}

/**
 * userfaultfd_must_wait: the lockless re-check after queuing. Nothing mapped (none or
 * marker) still needs userspace; for WP, so does a present pte that is not writable.
 */
function userfaultfd_must_wait(m: VmArea, page: number, reason: UffdMode): boolean {
  const pte = m.pt.get(page);
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
