// The generated checker's state stores (src/engine/packed-store.ts,
// fingerprint-store.ts): the default store identifies a state by its packed
// words, so even states whose hashes all collide stay apart; the
// fingerprint-only store keeps fingerprints, the frontier (spilled to a file
// past its bound) and the trace links on disk, and removes its files at the
// end, also after an error. Every mode gives the same counts, depth,
// coverage and counterexamples on the example specs and the shmem spec.
import * as fs from 'fs';
import { explore, type StateSpace, type StateStore } from '../src/engine/explore';
import { PackedStore, type PackedCodec, type WordHash } from '../src/engine/packed-store';
import { FingerprintStore } from '../src/engine/fingerprint-store';
import { fingerprint } from '../src/engine/fpset';
import { COLUMN_SHIFT, Column } from '../src/engine/links';
import { checkSpecFile, loadSpecFile, type CheckFileOptions } from '../src/api';
import { generateChecker } from '../generator/load';
import { generatedSpace } from '../src/engine/bfs';
import { makeStep } from '../src/runtime/step';
import type { CheckResult } from '../src/engine/result';

/** states are [x, y] pairs, one word each */
const PAIRS: PackedCodec<number[]> = {
  WORDS: 2,
  encode: (n, w, o) => {
    w[o] = n[0];
    w[o + 1] = n[1];
  },
  decode: (w, o) => [w[o], w[o + 1]],
};
/** every state hashes alike: tag and slot collide for all */
const SAME_HASH: WordHash = (_w, _o, _n, out) => {
  out[0] = 7;
  out[1] = 7;
};

test('a shared link column filled through its chunks (the parallel merge) holds what pushing one by one holds, across chunks and slabs', () => {
  const src = Int32Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) | 0);
  const pushed = new Column();
  // slabs of two chunks: the blocks below also cross from one slab to the next (links.ts)
  const placed = new Column(2);
  pushed.push(7);
  placed.push(7);
  // blocks that start and end inside chunks, cross one boundary or several, or are empty
  let at = 0;
  for (const n of [5, 65_530, 0, 1, 140_000, 10, 70_000]) {
    const from = placed.n;
    const part = placed.part(from, from + n);
    for (let i = from; i < from + n; i++) part.chunks[(i >>> COLUMN_SHIFT) - part.first][i & ((1 << COLUMN_SHIFT) - 1)] = src[at + i - from];
    placed.setLength(from + n);
    for (let i = at; i < at + n; i++) pushed.push(src[i]);
    at += n;
  }
  expect(placed.n).toBe(pushed.n);
  expect(placed.toArray()).toEqual(pushed.toArray());
  expect(placed.bytes).toBe(pushed.bytes);
  // (a length past the chunks made so far is an internal error, not a silent hole)
  expect(() => placed.setLength(placed.bytes)).toThrow(/cannot hold/);
});

test('a column appended to another holds what pushing its values holds: whole chunks into an empty column, one by one after', () => {
  const src = new Column();
  for (let i = 0; i < 200_000; i++) src.push((i * 2654435761) | 0);
  const appended = new Column();
  const pushed = new Column();
  // 140,000: two whole chunks and part of a third; then 70,000 more from inside a chunk
  appended.append(src, 140_000);
  appended.append(src, 70_000);
  for (const n of [140_000, 70_000]) for (let i = 0; i < n; i++) pushed.push(src.at(i));
  expect(appended.n).toBe(210_000);
  expect(appended.toArray()).toEqual(pushed.toArray());
  expect(appended.bytes).toBe(pushed.bytes);
});

test('the default store tells states apart by their words even when every hash collides, through growing', () => {
  const store = new PackedStore(PAIRS, 0, SAME_HASH);
  // 2,000 states: past the first table (1,024 slots at load 3/4), so it is re-filed from the arena
  for (let i = 0; i < 2000; i++) expect(store.add([i, i % 3])).toBe(i);
  for (let i = 0; i < 2000; i += 97) {
    expect(store.add([i, i % 3])).toBe(~i);
    expect(store.indexOf([i, i % 3])).toBe(i);
    expect(store.get(i)).toEqual([i, i % 3]);
  }
  expect(store.indexOf([5, 4])).toBe(-1);
  expect(store.size).toBe(2000);
});

