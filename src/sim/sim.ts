// The simulator's public face: build the system, run trace ops to quiescence (`apply`),
// or drive the kernel paths label by label (`start` / `runnable` / `step`) to replay
// an interleaving, and observe the state the way docs/trace-format.md defines it.
import type { AccessResult, EventObs, Observation, Op, PageObs, PteObs, ThreadObs, Trace } from '../../conformance/trace';
import { mappingsOf } from '../../conformance/trace';
import { Kernel, MAX_MAPPINGS, VmArea } from './kernel';
import { StepLabel } from './labels';
import { handle_access, madvise_dontneed } from './memory';
import { BlockReason, KPath, Scheduler, Task, TaskResult } from './scheduler';
import { shmem_fallocate_punch, shmem_file_read, shmem_file_write } from './shmem';
import { mfill_atomic_continue, mfill_atomic_copy, mwriteprotect_range, userfaultfd_register, userfaultfd_unregister, userfaultfd_wake } from './uffd-ioctl';
import { DEFAULT_SWITCHES, FAULT_AROUND_VALUES, SWITCH_NAMES, type FaultAround, type KernelSwitches } from '../../spec/shmem_uffd/variants';

/** Misuse of the simulator (an op it cannot start); the message is one line. */
export class SimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimError';
  }
}

export interface SimOptions {
  pages: number;
  threads: number;
  /** missing constants take the modern (6.18) value */
  variant?: Partial<KernelSwitches>;
  /** initial pwrite of each page's first byte; 0 leaves a hole */
  fill?: readonly number[];
  /** MAP_SHARED mappings of the file, 1..2 (default 1); only mapping 0 is ever registered */
  mappings?: number;
}

/** One pte of one mapping, as `Sim.ptesOf` reports it. */
export interface PteView {
  pte: PteObs;
  /** the uffd-wp bit (true for a marker) */
  wp: boolean;
  /** present and writable: a store lands without a fault */
  writable: boolean;
  /** present and mapping a folio other than the one cached at that index (property (ii)) */
  stale: boolean;
}

/** A uffd message as read(2) returns it, reduced to what the trace observes. */
export type UffdMessage = EventObs;

/** A snapshot without an op result (the fine-grained API has no single op to report on). */
export type Snapshot = Omit<Observation, 'result'>;

export interface TaskStatus {
  task: number;
  op: string;
  thread: number | null;
  label: StepLabel;
  state: 'runnable' | 'blocked' | 'done';
  /** what a blocked task sleeps on */
  blockedOn?: BlockReason;
  result?: TaskResult;
}

export class Sim {
  readonly kernel: Kernel;
  readonly threads: number;
  private readonly sched = new Scheduler();
  /** per thread: the access it is executing, if any */
  private readonly current: (Task | null)[];
  private readonly last: (AccessResult | undefined)[];

  constructor(opts: SimOptions) {
    if (!Number.isInteger(opts.pages) || opts.pages < 1) throw new SimError(`pages: expected a positive integer, got ${opts.pages}`);
    if (!Number.isInteger(opts.threads) || opts.threads < 1) throw new SimError(`threads: expected a positive integer, got ${opts.threads}`);
    const mappings = opts.mappings ?? 1;
    if (!Number.isInteger(mappings) || mappings < 1 || mappings > MAX_MAPPINGS)
      throw new SimError(`mappings: expected an integer in 1..${MAX_MAPPINGS}, got ${mappings}`);
    this.kernel = new Kernel(makeVariant(opts.variant), opts.pages, mappings);
    this.threads = opts.threads;
    this.current = new Array<Task | null>(opts.threads).fill(null);
    this.last = new Array<AccessResult | undefined>(opts.threads).fill(undefined);
    const fill = opts.fill ?? [];
    if (fill.length > opts.pages) throw new SimError(`fill: ${fill.length} values for ${opts.pages} pages`);
    fill.forEach((v, i) => {
      if (v !== 0) this.kernel.mapping.addFolio(i, v).dirty = true;
    });
  }

  /** The system a trace describes, in its initial state. */
  static fromTrace(trace: Trace): Sim {
    return new Sim({
      pages: trace.pages,
      threads: trace.threads,
      mappings: mappingsOf(trace).length,
      variant: variantOf(trace.constants),
      fill: trace.initial.fill,
    });
  }

  get variant(): KernelSwitches {
    return this.kernel.variant;
  }

