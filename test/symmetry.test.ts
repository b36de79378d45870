// Symmetry reduction (`symmetric X`, dsl/symmetry.ts, src/runtime/symmetry.ts):
// the reduced count is the number of orbits of the full state space, counted
// here by an independent brute force (the full space explored without
// reduction, each state's orbit computed by a permutation written for the
// spec's JSON by hand); both engines agree; verdicts and counterexample
// lengths are the same with and without reduction, and every step of a
// counterexample found with reduction is a real step of the spec; a spec
// that tells the values apart is rejected with the place that does.
import { parseSpecText, SpecError } from '../dsl';
import type { Model } from '../dsl/ir';
import { checkModel, loadSpecFile } from '../src/api';
import { interpretedSpace } from '../src/reference/interpreter';
import type { CheckResult, TraceStep } from '../src/engine/result';
import { stepText } from '../src/runtime/step';
import { permutations, sliceKeyParts, sortedSlices } from '../src/runtime/symmetry';
import { generateChecker } from '../generator/load';
import { execFileSync } from 'child_process';
import { formatResult } from '../src/cli/format';

const TICKET = 'spec/examples/ticketlock.spec.ts';
const ticket = (name: string, n: number) => loadSpecFile(TICKET, name).model({ N: String(n) });

type Json = Record<string, unknown>;

/** Every reachable state of a model as JSON text, without reduction (the interpreter's successors, a plain BFS). */
function fullSpace(model: Model): Json[] {
  const sp = interpretedSpace(model, { symmetry: false });
  const seen = new Set<string>();
  const out: Json[] = [];
  const queue: unknown[] = [];
  const add = (s: any) => {
    const j = sp.toJSON(s);
    const k = JSON.stringify(j);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(j);
    queue.push(s.slice());
  };
  sp.init(add);
  for (let i = 0; i < queue.length; i++) sp.successors(queue[i] as any, (_a, _c, n) => add(n));
  return out;
}

/** The ticket lock's state moved by π, written for its JSON: the queue's entries and the pc map's keys. */
function permuteTicket(s: Json, pi: Int32Array): string {
  const queue = (s.queue as number[]).map((x) => pi[x]);
  const pc: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s['Proc.pc'] as Record<string, unknown>)) pc[String(pi[Number(k)])] = v;
  const sorted = Object.fromEntries(Object.keys(pc).sort().map((k) => [k, pc[k]]));
  return JSON.stringify({ queue, pc: sorted });
}

function orbits(states: Json[], n: number): number {
  const perms = permutations(n);
  const reps = new Set<string>();
  for (const s of states) reps.add(perms.map((p) => permuteTicket(s, p)).sort()[0]);
  return reps.size;
}

const verdicts = (r: CheckResult) => r.properties.map((p) => `${p.name}:${p.status}:${p.traceLength ?? '-'}`);

describe('the ticket lock (spec/examples/ticketlock.spec.ts)', () => {
  test.each([2, 3, 4])('N=%i: reduced counts are the orbits of the full space, on both engines', (n) => {
    const model = ticket('TicketLock', n);
    const full = fullSpace(model);
    // the hand count of the spec's comment: 1 + 3 * sum N!/(N-k)!, and 1 + 3N orbits
    let arrangements = 0;
    for (let k = 1, a = 1; k <= n; k++) arrangements += a *= n - k + 1;
    expect(full.length).toBe(1 + 3 * arrangements);
    expect(orbits(full, n)).toBe(1 + 3 * n);
    for (const engine of ['generated', 'interpreter'] as const) {
      const r = checkModel(model, { engine });
      expect(r.distinctStates).toBe(1 + 3 * n);
      expect(r.symmetry).toEqual({ name: 'Pid', values: n, permutations: permutations(n).length, reduced: true });
      const f = checkModel(model, { engine, symmetry: false });
      expect(f.distinctStates).toBe(full.length);
      expect(f.symmetry?.reduced).toBe(false);
      expect(verdicts(r)).toEqual(verdicts(f));
    }
  });

  test('a violation: same verdict and length with and without reduction, a concrete path of the unreduced spec', () => {
    const model = ticket('TicketLockBroken', 3);
    for (const engine of ['generated', 'interpreter'] as const) {
      const r = checkModel(model, { engine, stopAtFirst: false });
      const f = checkModel(model, { engine, stopAtFirst: false, symmetry: false });
      expect(verdicts(r)).toEqual(verdicts(f));
      expect(r.violations.map((v) => v.trace.length)).toEqual(f.violations.map((v) => v.trace.length));
      expect(r.violations[0].property).toBe('MutualExclusion');
      expect(r.violations[0].trace.length - 1).toBe(4);
      for (const v of r.violations) expectRealPath(model, v.trace);
    }
  });
});