/** states are [x, y, z] triples: three words, more than a slot keeps (its slot holds a tag) */
const TRIPLES: PackedCodec<number[]> = {
  WORDS: 3,
  encode: (n, w, o) => {
    for (let k = 0; k < 3; k++) w[o + k] = n[k];
  },
  decode: (w, o) => [w[o], w[o + 1], w[o + 2]],
};

test.each([
  ['two words, kept in their slot', PAIRS, 3],
  ['three words, a tag in their slot', TRIPLES, 2],
])('the default store doubles its table in place, within its buffer, as it would into a new one (%s)', (_name, codec, S) => {
  // homes in a few slots at the table's end (long runs around it), told apart by the bits a larger table reads
  // (the home is the second hash's when the slot keeps the words, else the tag's)
  const CLUSTERED: WordHash = (w, o, _n, out) => {
    const home = 1019 + (w[o] % 5) + 1024 * ((w[o] * 7) % 13);
    out[0] = S === 3 ? (w[o] * 2654435761) | 0 : home;
    out[1] = home;
  };
  const inPlace = new PackedStore(codec, 0, CLUSTERED);
  // (no room to spare: every doubling goes to a new buffer)
  const copied = new PackedStore(codec, 0, CLUSTERED, false, 0);
  const table = (st: PackedStore<number[]>) => (st as unknown as { table: Int32Array }).table;
  const buffers = new Set<ArrayBufferLike>();
  const state = (i: number) => [i, i % 3, i % 7].slice(0, codec.WORDS);
  for (let i = 0; i < 2000; i++) {
    expect(inPlace.add(state(i))).toBe(i);
    expect(copied.add(state(i))).toBe(i);
    buffers.add(table(inPlace).buffer);
  }
  // two doublings (1,024 slots to 4,096), both within the first buffer
  expect(table(inPlace).length).toBe(4096 * S);
  expect(buffers.size).toBe(1);
  expect(table(copied).buffer).not.toBe(table(inPlace).buffer);
  expect(Array.from(table(inPlace))).toEqual(Array.from(table(copied)));
  for (let i = 0; i < 2000; i++) expect(inPlace.indexOf(state(i))).toBe(i);
});

test.each([
  ['two words, kept in their slot', PAIRS],
  ['three words, a tag in their slot', TRIPLES],
])('staged lookups (stage, touch, commit) answer as add() one by one, through growing and with colliding hashes (%s)', (_name, codec) => {
  // few distinct states, many repeated, in batches of random sizes; half the hashes collide
  const WEAK: WordHash = (w, o, n, out) => {
    fingerprint(w, o, n, out);
    if (w[o] % 2 === 0) out[1] = out[0] = w[o] % 64;
  };
  const one = new PackedStore(codec, 0, WEAK);
  const staged = new PackedStore(codec, 0, WEAK);
  let seed = 1;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const state = (i: number) => [i, i % 3, i % 7].slice(0, codec.WORDS);
  let known = 0;
  const ref = new Map<string, number>();
  for (let round = 0; round < 400; round++) {
    const batch = Array.from({ length: 1 + next(40) }, () => state(next(3000)));
    const want = batch.map((n) => one.add(n));
    // (and add() as a map would answer)
    expect(want).toEqual(batch.map((n) => (ref.has(String(n)) ? ~ref.get(String(n))! : (ref.set(String(n), ref.size), ref.size - 1))));
    // a stage answers ~index for a state it knows; the rest are committed in staging order
    const at = batch.map((n) => staged.stage(n));
    // (a batch dropped in part first: the staged states from its middle on are staged again)
    const cut = at.findIndex((j) => j >= 0 && next(4) === 0);
    if (cut >= 0) {
      staged.unstage(at[cut]);
      for (let k = cut; k < batch.length; k++) at[k] = staged.stage(batch[k]);
    }
    staged.touch();
    const got = at.map((j) => (j < 0 ? j : staged.commit(j)));
    staged.unstage();
    known += at.filter((j) => j < 0).length;
    expect(got).toEqual(want);
  }
  expect(staged.size).toBe(one.size);
  expect(one.size).toBeGreaterThan(2000); // the table grew twice, some of it while committing
  expect(known).toBeGreaterThan(0);
  for (let i = 0; i < one.size; i++) expect(staged.get(i)).toEqual(one.get(i));
  // every state is where the table says (indexOf reads the table alone, not the cache of recent lookups)
  for (let i = 0; i < staged.size; i++) expect(staged.indexOf(staged.get(i))).toBe(i);
});

