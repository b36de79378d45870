// The userfaultfd context (struct userfaultfd_ctx of fs/userfaultfd.c): its
// features, its message queue and the tasks waiting on it.
import type { UffdFeature, UffdMode } from './uapi';
import type { Task } from './scheduler';

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
