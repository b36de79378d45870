// The parallel exploration (src/engine/parallel) gives exactly the sequential
// engine's result: the same counts, depth, coverage, state order and
// counterexamples, at every level where workers run (a threshold of one state
// makes every level parallel even on small models). The workers run the
// compiled dist/ copy of the worker (npm ci builds it; after changing
// src/engine/parallel run `npx tsc -p .`).
import * as path from 'path';
import { checkModel, loadSpecFile } from '../src/api';
import { parseSpecText } from '../dsl';
import { generateChecker } from '../generator/load';
import { exploreGenerated, type CompiledChecker } from '../src/engine/bfs';
import { exploreParallel } from '../src/engine/parallel/parallel';
import { HEAD, cutOf, lowering, newLowerings, rangeOf, regionFor, sentLows } from '../src/engine/parallel/expand';
import { LOST, SUMS_HEAD, takeWinners, type Placement } from '../src/engine/parallel/winners';
import { COLUMN_SHIFT, Column, MemoryLinks } from '../src/engine/links';
import { MAX_SHARED_BYTES, reservedBuffer } from '../src/engine/reserve';
import { MARK, WORDS_AT, claim, claimAlone, cutsOf, emptyLike, freshRef, newTable, ownerOf, rehash, tagOf, widened, type SharedTable } from '../src/engine/parallel/table';
import { growableBuffer, grownView, wordsOf } from '../src/engine/parallel/arena';
import type { CheckOptions, CheckResult } from '../src/engine/result';
import type { Model } from '../dsl/ir';
import { SpecError } from '../dsl/diagnostics';

const ROOT = path.join(__dirname, '..');
const EX = (f: string) => path.join(ROOT, 'spec', 'examples', f);

/** the result as JSON, less what may differ: the time, and how many threads ran */
function same(r: CheckResult): unknown {
  // memory: the two stores differ in what they hold (chunked arena vs one shared arena, the level's buffers)
  const { durationMs, workers, memory, ...rest } = r;
  void memory;
  void durationMs;
  void workers;
  return JSON.parse(JSON.stringify(rest));
}

function both(model: Model, opts: CheckOptions = {}): { seq: CheckResult; par: CheckResult } {
  const seq = checkModel(model, { ...opts, workers: 1 });
  const par = checkModel(model, { ...opts, workers: 2, parallelThreshold: 1, awaitWorkers: true });
  return { seq, par };
}

describe('two workers give the sequential result', () => {
  const cases: [string, string, string | undefined, Record<string, string | number>, CheckOptions][] = [
    ['DieHard: a violation', 'diehard.spec.ts', undefined, {}, {}],
    ['DieHard --continue', 'diehard.spec.ts', undefined, {}, { stopAtFirst: false }],
    ['Peterson', 'peterson.spec.ts', 'Peterson', {}, {}],
    ['PetersonBroken --continue', 'peterson.spec.ts', 'PetersonBroken', {}, { stopAtFirst: false }],
    ['ProdCons', 'prodcons.spec.ts', undefined, {}, {}],
    ['TwoPhase RM_COUNT=4', 'twophase.spec.ts', undefined, { RM_COUNT: 4 }, {}],
    ['TwoPhase, --max-states mid-level', 'twophase.spec.ts', undefined, { RM_COUNT: 4 }, { maxStates: 1000 }],
    ['TwoPhase, --max-depth', 'twophase.spec.ts', undefined, { RM_COUNT: 4 }, { maxDepth: 6 }],
    // symmetry: both engines file states under the same representatives, and replay the same concrete counterexample
    ['TicketLock N=4, symmetric', 'ticketlock.spec.ts', 'TicketLock', { N: 4 }, {}],
    ['TicketLockBroken, symmetric: a concrete counterexample', 'ticketlock.spec.ts', 'TicketLockBroken', {}, { stopAtFirst: false }],
  ];
  test.each(cases)('%s', (_name, file, name, constants, opts) => {
    const model = loadSpecFile(EX(file), name).model(constants);
    const { seq, par } = both(model, opts);
    expect(par.workers).toBe(2);
    expect(same(par)).toEqual(same(seq));
  });
  // (a table this small is never staged on its own: expand.ts Staging, parallel.ts stagesAt)
  test.each(cases)('%s, lookups staged', (_name, file, name, constants, opts) => {
    const model = loadSpecFile(EX(file), name).model(constants);
    const { checker, jsPath } = generateChecker(model);
    const seq = exploreGenerated(checker, opts);
    const par = exploreParallel(checker, jsPath, { ...opts, workers: 2, parallelThreshold: 1, awaitWorkers: true, staged: true });
    expect(par.workers).toBe(2);
    expect(same(par)).toEqual(same(seq));
  });

  test('philosophers (N=7), and a deadlock: the same trace', () => {
    const phil = loadSpecFile(path.join(ROOT, 'bench', 'models', 'philosophers.spec.ts')).model({ N: 7 });
    const a = both(phil);
    expect(a.seq.distinctStates).toBeGreaterThan(1000);
    expect(same(a.par)).toEqual(same(a.seq));
    // every philosopher takes its left fork first: the circular wait deadlocks
    const stuck = parseSpecText('Stuck', `
      var a: 0..9
      var b: 0..9
      init { a := 0  b := 0 }
      action A { await a < 9 && b != 4  a := a + 1 }
      action B { await b < 9 && a != 5  b := b + 1 }
    `).model();
    const d = both(stuck);
    expect(d.seq.result).toBe('deadlock');
    expect(same(d.par)).toEqual(same(d.seq));
    const c = both(stuck, { stopAtFirst: false, maxStates: 60 });
    expect(same(c.par)).toEqual(same(c.seq));
    // a deadlock in the middle of a level: the parents after it in its range find new states,
    // which the sequential engine never counts (it stops at the deadlocked parent)
    const midway = parseSpecText('Midway', `
      var a: 0..20
      var b: 0..20
      init { a := 0  b := 0 }
      action A { await a < 20 && !(a == 9 && b == 10)  a := a + 1 }
      action B { await b < 20 && !(a == 9 && b == 10)  b := b + 1 }
    `).model();
    const e = both(midway);
    expect([e.seq.result, e.seq.violations[0].trace.length]).toEqual(['deadlock', 20]);
    expect(e.seq.distinctStates).toBeLessThan(21 * 21 - 1);
    expect(same(e.par)).toEqual(same(e.seq));
  });

  test('the shmem spec (THREADS=1, --continue), safety properties: both counterexamples', () => {
    // its liveness properties keep checkModel sequential, so the engines are compared without them.
    // At the defaults (125,148 states with --continue) the result is the same too, but under
    // jest, whose sandbox slows the sequential run several times, that takes half a minute
    const model = loadSpecFile(path.join(ROOT, 'spec', 'shmem_uffd', 'shmem_uffd.spec.ts')).model({ THREADS: 1 });
    const { checker, jsPath } = generateChecker(model);
    const safety: CompiledChecker = { ...checker, META: { ...checker.META, liveness: [] } };
    const seq = exploreGenerated(safety, { stopAtFirst: false });
    const par = exploreParallel(safety, jsPath, { stopAtFirst: false, workers: 2, parallelThreshold: 1, awaitWorkers: true });
    expect([seq.distinctStates, seq.violations.map((v) => v.property)]).toEqual([2343, ['WpNotLost', 'NoSilentWrite']]);
    expect(par.workers).toBe(2);
    expect(same(par)).toEqual(same(seq));
  });
});