test('fingerprint-only: staged lookups answer as add() one by one, through growing', () => {
  const one = new FingerprintStore(TRIPLES);
  const staged = new FingerprintStore(TRIPLES);
  try {
    const committed: [number, number][] = [];
    let seed = 3;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const ref = new Set<number>();
    for (let round = 0; round < 300; round++) {
      const batch = Array.from({ length: 1 + next(40) }, () => next(3000)).map((i) => [i, i % 3, i % 7]);
      // (a new state's index; ~0 for one seen: this store keeps no index of it)
      const want = batch.map((n) => (ref.has(n[0]) ? ~0 : (ref.add(n[0]), ref.size - 1)));
      expect(batch.map((n) => one.add(n))).toEqual(want);
      const at = batch.map((n) => staged.stage(n));
      staged.touch();
      expect(at.map((j) => {
        const i = staged.commit(j);
        // (words: the state committed last, whose fingerprint the links take)
        if (i >= 0) committed.push([staged.words[0], staged.words[2]]);
        return i;
      })).toEqual(want);
      staged.unstage();
    }
    expect(staged.size).toBe(ref.size);
    expect(ref.size).toBeGreaterThan(1500); // past the first table (1,024 slots), grown while committing
    for (const [x, z] of committed) expect(z).toBe(x % 7);
  } finally {
    one.close();
    staged.close();
  }
});

test('the fingerprint-only store takes two states with one fingerprint for one (what its collision estimate is about)', () => {
  const store = new FingerprintStore(PAIRS, { hash: SAME_HASH });
  try {
    expect(store.add([1, 2])).toBe(0);
    store.links.push(-1, -1, 0);
    expect(store.add([3, 4])).toBeLessThan(0);
    expect(store.matches([3, 4], 0)).toBe(true);
  } finally {
    store.close();
  }
});

/** a grid: from (x, y) a step right and a step up, up to SIDE-1; BadCorner is broken at the far corner */
function grid(side: number, store: StateStore<number[]>): StateSpace<number[]> {
  return {
    spec: 'Grid',
    constants: {},
    engine: 'generated',
    actions: ['Right', 'Up'],
    invariants: ['BadCorner'],
    store,
    init: (emit) => emit([0, 0]),
    successors: (s, emit) => {
      if (s[0] + 1 < side) emit(0, 0, [s[0] + 1, s[1]]);
      if (s[1] + 1 < side) emit(1, 0, [s[0], s[1] + 1]);
    },
    invariant: (_i, s) => !(s[0] === side - 1 && s[1] === side - 1),
    terminated: (s) => s[0] === side - 1 && s[1] === side - 1,
    toJSON: (s) => ({ x: s[0], y: s[1] }),
    stepOf: (a) => makeStep({ name: a === 0 ? 'Right' : 'Up', params: [] }, []),
  };
}

/** a fan: (0, 0) steps to (i, 1) for each i < WIDE, each (i, 1) to (i, 2); BadEnd is broken at (WIDE - 1, 2) */
function fan(wide: number, store: StateStore<number[]>): StateSpace<number[]> {
  return {
    ...grid(1, store),
    init: (emit) => emit([0, 0]),
    successors: (s, emit) => {
      if (s[1] === 0) for (let i = 0; i < wide; i++) emit(0, i, [i, 1]);
      else if (s[1] === 1) emit(1, 0, [s[0], 2]);
    },
    invariant: (_i, s) => !(s[0] === wide - 1 && s[1] === 2),
    terminated: (s) => s[1] === 2,
  };
}

test('fingerprint-only: a frontier past its bound spills to a file; same counts and counterexample; its files are removed', () => {
  const exact = explore(fan(20_000, new PackedStore(PAIRS)), { stopAtFirst: false });
  // a bound of one byte: every full frontier chunk but the one being read waits on disk
  const store = new FingerprintStore(PAIRS, { frontierBytes: 1 });
  const dir = store.tempDir;
  const fp = explore(fan(20_000, store), { stopAtFirst: false });
  expect(fs.existsSync(dir)).toBe(false);
  expect(summary(fp)).toEqual(summary(exact));
  expect(fp.distinctStates).toBe(1 + 2 * 20_000);
  expect(store.spilledBytes).toBeGreaterThan(0);
  expect(fp.violations[0].trace).toHaveLength(3);
  expect(fp.violations[0].trace).toEqual(exact.violations[0].trace);
});

