// A worker thread of the parallel exploration (parallel.ts starts it from
// the compiled dist/ copy of this file). It loads the same generated checker
// module as the main thread and expands the ranges of parents it is sent;
// everything it finds goes into shared memory, and its answer to each
// message is one message on its port followed by a tick of the shared
// `done` counter the main thread waits on. It never throws: any failure is
// answered as a `fatal` message, so the main thread never waits for nothing.
import { workerData, type MessagePort } from 'worker_threads';
import * as runtime from '../../runtime/ops';
import type { CompiledChecker } from '../bfs';
import { Expander, sendable } from './expand';
import type { SharedTable } from './table';

export interface WorkerData {
  modulePath: string;
  port: MessagePort;
  /** [done counter, ...] (parallel.ts) */
  ctrl: SharedArrayBuffer;
  /** this worker's progress: parents done, fingerprints added, successors generated */
  progress: SharedArrayBuffer;
  index: number;
}

/** main → worker */
export type ToWorker =
  | { t: 'range'; from: number; to: number; arena: SharedArrayBuffer; fp: SharedArrayBuffer; owner: SharedArrayBuffer; violated: number[]; deadlockCheck: boolean; timeoutAt: number; budget: number; hard: number }
  | { t: 'resume'; at: number; fp: SharedArrayBuffer; owner: SharedArrayBuffer; budget: number; hard: number }
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
  ex = new Expander(mod.create(runtime));
} catch (e) {
  fatal = `worker ${data.index} could not load ${data.modulePath}: ${e instanceof Error ? e.message : String(e)}`;
}
process.on('uncaughtException', (e) => answer({ t: 'fatal', message: `worker ${data.index}: ${e instanceof Error ? e.stack : String(e)}` }));

const progress = new Float64Array(data.progress);
let arena: Uint32Array | undefined;
let limits: Parameters<Expander['run']>[3] | undefined;

port.on('message', (msg: ToWorker) => {
  if (msg.t === 'quit') {
    port.close();
    return;
  }
  if (!ex) return answer({ t: 'fatal', message: fatal });
  try {
    const table: SharedTable = { fp: new Int32Array(msg.fp), owner: new Int32Array(msg.owner), mask: msg.owner.byteLength / 4 - 1 };
    let at: number;
    if (msg.t === 'range') {
      arena = new Uint32Array(msg.arena);
      limits = { violated: Int32Array.from(msg.violated), deadlockCheck: msg.deadlockCheck, timeoutAt: msg.timeoutAt, budget: msg.budget, hard: msg.hard };
      ex.begin(msg.from, msg.to);
      at = msg.from;
    } else {
      limits = { ...limits!, budget: msg.budget, hard: msg.hard };
      at = msg.at;
    }
    const stop = ex.run(arena!, table, at, limits, progress);
    answer({ t: 'done', stop, n: ex.n, cand: ex.cand.buffer, gen: Array.from(ex.gen), checkpoints: ex.checkpoints, deadlock: ex.deadlock, inserted: ex.inserted, invErrors: ex.invErrors });
  } catch (e) {
    answer({ t: 'fatal', message: `worker ${data.index}: ${sendable(e).message}` });
  }
});
