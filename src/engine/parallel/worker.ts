// A worker thread of the parallel exploration (parallel.ts starts it from
// the compiled dist/ copy of this file). It loads the same generated checker
// module as the main thread and expands the ranges of parents it is sent;
// everything it finds goes into shared memory, and its answer to each
// message is one message on its port followed by a tick of the shared
// `done` counter the main thread waits on. It never throws: any failure is
// answered as a `fatal` message, so the main thread never waits for nothing.
// It does not wait on its event loop: it sleeps on its mailbox word in shared
// memory, which the main thread counts up after each message it posts
// (parallel.ts send), and reads the messages from its port itself.
import { receiveMessageOnPort, workerData, type MessagePort } from 'worker_threads';
import * as runtime from '../../runtime/ops';
import type { CompiledChecker } from '../bfs';
import { Expander, GROW_PART, MAILBOX, READY, pollFor, recordsOf, sendable, sentLows, work, type LevelCut, type Paused } from './expand';
import { rehash, takeParts, type SharedTable, type StateWords } from './table';
import { wordsOf } from './arena';
import { fileEarlier } from './handover';
import { mapForWriting } from '../reserve';
import { takeWinners, type Placement } from './winners';
import type { ColumnPart } from '../links';

export interface WorkerData {
  modulePath: string;
  port: MessagePort;
  /** [done counter, ...] (parallel.ts) */
  ctrl: SharedArrayBuffer;
  /** this worker's progress: parents done, fingerprints added, successors generated */
  progress: SharedArrayBuffer;
  index: number;
  /** states are filed under their orbit's representative (symmetry) */
  reduced: boolean;
  /** the table keeps the states' words in its slots (expand.ts layoutOf) */
  inline: boolean;
  /** how long to poll the mailbox before sleeping on it (expand.ts SPIN_MS) */
  spinMs: number;
}

/** a WinJob with its candidates' buffer */
export interface SentJob {
  cand: SharedArrayBuffer;
  base: number;
  n: number;
  k: number;
  first: number;
}

/**
 * main → worker. A level is cut into `K` ranges; workers take them in order
 * from the shared counter ctrl[2] (so a worker that finds more new states
 * takes fewer ranges), until none is left or a range stops early.
 */
export type ToWorker =
  | { t: 'level'; from: number; to: number; K: number; arena: SharedArrayBuffer; arenaN: number; locs: ColumnPart | null; freshFrom: number; table: SharedTable; fresh: SharedArrayBuffer[]; violated: number[]; deadlockCheck: boolean; timeoutAt: number; staged: boolean; budget: number; hard: number; tagMask?: number }
  | { t: 'resume'; table: SharedTable; fresh: SharedArrayBuffer[]; budget: number; hard: number }
  /** re-file parts of the old table (cut at `cuts`) in the new one, taken from the counter ctrl[GROW_PART] (table.ts takeParts), while no thread inserts */
  | { t: 'grow'; old: SharedTable; into: SharedTable; moved: SharedArrayBuffer | null; cuts: number[] }
  /**
   * the sequential engine's states [from, to) of the arena filed in `table` (handover.ts), while the
   * main thread explores on: its pages mapped first (`map`, a new table), or `grown` from a
   * smaller one first (the whole of it re-filed, table.ts rehash)
   */
  | { t: 'file'; table: SharedTable; map: boolean; grown?: { old: SharedTable; cuts: number[] }; arena: SharedArrayBuffer; W: number; from: number; to: number; tagMask: number }
  /** the merge's placement of the winners: take jobs until none is left (winners.ts) */
  | { t: 'winners'; jobs: SentJob[]; out: Placement; table: SharedTable }
  | { t: 'quit' };

const data = workerData as WorkerData;
const ctrl = new Int32Array(data.ctrl);
const port = data.port;

function answer(msg: unknown): void {
  port.postMessage(msg);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

let ex: Expander | undefined;
let fatal: string | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(data.modulePath) as { create(rt: unknown): CompiledChecker };
  const m = mod.create(runtime);
  // the expander encodes each successor and tests it right away (expand.ts)
  m.reuseNext?.(true);
  ex = new Expander(m, false, data.reduced, data.inline);
} catch (e) {
  fatal = `worker ${data.index} could not load ${data.modulePath}: ${e instanceof Error ? e.message : String(e)}`;
}
// (the main thread shares out no level before every worker has said so: parallel.ts)
Atomics.add(ctrl, READY, 1);
Atomics.notify(ctrl, READY);
process.on('uncaughtException', (e) => answer({ t: 'fatal', message: `worker ${data.index}: ${e instanceof Error ? e.stack : String(e)}` }));

