// The steps compiled on the packed words (generator/word-steps.ts) against the
// value steps of the same module and against the reference interpreter: the
// same counts, coverage, verdicts and counterexamples. Each spec here is
// written so that its actions do compile to words (the test checks that they
// did), with every kind of value the word code handles: an enum map whose
// radix is not a power of two, a union with fields, a set of them crossing a
// word boundary, an int not starting at 0, bools.
import { parseSpecText } from '../dsl';
import { emitChecker } from '../generator/emit';
import { generateChecker } from '../generator/load';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, loadSpecFile } from '../src/api';
import type { CheckResult } from '../src/engine/result';
import { TwoPhase } from '../spec/examples/twophase.spec';
import { useScratchBuildDir } from './helpers/cli';

useScratchBuildDir('uffdspec-words-');

const WORDS = `
  const N: 1..4 = 3
  type Id = 0..N-1
  enum Color { Red, Green, Blue }
  union Msg { Ping { to: Id }, Pong { c: Color }, Quit }

  var color: [Id] -> Color
  var pad: [0..3] -> 0..15   // never changed: it puts count across the word boundary
  var last: Msg
  var inbox: set<Msg>
  var seen: set<Id>
  var count: 2..7
  var flag: bool

  init {
    color := [i in Id |-> Red]
    pad := [k in 0..3 |-> 0]
    inbox := {}
    count := 2
    flag := false
    last := Quit
    seen := {}
  }

  action Send(i: Id, c: Color) {
    await Ping { to: i } notin inbox
    inbox := inbox union { Ping { to: i }, Pong { c: c } }
    last := Pong { c: c }
  }

  action Paint(i: Id, c: Color) {
    await color[i] != c && Ping { to: i } in inbox
    let old = color[i]
    color[i] := c
    inbox := inbox \\ { Ping { to: i } }
    if c == Blue { flag := !flag } else if count < 7 { count := count + 1 }
    seen := if old == Red then seen union { i } else seen
  }

  action Sweep {
    await exists m in inbox: m is Pong
    await (forall j in seen: color[j] != Red) || flag
    inbox := inbox inter { Quit, Ping { to: 0 } }
    for j in Id { color[j] := Green }
    last := Quit
  }

  action Reset(i: Id) {
    await seen subseteq { 0, 1 } && last is Pong && count - 1 >= 2
    color := color with [i] = Red
    count := count - 1
  }

  invariant Bounded: count <= 7 && count >= 2
  invariant PongSent: (last is Pong) => (exists m in inbox: m is Pong || m == Quit)
  invariant NotAllBlue: exists j in Id: color[j] != Blue
`;

// processes, with, either, match, union fields (one of two tags), records, a map of maps, map literals
const BRANCHY = `
  const K: 1..3 = 2
  type Id = 0..K-1
  union Slot { Empty, Full { owner: Id, val: 0..2 }, Held { val: 0..2 } }

  var slots: [Id] -> Slot
  var grid: [Id] -> [0..1] -> bool
  var rec: { a: 0..1, b: bool }
  var n: 0..1

  init {
    slots := [i in Id |-> Empty]
    grid := [i in Id |-> [j in 0..1 |-> false]]
    rec := { a: 0, b: false }
    n := 0
  }

  process Worker[self in Id] {
    pick:  with v in 0..2 {
             await slots[self] is Empty
             either { slots[self] := Full { owner: self, val: v } } or { slots[self] := Held { val: v } }
           }
    poke:  either { grid[self][0] := true }
           or { grid[self][1] := !grid[self][1]; rec.a := (rec.a + 1) % 2 }
           or { await rec.b; skip }
    drop:  let m = match slots[self] { Full { val } => val, Held { val } => val, Empty => 0 }
           if m == 2 && n < 1 { n := n + 1 }
           slots[self] := Empty
           rec := rec with { b: !rec.b }
           goto pick
  }

  action Reset {
    await n == 1
    n := 0
    grid := [i in Id |-> [j in 0..1 |-> false]]
  }

  // val: a field of two tags, read and set
  action Bump(i: Id) {
    await !(slots[i] is Empty)
    slots[i].val := (slots[i].val + 1) % 3
  }

  action Peek(i: Id) {
    await slots[i] is Full && slots[i].owner == i
    rec.b := slots[i].val > 0
  }

  invariant Owners: forall i in Id: (slots[i] is Full) => slots[i].owner == i
  invariant NotAllSet: !(forall i in Id: grid[i][0] && grid[i][1])
`;