  /** Run one trace op to quiescence and observe; the monitor reads every pending message. */
  apply(op: Op): Observation {
    const task = this.sched.get(this.start(op));
    this.sched.runToQuiescence(task);
    const result = this.resultOf(task);
    const snap = this.observe();
    this.sched.reap();
    return { result, ...snap };
  }

  /** Create the task for an op, stopped at its first label; returns its id. */
  start(op: Op): number {
    this.syncThreads();
    const k = this.kernel;
    const page = (p: number) => this.checkRange('page', p, 0, k.pages - 1);
    const range = (lo: number, hi: number) => {
      this.checkRange('lo', lo, 0, k.pages - 1);
      this.checkRange('hi', hi, lo, k.pages - 1);
    };
    let make: (t: Task) => KPath<TaskResult>;
    let thread: number | null = null;
    switch (op.op) {
      case 'read':
      case 'write': {
        thread = this.checkRange('thread', op.thread, 0, this.threads - 1);
        if (this.current[thread] !== null) throw new SimError(`thread ${thread} is still in an access (task ${this.current[thread]!.id})`);
        page(op.page);
        const m = this.vmaOf(op.mapping);
        const write = op.op === 'write';
        const value = op.op === 'write' ? op.value : 0;
        make = (t) => handle_access(k, m, t, op.page, write, value);
        break;
      }
      case 'pread':
        page(op.page);
        make = (t) => shmem_file_read(k, t, op.page);
        break;
      case 'pwrite':
        page(op.page);
        make = (t) => shmem_file_write(k, t, op.page, op.value);
        break;
      case 'punch':
        range(op.lo, op.hi);
        make = (t) => shmem_fallocate_punch(k, t, op.lo, op.hi);
        break;
      case 'madvise': {
        range(op.lo, op.hi);
        const m = this.vmaOf(op.mapping);
        // MADV_REMOVE drops mmap_lock and calls vfs_fallocate(PUNCH_HOLE|KEEP_SIZE): the
        // punch is file-wide, and every mapping maps the file from offset 0, so the VMA
        // only translates the range.
        make = op.advice === 'REMOVE' ? (t) => shmem_fallocate_punch(k, t, op.lo, op.hi) : () => madvise_dontneed(k, m, op.lo, op.hi);
        break;
      }
      case 'register':
        if (op.features !== undefined && k.uffd !== null) throw new SimError('register: features are only taken by the first register (UFFDIO_API)');
        make = () => userfaultfd_register(k, op.modes, op.features ?? []);
        break;
      case 'unregister':
        make = () => userfaultfd_unregister(k);
        break;
      case 'copy':
        page(op.page);
        make = () => mfill_atomic_copy(k, op.page, op.value, op.wp, op.dontwake ?? false);
        break;
      case 'continue':
        page(op.page);
        make = (t) => mfill_atomic_continue(k, t, op.page, op.wp, op.dontwake ?? false);
        break;
      case 'writeprotect':
        range(op.lo, op.hi);
        make = () => mwriteprotect_range(k, op.lo, op.hi, op.wp, op.dontwake ?? false);
        break;
      case 'wake':
        range(op.lo, op.hi);
        make = () => userfaultfd_wake(k, op.lo, op.hi);
        break;
    }
    if (isUffdIoctl(op) && k.uffd === null)
      throw new SimError(`${op.op}: no uffd yet (no register before it)`);
    const task = this.sched.spawn(op.op, thread, make);
    if (thread !== null) this.current[thread] = task;
    return task.id;
  }

  /** Tasks that can take a step, with the label of the step they would take, in id order. */
  runnable(): { task: number; label: StepLabel }[] {
    return this.sched.runnable().map((t) => ({ task: t.id, label: t.label }));
  }

  /** Run one step of a runnable task; returns the label it stopped at ('done' when finished). */
  step(taskId: number): StepLabel {
    const t = this.sched.get(taskId);
    if (!t.runnable) throw new SimError(`task ${taskId} (${t.op}) is ${t.done ? 'done' : `blocked (${t.blockedOn})`}`);
    return t.step();
  }

  /** Run every runnable task to completion or blocking, in the fixed order. */
  settle(): void {
    this.sched.runToQuiescence();
  }