const progress = new Float64Array(data.progress);
let at: StateWords | undefined;
let table: SharedTable | undefined;
let limits: Parameters<Expander['run']>[3] | undefined;
let level: LevelCut | undefined;
/** the range that paused on a full table, and where */
let paused: Paused | undefined;

/** what a message other than 'quit' asks for, done: the answer to post (a failure throws) */
function reply(msg: Exclude<ToWorker, { t: 'quit' }>): unknown {
  if (!ex) return { t: 'fatal', message: fatal };
  if (msg.t === 'grow') {
    takeParts(msg.old, msg.into, msg.moved && new Int32Array(msg.moved), msg.cuts, ctrl, GROW_PART);
    return { t: 'grown' };
  }
  if (msg.t === 'file') {
    if (msg.map) mapForWriting(msg.table.slots, 0, msg.table.slots.length);
    if (msg.grown) rehash(msg.grown.old, msg.table, null, 0, msg.grown.cuts);
    return { t: 'filed', read: fileEarlier(msg.table, wordsOf(msg.arena), msg.W, msg.from, msg.to, msg.tagMask) };
  }
  if (msg.t === 'winners') {
    const jobs = msg.jobs.map((j) => ({ ...j, cand: recordsOf(j.cand) }));
    takeWinners(msg.table, ex.lay, jobs, msg.out, ctrl);
    return { t: 'won' };
  }
  table = msg.table;
  // every thread's fresh region (this one's may have grown on a resume, keeping what it holds)
  const fresh = msg.fresh.map(wordsOf);
  if (msg.t === 'level') {
    at = { W: ex.lay.W, arena: wordsOf(msg.arena), fresh, arenaN: msg.arenaN, locs: msg.locs };
    level = { from: msg.from, to: msg.to, K: msg.K };
    limits = { cut: level, violated: Int32Array.from(msg.violated), deadlockCheck: msg.deadlockCheck, timeoutAt: msg.timeoutAt, staged: msg.staged, budget: 0, hard: 0, ...(msg.tagMask !== undefined ? { tagMask: msg.tagMask } : {}) };
    paused = undefined;
    ex.reset(msg.freshFrom);
  } else at = { ...at!, fresh };
  ex.fresh = fresh[data.index];
  ex.region = data.index;
  ex.regions = fresh.length;
  // the table's room is given from now on, counted on top of what this worker added already
  limits = { ...limits!, budget: ex.total + msg.budget, hard: ex.total + msg.hard };
  const done = work(ex, at!, table, limits, level!, ctrl, paused, progress);
  paused = done.paused;
  return { t: 'done', segs: done.segs, cand: ex.cand.buffer, freshN: ex.freshN, lows: sentLows(ex.lows) };
}

// the messages, as they are counted in this worker's mailbox word; one counted may be a moment
// behind on the port (the main thread's collect() allows for the same)
const mailbox = MAILBOX + data.index;
let handled = 0;
for (;;) {
  if (Atomics.load(ctrl, mailbox) === handled) {
    // the next message most often follows within a millisecond (the main thread's merge): poll
    // for it first, then sleep
    pollFor(ctrl, mailbox, handled + 1, data.spinMs);
    if (Atomics.load(ctrl, mailbox) === handled) Atomics.wait(ctrl, mailbox, handled);
    continue;
  }
  const got = receiveMessageOnPort(port);
  if (got === undefined) {
    Atomics.wait(ctrl, 1, 0, 0.05);
    continue;
  }
  handled++;
  const msg = got.message as ToWorker;
  if (msg.t === 'quit') {
    port.close();
    break;
  }
  let out: unknown;
  try {
    out = reply(msg);
  } catch (e) {
    out = { t: 'fatal', message: `worker ${data.index}: ${sendable(e).message}` };
  }
  answer(out);
}