/** four counters modulo 24 (331,776 states, levels that grow slowly); Below50 is violated at level 51 */
const COUNTERS_24 = () =>
  parseSpecText('Counters', `
    type Ctr = 0..3
    var c: [Ctr] -> 0..23
    init { c := [i in Ctr |-> 0] }
    process Tick[self in Ctr] {
      tick: c[self] := (c[self] + 1) % 24
            goto tick
    }
    invariant Below50: c[0] + c[1] + c[2] + c[3] < 50
  `).model();

test('a hand-over of 10^5 states (filed in batches, links copied a chunk at a time) goes on with their words and links', () => {
  // the first level of 8,000 states is the 40th, with 107,906 states found by then (more than a chunk
  // of links, 65,536, and many batches); Below50 is violated at level 51, its counterexample running
  // back through the states handed over
  const model = COUNTERS_24();
  for (const stopAtFirst of [false, true]) {
    const seq = checkModel(model, { workers: 1, stopAtFirst });
    const par = checkModel(model, { workers: 2, parallelThreshold: 8000, awaitWorkers: true, stopAtFirst });
    expect(par.workers).toBe(2);
    expect(same(par)).toEqual(same(seq));
    expect(seq.violations.map((v) => [v.property, v.trace.length])).toEqual([['Below50', 51]]);
    if (!stopAtFirst) expect(seq.distinctStates).toBe(24 ** 4);
  }
});

test('the sequential engine hands over at the first level to share: what it found (a violation, coverage, links) goes on', () => {
  // levels of 1, 1, 1, 1, 8, 28, 56, 70, 56, 28, 8, 1 states; Small is violated at the third,
  // NotFirstFive at the ninth (found while the 70 states of the eighth are expanded)
  const model = parseSpecText('Handover', `
    var x: 0..3
    var s: set<0..7>
    init { x := 0  s := {} }
    action A { await x < 3  x := x + 1 }
    action Add(k: 0..7) { await x == 3  s := s union { k } }
    invariant Small: x < 2
    invariant NotFirstFive: !(0 in s && 1 in s && 2 in s && 3 in s && 4 in s)
  `).model();
  for (const stopAtFirst of [false, true]) {
    const seq = checkModel(model, { workers: 1, stopAtFirst });
    const par = checkModel(model, { workers: 2, parallelThreshold: 20, awaitWorkers: true, stopAtFirst });
    expect(same(par)).toEqual(same(seq));
    // --continue: Small was found before the hand-over (at the level of 28), NotFirstFive after it, by the threads
    if (!stopAtFirst) {
      expect(seq.distinctStates).toBe(259);
      expect(seq.violations.map((v) => [v.property, v.trace.length])).toEqual([['Small', 3], ['NotFirstFive', 9]]);
      expect(par.workers).toBe(2);
    } else expect(par.workers).toBeUndefined(); // stopped before any level of 20
  }
});