/** Each step of `trace` is a step of the unreduced spec from the state before it to the state after it (the interpreter replays it). */
function expectRealPath(model: Model, trace: TraceStep[]): void {
  const sp = interpretedSpace(model, { symmetry: false });
  let cur: any;
  sp.init((s) => {
    if (JSON.stringify(sp.toJSON(s)) === JSON.stringify(trace[0].state)) cur = s.slice();
  });
  expect(cur).toBeDefined();
  for (const step of trace.slice(1)) {
    let next: any;
    sp.successors(cur, (a, c, n) => {
      if (stepText(sp.stepOf(a, c)) === step.action && JSON.stringify(sp.toJSON(n)) === JSON.stringify(step.state)) next = n.slice();
    });
    expect(next).toBeDefined();
    cur = next;
  }
}

describe('other specs', () => {
  // Philosophers at a round table are not symmetric under every permutation (only
  // rotations): this set of identical clients of one server is.
  const clients = (extra = '') =>
    parseSpecText(
      'Clients',
      `
      const C: 1..6 = 3
      type Client = 0..C-1
      symmetric Client
      var waiting: set<Client>
      var served: [Client] -> 0..2
      var busy: bool
      init { waiting := {}  served := [c in Client |-> 0]  busy := false }
      process Cl[self in Client] {
        ask:  await served[self] < 2
              waiting := waiting union {self}
        got:  await !(self in waiting)
              goto ask
      }
      action Serve(c: Client) {
        await c in waiting && !busy
        busy := true
        waiting := waiting \\ {c}
        served[c] := served[c] + 1
      }
      action Finish { await busy  busy := false }
      ${extra}
    `,
    ).model({});

  test('a server and identical clients: sets and maps over the set move; same verdicts, fewer states', () => {
    const model = clients('invariant FewServed: forall c in Client: served[c] <= 1 || card(waiting) == 0');
    for (const engine of ['generated', 'interpreter'] as const) {
      const r = checkModel(model, { engine, stopAtFirst: false });
      const f = checkModel(model, { engine, stopAtFirst: false, symmetry: false });
      expect(verdicts(r)).toEqual(verdicts(f));
      expect(r.violations.map((v) => v.trace.length)).toEqual(f.violations.map((v) => v.trace.length));
      expect(r.distinctStates).toBeLessThan(f.distinctStates);
      expect(r.distinctStates).toBeGreaterThanOrEqual(Math.ceil(f.distinctStates / 6));
      for (const v of r.violations) expectRealPath(model, v.trace);
    }
    // complete runs: the orbits, whichever state each engine keeps for one
    expect(checkModel(model, { engine: 'generated', stopAtFirst: false }).distinctStates).toBe(checkModel(model, { engine: 'interpreter', stopAtFirst: false }).distinctStates);
  });

  test.each([
    [3, 27, 10],
    [4, 81, 15],
  ])('N=%i counters, values of the set only as indices: %i states, %i orbits (multisets), on both engines', (n, full, orbits) => {
    const model = parseSpecText(
      'Counters',
      `
      const N: 1..6 = 3
      type Pid = 0..N-1
      symmetric Pid
      var odd: [Pid] -> bool
      init { odd := [p in Pid |-> false] }
      process P[self in Pid] {
        var c: 0..2 = 0
        a: await c < 2
           c := c + 1
           odd[self] := !odd[self]
           goto a
      }
    `,
    ).model({ N: String(n) });
    // the generated engine sorts the processes' slices; the interpreter tries every permutation
    for (const engine of ['generated', 'interpreter'] as const) {
      expect(checkModel(model, { engine, stopAtFirst: false }).distinctStates).toBe(orbits);
      expect(checkModel(model, { engine, stopAtFirst: false, symmetry: false }).distinctStates).toBe(full);
      const r = checkModel(model, { engine });
      expect(verdicts(r)).toEqual(verdicts(checkModel(model, { engine, symmetry: false })));
      for (const v of r.violations) expectRealPath(model, v.trace);
    }
  });

  test('maps too large for one field are packed entry by entry, and their slices are moved in the words too', () => {
    // big: 2^162 values, so one field per entry, each entry (2^54 values) itself per entry: pieces of 32 and 22 bits
    const model = parseSpecText(
      'Rows',
      `
      const N: 1..6 = 3
      type Pid = 0..N-1
      symmetric Pid
      var big: [Pid] -> [0..17] -> 0..7
      var odd: [Pid] -> bool
      init { big := [p in Pid |-> [i in 0..17 |-> 0]]  odd := [p in Pid |-> false] }
      process P[self in Pid] {
        var c: 0..2 = 0
        a: await c < 2
           c := c + 1
           big[self][17] := c + 5
           big[self][c] := 3
           odd[self] := !odd[self]
           goto a
      }
      invariant NotAllOdd: exists p in Pid: !odd[p] || big[p][17] != 5
    `,
    ).model({});
    for (const engine of ['generated', 'interpreter'] as const) {
      expect(checkModel(model, { engine, stopAtFirst: false }).distinctStates).toBe(10);
      expect(checkModel(model, { engine, stopAtFirst: false, symmetry: false }).distinctStates).toBe(27);
      const r = checkModel(model, { engine });
      expect(verdicts(r)).toEqual(['NotAllOdd:violated:4', 'Deadlock:unknown:-']);
      expect(verdicts(r)).toEqual(verdicts(checkModel(model, { engine, symmetry: false })));
      for (const v of r.violations) expectRealPath(model, v.trace);
    }
  });

  test("the module's slice sort, specialised to its layout, files every state as the runtime's generic sort does", () => {
    // the shmem spec (13-valued pcs, flags, a 13-valued message per thread) and the counters: every state the
    // first BFS levels reach, and every one of its successors, gives the same words through both sorts.
    // Three and four threads: a case per permutation, keys from tables (and from digits for a map whose
    // table would be large: four threads); five: the array sort
    const shmem = loadSpecFile('spec/shmem_uffd/shmem_uffd.spec.ts', 'ShmemUffd');
    const models = [
      shmem.model({ THREADS: '3' }),
      shmem.model({ THREADS: '4' }),
      shmem.model({ THREADS: '5' }),
      loadSpecFile(TICKET, 'TicketLock').model({ N: '3' }),
    ];
    for (const model of models) {
      let compared = 0;
      let moved = 0;
      let differ = 0;
      const m = generateChecker(model).checker as any;
      const sym = { name: m.META.symmetric.name, lo: m.META.symmetric.lo, size: m.META.symmetric.size };
      const types = model.vars.map((v) => v.type);
      const generic = sortedSlices(types, sym, m.META.vars);
      if (!generic) {
        // the ticket lock stores thread numbers in its queue: neither sort applies, the module has none
        expect(require('fs').readFileSync(generateChecker(model).tsPath, 'utf8')).not.toContain('function sortSlices');
        continue;
      }
      const a = new Uint32Array(m.WORDS);
      const b = new Uint32Array(m.WORDS);
      const queue: unknown[][] = [];
      m.init((n: unknown[]) => queue.push(n.slice()));
      // (fewer parents past three threads: each has more successors)
      const cap = m.META.symmetric.size > 3 ? 1200 : 4000;
      for (let i = 0; i < queue.length && i < cap; i++) {
        m.successors(queue[i], (_a: number, _c: number, n: unknown[]) => {
          m.encodeCanonical(n, a, 0);
          m.encode(n, b, 0);
          if (generic(b, 0)) moved++;
          for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) differ++;
          compared++;
          if (queue.length < cap) queue.push(n.slice());
        });
      }
      const k = m.META.symmetric.size;
      const text = require('fs').readFileSync(generateChecker(model).tsPath, 'utf8');
      expect([k, text.includes('switch (i0 + i1 * '), text.includes('SLICE_ORDER[')]).toEqual([k, k <= 4, k > 4]);
      expect([k, differ]).toEqual([k, 0]);
      expect(compared).toBeGreaterThan(10000);
      expect(moved).toBeGreaterThan(1000);
    }
    // a map's table (a 3-valued entry at each of 2 indices, weight 5): at x·2 + j, digit j of x times 5
    expect(Array.from(sliceKeyParts(3, 2, 5, true))).toEqual([0, 0, 5, 0, 10, 0, 0, 5, 5, 5, 10, 5, 0, 10, 5, 10, 10, 10]);
  });

  test('with a liveness property the run explores the full graph and says so', () => {
    const model = clients('property Served: forall c in Client: c in waiting leads_to !(c in waiting)');
    const r = checkModel(model, {});
    const f = checkModel(model, { symmetry: false });
    expect(r.symmetry).toMatchObject({ reduced: false, off: 'liveness' });
    expect(r.distinctStates).toBe(f.distinctStates);
    expect(verdicts(r)).toEqual(verdicts(f));
  });
});

