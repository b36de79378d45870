// Tasks are kernel paths written as generators that yield at labels; the scheduler runs
// one task one step at a time. Nothing here is random: the caller picks the task, and
// `runToQuiescence` uses a fixed order, so every run of the same ops is the same.
import { DONE, Label, StepLabel } from './labels';

/** Why a task is not runnable (the kernel sleeps it on one of these). */
export type BlockReason = 'userfault' | 'falloc_waitq' | 'folio_lock' | 'inode_lock' | 'mmap_lock';

/** A kernel path: yields the label of its next atomic step, returns the syscall/access result. */
export type KPath<R> = Generator<Label, R, void>;

export type TaskResult = number | 'ok' | 'SIGBUS';

export class Task {
  label: StepLabel;
  blockedOn: BlockReason | null = null;
  result: TaskResult | undefined;

  constructor(
    readonly id: number,
    /** the trace op that started it (`read`, `punch`, ...) */
    readonly op: string,
    /** the user thread for memory accesses, null for syscalls issued by the harness */
    readonly thread: number | null,
    make: (self: Task) => KPath<TaskResult>,
  ) {
    this.gen = make(this);
    // Run to the first yield: kernel paths do nothing observable before their first label.
    this.label = this.advance();
  }

  private readonly gen: KPath<TaskResult>;

  get done(): boolean {
    return this.label === DONE;
  }

  get runnable(): boolean {
    return !this.done && this.blockedOn === null;
  }

  /** Execute the step at the current label; returns the label reached. */
  step(): StepLabel {
    if (!this.runnable) throw new Error(`task ${this.id} (${this.op}) is not runnable`);
    this.label = this.advance();
    return this.label;
  }

  private advance(): StepLabel {
    const r = this.gen.next();
    if (r.done) {
      this.result = r.value;
      return DONE;
    }
    return r.value;
  }
}

/** A wait queue: `sleep` marks the task blocked, `wakeAll` makes every sleeper runnable. */
export class WaitQueue {
  private sleepers: Task[] = [];

  constructor(private readonly reason: BlockReason) {}

  sleep(task: Task): void {
    task.blockedOn = this.reason;
    this.sleepers.push(task);
  }

  wakeAll(): void {
    for (const t of this.sleepers) t.blockedOn = null;
    this.sleepers = [];
  }

  get length(): number {
    return this.sleepers.length;
  }
}

export class Scheduler {
  private readonly tasks = new Map<number, Task>();
  private nextId = 0;

  spawn(op: string, thread: number | null, make: (task: Task) => KPath<TaskResult>): Task {
    const task = new Task(this.nextId++, op, thread, make);
    this.tasks.set(task.id, task);
    return task;
  }

  get(id: number): Task {
    const t = this.tasks.get(id);
    if (!t) throw new Error(`no task ${id}`);
    return t;
  }

  /** Tasks not finished, in id order. */
  live(): Task[] {
    return [...this.tasks.values()].filter((t) => !t.done);
  }

  runnable(): Task[] {
    return this.live().filter((t) => t.runnable);
  }

  /** Forget finished tasks (their results have been read). */
  reap(): void {
    for (const [id, t] of this.tasks) if (t.done) this.tasks.delete(id);
  }

  /**
   * Run `first` until it finishes or blocks, then repeatedly the lowest-id runnable
   * task until it finishes or blocks, until nothing is runnable. Running the issuing
   * task first models a syscall that completes before the woken threads are scheduled.
   */
  runToQuiescence(first?: Task): void {
    let budget = STEP_BUDGET;
    const run = (t: Task) => {
      while (t.runnable) {
        if (--budget < 0) throw new Error(`no quiescence after ${STEP_BUDGET} steps (task ${t.id} ${t.op} at ${t.label})`);
        t.step();
      }
    };
    if (first) run(first);
    for (;;) {
      const next = this.runnable()[0];
      if (!next) return;
      run(next);
    }
  }
}

/** A livelock guard: no trace op legitimately needs anywhere near this many steps. */
const STEP_BUDGET = 100000;