describe('threads that are still loading the module', () => {
  // (its first level of 8,000 states is the 40th; --continue: all 331,776 states)
  const model = COUNTERS_24();
  test('are not waited for: the main thread expands the levels until they are ready, and the result is the sequential one', () => {
    // (whether the threads were ready for a level depends on the machine: both ways give one result)
    const seq = checkModel(model, { workers: 1 });
    for (const parallelThreshold of [1, 8000]) expect(same(checkModel(model, { workers: 2, parallelThreshold }))).toEqual(same(seq));
    const all = checkModel(model, { workers: 1, stopAtFirst: false });
    expect(all.distinctStates).toBe(24 ** 4);
    expect(same(checkModel(model, { workers: 2, parallelThreshold: 8000, stopAtFirst: false }))).toEqual(same(all));
  });
  test('a thread that cannot load the checker fails the run with why, when the run waits for it', () => {
    const { checker } = generateChecker(model);
    expect(() => exploreParallel(checker, path.join(ROOT, 'build', 'no-such-checker.js'), { workers: 2, parallelThreshold: 1, awaitWorkers: true })).toThrow(/worker 0 could not load .*no-such-checker\.js/);
    // asked to file the states found before the hand-over, it answers why too; the first shared level says so
    const sent: number[] = [];
    expect(() => exploreParallel(checker, path.join(ROOT, 'build', 'no-such-checker.js'), { workers: 2, parallelThreshold: 8000, awaitWorkers: true, onPrefile: (_f, to) => sent.push(to) })).toThrow(/worker 0 could not load .*no-such-checker\.js/);
    expect(sent).toHaveLength(1);
  });
});

describe('a worker that is ready files the states found before the hand-over', () => {
  // the pool starts at the first level expected to hold 1,000 states (an eighth of 8,000) and the run
  // waits for it: from there every level's new states are sent to worker 0, the hand-over (the 40th
  // level) files only that level's; from a table of 256 slots, grown by the worker
  const model = COUNTERS_24();
  const { checker, jsPath } = generateChecker(model);
  const seq = exploreGenerated(checker, { stopAtFirst: false });
  test.each([
    ['in the slots', false],
    ['out of the slots', true],
  ])('words %s: the sequential result, the states sent in batches that follow one another', (_where, wordsOutOfSlots) => {
    const sent: [number, number, number][] = [];
    const par = exploreParallel(checker, jsPath, { workers: 2, parallelThreshold: 8000, awaitWorkers: true, stopAtFirst: false, tableSlots: 256, wordsOutOfSlots, onPrefile: (from, to, slots) => sent.push([from, to, slots]) });
    expect(par.workers).toBe(2);
    expect(same(par)).toEqual(same(seq));
    expect(par.distinctStates).toBe(24 ** 4);
    // batches one after the other from the first state up to the hand-over's level (99,690 states
    // found before it, 107,906 with it)
    expect(sent[0][0]).toBe(0);
    for (let k = 1; k < sent.length; k++) expect(sent[k][0]).toBe(sent[k - 1][1]);
    expect(sent.length).toBeGreaterThan(5);
    expect(sent[sent.length - 1][1]).toBe(99690);
    // the table grew under the worker (re-filed by it), never past three quarters full
    expect(new Set(sent.map((b) => b[2])).size).toBeGreaterThan(1);
    for (const [, to, slots] of sent) expect(to).toBeLessThanOrEqual(slots * 0.75);
  });
  test('symmetric: the representatives filed ahead, and the same concrete counterexample', () => {
    // six interchangeable counters 0..9: 5,005 orbits (multisets), levels of up to 227; Small is violated at the last level, all at 9, which also deadlocks
    const sym = parseSpecText('Sym', `
      type Pid = 0..5
      symmetric Pid
      var c: [Pid] -> 0..9
      init { c := [p in Pid |-> 0] }
      process P[self in Pid] {
        a: await c[self] < 9
           c[self] := c[self] + 1
           goto a
      }
      invariant Small: exists p in Pid: c[p] < 9
    `).model();
    const g = generateChecker(sym);
    const seqS = exploreGenerated(g.checker, { stopAtFirst: false });
    expect(seqS.distinctStates).toBe(5005);
    expect(seqS.violations.map((v) => [v.property, v.trace.length])).toEqual([['Small', 55], ['Deadlock', 55]]);
    const sent: number[] = [];
    const par = exploreParallel(g.checker, g.jsPath, { workers: 2, parallelThreshold: 200, awaitWorkers: true, stopAtFirst: false, onPrefile: (_f, to) => sent.push(to) });
    expect(sent.length).toBeGreaterThan(3);
    expect(par.workers).toBe(2);
    expect(same(par)).toEqual(same(seqS));
  });
  test('not waited for: the hand-over files what the worker has not, with the sequential result', () => {
    const sent: [number, number][] = [];
    const par = exploreParallel(checker, jsPath, { workers: 2, parallelThreshold: 8000, stopAtFirst: false, onPrefile: (from, to) => sent.push([from, to]) });
    expect(same(par)).toEqual(same(seq));
    // (how many the worker was sent depends on when it was ready and how fast it filed)
    for (let k = 0; k < sent.length; k++) expect(sent[k][0]).toBe(k === 0 ? 0 : sent[k - 1][1]);
    if (sent.length) expect(sent[sent.length - 1][1]).toBeLessThanOrEqual(99690);
  });
});