// sequences (radix 3 with len by comparisons; records as elements; radix 1 with
// len by a loop), card, min, max, sequence literals and equality
const SEQS = `
  const C: 1..3 = 3
  enum Color { Red, Green, Blue }

  var q: seq<Color, C>                      // radix 3, len by comparisons
  var r: seq<{ c: Color, n: 0..1 }, 2>      // records as elements
  var long: seq<0..0, 9>                    // radix 1, len by a loop (capacity above 8)
  var k: 0..3
  var s: set<0..4>

  init { q := << Red >>; r := << >>; long := << >>; k := 0; s := {} }

  action Push(c: Color) { await len(q) < C; q := append(q, c) }
  action Pop { await len(q) > 0 && head(q) != Blue; k := min(k + 1, 3); q := tail(q) }
  action Recolor(i: 0..2, c: Color) { await i < len(q) && q[i] != c && k < 2; q[i] := c }
  action Keep { await len(r) < 2 && len(q) > 0 && len(long) < 2; r := append(r, { c: q[len(q) - 1], n: k % 2 }) }
  action Flip(i: 0..1) { await i < len(r) && r[i].c != Red; r[i].n := 1 - r[i].n }
  action Drop { await r != << >>; r := tail(r) }
  action Grow { await len(long) < 9 && card(s) < 2 && len(r) == 0; long := append(long, 0); s := s union { len(long) % 5 } }
  action Shrink { await len(long) > 0; long := tail(long); k := max(k - 1, 0); s := {} }
  action Swap { await q == << Red, Green >>; q := << Green, Red >> }

  invariant Capacity: len(q) <= C && len(long) <= 9
  invariant Flips: forall i in 0..1: i < len(r) => r[i].n <= 1
  invariant NoBlueFirst: !(len(q) == C && head(q) == Blue && tail(q) == << Blue, Blue >>)
`;

// for loops that make a choice in each iteration: written out on words (generator/unroll.ts)
const FORS = `
  const K: 1..3 = 2
  type Id = 0..K-1
  enum Mode { Off, Ro, Rw }

  var mode: [Id] -> Mode
  var hits: [Id] -> 0..2
  var grid: [0..1] -> [0..1] -> bool
  var n: 0..3
  var c: [0..1] -> 0..2

  init {
    mode := [i in Id |-> Off]
    hits := [i in Id |-> 0]
    grid := [i in 0..1 |-> [j in 0..1 |-> false]]
    n := 0
    c := [i in 0..1 |-> 0]
  }

  // a with in each iteration over a type, a let per iteration read after the choice
  action Remap {
    await n < 2
    for i in Id {
      let was = mode[i]
      with m in Mode { await m != was || i == 0; mode[i] := m }
    }
    n := n + 1
  }

  // an either whose arms choose again, over a range of constant bounds
  action Touch {
    for i in 0..K-1 {
      either { hits[i] := (hits[i] + 1) % 3 }
      or { with v in 0..1 { await v < 1 || mode[i] == Rw; hits[i] := v } }
    }
  }

  // nested fors, the inner one choosing
  action Fill(b: bool) {
    await n >= 1
    for i in 0..1 {
      for j in 0..1 { either { grid[i][j] := b } or { grid[i][j] := !grid[i][j] } }
    }
  }

  // (enabled where the test makes it so) once c[1] is 2, a later iteration's second choice goes
  // outside c's type, after the first has emitted a successor: the value step raises the error
  action Count {
    await n == 3
    for i in 0..1 { with d in 0..1 { c[i] := if i == 0 then d else c[1] + d } }
  }

  // a choice inside a for inside a with, and one in an if
  action Mixed {
    with k in 0..1 {
      for i in 0..1 {
        if mode[i] == Off { either { hits[i] := k } or { skip } } else { hits[i] := 2 }
      }
    }
  }

  invariant NotAllRw: !(forall i in Id: mode[i] == Rw)
  invariant Hits: forall i in Id: hits[i] <= 2
`;