test('fingerprint-only: the temporary files are removed after an error too', () => {
  const store = new FingerprintStore(PAIRS);
  const space = grid(10, store);
  space.invariant = (_i, s) => {
    if (s[0] === 5) throw new Error('boom');
    return true;
  };
  expect(() => explore(space)).toThrow('boom');
  expect(fs.existsSync(store.tempDir)).toBe(false);
});

/** what must agree between modes: everything but timings and memory */
function summary(r: CheckResult) {
  return {
    result: r.result,
    complete: r.complete,
    distinct: r.distinctStates,
    generated: r.statesGenerated,
    depth: r.depth,
    coverage: r.coverage,
    properties: r.properties,
    violations: r.violations,
  };
}

const EXAMPLES: [file: string, spec: string][] = [
  ['spec/examples/diehard.spec.ts', 'DieHard'],
  ['spec/examples/prodcons.spec.ts', 'ProdCons'],
  ['spec/examples/twophase.spec.ts', 'TwoPhase'],
  ['spec/examples/peterson.spec.ts', 'Peterson'],
  ['spec/examples/peterson.spec.ts', 'PetersonBroken'],
  ['spec/examples/liveness.spec.ts', 'PetersonFair'],
  ['spec/examples/liveness.spec.ts', 'SpinLockWeak'],
];

test.each(EXAMPLES)('%s %s: the same verdicts, counts, coverage and counterexamples in every memory mode', (file, spec) => {
  const run = (o: CheckFileOptions) => checkSpecFile(file, { spec, stopAtFirst: false, ...o });
  const exact = run({});
  expect(exact.memory?.mode).toBe('exact');
  expect(summary(run({ statesHint: 100_000 }))).toEqual(summary(exact));
  const fp = run({ fingerprintOnly: true });
  expect(fp.memory?.mode).toBe('fingerprint-only');
  expect(fp.memory!.collisionProbability).toBeCloseTo((fp.distinctStates * (fp.statesGenerated - fp.distinctStates)) / 2 ** 64, 30);
  // liveness needs every state: its verdicts are unknown in fingerprint-only mode, with the reason
  const liveness = exact.properties.filter((p) => fp.properties.find((q) => q.name === p.name)!.status === 'unknown').map((p) => p.name);
  for (const name of liveness) expect(fp.properties.find((q) => q.name === name)!.reason).toMatch(/--fingerprint-only/);
  const safety = (r: CheckResult) => ({
    ...summary(r),
    // a liveness violation makes the exact run's result 'violation'
    result: undefined,
    properties: r.properties.filter((p) => !liveness.includes(p.name)),
    violations: r.violations.filter((v) => !liveness.some((l) => v.property.startsWith(l))),
  });
  expect(safety(fp)).toEqual(safety(exact));
  expect(fp.result).toBe(safety(exact).violations.length ? 'violation' : 'ok');
});

test('the shmem spec at its defaults: the same counts, depth, coverage and counterexamples with --states-hint and --fingerprint-only', () => {
  const model = loadSpecFile('spec/shmem_uffd/shmem_uffd.spec.ts').model({});
  const { checker } = generateChecker(model);
  // the exact mode without its liveness check (which fingerprint-only mode leaves unknown;
  // the default run with it is asserted by test/shmem-uffd.test.ts and test/cli.test.ts)
  const exactSpace = generatedSpace(checker, { statesHint: 200_000 });
  exactSpace.liveness = undefined;
  const exact = explore(exactSpace, { stopAtFirst: false });
  // the full space (fingerprint-only leaves liveness unchecked, so it would reduce by the spec's symmetric Tid)
  const fp = checkSpecFile('spec/shmem_uffd/shmem_uffd.spec.ts', { stopAtFirst: false, fingerprintOnly: true, symmetry: false });
  expect([fp.distinctStates, fp.statesGenerated, fp.depth]).toEqual([125148, 359253, 30]);
  const live = (checker.META.liveness ?? []).map((l) => l.name);
  expect(live.length).toBeGreaterThan(0);
  expect(fp.properties.filter((p) => live.includes(p.name)).map((p) => p.status)).toEqual(live.map(() => 'unknown'));
  expect({ ...summary(fp), properties: fp.properties.filter((p) => !live.includes(p.name)) }).toEqual(summary(exact));
  expect(fp.violations.map((v) => [v.property, v.trace.length])).toEqual([['WpNotLost', 10], ['NoSilentWrite', 16]]);
  expect(exact.memory!.bytesPerState).toBeLessThan(70);
  expect(fp.memory!.bytesPerState).toBeLessThan(32);
  // with symmetry, fingerprint-only explores the orbits, as the exact store does with liveness left out
  const reduced = checkSpecFile('spec/shmem_uffd/shmem_uffd.spec.ts', { stopAtFirst: false, fingerprintOnly: true });
  expect(reduced.symmetry).toMatchObject({ name: 'Tid', reduced: true });
  expect(reduced.distinctStates).toBe(63891);
});