describe('the shared table is exact: states are equal only when their words are', () => {
  test.each([
    ['out of the slots', 0],
    ['in the slots', 2],
  ])('two states with one tag: both kept; the same words: found, the lower parent becomes the owner (words %s)', (_where, inSlot) => {
    const t = newTable(8, inSlot);
    expect([t.S, t.inline]).toEqual(inSlot ? [WORDS_AT + inSlot, true] : [2, false]);
    const a = Uint32Array.of(1, 2);
    const b = Uint32Array.of(1, 3);
    // (a region's entry: the mark, then the words)
    const fresh = new Uint32Array(new SharedArrayBuffer(4 * 3 * 4));
    const at = { W: 2, arena: new Uint32Array(0), fresh: [fresh], arenaN: 0, locs: null };
    const tag = tagOf(7);
    const sa = claim(t, tag, a, 5, at, freshRef(0, 0, 1), fresh, 0);
    expect(sa).toBeGreaterThanOrEqual(0);
    const sb = claim(t, tag, b, 5, at, freshRef(1, 0, 1), fresh, 1);
    expect(sb).toBeGreaterThanOrEqual(0);
    expect(sb).not.toBe(sa);
    // the words: in the slots, or in the thread's region
    const slotWords = (x: number) => Array.from(t.slots.subarray(t.S * x + WORDS_AT, t.S * x + WORDS_AT + 2));
    if (inSlot) expect([...slotWords(sa), ...slotWords(sb)]).toEqual([1, 2, 1, 3]);
    else expect(Array.from(fresh.subarray(0, 6))).toEqual([5 + 2, 1, 2, 5 + 2, 1, 3]);
    // found again: a higher parent is no candidate, a lower one lowers the owner
    expect(claim(t, tag, Uint32Array.of(1, 3), 6, at, freshRef(2, 0, 1), fresh, 2)).toBe(-1);
    // (the owner taken over, and where the words are: the candidate that lowers has no copy of them)
    const prev = new Int32Array(2);
    expect(claim(t, tag, Uint32Array.of(1, 3), 4, at, freshRef(2, 0, 1), fresh, 2, prev)).toBe(-2 - sb);
    expect(ownerOf(t, sb, at)).toBe(4);
    expect(Array.from(prev)).toEqual([5, inSlot ? 0 : freshRef(1, 0, 1)]);
    expect(claimAlone(t, tag, Uint32Array.of(1, 2), 3, at, freshRef(2, 0, 1), fresh, 2, prev)).toBe(-2 - sa);
    expect(ownerOf(t, sa, at)).toBe(3);
    expect(Array.from(prev)).toEqual([5, inSlot ? 0 : freshRef(0, 0, 1)]);
    // no third state was written (and a table that keeps the words in its slots writes no region)
    expect(Array.from(fresh.subarray(inSlot ? 0 : 6))).toEqual(new Array(inSlot ? 12 : 6).fill(0));
    // (the lowerings' marks are in the entries, the words unchanged)
    if (!inSlot) expect(Array.from(fresh.subarray(0, 6))).toEqual([3 + 2, 1, 2, 4 + 2, 1, 3]);
  });

  test('tags of 4 bits: thousands of states share 15 tags, and the counts are the sequential ones', () => {
    // with only the tag to go by, at most 15 states could be told apart; the words tell them all apart,
    // in the main thread's levels, the workers' and across a table that grows mid-level
    const model = loadSpecFile(path.join(ROOT, 'bench', 'models', 'philosophers.spec.ts')).model({ N: 8 });
    const { checker, jsPath } = generateChecker(model);
    const seq = exploreGenerated(checker);
    expect(seq.distinctStates).toBeGreaterThan(2000);
    for (const [threshold, wordsOutOfSlots, staged] of [[1, false, false], [100, false, false], [1, true, false], [1, false, true], [1, true, true]] as const) {
      const par = exploreParallel(checker, jsPath, { workers: 2, parallelThreshold: threshold, awaitWorkers: true, tableSlots: 256, tagMask: 0xf, wordsOutOfSlots, staged });
      expect(par.workers).toBe(2);
      expect(par.memory?.mode).toBe('exact');
      expect(par.memory?.collisionProbability).toBeUndefined();
      expect(same(par)).toEqual(same(seq));
    }
  });
});