describe('a spec that tells the values apart is rejected, located', () => {
  const base = (body: string) => `
    const N: 1..4 = 3
    type Tid = 0..N-1
    symmetric Tid
    var owner: [Tid] -> bool
    var last: Tid
    var n: 0..3
    var q: seq<Tid, 3>
    init { owner := [t in Tid |-> false]  with t in Tid { last := t }  n := 0  q := <<>> }
    ${body}
  `;
  const codes = (text: string): string[] => {
    try {
      parseSpecText('S', text).model({});
      return [];
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      return e.diagnostics.map((d) => `${d.code} ${d.message}`);
    }
  };
  test.each([
    ['a literal as a value of X', 'action A(u: Tid) { await u == 1  owner[u] := true }', 'US7101', 'the literal 1'],
    ['an index by a literal', 'action A { owner[0] := true }', 'US7101', 'the literal 0'],
    ['an order comparison', 'action A(u: Tid, v: Tid) { await u < v  owner[u] := true }', 'US7102', '<'],
    ['arithmetic', 'action A(u: Tid) { owner[(u + 1) % N] := true }', 'US7102', '+'],
    ['min', 'action A(u: Tid, v: Tid) { n := min(u, v) }', 'US7102', 'min'],
    ['a range bound', 'action A(u: Tid) { with v in 0..u { owner[v] := true } }', 'US7102', 'a range bound'],
    ['a sub-range', 'action A(u: Tid) { await u in 0..1  owner[u] := true }', 'US7102', 'membership'],
    ['a value of X stored as a plain integer', 'action A(u: Tid) { n := u }', 'US7103', 'n := u'],
    ['a plain integer stored as a value of X', 'action A { last := n }', 'US7101', 'a plain integer'],
    ['a sequence position', 'action A(u: Tid) { await len(q) > u }', 'US7102', '>'],
    ['an order-dependent for', 'action A { for u in Tid { owner[u] := exists v in Tid: owner[v] } }', 'US7104', 'for u runs over values of Tid'],
    ['an invariant', 'invariant I: owner[0] => !owner[1]', 'US7101', 'the literal 0'],
  ])('%s', (_what, body, code, text) => {
    const got = codes(base(body));
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]).toContain(code);
    expect(got[0]).toContain(text);
  });

  test('and a symmetric one is accepted: equality, membership, sets, maps, sequences, quantifiers, a for writing its own entries', () => {
    expect(
      codes(
        base(`
      action A(u: Tid, v: Tid) {
        await u != v && !(u in {v}) && (exists w in Tid: owner[w])
        owner[u] := true
        last := v
        q := append(q, u)
        for t in Tid { owner[t] := !owner[t] }
      }
      action B { await len(q) > 0  last := head(q)  q := tail(q) }
      invariant I: forall t in Tid: owner[t] || t == last || card({t, last}) == 2
    `),
      ),
    ).toEqual([]);
  });

  test('what X names', () => {
    expect(codes('var x: bool\ninit { x := false }\nsymmetric Nope')[0]).toContain('US7001');
    expect(codes('enum C { A, B }\nsymmetric C\nvar x: C\ninit { x := A }')[0]).toContain('US7002');
    expect(codes('var x: bool\ninit { x := false }\nprocess P { a: x := true }\nsymmetric P')[0]).toContain('US7002');
    expect(codes('type A = 0..9\nsymmetric A\nvar x: A\ninit { x := 0 }')[0]).toContain('US7004');
    expect(codes('type A = 0..1\ntype B = 0..1\nsymmetric A\nsymmetric B\nvar x: bool\ninit { x := false }')[0]).toContain('US7003');
  });

  test('symmetric Proc of an indexed process whose range is written in place', () => {
    const text = `
      var n: 0..3
      init { n := 0 }
      process P[self in 0..2] { a: await n < 3
                                   n := n + 1 }
      symmetric P
    `;
    expect(codes(text)).toEqual([]);
    const model = parseSpecText('S', text).model({});
    expect(model.symmetric?.values).toEqual([0, 1, 2]);
    // the pcs of three identical processes: which of them have stepped, up to permutation
    // (the generated engine sorts the processes' slices, the interpreter tries every permutation)
    for (const engine of ['generated', 'interpreter'] as const) {
      expect(checkModel(model, { engine }).distinctStates).toBe(4);
      expect(checkModel(model, { engine, symmetry: false }).distinctStates).toBe(8);
    }
    expect(codes(text.replace('await n < 3', 'await n < 3 && self != 0'))[0]).toContain('US7101');
  });
});

