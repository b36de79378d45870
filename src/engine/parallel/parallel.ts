// Level-synchronous parallel BFS of a generated checker over worker_threads
// (`check --workers N`), with the sequential engine's exact result: the same
// states in the same order, the same counts, coverage and counterexamples.
//
// The main thread keeps what explore.ts keeps (the packed states, now in a
// SharedArrayBuffer the workers read their parents from, and the parent
// links and producing steps for traces). Each level is cut into contiguous
// ranges of parents, one per worker; the workers insert states into a shared
// exact table (table.ts: a slot leads to the state's words, compared in
// full) and record candidates (expand.ts). At the barrier
// the main thread merges the ranges in order: a candidate is kept when its
// parent is still the slot's owner (the lowest parent that found the state),
// in the order of its parent and its rank among that parent's successors —
// exactly sequential BFS's numbering. Invariant verdicts, deadlocks, limits
// and evaluation errors are taken in that order too, so the first reported is
// the one the sequential engine reports. The sequential engine explores up
// to the first level of `threshold` states and hands over what it found, so
// small checks start no thread at all (a worker that is ready before then
// files the states found so far in the shared table meanwhile: handover.ts);
// after that, levels too small to share are expanded by the main thread with
// the same code as the threads'.
// docs/architecture.md, "Parallel exploration".
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'worker_threads';
import { exploreGenerated, generatedSpace, type CompiledChecker } from '../bfs';
import { EvaluationFailure, resultOf, traceOf, type LevelBoundary } from '../explore';
import type { PackedStore } from '../packed-store';
import { symmetryUse } from '../symmetry-use';
import { Column, MemoryLinks } from '../links';
import { RESERVE_BYTES } from '../reserve';
import { lastLevelCacheBytes } from '../staging';
import type { CheckOptions, CheckResult, CoverageRow, StopReason, Violation } from '../result';
import { inPackage } from '../../util/package-root';
import { CHECKPOINT, Expander, GROW_PART, HEAD, MAILBOX, READY, SPIN_MS, cutOf, limitsOf, recordsOf, lostIn, lowsOf, pollFor, regionFor, sentLows, wordsAt, layoutOf, rebuilt, work, type LevelCut, type Lowerings, type Paused, type Segment, type SentError, type SentLowerings, type Stop } from './expand';
import { ENTRY_HEAD, INLINE_WORDS, cutsOf, entryOf, grown, newTable, regionOf, takeParts, widened, type SharedTable, type StateWords } from './table';
import { fileEarlier } from './handover';
import { growableBuffer, grownView, wordsOf } from './arena';
import type { ToWorker, WorkerData } from './worker';
import { LOST, SUMS_HEAD, takeWinners, type Placement, type WinJob } from './winners';

/**
 * Levels with fewer states than this are expanded by the main thread (workers cost more than they
 * save): at 20,000, two threads were 2.2× slower than one on TwoPhase RM_COUNT=7 and 1.4× on the
 * shmem spec at PAGES=3; at 100,000 they no longer gained on TwoPhase RM_COUNT=8 (docs/architecture.md).
 */
export const PARALLEL_THRESHOLD = 50000;

/**
 * The threads are started when the next level is expected to hold this share
 * of the threshold: a worker took 50 to 140 ms to load the module here, and a
 * level of Counters K=56 about 20 ms.
 */
const START_AHEAD = 1 / 8;

/** Levels with fewer states than this are expanded by the main thread even when the threads are running. */
export const WARM_THRESHOLD = 4096;

/** The default number of workers: one per core. */
export function defaultWorkers(): number {
  return os.availableParallelism();
}

/**
 * Why a run must use the sequential engine, or null. `liveness`: the spec has
 * liveness properties.
 */
export function sequentialReason(o: { liveness: boolean; counterexamples?: number; engine?: string; simulate?: boolean; fingerprintOnly?: boolean }): string | null {
  if (o.simulate) return 'a simulation is one walk at a time';
  if (o.fingerprintOnly) return 'the fingerprint-only store (its frontier and trace file) is kept by one thread';
  if (o.engine === 'interpreter') return 'the reference interpreter is sequential';
  if (o.liveness) return 'liveness properties need the whole edge list, which only the sequential exploration keeps';
  if ((o.counterexamples ?? 1) > 1) return '--counterexamples N > 1 keeps per-property taints that only the sequential exploration tracks';
  return null;
}