describe('a table grows by parts that each thread files alone', () => {
  // 64 slots, 60 states on 9 homes: long runs, one of them past the table's end and around
  const W = 2;
  // or 44 states on 7 homes: a short run around the end, most entries before it
  const HOMES = [
    [60, 61, 62, 63, 0, 5, 6, 30, 31],
    [3, 9, 20, 21, 40, 50, 62],
  ];
  /** the table, in a buffer of `reserve` bytes, and its states */
  const filled = (reserve: number, homes = HOMES[0]) => {
    const t = newTable(64, W, reserve);
    const at = { W, arena: new Uint32Array(0), fresh: [], arenaN: 0, locs: null };
    const states: [number, Uint32Array][] = [];
    for (let k = 0; k < (homes.length === 9 ? 60 : 44); k++) {
      // tags below 2^17 have home tag & mask; the bits above 63 pick the home in a larger table
      const tag = tagOf(homes[k % homes.length] + 64 * ((k * 7) % 13));
      const words = Uint32Array.of(k, tag);
      expect(claimAlone(t, tag, words, k, at, k + 1, new Uint32Array(0), 0)).toBeGreaterThanOrEqual(0);
      states.push([tag, words]);
    }
    return { t, at, states };
  };
  const entry = (t: SharedTable, i: number) => Array.from(t.slots.subarray(t.S * i, t.S * i + t.S));

  test('into a new buffer: no two parts write one slot, every state is found', () => {
    const { t, at, states } = filled(0);
    expect(t.slots.buffer.byteLength).toBe(64 * t.S * 4);
    for (const factor of [2, 8]) {
      for (const parts of [1, 2, 3, 5, 7]) {
        // each part alone in a table of its own: the slots it writes
        const written: number[][] = [];
        const whole = emptyLike(t, 64 * factor);
        const moved = new Int32Array(64).fill(-1);
        const cuts = cutsOf(t, parts);
        for (let part = 0; part < parts; part++) {
          const own = emptyLike(t, 64 * factor);
          rehash(t, own, new Int32Array(64), part, cuts);
          const mine: number[] = [];
          for (let i = 0; i < 64 * factor; i++) if (own.slots[own.S * i] !== 0) mine.push(i);
          written.push(mine);
          rehash(t, whole, moved, part, cuts);
        }
        // disjoint, all 60 filed, and the parts filed one after another make the union of the parts filed alone
        const all = written.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(60);
        let filed = 0;
        for (let i = 0; i < 64 * factor; i++) if (whole.slots[whole.S * i] !== 0) filed++;
        expect(filed).toBe(60);
        // every state is found where its home leads (a lookup from a parent above every owner answers -1: found)
        for (const [tag, words] of states) expect(claimAlone(whole, tag, words, 1e9, at, 999, new Uint32Array(0), 0)).toBe(-1);
        // and moved says where each slot's entry went, its owner and ref kept
        for (let s = 0; s < 64; s++) if (t.slots[t.S * s] !== 0) expect(entry(whole, moved[s])).toEqual(entry(t, s));
      }
    }
  });

  test('in place, within its buffer: the parts change disjoint slots, in any order, and file every entry where a new buffer would', () => {
    for (const [homes, factor] of HOMES.flatMap((h) => [2, 8].map((f) => [h, f] as const))) {
      for (const parts of [1, 2, 3, 5, 7]) {
        // the same entries re-filed into a new buffer: where each one goes
        const copy = filled(0, homes).t;
        const into = emptyLike(copy, 64 * factor);
        const cuts = cutsOf(copy, parts);
        for (let part = 0; part < parts; part++) rehash(copy, into, new Int32Array(64), part, cuts);
        for (const order of ['forward', 'backward']) {
          const { t, at, states } = filled(64 * 8 * 4 * 4, homes);
          const before = Array.from({ length: 64 }, (_, s) => entry(t, s));
          expect(before.filter((e) => e[0] !== 0).length).toBe(states.length);
          const n = widened(t, 64 * factor);
          expect(n.slots.buffer).toBe(t.slots.buffer);
          expect(cutsOf(t, parts)).toEqual(cuts);
          const moved = new Int32Array(64).fill(-1);
          // the slots each part changes, by comparing the buffer before and after it
          const changed: Set<number>[] = [];
          const ps = Array.from({ length: parts }, (_, k) => (order === 'forward' ? k : parts - 1 - k));
          for (const part of ps) {
            const was = Array.from({ length: 64 * factor }, (_, i) => entry(n, i).join());
            rehash(t, n, moved, part, cuts);
            changed.push(new Set(was.flatMap((e, i) => (entry(n, i).join() !== e ? [i] : []))));
          }
          const all = changed.flatMap((c) => [...c]);
          expect(new Set(all).size).toBe(all.length);
          // slot for slot what the copy made; every state found; moved right
          for (let i = 0; i < 64 * factor; i++) expect(entry(n, i)).toEqual(entry(into, i));
          for (const [tag, words] of states) expect(claimAlone(n, tag, words, 1e9, at, 999, new Uint32Array(0), 0)).toBe(-1);
          for (let s = 0; s < 64; s++) if (before[s][0] !== 0) expect(entry(n, moved[s])).toEqual(before[s]);
        }
      }
    }
  });

  test('past its buffer, a table grows into a new one', () => {
    const { t } = filled(64 * 2 * 4 * 4);
    expect(widened(t, 128).slots.buffer).toBe(t.slots.buffer);
    expect(widened(t, 256).slots.buffer).not.toBe(t.slots.buffer);
  });
});