test('check prints one line about symmetry, and --no-symmetry explores the full space', () => {
  const on = formatResult(checkModel(ticket('TicketLock', 3), {}));
  expect(on).toMatch(/^Explored every reachable state: 10 distinct states .*\nSymmetry: Pid \(3 values, 6 permutations\): one state per orbit; distinct states are orbits\.$/m);
  const off = execFileSync('node', ['bin/uffdspec', 'check', TICKET, '--spec', 'TicketLock', '--no-symmetry'], { encoding: 'utf8', env: { ...process.env, UFFDSPEC_PROGRESS_MS: '0' } });
  expect(off).toMatch(/^Explored every reachable state: 46 distinct states .*\nSymmetry: Pid \(3 values, 6 permutations\) not used \(--no-symmetry\): the full state space\.$/m);
  // a spec without symmetry prints no such line
  expect(formatResult(checkModel(parseSpecText('S', 'var x: bool\ninit { x := false }').model({}), {}))).not.toContain('Symmetry');
});

test('a spec that extends a symmetric spec is symmetric too (the declaration travels with extends)', () => {
  // the ticket lock with a fourth label: a fixture that extends spec/examples/ticketlock.spec.ts
  const m = loadSpecFile('test/fixtures/symmetry/ticketlock-ext.spec.ts').model({});
  expect(m.symmetric?.name).toBe('Pid');
  expect(checkModel(m, {}).distinctStates).toBe(10);
});