// maps of more than 2^52 values, packed as a field per entry: their entries read and written on words
const PER_ENTRY = `
  type Id = 0..26
  union Cell { Free, Used { by: 0..3, n: 0..2 } }

  var cells: [Id] -> Cell   // 13^27 values
  var hits: [Id] -> 0..5    // 6^27: 3-bit entries, hits[6] across a word boundary
  var tok: 0..1

  init { cells := [i in Id |-> Free]; hits := [i in Id |-> 0]; tok := 0 }

  // 27 instances (two of them ever move): the pc is a map of 4^27 values, a field per entry too
  process P[self in Id] {
    take:  await self < 2 && cells[self] is Free
           cells[self] := Used { by: tok, n: 0 }
    spin:  either { cells[self].n := (cells[self].n + 1) % 3; goto spin }
           or { await cells[self].n == 2; hits[self + 20] := 1 - hits[self + 20] }
    give:  with b in 0..1 { await b == 0 || tok == self; if b == 1 { cells[self].by := 3 } else { cells[self] := Free } }
           goto take
  }

  action Tok(t: 0..1) {
    await t != tok
    tok := t
    hits[6] := (hits[6] + 5) % 6
    for i in 0..1 { either { hits[10 + i] := 1 } or { skip } }
  }

  invariant ByKnown: forall i in Id: cells[i] is Used => cells[i].by <= 3
  invariant NotBoth: !(hits[20] == 1 && hits[21] == 1 && hits[6] == 1)
`;

type Outcome = Omit<CheckResult, 'durationMs' | 'engine' | 'memory'>;

function outcome(r: CheckResult): Outcome {
  const { durationMs, engine, memory, ...rest } = r;
  void durationMs, engine, memory;
  return rest;
}

/** the generated engine with one worker, its actions on the words (`words`) or all on values */
function generated(text: string, consts: Record<string, number>, words: boolean, opts: { maxStates?: number } = {}): Outcome {
  const model = parseSpecText('Words', text).model(consts);
  const { checker } = generateChecker(model);
  expect(checker.wordSteps).toBeDefined();
  checker.wordSteps!(words);
  try {
    return outcome(checkModel(model, { workers: 1, deadlock: false, stopAtFirst: false, ...opts }));
  } finally {
    checker.wordSteps!(true);
  }
}

/** the message of the error a one-worker check of `text` stops on, its actions on the words or all on values */
function failure(text: string, words: boolean): string {
  const model = parseSpecText('Words', text).model();
  const { checker } = generateChecker(model);
  checker.wordSteps!(words);
  try {
    checkModel(model, { workers: 1, deadlock: false });
  } catch (e) {
    return (e as Error).message;
  } finally {
    checker.wordSteps!(true);
  }
  return 'no error';
}

/** the one-worker check of `text` on words, once it is shown equal to the check on values and to the interpreter's */
function agreeing(text: string, consts: Record<string, number> = {}): Outcome {
  const on = generated(text, consts, true);
  expect(on).toEqual(generated(text, consts, false));
  const { durationMs: _a, engine: _b, memory: _c, ...i } = checkModel(parseSpecText('Words', text).model(consts), { engine: 'interpreter', deadlock: false, stopAtFirst: false });
  expect(on).toEqual(i);
  return on;
}

/** the generated module of `text`, every one of whose actions and invariants was compiled to words (none said why not) */
function allOnWords(text: string, consts: Record<string, number> = {}): string {
  const src = emitChecker(parseSpecText('Words', text).model(consts));
  expect(src).not.toMatch(/: on values,/);
  return src;
}

