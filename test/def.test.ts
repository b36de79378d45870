// `def`: named, parameterised expressions and statement defs, expanded where
// they are used (docs/language.md, "Definitions"). Checked at the definition
// and at each use; recursion is rejected; defs are lexically scoped. Both
// engines see only the expanded IR, so they must agree with each other and
// with the same spec written without defs.
import { parseSpecText, SpecError } from '../dsl';
import { renderOneLine } from '../dsl/diagnostics';
import { checkModel } from '../src/api';
import { useScratchBuildDir } from './helpers/cli';

// generated modules of made-up specs go to a scratch folder, not build/gen
useScratchBuildDir('uffdspec-def-');

/** The one-line renderings of checking `text` (empty when it checks). */
function errors(text: string, constants: Record<string, string> = {}): string[] {
  try {
    parseSpecText('S', text).model(constants);
    return [];
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics.map(renderOneLine);
    throw e;
  }
}

/** Verdict and statistics of both engines; they must agree. */
function outcome(text: string) {
  const model = parseSpecText('S', text).model();
  const run = (engine: 'generated' | 'interpreter') => {
    // memory: measured by the generated engine's store alone
    const { durationMs, engine: _e, memory: _m, ...rest } = checkModel(model, { engine, deadlock: false, stopAtFirst: false });
    void durationMs;
    return rest;
  };
  const g = run('generated');
  expect(run('interpreter')).toEqual(g);
  return g;
}

const COUNTERS = `
  const N: 1..3 = 3
  type Slot = 0..N-1
  var c: [Slot] -> 0..4
  var total: 0..12
  init { c := [s in Slot |-> 0]; total := 0 }
`;

const WITH_DEFS = `${COUNTERS}
  def CAP: 0..4 = N + 1
  def full(s: Slot): bool = c[s] == CAP
  def bumped(s: Slot): [Slot] -> 0..4 = c with [s] = (c[s] + 1)
  def bump(s: Slot) { c := bumped(s); total := total + 1 }
  action Inc(s: Slot) { await !full(s); bump(s) }
  action Reset(s: Slot) { await full(s); c[s] := 0; total := total - CAP }
  invariant Bounded: forall s in Slot: !full(s) || c[s] == CAP
  invariant TotalSmall: total < 10
`;

const WITHOUT_DEFS = `${COUNTERS}
  action Inc(s: Slot) { await !(c[s] == N + 1); c := c with [s] = (c[s] + 1); total := total + 1 }
  action Reset(s: Slot) { await c[s] == N + 1; c[s] := 0; total := total - (N + 1) }
  invariant Bounded: forall s in Slot: !(c[s] == N + 1) || c[s] == N + 1
  invariant TotalSmall: total < 10
`;

describe('def in guards, updates and invariants', () => {
  test('both engines agree, and with the spec written without defs', () => {
    // the same states, transitions and counterexamples; only the derived constant CAP is listed in addition
    const { constants: ca, ...a } = outcome(WITH_DEFS);
    const { constants: cb, ...b } = outcome(WITHOUT_DEFS);
    expect(a).toEqual(b);
    expect(ca).toEqual({ ...cb, CAP: 4 });
    expect(a.result).toBe('violation');
  });

  test('a def without parameters over constants is a derived constant: listed, and not settable', () => {
    const m = parseSpecText('S', WITH_DEFS).model();
    expect(m.constants.map((c) => [c.name, c.value, c.derived ?? false])).toEqual([['N', 3, false], ['CAP', 4, true]]);
    expect(errors(WITH_DEFS, { CAP: '2' })).toEqual(['<spec S>:8:7: error US5010: --const CAP=2: CAP is derived (def CAP), its value here is 4']);
    // a full constants record, as traces store it, names it with its own value
    expect(errors(WITH_DEFS, { N: '3', CAP: '4' })).toEqual([]);
  });

  test('a def without parameters that reads the state is expanded at each use', () => {
    const text = `var x: 0..3\ninit { x := 0 }\ndef small: bool = x < 2\naction A { await small; x := x + 1 }\ninvariant I: small || x >= 2`;
    const m = parseSpecText('S', text).model();
    expect(m.constants).toEqual([]);
    expect(outcome(text).result).toBe('ok');
  });
});