/** The compiled worker: next to this file in dist/, or (under ts-jest, running the sources) the package's dist/ copy. */
function workerFile(): string {
  const here = path.join(__dirname, 'worker.js');
  if (fs.existsSync(here)) return here;
  const built = inPackage('dist', 'src', 'engine', 'parallel', 'worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error(`the parallel engine needs its compiled worker ${built}: run \`npx tsc -p .\` (or use --workers 1)`);
}

/** What a range answered at the barrier. */
interface Range {
  from: number;
  to: number;
  stop: Stop;
  /** its records: base .. base+n-1 of cand */
  base: number;
  n: number;
  cand: Int32Array;
  gen: ArrayLike<number>;
  checkpoints: ArrayLike<number>;
  deadlock: number;
  inserted: number;
  /** its candidates that lost their state (expand.ts lostIn) */
  lost: number;
  invErrors: { record: number; k: number; cause: SentError }[];
}

/**
 * The threads that share out a level: the worker threads and the main thread,
 * which takes ranges like them (its region and progress come last).
 */
interface Pool {
  workers: Worker[];
  ports: MessagePort[];
  ctrl: Int32Array;
  /** per thread, the main thread's last */
  progress: Float64Array[];
  /**
   * the threads' fresh regions (table.ts), the main thread's last: in a table whose slots lead
   * to the words, where every state found after the hand-over stays
   */
  fresh: Uint32Array[];
  /** per thread, the states in its region */
  used: number[];
  /** the main thread's share of a shared level (its own thread cache, apart from the inline levels') */
  main: Expander;
  /** how long a thread that waits for another polls before it sleeps (expand.ts SPIN_MS; 0 with more threads than cores) */
  spinMs: number;
}

const MIN_TABLE = 1 << 16;
/**
 * The shared table is filled up to this load, as the sequential store (packed-store.ts): at one half
 * it took 109 B/state on Philosophers N=14 (73 at 0.75), and was no faster.
 */
const MAX_LOAD = 0.75;
/** tables of this many slots or more are re-filed by every thread when they grow (a smaller one by the main thread) */
const PARALLEL_GROW = 1 << 18;
/** ranges per worker and level: small ranges keep a worker that the system deschedules from holding up the barrier long */
const RANGES_PER_WORKER = 32;
/** ... but not below this many parents each (a range costs a message segment and a checkpoint) */
const MIN_RANGE = 512;

/**
 * For tests: a small table that is not presized, so that ranges pause and the
 * table grows mid-level; tags (and home slots) of only the hash bits in
 * tagMask, so that distinct states share them.
 */
export interface TableTest {
  tableSlots?: number;
  tagMask?: number;
  /** keep the words out of the slots, as for states of more than INLINE_WORDS words */
  wordsOutOfSlots?: boolean;
  /** tables of this many slots or more are re-filed by every thread (PARALLEL_GROW) */
  parallelGrowSlots?: number;
  /** stage the lookups at every level (true) or none (false), whatever the table's size (stagesAt) */
  staged?: boolean;
  /** told of each batch of states sent to worker 0 to file before the hand-over, and the slots of the table it files them in */
  onPrefile?: (from: number, to: number, slots: number) => void;
}

/** parts per thread of a table's growth (grownTo) */
const GROW_PARTS = 8;

/** a worker's fresh region holds what its table budget allows, plus this many states for the parent in flight */
const FRESH_MARGIN = 1 << 15;

/** Explore a generated checker with `opts.workers` threads; `modulePath` is the module's compiled file (generator/load.ts). */
export function exploreParallel(m: CompiledChecker, modulePath: string, opts: CheckOptions & TableTest = {}): CheckResult {
  const nWorkers = Math.max(1, opts.workers ?? defaultWorkers());
  if (nWorkers <= 1 || sequentialReason({ liveness: !!m.META.liveness?.length, counterexamples: opts.counterexamples, fingerprintOnly: opts.fingerprintOnly })) return exploreGenerated(m, opts);
  let t0 = Date.now();
  // (what newTable decides: the table keeps states of up to INLINE_WORDS words in its slots)
  const inlineWords = m.WORDS > 0 && m.WORDS <= INLINE_WORDS && !opts.wordsOutOfSlots;
  const lay = layoutOf(m, inlineWords);
  const { W, MW, R } = lay;
  // Int32s of a state's entry in a region: its mark and words (table.ts)
  const E = W + ENTRY_HEAD;
  const threshold = opts.parallelThreshold ?? PARALLEL_THRESHOLD;
  // symmetry: a reduced run files each state under its orbit's representative (symmetry-use.ts)
  const sym = symmetryUse(m.META.symmetric, opts, false);
  const reduced = !!sym?.reduced;
  const canon = reduced ? m.encodeCanonical?.bind(m) : undefined;
  const space = {
    spec: m.META.spec,
    constants: m.META.constants,
    engine: 'generated' as const,
    invariants: m.META.invariants,
    toJSON: (s: unknown[]) => m.toJSON(s),
    stepOf: (a: number, c: number) => m.stepOf(a, c),
    ...(sym ? { symmetry: sym } : {}),
  };
  let arena = wordsOf(growableBuffer(4 * W * 1024));
  // states [0, arenaN) are in the arena: in a table whose slots lead to the words, the ones the
  // sequential engine handed over; the later ones stay in the region of the thread that found
  // them, and locs has their refs (table.ts). Until 2026-12-05 the merge copied their words into
  // the arena and pointed their slots at it: the winners pass was 0.44-0.67 s of the threads' CPU
  // on the shmem spec at PAGES=3 THREADS=3, 40% of it the store to the slot, a second random
  // access to it.
  let arenaN = Infinity;
  const locs = new Column();
  let table: SharedTable = newTable(opts.tableSlots ?? MIN_TABLE, opts.wordsOutOfSlots ? 0 : W);
  let size = 0; // fingerprints in the table
  // (in chunks: appending a level's links never copies the earlier ones)
  // (its chunks shared: the threads write the links of a level's new states, winners.ts)
  const links = new MemoryLinks();
  const coverage: CoverageRow[] = m.META.actions.map((a) => ({ action: a.name, generated: 0, distinct: 0 }));
  let count = 0;
  let generated = 0;
  let depth = 0;
  const deadlockCheck = opts.deadlock !== false;
  const stopAtFirst = opts.stopAtFirst !== false;
  const timeoutAt = opts.timeout ? (opts.startedAt ?? t0) + opts.timeout * 1000 : Infinity;
  const progressEvery = opts.progressIntervalMs ?? 3000;
  let lastProgress = Date.now();
  const violations: Violation[] = [];
  const violated = new Array<boolean>(lay.invariants).fill(false);
  let deadlocked = false;
  let full = false;
  let usedWorkers = 1;
  /** every thread's lowerings in the level being merged (expand.ts Lowerings) */
  let levelLows: Lowerings[] = [];
  /** per range of a level, its winners' sums (winners.ts; kept between levels) */
  let sums = new Int32Array(new SharedArrayBuffer(4 * (SUMS_HEAD + lay.actions)));
  let pool: Pool | undefined;
  /** the table worker 0 files the sequential engine's states in before the hand-over (prefile) */
  let pre: Prefile | undefined;
  /** worker 0 failed to file (the first shared level reports why): no more prefiling */
  let prefileFailed = false;

  /** where state i's words are: [words, offset] */
  const place = (i: number): [Uint32Array, number] => {
    if (i < arenaN) return [arena, i * W];
    const ref = locs.at(i);
    const f = pool!.fresh;
    return [f[regionOf(ref, f.length)], entryOf(ref, f.length, W) + ENTRY_HEAD];
  };
  const get = (i: number) => {
    const [a, o] = place(i);
    return m.decode(a, o);
  };
  // under symmetry the arena holds representatives, not the states the steps made: a
  // counterexample is replayed from an initial state, each next state found as the one
  // whose representative's words are the stored state's
  const words = new Uint32Array(W);
  // the module's steps as generatedSpace gives them, with a store that matches a replayed
  // state by its representative's words in the arena
  const replaySpace = {
    ...generatedSpace(m),
    store: {
      indexOf: (): number => {
        throw new Error('internal: the parallel engine matches replayed states by their words');
      },
      matches: (n: unknown[], i: number): boolean => {
        canon!(n, words, 0);
        const [a, o] = place(i);
        for (let k = 0; k < W; k++) if (words[k] !== a[o + k]) return false;
        return true;
      },
    },
  };
  const trace = (i: number) => traceOf(space, links, i, canon ? { replay: replaySpace } : { get });
  const done = (stopped: StopReason | null, queueLeft: number): CheckResult => {
    const r = resultOf(space, { t0, generated, count, depth, queueLeft, violations, coverage, wanted: 1, deadlockCheck, liveNames: [] }, stopped);
    if (usedWorkers > 1) r.workers = usedWorkers;
    // the shared table tells states apart by their words (table.ts): exact, like the sequential store;
    // counted: the table, the arena of states, the regions' states and their refs, and the trace
    // links (the level's buffers are transient)
    const regions = table.inline || !pool ? 0 : locs.bytes + pool.used.reduce((a, u) => a + 4 * E * u, 0);
    const bytes = table.slots.byteLength + arena.byteLength + regions + links.bytes;
    r.memory = {
      mode: 'exact',
      bytes,
      bytesPerState: count > 0 ? Math.round((bytes / count) * 10) / 10 : 0,
    };
    return r;
  };
  const ensureArena = (states: number) => {
    if (states * W <= arena.length) return;
    let cap = arena.length;
    while (cap < states * W) cap *= 2;
    arena = grownView(arena, cap, count * W);
  };


  // The sequential engine explores until the first level large enough to share out once the
  // threads are ready (handing over at the first level instead measured 0.94x the time on Counters
  // K=56 but 1.01-1.03x on the shmem spec: docs/architecture.md); they are started some levels
  // earlier (START_AHEAD), so that they have loaded the module by then. From there this engine
  // goes on with what it found: its states, links, counts and verdicts.
  try {
    // (--states-hint sizes the shared table, in goOn: a sequential store sized for it would be
    // dropped at the hand-over, its memory touched for nothing)
    return exploreGenerated(m, { ...opts, statesHint: undefined }, (b, store) => {
      const P = b.count - b.head;
      const ratio = b.previous > 0 ? P / b.previous : 1;
      if (P >= threshold || P * ratio >= threshold * START_AHEAD) pool ??= startPool(m, modulePath, nWorkers, reduced, inlineWords);
      // (a level the threads are not ready for is expanded here, as with one worker: handing over
      // at the first level of 10,000 states instead, Counters K=56's first shared level took 73 ms
      // where the level before took 3, most of it waiting for the worker to load)
      if (P >= threshold && ready(pool!, opts.awaitWorkers)) return goOn(b, store, Math.max(1, ratio));
      // a worker that is ready files the states found so far while this thread explores on
      if (pool && ready(pool, opts.awaitWorkers)) prefile(pool, b.count, store);
      return undefined;
    });
  } finally {
    if (pool) stopPool(pool);
  }

  /** the exploration from level boundary b, the sequential engine's states in `store` */
  function goOn(b: LevelBoundary, store: PackedStore<unknown[]>, ratio: number): CheckResult {
    t0 = b.t0;
    count = b.count;
    generated = b.generated;
    depth = b.depth;
    b.coverage.forEach((c, a) => {
      coverage[a].generated = c.generated;
      coverage[a].distinct = c.distinct;
    });
    violations.push(...b.violations);
    b.violated.forEach((v, k) => (violated[k] = v));
    deadlocked = b.deadlocked;
    full = b.violations.length > 0;
    // the states a worker filed already (prefile), then the rest (the last levels) by this thread
    const filed = pre ? filedSoFar(pool!, pre) : 0;
    ensureArena(count);
    let cap = opts.tableSlots ?? MIN_TABLE;
    while (cap * MAX_LOAD < Math.max(count, opts.statesHint ?? 0)) cap *= 2;
    // a run that gets here is large: the table's buffer, the prefiled one's too, has room for all its
    // doublings from the start (16 times this table, reserve.ts firstReserve, would have the largest
    // doublings copy it once)
    if (pre) {
      table = pre.table;
      if (cap > table.mask + 1) table = grownTo(table, cap, false).table;
      pre = undefined;
    } else table = newTable(cap, opts.wordsOutOfSlots ? 0 : W, RESERVE_BYTES);
    if (!table.inline) arenaN = count;
    for (let i = filed; i < count; i++) store.copyWords(i, arena, i * W);
    touched ^= fileEarlier(table, arena, W, filed, count, opts.tagMask ?? -1);
    if (b.links instanceof MemoryLinks) {
      links.parents.append(b.links.parents, count);
      links.actions.append(b.links.actions, count);
      links.combos.append(b.links.combos, count);
    } else for (let i = 0; i < count; i++) links.push(b.links.parent(i), b.links.action(i), b.links.combo(i));
    size = count;
    // the expanders encode each successor and test it right away (expand.ts)
    m.reuseNext?.(true);
    try {
      return levels(b.head, b.level, ratio);
    } finally {
      m.reuseNext?.(false);
    }
  }

  /** the level-synchronous exploration from level `level`, the states [levelStart, count) */
  function levels(levelStart: number, level: number, lastRatio: number): CheckResult {
    const inline = new Expander(m, true, reduced, inlineWords);
    // lastRatio: new states per parent in the last level, for presizing the table
    while (levelStart < count) {
      const levelEnd = count;
      // explore.ts checks these at every head; between levels is where they first bite
      if (opts.maxDepth !== undefined && level + 1 >= opts.maxDepth) return done('max-depth', count - levelStart);
      if (opts.maxStates !== undefined && count >= opts.maxStates) return done('max-states', count - levelStart);
      const now = Date.now();
      if (now > timeoutAt) return done('timeout', count - levelStart);
      if (opts.progress && progressEvery > 0 && now - lastProgress >= progressEvery) {
        lastProgress = now;
        opts.progress({ distinct: count, queue: count - levelStart, generated, statesPerSecond: Math.round((count * 1000) / Math.max(1, now - t0)), elapsedMs: now - t0 });
      }
      const P = levelEnd - levelStart;
      // presize: room for this level's new states at most MAX_LOAD full, if it grows like the last one
      const want = size + Math.ceil(P * lastRatio * 1.25) + 1024;
      if (want > (table.mask + 1) * MAX_LOAD && !opts.tableSlots) {
        pool?.progress.forEach((p) => p.fill(0)); // (the last level's are in count now)
        table = grownTo(table, Math.ceil(want / MAX_LOAD), false).table;
      }
      const violatedBits = new Array<number>(MW).fill(0);
      violated.forEach((v, k) => {
        if (v) violatedBits[k >> 5] |= 1 << (k & 31);
      });
      const base = { violated: Int32Array.from(violatedBits), deadlockCheck: deadlockCheck && !deadlocked, timeoutAt, staged: opts.staged ?? stagesAt(table), ...(opts.tagMask !== undefined ? { tagMask: opts.tagMask } : {}) };
      let ranges: (Range | undefined)[];
      let shared = false;
      // once the threads run, they share out smaller levels too (a level then costs a message each
      // way); they run from the hand-over on, which comes once they have loaded the module
      if (pool && P >= Math.min(threshold, WARM_THRESHOLD)) {
        usedWorkers = nWorkers;
        ranges = runWorkers(pool, levelStart, levelEnd, base);
        shared = true;
      } else {
        const cut: LevelCut = { from: levelStart, to: levelEnd, K: 1 };
        let words: StateWords;
        if (table.inline || !pool) {
          inline.reset();
          words = { W, arena, fresh: [inline.fresh], arenaN, locs: null };
        } else {
          // the main thread's region, as in a shared level (a ref names one of every thread's regions)
          const pl = pool;
          const me = pl.workers.length;
          regions(pl);
          inline.reset(pl.used[me]);
          inline.fresh = pl.fresh[me];
          inline.region = me;
          inline.regions = me + 1;
          words = { W, arena, fresh: pl.fresh, arenaN, locs: locs.part(levelStart, levelEnd) };
        }
        inline.begin(levelStart, levelEnd);
        let at = levelStart;
        for (;;) {
          const room = roomLeft(inline.total);
          const stop = inline.run(wordsAt(words), table, at, limitsOf({ ...base, cut, budget: inline.total + room.budget, hard: inline.total + room.hard }));
          if (stop.reason !== 'pause') {
            ranges = [{ from: levelStart, to: levelEnd, stop, base: 0, n: inline.n, cand: inline.cand, gen: inline.gen, checkpoints: inline.checkpoints, deadlock: inline.deadlock, inserted: inline.inserted, lost: lostIn([inline.lows], 0), invErrors: inline.invErrors }];
            levelLows = [inline.lows];
            break;
          }
          regrow(size + inline.total, [{ cand: inline.cand, base: 0, n: inline.n }], [inline.lows]);
          at = stop.at;
        }
        // (its region may have moved to a larger buffer: Expander.freshRoom)
        if (!table.inline && pool) pool.used[pool.workers.length] = inline.freshN;
      }
      const ended = merge(ranges, levelStart, levelEnd, level, shared);
      if (ended) return ended;
      let inserted = 0;
      for (const r of ranges) inserted += r!.inserted;
      size += inserted;
      lastRatio = Math.max(1, inserted / P);
      levelStart = levelEnd;
      level++;
    }
    return done(null, 0);
  }

  // ---------------------------------------------------------------- helpers
  // (function declarations: hoisted, and they share the state above)

  /**
   * How many more states the table takes, `added` being this level's so far,
   * split in `share`: up to MAX_LOAD full (a range pauses there, at a parent
   * boundary, for the table to grow), and a hard stop at 15/16.
   */
  function roomLeft(added: number, share = 1): { budget: number; hard: number } {
    const cap = table.mask + 1;
    const used = size + added;
    return { budget: Math.max(0, Math.floor((cap * MAX_LOAD - used) / share)), hard: Math.max(1, Math.floor(((cap * 15) / 16 - used) / share)) };
  }

  /** t grown to hold `entries`; `track`: the entries' new slots in `moved` (for the candidates recorded in a level, regrow) */
  function grownTo(t: SharedTable, entries: number, track: boolean): { table: SharedTable; moved: Int32Array | null } {
    let cap = t.mask + 1;
    while (cap < entries) cap *= 2;
    // with the threads started (and idle: between levels, or every range paused), they re-file its parts
    if (!pool || t.mask + 1 < (opts.parallelGrowSlots ?? PARALLEL_GROW)) return grown(t, cap, track);
    const pl = pool;
    const n = widened(t, cap);
    // (new memory of 4 bytes per slot, first written here: 8% of a doubling's time, left out between levels)
    const moved = track ? new Int32Array(new SharedArrayBuffer(4 * (t.mask + 1))) : null;
    // (more parts than threads, taken from a counter: with a part each, one thread waited for the
    // other's part up to 238 ms a run, PAGES=3 THREADS=3, the cost of first writes varying)
    const cuts = cutsOf(t, GROW_PARTS * (pl.workers.length + 1));
    const expected = Atomics.load(pl.ctrl, 0) + pl.workers.length;
    Atomics.store(pl.ctrl, GROW_PART, 0);
    pl.workers.forEach((_, w) => send(pl, w, { t: 'grow', old: t, into: n, moved: moved && (moved.buffer as SharedArrayBuffer), cuts }));
    takeParts(t, n, moved, cuts, pl.ctrl, GROW_PART);
    collect(pl, expected, pl.workers.length, count);
    return { table: n, moved };
  }

  /**
   * Have worker 0 file the states [pre.to, upTo) of the sequential engine's
   * `store` in the table of the hand-over to come (handover.ts), while this
   * thread explores on: their words copied to the arena, the table made or
   * grown for them (the worker maps and re-files it). Not while it is still
   * filing the last ones (unless the run waits for the workers, as tests do:
   * then every boundary hands it what is new); the hand-over files the rest.
   */
  function prefile(pl: Pool, upTo: number, store: PackedStore<unknown[]>): void {
    if (prefileFailed) return;
    if (pre && !pre.answered) {
      if (!opts.awaitWorkers && Atomics.load(pl.ctrl, 0) < pre.expected) return;
      filedSoFar(pl, pre);
      if (prefileFailed) return;
    }
    const from = pre?.to ?? 0;
    if (upTo <= from) return;
    ensureArena(upTo);
    for (let i = from; i < upTo; i++) store.copyWords(i, arena, i * W);
    // made or grown with room for twice what it holds then (the hand-over grows it to what is there)
    const want = Math.max(2 * upTo, opts.statesHint ?? 0);
    let cap = pre ? pre.table.mask + 1 : opts.tableSlots ?? MIN_TABLE;
    if (!pre || cap * MAX_LOAD < upTo) while (cap * MAX_LOAD < want) cap *= 2;
    let t: SharedTable;
    // (the table it had before, when this one widens it: the worker re-files it first)
    let widening: { old: SharedTable; cuts: number[] } | undefined;
    if (!pre) t = newTable(cap, opts.wordsOutOfSlots ? 0 : W, RESERVE_BYTES, false);
    else if (cap > pre.table.mask + 1) {
      widening = { old: pre.table, cuts: cutsOf(pre.table, 1) };
      t = widened(pre.table, cap);
    } else t = pre.table;
    const expected = Atomics.load(pl.ctrl, 0) + 1;
    send(pl, 0, { t: 'file', table: t, map: !pre, ...(widening ? { grown: widening } : {}), arena: arena.buffer as SharedArrayBuffer, W, from, to: upTo, tagMask: opts.tagMask ?? -1 });
    pre = { table: t, to: upTo, expected, answered: false };
    opts.onPrefile?.(from, upTo, t.mask + 1);
  }

  /**
   * How many of the sequential engine's states worker 0 has filed in
   * p.table, once it has answered (a bounded wait); 0 when it failed
   * (prefileFailed: the level that follows reports why).
   */
  function filedSoFar(pl: Pool, p: Prefile): number {
    if (!p.answered) {
      const since = Date.now();
      pollFor(pl.ctrl, 0, p.expected, pl.spinMs);
      for (let got = Atomics.load(pl.ctrl, 0); got < p.expected; got = Atomics.load(pl.ctrl, 0)) {
        if (Date.now() - since > STALL_MS) throw new Error(`the parallel exploration failed: a worker thread did not file the explored states in ${STALL_MS / 1000} s; run with --workers 1`);
        Atomics.wait(pl.ctrl, 0, got, 200);
      }
      // (an answer is counted just after it is posted: it may take a moment to arrive)
      let got = receiveMessageOnPort(pl.ports[0]);
      while (!got) {
        Atomics.wait(pl.ctrl, 1, 0, 1);
        got = receiveMessageOnPort(pl.ports[0]);
      }
      const a = got.message as { t: string; read?: number };
      p.answered = true;
      if (a.t !== 'filed') {
        prefileFailed = true;
        pre = undefined;
        return 0;
      }
      touched ^= a.read!;
    }
    return p.to;
  }

  /**
   * The first half of the merge (winners.ts), by every thread when the level
   * was shared out, else by the main thread: the ranges' losers marked, their
   * winners placed in the arena and the links from index `count` on, in
   * order; a job per range, up to the first range nobody took (the merge
   * ends before it).
   */
  function placeWinners(ranges: (Range | undefined)[], shared: boolean): WinJob[] {
    const jobs: WinJob[] = [];
    let first = count;
    for (const r of ranges) {
      if (!r) break;
      jobs.push({ cand: r.cand, base: r.base, n: r.n, k: jobs.length, first });
      first += r.n - r.lost;
    }
    if (table.inline) ensureArena(first);
    if (sums.length < jobs.length * (SUMS_HEAD + lay.actions)) sums = new Int32Array(new SharedArrayBuffer(4 * 2 * jobs.length * (SUMS_HEAD + lay.actions)));
    const out: Placement = { arena: arena.buffer as SharedArrayBuffer, locs: table.inline ? { first: 0, chunks: [] } : locs.part(count, first), parents: links.parents.part(count, first), actions: links.actions.part(count, first), combos: links.combos.part(count, first), sums, lows: levelLows.map(sentLows) };
    const pl = shared ? pool : undefined;
    if (!pl) takeWinners(table, lay, jobs, out, new Int32Array(3));
    else {
      Atomics.store(pl.ctrl, 2, 0);
      const expected = Atomics.load(pl.ctrl, 0) + pl.workers.length;
      const sent = jobs.map((j) => ({ cand: j.cand.buffer as SharedArrayBuffer, base: j.base, n: j.n, k: j.k, first: j.first }));
      // (the table a worker last heard of may have grown since: it is sent)
      for (let w = 0; w < pl.ports.length; w++) send(pl, w, { t: 'winners', jobs: sent, out, table });
      takeWinners(table, lay, jobs, out, pl.ctrl);
      collect(pl, expected, pl.workers.length, count);
    }
    // a job placed as many winners as its range's candidates less its losers (an internal check: the places were given by that count)
    for (const j of jobs) {
      const r = ranges[j.k]!;
      if (sums[j.k * (SUMS_HEAD + lay.actions)] !== r.n - r.lost) throw new Error(`internal error: range ${j.k} of the level has ${sums[j.k * (SUMS_HEAD + lay.actions)]} winners, ${r.n} candidates and ${r.lost} losers`);
    }
    links.parents.setLength(first);
    links.actions.setLength(first);
    links.combos.setLength(first);
    if (!table.inline) locs.setLength(first);
    return jobs;
  }

  /** a range paused on a full table: a table of four times the entries, the recorded slots (candidates', lowerings') moved */
  function regrow(entries: number, cands: { cand: Int32Array; base: number; n: number }[], lows: Lowerings[]): void {
    const g = grownTo(table, entries * 4, true);
    table = g.table;
    const moved = g.moved!;
    for (const c of cands) for (let r = c.base; r < c.base + c.n; r++) c.cand[r * R + 4] = moved[c.cand[r * R + 4]];
    for (const l of lows) for (let x = 0; x < l.n; x++) l.e[3 * x + 1] = moved[l.e[3 * x + 1]];
  }

  /**
   * A fresh region for `states` states, keeping what `old` holds. A large one
   * (glibc maps it) has its pages touched only when written, so it may be made
   * larger than the level needs; a smaller one is cleared when made.
   */
  /**
   * Every thread's region with room for `room` more states. A table that keeps the words in its
   * slots writes none (table.ts claim): its regions stay of one state (Counters K=56, two workers:
   * 48 MB of them cleared on the main thread, 53 ms, for nothing).
   */
  function regions(pl: Pool, room = 1): void {
    const n = pl.workers.length + 1;
    for (let w = 0; w < n; w++) {
      pl.used[w] ??= 0;
      pl.fresh[w] = table.inline ? (pl.fresh[w] ?? regionFor(undefined, 1, E, 0)) : regionFor(pl.fresh[w], pl.used[w] + room, E, pl.used[w]);
    }
  }

  function runWorkers(pl: Pool, from: number, to: number, base: { violated: Int32Array; deadlockCheck: boolean; timeoutAt: number; staged: boolean; tagMask?: number }): (Range | undefined)[] {
    const n = pl.workers.length + 1;
    const me = n - 1; // the main thread's region and progress
    // more ranges than threads: whoever finishes first takes the next, so an uneven level is shared evenly
    const K = Math.max(n, Math.min(Math.ceil((to - from) / MIN_RANGE), n * RANGES_PER_WORKER));
    const ranges: (Range | undefined)[] = new Array(K).fill(undefined);
    pl.progress.forEach((p) => p.fill(0));
    Atomics.store(pl.ctrl, 2, 0);
    const share = roomLeft(0, n);
    // each thread's fresh region holds the states it may add before it pauses, and the parent in flight;
    // its hard limit is what the region holds (the pages it does not write are never touched)
    const hard = Math.min(share.hard, share.budget + FRESH_MARGIN);
    // each thread's region has room for what it may add before it pauses (the pages it does not
    // write are never touched)
    regions(pl, hard);
    const fresh = pl.fresh;
    const freshN = pl.used.slice(0, n);
    /** each thread's lowerings (the workers' as their last answers carried them) */
    const lows: Lowerings[] = new Array(n);
    const buffers = () => fresh.map((f) => f.buffer as SharedArrayBuffer);
    let expected = Atomics.load(pl.ctrl, 0);
    const levelLocs = table.inline ? null : locs.part(from, to);
    for (let w = 0; w < n - 1; w++) {
      const msg: ToWorker = { t: 'level', from, to, K, arena: arena.buffer as SharedArrayBuffer, arenaN, locs: levelLocs, freshFrom: pl.used[w], table, fresh: buffers(), violated: Array.from(base.violated), deadlockCheck: base.deadlockCheck, timeoutAt: base.timeoutAt, staged: base.staged, budget: share.budget, hard, ...(base.tagMask !== undefined ? { tagMask: base.tagMask } : {}) };
      send(pl, w, msg);
    }
    // the main thread takes ranges too (it is warm: a level starts without waiting for a thread)
    const ex = pl.main;
    ex.reset(pl.used[me]);
    const cut = { from, to, K };
    let limits = { ...base, cut, budget: share.budget, hard };
    let mainPaused: Paused | undefined;
    const mine = () => {
      ex.fresh = fresh[me];
      ex.region = me;
      ex.regions = n;
      const got = work(ex, { W, arena, fresh, arenaN, locs: levelLocs }, table, limits, cut, pl.ctrl, mainPaused, pl.progress[me], () => report(pl, from));
      mainPaused = got.paused;
      freshN[me] = ex.freshN;
      lows[me] = ex.lows;
      for (const g of got.segs) ranges[g.k] = rangeOf(g, ex.cand);
    };
    const rangeOf = (g: Segment, cand: Int32Array): Range => ({ from: cutOf(from, to, K, g.k), to: cutOf(from, to, K, g.k + 1), stop: g.stop, base: g.base, n: g.n, cand, gen: g.gen, checkpoints: g.checkpoints, deadlock: g.deadlock, inserted: g.inserted, lost: 0, invErrors: g.invErrors });
    mine();
    let waiting = n - 1;
    let mainRuns = true;
    for (;;) {
      expected += waiting;
      const paused: number[] = [];
      if (mainRuns && mainPaused) paused.push(me);
      const answers = collect(pl, expected, waiting, from);
      for (const [w, a] of answers) {
        const cand = recordsOf(a.cand);
        freshN[w] = a.freshN;
        lows[w] = lowsOf(a.lows);
        for (const g of a.segs) {
          ranges[g.k] = rangeOf(g, cand);
          if (g.stop.reason === 'pause') paused.push(w);
        }
      }
      if (!paused.length) break;
      // every thread has stopped: grow the table and resume the paused ones
      let inserted = 0;
      for (const r of ranges) inserted += r?.inserted ?? 0;
      regrow(size + inserted, ranges.filter((r): r is Range => !!r), lows.filter((l) => !!l));
      const room = roomLeft(inserted, paused.length);
      const more = Math.min(room.hard, room.budget + FRESH_MARGIN);
      // the paused threads' regions grow (copied: no thread runs now); the others' stay readable as they are
      if (!table.inline) for (const w of paused) fresh[w] = regionFor(fresh[w], freshN[w] + more, E, freshN[w]);
      const workers = paused.filter((w) => w !== me);
      for (const w of workers) {
        send(pl, w, { t: 'resume', table, fresh: buffers(), budget: room.budget, hard: more });
      }
      mainRuns = workers.length < paused.length;
      if (mainRuns) {
        // the table's room is given from now on, counted on top of what this thread added already
        limits = { ...limits, budget: ex.total + room.budget, hard: ex.total + more };
        mine();
      }
      waiting = workers.length;
    }
    levelLows = lows.filter((l) => !!l);
    if (!table.inline) for (let w = 0; w < n; w++) pl.used[w] = freshN[w];
    for (let k = 0; k < K; k++) if (ranges[k]) ranges[k]!.lost = lostIn(levelLows, k);
    // ranges nobody took (after a range stopped early) stay undefined: the merge ends before them
    return ranges;
  }

  /** the progress line from what the threads have done in the level so far, when it is due */
  function report(pl: Pool, from: number): void {
    if (!opts.progress || progressEvery <= 0) return;
    const now = Date.now();
    if (now - lastProgress < progressEvery) return;
    lastProgress = now;
    let parents = 0;
    let added = 0;
    let gen = 0;
    for (const p of pl.progress) {
      parents += p[0];
      added += p[1];
      gen += p[2];
    }
    const distinct = count + added;
    opts.progress({ distinct, queue: distinct - from - parents, generated: generated + gen, statesPerSecond: Math.round((distinct * 1000) / Math.max(1, now - t0)), elapsedMs: now - t0 });
  }

  /** wait until `expected` answers in all (bounded waits, progress between them); the answers by worker */
  function collect(pl: Pool, expected: number, want: number, from: number): Map<number, { segs: Segment[]; cand: SharedArrayBuffer; freshN: number; lows: SentLowerings }> {
    let lastMoved = -1;
    let lastMove = Date.now();
    // the answers most often come within a millisecond or two (a level's end, a merge's): polled
    // for first, then slept on (on Counters K=56, two workers, the worker waited 100-160 ms a run
    // for its next level while this thread woke from its sleep, 40 ms polling)
    pollFor(pl.ctrl, 0, expected, pl.spinMs);
    for (;;) {
      const got = Atomics.load(pl.ctrl, 0);
      if (got >= expected) break;
      Atomics.wait(pl.ctrl, 0, got, 200);
      const now = Date.now();
      // A thread that stopped without answering (out of its heap, terminated) never will, and
      // the blocked loop cannot see its exit event: when no thread has expanded a parent for
      // STALL_MS, the run ends with an error instead of waiting forever.
      let moved = 0;
      for (const p of pl.progress) moved += p[0] + p[2];
      if (moved !== lastMoved) {
        lastMoved = moved;
        lastMove = now;
      } else if (now - lastMove > STALL_MS) {
        throw new Error(`the parallel exploration failed: no worker thread expanded a state for ${STALL_MS / 1000} s (a thread may have stopped: out of memory?); run with --workers 1`);
      }
      report(pl, from);
    }
    const out = new Map();
    while (out.size < want) {
      let any = false;
      for (let w = 0; w < pl.ports.length; w++) {
        const got = receiveMessageOnPort(pl.ports[w]);
        if (!got) continue;
        any = true;
        const msg = got.message as { t: string; message?: string };
        if (msg.t === 'fatal') throw new Error(`the parallel exploration failed: ${msg.message}`);
        out.set(w, msg);
      }
      // an answer is counted just after it is posted: it may take a moment to arrive
      if (!any) Atomics.wait(pl.ctrl, 1, 0, 1);
    }
    return out;
  }

  /**
   * The barrier: take the ranges' candidates in order, keep the winners as
   * the sequential engine would have added them, and apply its checks in its
   * order. A CheckResult when the run ends in this level, else null.
   */
  function merge(ranges: (Range | undefined)[], levelStart: number, levelEnd: number, level: number, shared: boolean): CheckResult | null {
    // the threads first find the winners and place them (winners.ts)
    const jobs = placeWinners(ranges, shared);
    // the counts of the level's successors up to a point: from the last checkpoint before it, recounted
    const settle = (head: number, ordinal: number) => {
      const gen = new Float64Array(lay.actions);
      for (const r of ranges) {
        if (!r) break;
        if (head >= r.to) {
          for (let a = 0; a < gen.length; a++) gen[a] += r.gen[a];
          continue;
        }
        if (head < r.from) break;
        let c = Math.floor((head - r.from) / CHECKPOINT);
        while (c > 0 && (c + 1) * lay.actions > r.checkpoints.length) c--; // a range stopped just before a checkpoint
        for (let a = 0; a < gen.length; a++) gen[a] += r.checkpoints[c * lay.actions + a];
        for (let p = r.from + c * CHECKPOINT; p <= head; p++) {
          if (p === head && ordinal < 0) break;
          let k = 0;
          m.successors(get(p), (a) => {
            if (p < head || k++ <= ordinal) gen[a]++;
          });
        }
        break;
      }
      for (let a = 0; a < gen.length; a++) {
        coverage[a].generated += gen[a];
        generated += gen[a];
      }
    };
    const levelDone = () => {
      for (const r of ranges as Range[]) {
        for (let a = 0; a < lay.actions; a++) {
          coverage[a].generated += r.gen[a];
          generated += r.gen[a];
        }
      }
    };
    const deadlockAt = (d: number): CheckResult | null => {
      violations.push({ property: 'Deadlock', trace: trace(d) });
      deadlocked = true;
      full = true;
      if (!stopAtFirst) return null;
      settle(d + 1, -1);
      return done('first-violation', count - d - 1);
    };
    // --max-states: the first parent checked after the count reached the limit (explore.ts checks at every head)
    let pending = -1;
    const maxStatesAt = (h: number): CheckResult | null => {
      if (h >= levelEnd) return null; // the next level's checks (max-depth first) decide
      settle(h, -1);
      return done('max-states', count - h);
    };
    for (let k = 0; k < ranges.length; k++) {
      const r = ranges[k];
      if (!r) throw new Error('internal error: a range of the level was not explored');
      let dl = deadlocked ? -1 : r.deadlock;
      const c = r.cand;
      // the range's winners are in place (winners.ts): taken as a whole when nothing in it is to
      // be taken in order (a violation, a deadlock, the --max-states limit)
      const s0 = k * (SUMS_HEAD + lay.actions);
      const wins = sums[s0];
      if (count !== jobs[k].first) throw new Error(`internal error: the merge is at state ${count}, range ${k}'s winners at ${jobs[k].first}`);
      if (pending < 0 && dl < 0 && sums[s0 + 1] === 0 && (opts.maxStates === undefined || count + wins < opts.maxStates)) {
        if (wins > 0) {
          for (let a = 0; a < lay.actions; a++) coverage[a].distinct += sums[s0 + SUMS_HEAD + a];
          if (level + 2 > depth) depth = level + 2;
          count += wins;
        }
      } else {
        for (let x = 0; x < r.n; x++) {
          const o = (r.base + x) * R;
          const p = c[o];
          if (pending >= 0 && p >= pending) return maxStatesAt(pending);
          if (dl >= 0 && dl < p) {
            const end = deadlockAt(dl);
            dl = -1;
            if (end) return end;
          }
          if (c[o + 4] === LOST) continue;
          const action = c[o + 1];
          // (its words and links are in place: winners.ts)
          const i = count++;
          coverage[action].distinct++;
          if (level + 2 > depth) depth = level + 2;
          // most states violate nothing and no invariant threw on them: their masks are all zero
          let flagged = 0;
          for (let w = 0; w < 2 * MW; w++) flagged |= c[o + HEAD + w];
          if (flagged !== 0) {
            for (let k = 0; k < violated.length; k++) {
              if (violated[k]) continue;
              const bit = 1 << (k & 31);
              if (c[o + HEAD + MW + (k >> 5)] & bit) {
                const e = r.invErrors.find((q) => q.record === x && q.k === k)!;
                throw new EvaluationFailure(rebuilt(e.cause), { invariant: k });
              }
              if (c[o + HEAD + (k >> 5)] & bit) {
                violations.push({ property: m.META.invariants[k], trace: trace(i) });
                violated[k] = true;
                full = true;
                if (stopAtFirst) {
                  settle(p, c[o + 3]);
                  return done('first-violation', count - p - 1);
                }
              }
            }
          }
          if (pending < 0 && opts.maxStates !== undefined && count >= opts.maxStates) pending = p + 1;
        }
      }
      if (pending >= 0) {
        // the rest of this range (and every later one) comes after the head where the limit stops the run
        if (pending < levelEnd) return maxStatesAt(pending);
      }
      if (dl >= 0) {
        const end = deadlockAt(dl);
        if (end) return end;
      }
      if (r.stop.reason === 'error') {
        const e = r.stop.error!;
        // an invariant that threw on a state merged above was reported there; this one is met in a
        // state the sequential engine reaches too (see docs/architecture.md for the one difference)
        if (e.where === null) throw rebuilt(e.cause);
        throw new EvaluationFailure(rebuilt(e.cause), e.where);
      }
      if (r.stop.reason === 'timeout') {
        for (const q of ranges as Range[]) {
          const upTo = q === r;
          for (let a = 0; a < lay.actions; a++) {
            coverage[a].generated += q.gen[a];
            generated += q.gen[a];
          }
          if (upTo) break;
        }
        return done('timeout', count - r.stop.at);
      }
    }
    levelDone();
    return null;
  }
}

/**
 * Whether a level's lookups are staged (expand.ts Staging): once the table
 * outgrows half the processor's last-level cache, or at once when the slots
 * lead to the words (a lookup then reads twice, one read depending on the
 * other). A lookup's read of a slot outside the cache is a read of memory
 * at random, which staging overlaps with the others; one that the cache
 * answers gains nothing, and staging adds work. The sequential store stages
 * past the whole cache (packed-store.ts batchFrom); two threads share it,
 * each with its own candidates and regions. Staging from the start, against
 * this rule at the whole cache, took 0.90x the time on the shmem spec at
 * THREADS=3 ACCESSES=2 (its table 192 MiB at 8·10^6 slots), 0.97x on
 * TwoPhase RM_COUNT=9 and 1.01x on Philosophers N=15 (a table of 128 MiB).
 */
function stagesAt(t: SharedTable): boolean {
  return !t.inline || 2 * t.slots.byteLength > lastLevelCacheBytes();
}

/** The table of the hand-over to come, which worker 0 files the sequential engine's states [0, to) in. */
interface Prefile {
  table: SharedTable;
  to: number;
  /** the answers posted (ctrl[0]) once it has answered */
  expected: number;
  answered: boolean;
}

/** what the hand-over's touch of home slots read (kept, so that the reads are not left out) */
let touched = 0;

/** how long the coordinator waits for threads that expand nothing before it gives up */
const STALL_MS = 120_000;

/**
 * A message to worker w: posted, then counted in its mailbox word, which the
 * worker polls and then sleeps on (worker.ts). From posting to the worker's
 * handling, on Counters K=56 (155 levels, two workers; the level's and the
 * winners' messages, summed over a run, two runs each): 88-98 ms through the
 * worker's event loop, 76-86 ms sleeping on the mailbox, 43-55 ms polling it
 * first.
 */
function send(pl: Pool, w: number, msg: ToWorker): void {
  pl.ports[w].postMessage(msg);
  Atomics.add(pl.ctrl, MAILBOX + w, 1);
  Atomics.notify(pl.ctrl, MAILBOX + w);
}

/** `n` threads: n - 1 workers and the main thread */
function startPool(m: CompiledChecker, modulePath: string, n: number, reduced: boolean, inline: boolean): Pool {
  const file = workerFile();
  // [answers posted, (a word to sleep on), the next range to take, workers ready, a mailbox word per worker]
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * (MAILBOX + n)));
  // (with more threads than cores, a thread that polls takes a core from one that works)
  const spinMs = n <= os.availableParallelism() ? SPIN_MS : 0;
  const pool: Pool = { workers: [], ports: [], ctrl, progress: [], fresh: [], used: [], main: new Expander(m, false, reduced, inline), spinMs };
  for (let index = 0; index < n - 1; index++) {
    const { port1, port2 } = new MessageChannel();
    const progress = new SharedArrayBuffer(3 * 8);
    const data: WorkerData = { modulePath, port: port2, ctrl: ctrl.buffer as SharedArrayBuffer, progress, index, reduced, inline, spinMs };
    const w = new Worker(file, { workerData: data, transferList: [port2] });
    // the run waits on shared memory, not on the event loop: a worker never keeps the process alive
    w.unref();
    pool.workers.push(w);
    pool.ports.push(port1);
    pool.progress.push(new Float64Array(progress));
  }
  pool.progress.push(new Float64Array(3));
  return pool;
}

/**
 * Whether every worker has loaded the module (or failed to, which its answer
 * to the next message says); with `wait`, once they have (bounded: a thread
 * that stopped while loading never will).
 */
function ready(pool: Pool, wait = false): boolean {
  const since = Date.now();
  for (;;) {
    const n = Atomics.load(pool.ctrl, READY);
    if (n >= pool.workers.length) return true;
    if (!wait) return false;
    if (Date.now() - since > STALL_MS) throw new Error(`the parallel exploration failed: a worker thread did not load the checker in ${STALL_MS / 1000} s; run with --workers 1`);
    Atomics.wait(pool.ctrl, READY, n, 200);
  }
}

function stopPool(pool: Pool): void {
  for (let w = 0; w < pool.workers.length; w++) {
    send(pool, w, { t: 'quit' });
    pool.ports[w].close();
    void pool.workers[w].terminate();
  }
}