describe('steps on the packed words', () => {
  test('every action and invariant of the test spec is compiled to words', () => {
    const src = emitChecker(parseSpecText('Words', WORDS).model({ N: 2 }));
    for (let i = 0; i < 4; i++) expect(src).toContain(`function waction${i}(`);
    for (let i = 0; i < 3; i++) expect(src).toContain(`function winv${i}(`);
    expect(src).not.toMatch(/: on values,/);
    // the layout the test means to cover: a variable across the word boundary
    expect(src).toMatch(/\(B\[0\] >>> \d+\) & 0x[0-9a-f]+\) \+ \(\(B\[1\] >>> 0\)/);
  });

  test('agree with the value steps: counts, coverage, verdicts and counterexamples', () => {
    const on = generated(WORDS, { N: 2 }, true);
    const off = generated(WORDS, { N: 2 }, false);
    expect(on).toEqual(off);
    expect(on.result).toBe('violation');
    expect(on.properties.find((p) => p.name === 'NotAllBlue')?.status).toBe('violated');
    expect(on.distinctStates).toBe(20525);
  });

  test('agree with the reference interpreter', () => {
    const model = parseSpecText('Words', WORDS).model({ N: 1 });
    const { durationMs: _a, engine: _b, memory: _c, ...g } = checkModel(model, { workers: 1, deadlock: false, stopAtFirst: false });
    const { durationMs: _d, engine: _e, memory: _f, ...i } = checkModel(model, { engine: 'interpreter', deadlock: false, stopAtFirst: false });
    expect(g).toEqual(i);
  });

  test('with two workers, the same as one', () => {
    const model = parseSpecText('Words', WORDS).model({ N: 2 });
    const one = outcome(checkModel(model, { workers: 1, deadlock: false }));
    const two = outcome(checkModel(model, { workers: 2, deadlock: false, parallelThreshold: 1, awaitWorkers: true }));
    expect(two.distinctStates).toBe(one.distinctStates);
    expect(two.statesGenerated).toBe(one.statesGenerated);
    expect(two.violations.map((v) => v.trace.length)).toEqual(one.violations.map((v) => v.trace.length));
    expect(two.properties).toEqual(one.properties);
  });

  test('processes, with, either, match, fields, records, maps of maps: every step on words, agreeing with values and the interpreter', () => {
    const model = parseSpecText('Words', BRANCHY).model();
    const src = emitChecker(model);
    expect(src).not.toMatch(/: on values,/);
    expect(src).toContain('function winv1(');
    const on = generated(BRANCHY, {}, true);
    expect(on).toEqual(generated(BRANCHY, {}, false));
    expect(on.properties.map((p) => p.status)).toEqual(['holds', 'violated']);
    const { durationMs: _a, engine: _b, memory: _c, ...i } = checkModel(parseSpecText('Words', BRANCHY).model(), { engine: 'interpreter', deadlock: false, stopAtFirst: false });
    expect(on).toEqual(i);
  });

  test('a later choice of a with raises an error: the value step takes over, without emitting the earlier choices twice', () => {
    const text = `
      var x: 0..3
      init { x := 0 }
      action Step { with d in 1..2 { x := x + d } }
    `;
    const model = () => parseSpecText('Words', text).model();
    expect(emitChecker(model())).toContain('function waction0(');
    // expand x = 2 by hand: d = 1 gives 3, d = 2 raises the error
    const run = (words: boolean): { error: string; emitted: number[] } => {
      const { checker } = generateChecker(model());
      checker.wordSteps!(words);
      checker.reuseNext!(true);
      const emitted: number[] = [];
      const w = new Uint32Array(checker.WORDS);
      try {
        const s = checker.decode(Uint32Array.of(2), 0);
        checker.successors(s, (_a: number, _c: number, n: unknown[]) => {
          checker.encode(n, w, 0);
          emitted.push(w[0]);
        });
      } catch (e) {
        return { error: (e as Error).message, emitted };
      } finally {
        checker.reuseNext!(false);
        checker.wordSteps!(true);
      }
      return { error: 'no error', emitted };
    };
    const on = run(true);
    expect(on.error).toMatch(/outside 0\.\.3/);
    expect(on.emitted).toEqual([3]);
    expect(on).toEqual(run(false));
  });

  test('an int assigned outside its type: the value step raises the error, with its location', () => {
    const text = `
      var count: 0..3
      init { count := 0 }
      action Inc(d: 1..2) { count := count + d }
    `;
    expect(emitChecker(parseSpecText('Words', text).model())).toContain('function waction0(');
    const on = failure(text, true);
    expect(on).toBe(failure(text, false));
    expect(on).toMatch(/outside 0\.\.3/);
  });

  test('sequences, card, min, max: every step on words, agreeing with values and the interpreter', () => {
    const src = emitChecker(parseSpecText('Words', SEQS).model());
    expect(src).not.toMatch(/: on values,/);
    for (let i = 0; i < 3; i++) expect(src).toContain(`function winv${i}(`);
    // both ways of finding a length: comparisons (capacity 3), a loop (capacity 9)
    expect(src).toMatch(/v0 < 1 \? 0 : v0 < 4 \? 1 : v0 < 13 \? 2 : 3/);
    expect(src).toMatch(/while \(L\d+ < 9 && /);
    const on = generated(SEQS, { C: 3 }, true);
    expect(on).toEqual(generated(SEQS, { C: 3 }, false));
    expect(on.distinctStates).toBe(23156);
    expect(on.properties.map((p) => p.status)).toEqual(['holds', 'holds', 'violated']);
    const small = generated(SEQS, { C: 2 }, true);
    const { durationMs: _a, engine: _b, memory: _c, ...i } = checkModel(parseSpecText('Words', SEQS).model({ C: 2 }), { engine: 'interpreter', deadlock: false, stopAtFirst: false });
    expect(small).toEqual(i);
    expect(small.distinctStates).toBe(7458);
  });

  test.each([
    ['head of an empty sequence', 'k := head(q)', /head of an empty sequence/],
    ['tail of an empty sequence', 'q := tail(q)', /tail of an empty sequence/],
    ['an index outside the sequence', 'k := q[1]', /index 1 is outside a sequence of length 0/],
    ['an assignment outside the sequence', 'q[2] := 1', /index 2 is outside a sequence of length 0/],
    ['an append past the capacity', 'q := append(append(q, 1), 1)', /exceeds its capacity 2/],
  ])('%s: the value step raises the error, with its location', (_what, stmt, expected) => {
    // Step fails on the initial state (q = <<>>), an append only on q = <<0>>
    const text = `
      var q: seq<0..2, 2>
      var k: 0..2
      init { q := <<>>; k := 0 }
      action Grow { await len(q) == 0; q := << 0 >> }
      action Step { ${stmt} }
    `;
    allOnWords(text);
    const on = failure(text, true);
    expect(on).toBe(failure(text, false));
    expect(on).toMatch(expected);
    expect(on).toMatch(/^<spec Words>:6:\d+: error: step Step: /);
  });

  test('maps packed a field per entry: their entries on words, agreeing with values and the interpreter', () => {
    const src = emitChecker(parseSpecText('Words', PER_ENTRY).model());
    expect(src).not.toMatch(/: on values,/);
    // three variables written through an entry log each (the process's pc among them)
    expect(src.match(/a map packed per entry\) a word step has written/g)).toHaveLength(3);
    const on = agreeing(PER_ENTRY);
    expect(on.properties.map((p) => p.status)).toEqual(['holds', 'violated']);
  });

  test('a map packed a field per entry: an index outside it goes to the value step, a whole read stays on values', () => {
    const head = 'var m: [0..23] -> 0..5\nvar k: 0..3\ninit { m := [i in 0..23 |-> 0]; k := 0 }\naction B { k := (k + 1) % 4 }\n';
    const bad = head + 'action A(c: 0..24) { await c > 20; m[c] := (m[c] + 1) % 6 }';
    expect(emitChecker(parseSpecText('Words', bad).model())).toContain('function waction1(');
    const err = failure(bad, true);
    expect(err).toMatch(/index 24 is outside the map's domain/);
    expect(err).toBe(failure(bad, false));
    const whole = emitChecker(parseSpecText('Words', head + 'action A { await m != [i in 0..23 |-> 1]; m[0] := 1 }').model());
    expect(whole).toMatch(/vaction1 \/\* A: on values, \[0\.\.23\] -> 0\.\.5 has more than 2\^52 values \*\//);
    const read = emitChecker(parseSpecText('Words', head + 'action A { await k == 0; m[1] := m[0]; k := 1 }\ninvariant I: m == m').model());
    expect(read).toContain('function waction1(');
    const assigned = emitChecker(parseSpecText('Words', head + 'action A { m := [i in 0..23 |-> 1] }').model());
    expect(assigned).toMatch(/vaction1 \/\* A: on values, variable m, packed as a field per entry, assigned whole \*\//);
  });

  test('a value of a narrower type used where a wider one is wanted: converted through a table, on words, agreeing with values and the interpreter', () => {
    const text = `
      enum Color { Red, Green, Blue }
      union Msg { Ping { to: 0..2 }, Quit }
      var s: set<0..3>
      var r: { a: 0..2, b: bool }
      var m: Msg
      var k: 0..3
      init { s := {}; r := { a: 0, b: false }; m := Quit; k := 0 }
      action Add(i: 1..2) { let t = { i, 3 }; s := s union t }
      action Keep { let q = { a: 1, b: true }; await r != q; r := q }
      action Send(i: 0..2) { let p = Ping { to: i }; m := p; k := i + 1 }
      action Clear { await k == 3 && 3 in s; s := {}; k := 0 }
      invariant Small: card(s) <= 3
    `;
    const src = allOnWords(text);
    expect(src).toMatch(/the ordinal in set<0\.\.3> of each set<\d+\.\.\d+> \(-1: not one\)/);
    const on = agreeing(text);
    // a set that may hold a value outside s's type (-1 in the table): the value step raises the error, located
    const wider = text.replace('let t = { i, 3 }', 'let t = { i, 4 }');
    expect(emitChecker(parseSpecText('Words', wider).model())).toMatch(/the ordinal in set<0\.\.3> of each set<0\.\.4> \(-1: not one\)/);
    const err = failure(wider, true);
    expect(err).toBe(failure(wider, false));
    expect(err).toMatch(/outside 0\.\.3/);
  });

  test('a literal set of computed ints ({p - 1, p + 1}): looped over and tested on words, agreeing with values and the interpreter', () => {
    const text = `
      const N: 2..8 = 5
      type Pos = 0..N-1
      var pos: [0..1] -> Pos
      var seen: set<Pos>
      var hops: 0..2
      init { pos := [i in 0..1 |-> 0]; seen := {}; hops := 0 }
      // a neighbour either side, or the same place twice where the walk stops: each once, ascending
      action Move(i: 0..1) { with p in { pos[i] - 1, pos[i] + 1, pos[i] + 1 } { await p >= 0 && p < N; pos[i] := p; seen := seen union { p } } }
      action Jump(i: 0..1) { await pos[1 - i] - pos[i] in { hops + 2, 0 - 1 } && hops < 2; hops := hops + 1; pos[i] := pos[1 - i] }
      invariant Apart: forall d in { pos[0] - pos[1], pos[1] - pos[0] }: d < N
      invariant NotBoth: !(pos[0] == N - 1 && pos[1] == N - 1 && card(seen) == N - 1)
    `;
    const src = allOnWords(text);
    expect(src).toContain('function winv0(');
    const on = agreeing(text);
    expect(on.properties.map((p) => p.status)).toEqual(['holds', 'violated']);
  });

  test('sets and sequences of computed ints ({p % 3}, <<min(x, 1)>>): held in the type their bounds give, on words, agreeing with values and the interpreter', () => {
    const text = `
      var a: 0..5
      var on: set<0..3>
      var q: seq<0..3, 2>
      var n: 0..4
      init { a := 0; on := {}; q := << >>; n := 0 }
      // a let-bound set of computed ints, read by card, subseteq, inter, union, a quantifier and equality
      action Pick(p: 0..5) {
        let s = { p % 3, min(p, 1) }
        await card(s inter { a - 1, a }) <= 1 && !(s subseteq {})
        a := (p + card(s union { a / 2 })) % 6
        n := if exists x in s: x == 2 then 2 else card(s)
      }
      // a union whose sides have other bounds, an intersection with elements outside the left side's bounds,
      // an if of two sets
      action Mark(p: 0..3) {
        on := (if p > 1 then { p - 2 } else { p % 2, 3 }) union ({ p } inter { a + 4, p })
      }
      // sequence literals of computed ints: len, head, tail, append, equality with the empty one
      action Queue(p: 0..3) {
        let r = (if len(<<p % 2>>) > 0 then tail(<<p % 2>>) else <<p % 2>>)
        await r == << >> && len(q) < 2
        q := append(q, head(<<max(p - 1, 0)>>))
      }
      action Drop { await q != << >>; q := tail(q); n := 4 - len(q) }
      // a let-bound computed int in a literal, a loop over a literal of computed ints whose variable is
      // put in one, records of computed ints, sequences of two int types compared
      action Mix(p: 0..3) {
        let k = p / 2
        await <<k>> != <<0, 1>> && { b: p > 1, a: k } != (if a > 2 then ({ a: a % 3, b: true } with { a: k }) else { b: false, a: 1 })
        with x in { p % 3, a - 3 } { await { x } subseteq { 0, 1, 2 } && [i in 0..1 |-> (i + x) % 2] != [i in 0..1 |-> i]; n := x + 1 }
      }
      // the rest of the step written once per arm: the let's types the same both times
      action Twice(p: 0..3) {
        either { with d in 0..1 { a := (p + d) % 6 } } or { skip }
        let z = (let y = min(p, 2) in (y + 1) % 3)
        n := card({ z, p % 2 })
      }
      invariant Small: card({ a % 2, n }) <= 2 && len(<<a / 2>>) == 1
      invariant Never: !(a == 5 && n == 2 && on == {1, 3})
    `;
    const src = allOnWords(text);
    expect(src).toContain('function winv0(');
    expect(src).toContain('function winv1(');
    const on = agreeing(text);
    expect(on.properties.map((p) => p.status)).toEqual(['holds', 'violated']);
  });

  test('an intersection or difference of computed ints: computed in a type that holds both sides, then the left side\'s bits, on words', () => {
    // r[p] takes each value its expression has at some a: a wrong bit of the result changes the states
    const text = `
      var a: 0..5
      var r: [0..3] -> 0..3
      init { a := 0; r := [i in 0..3 |-> 0] }
      action Mark(p: 0..3) { r[p] := card({ p + 1, p + 2 } \\ { a, 2 }) + (if 3 in ({ p + 1 } inter { a, 3 }) then 1 else 0) }
      action Inc { a := (a + 1) % 6 }
    `;
    const src = allOnWords(text);
    // {p + 1} inter {a, 3} in set<0..5>, then as a set<1..4>
    expect(src).toContain('>>> 1) & 0xf)');
    expect(agreeing(text).distinctStates).toBe(216);
  });

  test('an action the word code does not handle stays on values, and says why', () => {
    const text = `
      var m: [0..1] -> 0..2
      var b: bool
      var on: set<0..1>
      var big: [0..13] -> 0..15
      init { m := [i in 0..1 |-> 0]; b := false; on := { 1 }; big := [i in 0..13 |-> 0] }
      action Set { for i in on { with v in 1..2 { m[i] := v } }; await big != [i in 0..13 |-> 1] }
      action Flip { b := !b }
    `;
    const src = emitChecker(parseSpecText('Words', text).model());
    expect(src).toContain('function waction1(');
    expect(src).not.toContain('function waction0(');
    expect(src).toMatch(/action0 \/\* Set: on values, \[0\.\.13\] -> 0\.\.15 has more than 2\^52 values \*\//);
    const on = generated(text, {}, true);
    expect(on).toEqual(generated(text, {}, false));
    expect(on.distinctStates).toBe(6);
  });

  test('for loops that choose in each iteration: written out on words, agreeing with values and the interpreter', () => {
    const src = emitChecker(parseSpecText('Words', FORS).model({ K: 2 }));
    expect(src).not.toMatch(/: on values,/);
    // each iteration's names apart: the let of Remap once per iteration
    expect(new Set(src.match(/was_w\d+/g)).size).toBe(2);
    const on = agreeing(FORS, { K: 2 });
    expect(on.distinctStates).toBe(2169);
    expect(on.statesGenerated).toBe(93475);
    // Count's later choice raises the error on both paths, at the same step
    const counting = FORS.replace('await n == 3', 'await n == 2').replace(/invariant NotAllRw.*/, '');
    const err = failure(counting, true);
    expect(err).toMatch(/outside 0\.\.2/);
    expect(err).toBe(failure(counting, false));
  });

  test('a sequence of one element value and a capacity of 3·10^11: on values, said why, not a crash of its table of offsets', () => {
    const text = 'var q: seq<0..0, 299999999999>\nvar k: 0..3\ninit { q := <<>>; k := 0 }\naction A { await len(q) < 3; q := append(q, 0) }\naction B { k := (k + 1) % 4 }';
    expect(emitChecker(parseSpecText('Words', text).model())).toMatch(/vaction0 \/\* A: on values, seq<0\.\.0, 299999999999>: a capacity of more than 4096 \*\//);
    const on = generated(text, {}, true);
    expect(on).toEqual(generated(text, {}, false));
    expect(on.distinctStates).toBe(16);
  });

  test('a for that chooses over a set or a range of computed bounds: an iteration per possible value, each under the test that the domain holds it, on words, agreeing with values and the interpreter', () => {
    const text = `
      enum Mode { Rw, Off, Ro }
      var on: set<Mode>
      var m: [Mode] -> 0..2
      var k: 0..3
      var c: [0..4] -> bool
      init { on := { Off, Rw }; m := [x in Mode |-> 0]; k := 1; c := [i in 0..4 |-> false] }
      // over a set variable, its elements in the value path's order (by name: Off, Ro, Rw), so that the
      // first successor to violate Odd bumps Off, not Rw
      action Bump { for x in on { either { m[x] := (m[x] + 1) % 3 } or { skip } } }
      action Drop(x: Mode) { await x in on; on := on \\ { x } }
      action Add(x: Mode) { await x notin on; on := on union { x } }
      // over a range of computed bounds (empty where k - 1 > k % 2 + 1) and over a set of computed ints
      action Flip { for i in (k - 1)..(k % 2 + 1) { with b in bool { await b || i > 0; c[i + 1] := b } } }
      action Step(d: 1..2) { for i in { (k + d) % 4, k / 2 } { either { c[i] := !c[i] } or { skip } } }
      action Inc { k := (k + 1) % 4 }
      invariant Odd: m[Off] + m[Rw] != 1
    `;
    allOnWords(text);
    const on = agreeing(text);
    expect(on.distinctStates).toBe(13824);
    expect(on.properties.find((p) => p.name === 'Odd')?.status).toBe('violated');
    const trace = on.violations.find((v) => v.property === 'Odd')!.trace;
    expect(JSON.stringify(trace[trace.length - 1])).toContain('"m":{"Rw":0,"Off":1,"Ro":0}');
  });

  test('a for that chooses over a large or unknown domain stays on values', () => {
    const head = 'var m: [0..3] -> 0..1\nvar k: 0..3\ninit { m := [i in 0..3 |-> 0]; k := 0 }\naction B { k := (k + 1) % 4 }\n';
    const onValues = (action: string) => emitChecker(parseSpecText('Words', head + action).model()).match(/vaction1 \/\* A: on values, ([^*]*) \*\//)?.[1];
    expect(onValues('action A { for i in 0..99 { either { await i > k } or { skip } } }')).toBe('a with or either inside a for over 100 values (at most 64 iterations are written out)');
    expect(onValues('action A { for i in 0..(k * 30) { either { await i > k } or { skip } } }')).toBe('a with or either inside a for over a range of up to 91 values (at most 64 iterations are written out)');
    // the rest of the step is written once per branch of an if that chooses: 2^20 copies
    expect(onValues('action A { for i in 0..19 { if k == 0 { either { await i > 0 } or { skip } } else { with v in 0..1 { await v > 0 } } } }')).toBe('its choices make more than 20000 statements of code');
    expect(onValues('action A { for i in 0..3 { if k == 0 { either { m[i] := 1 } or { skip } } else { with v in 0..1 { m[i] := v } } } }')).toBeUndefined();
  });

  test('a for that chooses over an enum and over bool: written out on words, agreeing with values and the interpreter', () => {
    const text = `
      enum Mode { Off, Ro, Rw }
      var by: [Mode] -> bool
      var flip: [bool] -> 0..2
      init { by := [m in Mode |-> false]; flip := [b in bool |-> 0] }
      action Mark { for m in Mode { either { by[m] := !by[m] } or { await m != Off || by[Ro] } } }
      action Turn { for b in bool { with d in 1..2 { await b || d == 1; flip[b] := (flip[b] + d) % 3 } } }
    `;
    allOnWords(text);
    const on = agreeing(text);
    expect(on.distinctStates).toBe(72);
  });

  test('every example spec and bench model runs on words', () => {
    const files = ['spec/examples', 'bench/models'].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.spec.ts')).map((f) => path.join(d, f)));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const names = [...fs.readFileSync(file, 'utf8').matchAll(/export const (\w+) = spec`/g)].map((x) => x[1]);
      for (const name of names) expect([file, name, emitChecker(loadSpecFile(file, name).model()).match(/\w+: on values, [^*]*/g)]).toEqual([file, name, null]);
    }
  });

  test('TwoPhase runs entirely on words, with the counts TLC gives', () => {
    const src = emitChecker(TwoPhase.model({ RM_COUNT: 3 }));
    expect(src).not.toMatch(/: on values,/);
    const r = checkModel(TwoPhase.model({ RM_COUNT: 3 }), { workers: 1, deadlock: false });
    expect(r.distinctStates).toBe(288);
  });
});
