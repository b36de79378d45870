"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
// A worker thread of the parallel exploration (parallel.ts starts it from
// the compiled dist/ copy of this file). It loads the same generated checker
// module as the main thread and expands the ranges of parents it is sent;
// everything it finds goes into shared memory, and its answer to each
// message is one message on its port followed by a tick of the shared
// `done` counter the main thread waits on. It never throws: any failure is
// answered as a `fatal` message, so the main thread never waits for nothing.
const worker_threads_1 = require("worker_threads");
const runtime = __importStar(require("../../runtime/ops"));
const expand_1 = require("./expand");
const table_1 = require("./table");
const arena_1 = require("./arena");
const winners_1 = require("./winners");
const data = worker_threads_1.workerData;
const ctrl = new Int32Array(data.ctrl);
const port = data.port;
function answer(msg) {
    port.postMessage(msg);
    Atomics.add(ctrl, 0, 1);
    Atomics.notify(ctrl, 0);
}
let ex;
let fatal;
try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(data.modulePath);
    const m = mod.create(runtime);
    // the expander encodes each successor and tests it right away (expand.ts)
    m.reuseNext?.(true);
    ex = new expand_1.Expander(m, false, data.reduced);
}
catch (e) {
    fatal = `worker ${data.index} could not load ${data.modulePath}: ${e instanceof Error ? e.message : String(e)}`;
}
process.on('uncaughtException', (e) => answer({ t: 'fatal', message: `worker ${data.index}: ${e instanceof Error ? e.stack : String(e)}` }));
const progress = new Float64Array(data.progress);
let at;
let table;
let limits;
let level;
/** the range that paused on a full table, and where */
let paused;
port.on('message', (msg) => {
    if (msg.t === 'quit') {
        port.close();
        return;
    }
    if (!ex)
        return answer({ t: 'fatal', message: fatal });
    if (msg.t === 'grow') {
        try {
            (0, table_1.rehash)(msg.old, msg.into, msg.moved && new Int32Array(msg.moved), msg.part, msg.cuts);
            answer({ t: 'grown' });
        }
        catch (e) {
            answer({ t: 'fatal', message: `worker ${data.index}: ${(0, expand_1.sendable)(e).message}` });
        }
        return;
    }
    if (msg.t === 'winners') {
        try {
            const jobs = msg.jobs.map((j) => ({ ...j, cand: new Int32Array(j.cand) }));
            (0, winners_1.takeWinners)(msg.table, ex.lay, jobs, msg.out, ctrl);
            answer({ t: 'won' });
        }
        catch (e) {
            answer({ t: 'fatal', message: `worker ${data.index}: ${(0, expand_1.sendable)(e).message}` });
        }
        return;
    }
    try {
        table = msg.table;
        // every thread's fresh region (this one's may have grown on a resume, keeping what it holds)
        const fresh = msg.fresh.map((b) => new Uint32Array(b));
        if (msg.t === 'level') {
            at = { W: ex.lay.W, arena: (0, arena_1.wordsOf)(msg.arena), fresh };
            level = { from: msg.from, to: msg.to, K: msg.K };
            limits = { cut: level, losers: new Int32Array(msg.losers), violated: Int32Array.from(msg.violated), deadlockCheck: msg.deadlockCheck, timeoutAt: msg.timeoutAt, staged: msg.staged, budget: 0, hard: 0, ...(msg.tagMask !== undefined ? { tagMask: msg.tagMask } : {}) };
            paused = undefined;
            ex.reset();
        }
        else
            at = { ...at, fresh };
        ex.fresh = fresh[data.index];
        ex.region = data.index;
        ex.regions = fresh.length;
        // the table's room is given from now on, counted on top of what this worker added already
        limits = { ...limits, budget: ex.total + msg.budget, hard: ex.total + msg.hard };
        const done = (0, expand_1.work)(ex, at, table, limits, level, ctrl, paused, progress);
        paused = done.paused;
        const segs = done.segs;
        answer({ t: 'done', segs, cand: ex.cand.buffer, freshN: ex.freshN });
    }
    catch (e) {
        answer({ t: 'fatal', message: `worker ${data.index}: ${(0, expand_1.sendable)(e).message}` });
    }
});
//# sourceMappingURL=worker.js.map