  status(taskId: number): TaskStatus {
    const t = this.sched.get(taskId);
    const s: TaskStatus = { task: t.id, op: t.op, thread: t.thread, label: t.label, state: t.done ? 'done' : t.runnable ? 'runnable' : 'blocked' };
    if (t.done) s.result = t.result;
    if (t.blockedOn !== null) s.blockedOn = t.blockedOn;
    return s;
  }

  /**
   * read(2) of the one pending (not yet read) uffd message of the thread's current
   * access; it moves to the read queue, so `observe()` will not report it again. null
   * when the thread is in no access or its access has no pending message.
   */
  readMessage(thread: number): UffdMessage | null {
    this.checkRange('thread', thread, 0, this.threads - 1);
    this.syncThreads();
    const t = this.current[thread];
    const msg = t === null ? null : (this.kernel.uffd?.readOf(t) ?? null);
    return msg === null ? null : { kind: msg.kind, page: msg.page, write: msg.write };
  }

  /** Every pte of one mapping (the observation's pages[i].pte/wp are mapping 0's). */
  ptesOf(mapping: number): PteView[] {
    const k = this.kernel;
    const m = this.vmaOf(mapping);
    return m.pt.ptes.map((pte, i) => ({
      pte: pte.kind,
      wp: pte.kind === 'marker' || (pte.kind === 'present' && pte.uffd_wp),
      writable: pte.kind === 'present' && pte.writable,
      stale: pte.kind === 'present' && k.mapping.lookup(i) !== pte.folio,
    }));
  }

  /** The observable state; reads (and so consumes) the pending uffd messages. */
  observe(): Snapshot {
    this.syncThreads();
    const k = this.kernel;
    const pages: PageObs[] = k.pt.ptes.map((pte, i) => ({
      cache: k.mapping.lookup(i) !== null,
      value: k.mapping.readValue(i),
      pte: pte.kind,
      wp: pte.kind === 'marker' || (pte.kind === 'present' && pte.uffd_wp),
    }));
    const events: EventObs[] = (k.uffd?.readAll() ?? []).map((m) => ({ kind: m.kind, page: m.page, write: m.write }));
    const threads: ThreadObs[] = this.current.map((t, i): ThreadObs => {
      if (t === null) {
        const last = this.last[i];
        return last === undefined ? { state: 'idle' } : { state: 'idle', last };
      }
      return t.blockedOn === 'userfault' ? { state: 'blocked' } : { state: 'running' };
    });
    return { pages, events, threads };
  }

  private resultOf(task: Task): Observation['result'] {
    if (task.done) return task.result as TaskResult;
    if (task.blockedOn === 'userfault' && task.thread !== null) return 'blocked';
    // Only an access can legitimately wait past quiescence; anything else is a model bug.
    throw new Error(`internal: ${task.op} (task ${task.id}) stuck at ${task.label} on ${task.blockedOn}`);
  }

  /** Threads whose access finished become idle with the access's result. */
  private syncThreads(): void {
    this.current.forEach((t, i) => {
      if (t !== null && t.done) {
        this.last[i] = t.result as AccessResult;
        this.current[i] = null;
      }
    });
  }

  /** The mapping an access or madvise goes through (default 0). */
  private vmaOf(mapping: number | undefined): VmArea {
    return this.kernel.vmas[this.checkRange('mapping', mapping ?? 0, 0, this.kernel.vmas.length - 1)];
  }

  private checkRange(field: string, x: number, lo: number, hi: number): number {
    if (!Number.isInteger(x) || x < lo || x > hi) throw new SimError(`${field}: expected an integer in ${lo}..${hi}, got ${x}`);
    return x;
  }
}

function isUffdIoctl(op: Op): boolean {
  return op.op === 'unregister' || op.op === 'copy' || op.op === 'continue' || op.op === 'writeprotect' || op.op === 'wake';
}

/** The variant named by a trace's constants (other constants are the spec's business). */
export function variantOf(constants: Record<string, string | number | boolean>): Partial<KernelSwitches> {
  const v: Record<string, unknown> = {};
  for (const key of SWITCH_NAMES) {
    const c = constants[key];
    if (key === 'FAULT_AROUND' ? FAULT_AROUND_VALUES.includes(c as FaultAround) : typeof c === 'boolean') v[key] = c;
  }
  return v as Partial<KernelSwitches>;
}

/** The kernel switches: the given ones over the kernel this project runs on. */
export function makeVariant(partial: Partial<KernelSwitches> = {}): KernelSwitches {
  return Object.freeze({ ...DEFAULT_SWITCHES, ...partial });
}