test.each([
  ['spec/examples/twophase.spec.ts', undefined, true],
  ['spec/examples/peterson.spec.ts', 'PetersonBroken', true],
  ['spec/examples/diehard.spec.ts', undefined, true],
  ['spec/examples/diehard.spec.ts', undefined, false],
  ['spec/shmem_uffd/shmem_uffd.spec.ts', undefined, true],
  ['spec/shmem_uffd/shmem_uffd.spec.ts', undefined, false],
] as [string, string | undefined, boolean][])('%s %s (stop at the first violation: %s): the generated checker gives the same result with its lookups staged as one by one, in both memory modes', (file, name, stopAtFirst) => {
  const model = loadSpecFile(file, name).model({});
  const { checker } = generateChecker(model);
  const run = (fingerprintOnly: boolean, batchFrom: number) => {
    // (a batch from the first level on, or never: the stores stage only once their table outgrows the cache)
    const space = generatedSpace(checker, { fingerprintOnly });
    space.liveness = undefined;
    (space.store as PackedStore<unknown[]> | FingerprintStore<unknown[]>).batchFrom = batchFrom;
    checker.reuseNext?.(true);
    try {
      return summary(explore(space, { stopAtFirst }));
    } finally {
      checker.reuseNext?.(false);
    }
  };
  for (const fingerprintOnly of [false, true]) {
    const staged = run(fingerprintOnly, 0);
    expect(staged).toEqual(run(fingerprintOnly, Infinity));
    if (file.includes('shmem')) expect(staged.violations.length).toBeGreaterThan(0);
  }
});

test('fingerprint-only, staged: a stop in a batch whose parents span two frontier chunks expands its parents again', () => {
  // parent (i, 1) is state i + 1; a batch of 128 parents from state 3969 to 4096 crosses the chunk of 4,096 states
  const bad = 3998;
  const run = (batchFrom: number) => {
    const store = new FingerprintStore(PAIRS);
    store.batchFrom = batchFrom;
    const space = { ...fan(6000, store), invariant: (_i: number, s: number[]) => !(s[0] === bad && s[1] === 2) };
    return summary(explore(space));
  };
  const staged = run(0);
  expect(staged.violations[0].trace).toHaveLength(3);
  expect(staged).toEqual(run(Infinity));
});

test('fingerprint-only, staged: a batch of parents without successors is cut at BATCH_PARENTS, so a stop can expand its parents again', () => {
  // one parent of 9,000 has a successor (which breaks the invariant); a batch without the cap would
  // run to the level's end, two frontier chunks past it
  const run = (batchFrom: number) => {
    const store = new FingerprintStore(PAIRS);
    store.batchFrom = batchFrom;
    const space: StateSpace<number[]> = {
      ...fan(9000, store),
      successors: (s, emit) => {
        if (s[1] === 0) for (let i = 0; i < 9000; i++) emit(0, i, [i, 1]);
        else if (s[1] === 1 && s[0] === 99) emit(1, 0, [s[0], 2]);
      },
      invariant: (_i, s) => s[1] !== 2,
    };
    return summary(explore(space, { deadlock: false }));
  };
  const staged = run(0);
  expect(staged.violations[0].trace).toHaveLength(3);
  expect(staged).toEqual(run(Infinity));
});