describe('typing', () => {
  const V = 'var x: 0..3\ninit { x := 0 }\n';
  test('the body is checked against the declared type at the definition, even if unused', () => {
    expect(errors(`${V}def f(n: 0..3): bool = n + 1`)).toEqual(['<spec S>:3:24: error US3001: type mismatch: def f has type int, expected bool']);
  });
  test('arguments are checked against the parameter types at each use', () => {
    expect(errors(`${V}def f(n: 0..3): 0..3 = n\naction A { x := f(true) }`)).toEqual([
      '<spec S>:4:19: error US3001: type mismatch: argument n of f has type bool, expected 0..3',
    ]);
  });
  test('the result has the declared type at the use', () => {
    expect(errors(`${V}def f(n: 0..3): bool = n == 0\naction A { x := f(1) }`)).toEqual([
      '<spec S>:4:17: error US3001: type mismatch: value assigned to x has type bool, expected 0..3',
    ]);
  });
  test('wrong number of arguments, and a def with parameters used bare', () => {
    expect(errors(`${V}def f(n: 0..3): 0..3 = n\naction A { x := f(1, 2) }`)).toEqual(['<spec S>:4:17: error US2034: def f takes 1 argument, given 2']);
    expect(errors(`${V}def f(n: 0..3): 0..3 = n\naction A { x := f }`)).toEqual(['<spec S>:4:17: error US2035: def f takes parameters: write f(...)']);
  });
});

describe('recursion', () => {
  const V = 'var x: 0..3\ninit { x := 0 }\n';
  test('direct recursion is rejected at the definition', () => {
    expect(errors(`${V}def f(n: 0..3): 0..3 = f(n)`)).toEqual([
      '<spec S>:3:24: error US2031: def f is recursive (f -> f): a def is expanded where it is used, so it cannot call itself',
    ]);
  });
  test('mutual recursion is reported with its cycle', () => {
    const es = errors(`${V}def f(n: 0..3): 0..3 = g(n)\ndef g(n: 0..3): 0..3 = f(n)`);
    expect(es[0]).toContain('error US2031: def f is recursive (f -> g -> f)');
  });
  test('a statement def cannot use itself either', () => {
    expect(errors(`${V}def s() { s() }\naction A { s() }`)[0]).toContain('error US2031: def s is recursive (s -> s)');
  });
});

describe('scoping', () => {
  test("a def's parameter shadows a variable; a use site's bound names do not leak into the body", () => {
    const text = `var x: 0..3\nvar y: 0..3\ninit { x := 0; y := 0 }\ndef plus(x: 0..3): 0..6 = x + y\naction A(y: 0..1) { await plus(y) < 3; x := y + 1 }`;
    // plus(y) reads the parameter x (= the action's y) and the state variable y, not the action's y
    const m = parseSpecText('S', text).model();
    expect(m.actions).toHaveLength(1);
    expect(outcome(text).distinctStates).toBe(outcome(`var x: 0..3\nvar y: 0..3\ninit { x := 0; y := 0 }\naction A(p: 0..1) { await p + y < 3; x := p + 1 }`).distinctStates);
  });
  test('a bound name shadows a def', () => {
    expect(errors('var x: 0..3\ninit { x := 0 }\ndef k: 0..3 = 2\naction A { let k = 1\n x := k }')).toEqual([]);
  });
  test("a top-level def cannot read a process's locals", () => {
    const text = 'var x: 0..3\ninit { x := 0 }\ndef peek: 0..3 = a\nprocess P {\n  var a: 0..3 = 0\n  s: x := peek\n}';
    expect(errors(text)).toEqual(['<spec S>:3:18: error US2013: unknown name a']);
  });
  test('a def declared in a process reads its locals and self, and its statement defs may goto its labels', () => {
    const text = `var x: [0..1] -> 0..3\ninit { x := [i in 0..1 |-> 0] }
process P[i in 0..1] {
  var n: 0..2 = 0
  def mine: 0..3 = x[self]
  def again() { n := n + 1; if n == 1 { goto Done } else { goto s } }
  s: x[i] := mine + 1
     again()
}
invariant I: forall i in 0..1: x[i] <= 2`;
    expect(outcome(text).result).toBe('ok');
  });
  test('a top-level statement def has no labels to go to', () => {
    expect(errors('var x: 0..3\ninit { x := 0 }\ndef done() { goto Done }\nprocess P {\n  s: done()\n}')[0]).toContain('error US4005');
  });
});

describe('statement defs', () => {
  test('the assign-once analysis sees through the expansion', () => {
    expect(errors('var x: 0..3\ninit { x := 0 }\ndef set1() { x := 1 }\naction A { set1(); x := 2 }')).toEqual([
      '<spec S>:4:20: error US4001: x is assigned twice in the same step',
    ]);
  });
  test('an expression def is not a statement, and a statement def is not a value', () => {
    expect(errors('var x: 0..3\ninit { x := 0 }\ndef one: 0..3 = 1\naction A { one() }')[0]).toContain('error US2033');
    expect(errors('var x: 0..3\ninit { x := 0 }\ndef set1() { x := 1 }\ninvariant I: set1() == 1')[0]).toContain('error US2032');
  });
});