test('a table too small for a level: ranges pause, the table grows, the result is the same', () => {
  const model = loadSpecFile(path.join(ROOT, 'bench', 'models', 'philosophers.spec.ts')).model({ N: 8 });
  const { checker, jsPath } = generateChecker(model);
  const seq = exploreGenerated(checker);
  // two threads: a worker and the main thread; three: two workers and the main thread (each pauses on
  // its own); the table grows by the main thread alone, or by every thread re-filing a part of it;
  // the candidates and the lowerings recorded before it grows name their slots anew (slots that keep
  // the words, or lead to them)
  for (const [workers, parallelGrowSlots, wordsOutOfSlots] of [[2, undefined, false], [3, undefined, false], [2, 1, false], [3, 1, false], [2, 1, true], [3, undefined, true]] as const) {
    const par = exploreParallel(checker, jsPath, { workers, parallelThreshold: 1, awaitWorkers: true, tableSlots: 1024, parallelGrowSlots, wordsOutOfSlots });
    expect(par.workers).toBe(workers);
    expect(same(par)).toEqual(same(seq));
  }
});

test('--states-hint sizes the shared table up front: the same result, the table as large as the hint needs', () => {
  const model = loadSpecFile(path.join(ROOT, 'bench', 'models', 'philosophers.spec.ts')).model({ N: 8 });
  const { checker, jsPath } = generateChecker(model);
  const seq = exploreGenerated(checker);
  const hinted = exploreParallel(checker, jsPath, { workers: 2, parallelThreshold: 1, awaitWorkers: true, statesHint: 1 << 20 });
  const plain = exploreParallel(checker, jsPath, { workers: 2, parallelThreshold: 1, awaitWorkers: true });
  expect(same(hinted)).toEqual(same(seq));
  // 2^20 states at load ≤ 3/4: 2^21 slots of at least 3 Int32s; without the hint, the table fits the states
  expect(hinted.memory!.bytes).toBeGreaterThan(2 ** 21 * 3 * 4);
  expect(plain.memory!.bytes).toBeLessThan(2 ** 21 * 3 * 4);
});

describe('when one thread explores', () => {
  test('liveness properties and --counterexamples N keep the sequential engine', () => {
    const live = loadSpecFile(EX('liveness.spec.ts'), 'SpinLock').model({});
    expect(checkModel(live, { workers: 2, parallelThreshold: 1, awaitWorkers: true }).workers).toBeUndefined();
    const tp = loadSpecFile(EX('twophase.spec.ts')).model({ RM_COUNT: 3 });
    expect(checkModel(tp, { workers: 2, parallelThreshold: 1, awaitWorkers: true, counterexamples: 2, stopAtFirst: false }).workers).toBeUndefined();
    // levels below the threshold start no thread
    expect(checkModel(tp, { workers: 2 }).workers).toBeUndefined();
  });
});

