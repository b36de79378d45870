// The classic example models (spec/examples) run through the checker API with
// both engines. Every expected figure comes from the hand-written enumerators
// in test/independent (plain TypeScript BFS, no DSL), which are themselves
// checked against published figures in test/independent/independent.test.ts;
// the table in docs/examples.md is printed by test/independent/report.ts.
import * as path from 'path';
import { checkModel, checkSpecFile } from '../src/api';
import { DieHard } from '../spec/examples/diehard.spec';
import { Peterson, PetersonBroken } from '../spec/examples/peterson.spec';
import { TwoPhase } from '../spec/examples/twophase.spec';
import { ProdCons } from '../spec/examples/prodcons.spec';
import { Model, isInit, key } from './independent/bfs';
import { CASES, Case, expected } from './independent/models';

const ROOT = path.resolve(__dirname, '..');
const ENGINES = ['generated', 'interpreter'] as const;

// ---- converting the checker's trace states (plain JSON, see src/engine/result.ts)
// ---- into the enumerators' representation, so traces can be replayed there

type Json = any;
const RM: Record<string, string> = {
  RmWorking: 'working',
  RmPrepared: 'prepared',
  RmCommitted: 'committed',
  RmAborted: 'aborted',
};
// a tag with fields is { tag: 'Prepared', rm: 0 }
const msgOf = (m: Json): string => (typeof m === 'string' ? m : `${m.tag}:${m.rm}`);
// a map over an integer range is an object keyed by the domain values: { "0": x, "1": y }
const arr = (m: Json): Json[] =>
  Array.isArray(m) ? m : Object.keys(m).sort((a, b) => Number(a) - Number(b)).map((k) => m[k]);

const CONVERT: Record<string, (s: Json) => unknown> = {
  DieHard: (s) => ({ big: s.big, small: s.small }),
  Peterson: (s) => ({ flag: arr(s.flag), turn: s.turn, pc: arr(s['Proc.pc']) }),
  PetersonBroken: (s) => ({ flag: arr(s.flag), turn: s.turn, pc: arr(s['Proc.pc']) }),
  TwoPhase: (s) => ({
    rmState: arr(s.rmState).map((x) => RM[x] ?? x),
    tmState: s.tmState === 'TmInit' ? 'init' : s.tmState === 'TmDone' ? 'done' : s.tmState,
    tmPrepared: [...s.tmPrepared].sort((a: number, b: number) => a - b),
    msgs: (s.msgs as Json[]).map(msgOf).sort(),
  }),
  ProdCons: (s) => ({
    q: s.q,
    sent: arr(s['Producer.sent']),
    got: s['Consumer.got'],
    last: s['Consumer.last'],
    pc: [...arr(s['Producer.pc']), s['Consumer.pc']],
  }),
};

/** Checks that a checker trace is a path of the hand-written model, action names included. */
function expectPathOfModel(c: Case, trace: { action: string; state: Json }[]) {
  const m: Model<unknown> = c.model;
  const conv = CONVERT[c.spec];
  const states = trace.map((t) => conv(t.state));
  expect(isInit(m, states[0])).toBe(true);
  for (let i = 1; i < states.length; i++) {
    const from = states[i - 1];
    const to = key(states[i]);
    const ok = m.next(from).some((t) => t.action === trace[i].action && key(t.state) === to);
    if (!ok) throw new Error(`trace step ${i} (${trace[i].action}) is not a step of the model: ${key(from)} -> ${to}`);
  }
  return states;
}

function run(c: Case, engine: (typeof ENGINES)[number], extra: Record<string, unknown> = {}) {
  return checkSpecFile(path.join(ROOT, c.file), {
    spec: c.spec,
    constants: c.constants,
    deadlock: c.deadlock,
    engine,
    ...extra,
  } as any);
}

const table = CASES.map((c) => [c.label, c] as const);
const memo = new Map<Case, ReturnType<typeof expected>>();
const exp = (c: Case) => memo.get(c) ?? memo.set(c, expected(c)).get(c)!;

describe.each(ENGINES)('examples, %s engine', (engine) => {
  test.each(table)('%s: verdict, distinct states, depth and counterexample as derived', (_label, c) => {
    const e = exp(c);
    const r = run(c, engine);
    expect(r.result).toBe(e.verdict);
    if (e.verdict === 'ok') {
      expect(r.violations).toEqual([]);
      expect(r.distinctStates).toBe(e.distinctStates);
      expect(r.depth).toBe(e.depth);
      return;
    }
    // A failing run stops early; the counts are bounded by the BFS levels: every
    // state closer than the error was found, nothing beyond the next level was.
    const d = e.cex! - 1; // distance of the error from an initial state
    const upTo = (n: number) => e.levels.slice(0, Math.max(0, n + 1)).reduce((a, b) => a + b, 0);
    expect(r.distinctStates).toBeGreaterThanOrEqual(Math.max(1, upTo(d - 1)));
    expect(r.distinctStates).toBeLessThanOrEqual(upTo(d + 1));
    expect(r.violations.length).toBeGreaterThanOrEqual(1);
    const v = r.violations[0];
    expect(v.property).toBe(e.verdict === 'deadlock' ? 'Deadlock' : e.property);
    expect(v.trace).toHaveLength(e.cex!);
    expect(v.trace[0].action).toBe('Init');
    const states = expectPathOfModel(c, v.trace);
    const last = states[states.length - 1];
    if (e.verdict === 'violation') expect(c.model.invariants[e.property!](last)).toBe(false);
    else expect(c.model.next(last)).toEqual([]);
  });

  test.each(table.filter(([, c]) => exp(c).verdict === 'ok'))(
    '%s: states generated = initial states + every successor computed (TLC convention)',
    (_label, c) => {
      expect(run(c, engine).statesGenerated).toBe(exp(c).statesGenerated);
    },
  );

  // stopAtFirst: false (TLC's -continue) explores the whole graph and keeps
  // the first violation of each property.
  test.each(table.filter(([, c]) => exp(c).verdict === 'violation'))(
    '%s: with stopAtFirst: false the whole graph is explored',
    (_label, c) => {
      const e = exp(c);
      const r = run(c, engine, { stopAtFirst: false });
      expect(r.result).toBe('violation');
      expect(r.distinctStates).toBe(e.distinctStates);
      expect(r.depth).toBe(e.depth);
      expect([...new Set(r.violations.map((v: { property: string }) => v.property))].sort()).toEqual(
        Object.keys(e.violations).sort(),
      );
    },
  );
});

// Importing a spec module runs the `spec` tag, which parses and checks the
// text: the same spec the command line reads statically.
describe('the spec modules, imported', () => {
  const byName: Record<string, { model(c?: Record<string, number | boolean>): any }> = {
    DieHard,
    Peterson,
    PetersonBroken,
    TwoPhase,
    ProdCons,
  };
  test.each(table.filter(([, c]) => exp(c).verdict === 'ok'))('%s: checkModel on the imported spec', (_label, c) => {
    const r = checkModel(byName[c.spec].model(c.constants), { deadlock: c.deadlock });
    expect([r.result, r.distinctStates, r.depth]).toEqual(['ok', exp(c).distinctStates, exp(c).depth]);
  });
});
