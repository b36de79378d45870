// Quantifiers narrowed to their own part of the body (generator/miniscope.ts):
// the generated checker evaluates TwoPhase's consistency invariant in 2n
// steps instead of n², and every rewrite keeps both the value and the
// evaluation errors the reference interpreter raises for the spec as written.
import * as fs from 'fs';
import { parseSpecText } from '../dsl';
import { checkModel, loadSpecFile } from '../src/api';
import { generateChecker } from '../generator/load';

const engines = ['generated', 'interpreter'] as const;

/** the emitted source of invariant `i` of a model, and the quantifiers it calls (each a function of the module: `const E12 = ...`) by name */
function invSource(model: Parameters<typeof generateChecker>[0], i: number): { inv: string; quants: Map<string, string> } {
  const src = fs.readFileSync(generateChecker(model).tsPath, 'utf8');
  const from = src.indexOf(`function inv${i}(`);
  const inv = src.slice(from, src.indexOf('\n  }\n', from));
  const quants = new Map<string, string>();
  for (const [, name] of inv.matchAll(/\b(E\d+)\(/g)) {
    const line = src.split('\n').find((l) => l.startsWith(`  const ${name} = `));
    if (line) quants.set(name, line);
  }
  return { inv, quants };
}

test("TwoPhase's consistency invariant becomes two loops, one after the other, with the same verdicts", () => {
  const model = loadSpecFile('spec/examples/twophase.spec.ts', 'TwoPhase').model({ RM_COUNT: '4' });
  const { inv, quants } = invSource(model, model.invariants.findIndex((v) => v.name === 'TCConsistent'));
  // as written, the r2 loop sat inside the r1 loop: now the invariant calls two loops, one after the other, neither inside the other
  expect(inv).not.toContain('for (');
  expect([...quants.keys()]).toHaveLength(2);
  for (const q of quants.values()) {
    expect(q.split('for (let i = 0;')).toHaveLength(2);
    expect(q).not.toMatch(/\bE\d+\(/);
  }
  const [g, i] = engines.map((engine) => checkModel(model, { engine, stopAtFirst: false }));
  expect(g.distinctStates).toBe(i.distinctStates);
  expect(g.properties).toEqual(i.properties);
});

describe('the rewrites keep the errors of the spec as written', () => {
  const spec = (inv: string) =>
    parseSpecText(
      'Div',
      `
      type T = 0..2
      var m: [T] -> 0..2
      var v: 0..2
      init { m := [x in T |-> 1]  v := 1 }
      action Zero(x: T) { await x > 0 && m[x] == 1  m[x] := 0 }
      action Drop { await v == 1  v := 0 }
      action Again { await v == 0  v := 1 }
      invariant I: ${inv}
    `,
    ).model({});

  test.each([
    // the part without x is narrowed out: evaluated once, before the loop, as it was at the first iteration
    ['forall x in T: 2 / v > 0 || m[x] < 2', /division by zero/],
    // the part with x may fail: not narrowed, so the iterations after one that B decided still raise the
    // error (m[0] is never 0: at x = 0 the part with x is false for forall, true for exists)
    ['forall x in T: 2 / m[x] > 5 || v == 1', /division by zero/],
    ['exists x in T: 2 / m[x] < 5 && m[1] == 1', /division by zero/],
  ])('%s', (inv, error) => {
    for (const engine of engines) expect(() => checkModel(spec(inv), { engine, stopAtFirst: false })).toThrow(error);
  });

  test.each([
    ['forall x in T: forall y in T: !(m[x] == 0 && m[y] == 2)', 'ok'],
    ['exists x in T: m[x] == 1 && v == 1', 'violation'],
    ['forall x in T: m[x] == 1 => v == 1', 'violation'],
    ['forall x in T: forall y in T: m[x] + m[y] >= 0 || v == 7', 'ok'],
  ])('%s: both engines agree (%s)', (inv, verdict) => {
    const [g, i] = engines.map((engine) => checkModel(spec(inv), { engine, stopAtFirst: false }));
    expect(g.result).toBe(verdict);
    expect(i.result).toBe(verdict);
    expect(g.properties).toEqual(i.properties);
    expect(g.violations.map((x) => x.trace)).toEqual(i.violations.map((x) => x.trace));
  });
});