describe('an evaluation error in a worker', () => {
  const errorOf = (model: Model, opts: CheckOptions): string => {
    try {
      checkModel(model, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  test('a step that fails: the same located error, no hang', () => {
    const model = parseSpecText('Fails', `
      var a: 0..9
      var b: 0..9
      var c: 0..9
      init { a := 0  b := 0  c := 0 }
      action A { await a < 9  a := a + 1 }
      action B { await b < 9  b := b + 1 }
      action Div { await a == 6 && b == 4  c := 9 / (a - b - 2) }
    `).model();
    const seq = errorOf(model, { workers: 1 });
    expect(seq).toMatch(/Div.*division by zero/);
    expect(errorOf(model, { workers: 2, parallelThreshold: 1, awaitWorkers: true })).toBe(seq);
  });
  test('an invariant that fails', () => {
    const model = parseSpecText('FailsInv', `
      var a: 0..9
      var b: 0..9
      init { a := 0  b := 0 }
      action A { await a < 9  a := a + 1 }
      action B { await b < 9  b := b + 1 }
      invariant Finite: 9 / (a + b - 11) < 100
    `).model();
    const seq = errorOf(model, { workers: 1 });
    expect(seq).toMatch(/Finite.*division by zero/);
    expect(errorOf(model, { workers: 2, parallelThreshold: 1, awaitWorkers: true })).toBe(seq);
  });
});

test('the winners pass places each winner at its index (words, links across chunks of the links) and marks the losers', () => {
  // states of two words (kept in their slots), one invariant word, three actions; 30 candidates
  // placed from index 65,526 on, so that the winners cross from one chunk of the links to the next
  const lay = { W: 2, MW: 1, R: HEAD + 2 + 2, WAT: HEAD + 2, inline: true, actions: 3, invariants: 1 };
  const t = newTable(1024, 2);
  const cand = new Int32Array(new SharedArrayBuffer(4 * lay.R * 30));
  const lost = (x: number) => x % 7 === 3;
  // the lowerings that took over the lost candidates' owners, recorded by two threads (range 0)
  const lows = [newLowerings(), newLowerings()];
  for (let x = 0; x < 30; x++) {
    const o = x * lay.R;
    const slot = 2 * x;
    cand.set([1000 + x, x % 3, 50 + x, 0, slot, 0, 0, 7 * x, 7 * x + 1], o);
    if (lost(x)) lowering(lows[x % 2], 0, 1000 + x, slot);
  }
  const first = (1 << COLUMN_SHIFT) - 10;
  const links = new MemoryLinks();
  const arena = growableBuffer(4 * 2 * (first + 30));
  const sums = new Int32Array(new SharedArrayBuffer(4 * (SUMS_HEAD + 3)));
  const out: Placement = { arena, locs: { first: 0, chunks: [] }, parents: links.parents.part(first, first + 26), actions: links.actions.part(first, first + 26), combos: links.combos.part(first, first + 26), sums, lows: lows.map(sentLows) };
  takeWinners(t, lay, [{ cand, base: 0, n: 30, k: 0, first }], out, new Int32Array(3));
  const won = [...Array(30).keys()].filter((x) => !lost(x));
  expect(sums[0]).toBe(won.length);
  for (const c of [links.parents, links.actions, links.combos]) c.setLength(first + won.length);
  const words = wordsOf(arena);
  won.forEach((x, k) => {
    const i = first + k;
    expect([links.parent(i), links.action(i), links.combo(i), words[2 * i], words[2 * i + 1]]).toEqual([1000 + x, x % 3, 50 + x, 7 * x, 7 * x + 1]);
  });
  for (let x = 0; x < 30; x++) expect(cand[x * lay.R + 4] === LOST).toBe(lost(x));
  expect(Array.from(sums.subarray(SUMS_HEAD))).toEqual([0, 1, 2].map((a) => won.filter((x) => x % 3 === a).length));
});

test('in a table whose slots lead to the words, the winners pass writes each winner\'s ref by its index, and moves no words', () => {
  // states of five words (out of the slots): a record ends with the ref that leads to its words;
  // 30 candidates placed from index 65,526 on, across two chunks of the columns
  const lay = { W: 5, MW: 1, R: HEAD + 2 + 1, WAT: HEAD + 2, inline: false, actions: 3, invariants: 1 };
  const t = newTable(1024, 5);
  const before = Int32Array.from(t.slots);
  const cand = new Int32Array(new SharedArrayBuffer(4 * lay.R * 30));
  const lost = (x: number) => x % 7 === 3;
  const lows = [newLowerings()];
  for (let x = 0; x < 30; x++) {
    cand.set([1000 + x, x % 3, 50 + x, 0, 2 * x, 0, 0, freshRef(x, x % 2, 2)], x * lay.R);
    if (lost(x)) lowering(lows[0], 0, 1000 + x, 2 * x);
  }
  const first = (1 << COLUMN_SHIFT) - 10;
  const links = new MemoryLinks();
  const locs = new Column();
  const arena = growableBuffer(4 * 5);
  const sums = new Int32Array(new SharedArrayBuffer(4 * (SUMS_HEAD + 3)));
  const out: Placement = { arena, locs: locs.part(first, first + 26), parents: links.parents.part(first, first + 26), actions: links.actions.part(first, first + 26), combos: links.combos.part(first, first + 26), sums, lows: lows.map(sentLows) };
  takeWinners(t, lay, [{ cand, base: 0, n: 30, k: 0, first }], out, new Int32Array(3));
  const won = [...Array(30).keys()].filter((x) => !lost(x));
  expect(sums[0]).toBe(won.length);
  for (const c of [links.parents, links.actions, links.combos, locs]) c.setLength(first + won.length);
  won.forEach((x, k) => {
    const i = first + k;
    expect([links.parent(i), links.action(i), links.combo(i), locs.at(i)]).toEqual([1000 + x, x % 3, 50 + x, freshRef(x, x % 2, 2)]);
  });
  expect(Array.from(wordsOf(arena))).toEqual([0, 0, 0, 0, 0]);
  expect(Array.from(t.slots)).toEqual(Array.from(before));
});

test('a lowering names its loser by parent and slot, among records where a parent has several candidates', () => {
  // records of parents 10, 11, 11, 11, 12, 14, 14 (in the order of their parents, as a range records
  // them), slots as listed; the lowerings name (11, slot 6) and (14, slot 3): only those lose, not the
  // other candidates of the same parents or of the same slot
  const lay = { W: 1, MW: 1, R: HEAD + 2 + 1, WAT: HEAD + 2, inline: true, actions: 1, invariants: 1 };
  const t = newTable(64, 1);
  const rows = [[10, 6], [11, 5], [11, 6], [11, 7], [12, 3], [14, 9], [14, 3]];
  const cand = new Int32Array(new SharedArrayBuffer(4 * lay.R * (rows.length + 2)));
  // (two records of another range before this one's: its records start at base 2)
  rows.forEach(([parent, slot], x) => cand.set([parent, 0, 0, 0, slot, 0, 0, 100 + x], (x + 2) * lay.R));
  const lows = newLowerings();
  lowering(lows, 1, 14, 3);
  lowering(lows, 0, 99, 6); // (of range 0: not this job's)
  lowering(lows, 1, 11, 6);
  const links = new MemoryLinks();
  const arena = growableBuffer(4 * 16);
  const sums = new Int32Array(new SharedArrayBuffer(4 * 2 * (SUMS_HEAD + 1)));
  const out: Placement = { arena, locs: { first: 0, chunks: [] }, parents: links.parents.part(0, 5), actions: links.actions.part(0, 5), combos: links.combos.part(0, 5), sums, lows: [sentLows(lows)] };
  const ctrl = new Int32Array(3);
  ctrl[2] = 1; // (job 0, range 0's, is taken)
  takeWinners(t, lay, [{ cand, base: 0, n: 0, k: 0, first: 0 }, { cand, base: 2, n: rows.length, k: 1, first: 0 }], out, ctrl);
  expect(sums[SUMS_HEAD + 1]).toBe(5);
  expect(rows.map((_, x) => cand[(x + 2) * lay.R + 4] === LOST)).toEqual([false, false, true, false, false, false, true]);
  for (const c of [links.parents, links.actions, links.combos]) c.setLength(5);
  expect([0, 1, 2, 3, 4].map((i) => links.parent(i))).toEqual([10, 11, 11, 12, 14]);
  expect(Array.from(wordsOf(arena).subarray(0, 5))).toEqual([100, 101, 103, 104, 105]);
});

test('a lowering that names no candidate of its range is an internal error, not a wrong count', () => {
  const lay = { W: 1, MW: 1, R: HEAD + 2 + 1, WAT: HEAD + 2, inline: true, actions: 1, invariants: 1 };
  const cand = new Int32Array(new SharedArrayBuffer(4 * lay.R * 2));
  cand.set([10, 0, 0, 0, 4, 0, 0, 1], 0);
  cand.set([12, 0, 0, 0, 5, 0, 0, 2], lay.R);
  const lows = newLowerings();
  lowering(lows, 0, 11, 4);
  const links = new MemoryLinks();
  const sums = new Int32Array(new SharedArrayBuffer(4 * (SUMS_HEAD + 1)));
  const out: Placement = { arena: growableBuffer(16), locs: { first: 0, chunks: [] }, parents: links.parents.part(0, 2), actions: links.actions.part(0, 2), combos: links.combos.part(0, 2), sums, lows: [sentLows(lows)] };
  expect(() => takeWinners(newTable(64, 1), lay, [{ cand, base: 0, n: 2, k: 0, first: 0 }], out, new Int32Array(3))).toThrow(/internal error: a lowering names a candidate of parent 11 at slot 4/);
});

test('rangeOf finds the range of cutOf that holds a parent (the merge counts each range\'s losers by it)', () => {
  for (const [from, to, K] of [[0, 1, 1], [5, 6, 2], [100, 164, 64], [3, 1_000_003, 64], [0, 10_340_352, 64], [7, 200, 3], [0, 97, 97]]) {
    const cut = { from, to, K };
    for (let k = 0; k < K; k++) {
      const a = cutOf(from, to, K, k);
      const b = cutOf(from, to, K, k + 1);
      // every parent of a range of a few, else its ends and a middle one
      const ps = b - a <= 4 ? Array.from({ length: b - a }, (_, i) => a + i) : [a, a + 1, (a + b) >> 1, b - 2, b - 1];
      for (const p of ps) expect(rangeOf(cut, p)).toBe(k);
    }
  }
});

test('the arena grows in place: its words stay where they were and no page is copied; a buffer that cannot grow is copied', () => {
  // (a view of a fixed length, as the engine makes them: one that tracks the buffer's length is slower)
  const a = wordsOf(growableBuffer(4 * 16));
  for (let i = 0; i < 16; i++) a[i] = i + 1;
  const b = grownView(a, 1 << 20, 16);
  // the same memory, longer: every thread's view of it stays valid
  expect(b.buffer).toBe(a.buffer);
  expect(a.length).toBe(16);
  expect(b.length).toBe(1 << 20);
  expect(Array.from(b.subarray(0, 16))).toEqual(Array.from(a));
  b[(1 << 20) - 1] = 7;
  // a buffer that cannot grow is copied, its first `keep` words
  const p = new Uint32Array(new SharedArrayBuffer(4 * 16));
  p.set(a);
  const q = grownView(p, 64, 10);
  expect(q.buffer).not.toBe(p.buffer);
  expect(q.length).toBe(64);
  expect(Array.from(q.subarray(0, 12))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0]);
});

test('a shared buffer a worker thread would never receive (4 GiB or more) is refused with an error that names --workers 1', () => {
  // (node 20 drops such a message without an error: the run waited for the watchdog)
  expect(() => growableBuffer(2 ** 32)).toThrow("the parallel exploration's arena of states would need 4.0 GiB, and node's worker threads cannot share a buffer of 4 GiB or more; run with --workers 1");
  // (a thread's region: entries of a mark and five words)
  expect(() => regionFor(undefined, 2 ** 28, 6, 0)).toThrow("the parallel exploration's region of a thread's states would need 6.0 GiB, and node's worker threads cannot share a buffer of 4 GiB or more; run with --workers 1");
  expect(() => reservedBuffer(2 ** 32 + 2 ** 30, 0)).toThrow(/state table would need 5\.0 GiB.*--workers 1$/);
  // a shared table reserves less than that
  expect(reservedBuffer(64, 2 ** 33).byteLength).toBe(MAX_SHARED_BYTES);
});
