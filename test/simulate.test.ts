// Simulation mode (check --simulate, src/engine/simulate.ts): walks are a
// function of the seed; a violation found is a real path of the spec ending in
// the violation (checked step by step with the reference interpreter); a run
// without violation never claims that a property holds.
import * as path from 'path';
import { loadSpecFile, simulateModel } from '../src/api';
import { interpretedSpace } from '../src/reference/interpreter';
import { parseSpecText } from '../dsl';
import { runCli } from './helpers/cli';

const EX = (f: string) => path.resolve(__dirname, '../spec/examples', f);
const withoutTime = (r: object) => ({ ...r, durationMs: 0 });

test('the same seed gives the same walks; another seed other walks', () => {
  const model = loadSpecFile(EX('diehard.spec.ts')).model({});
  const a = simulateModel(model, { walks: 40, depth: 50, seed: 5 });
  const b = simulateModel(model, { walks: 40, depth: 50, seed: 5 });
  const c = simulateModel(model, { walks: 40, depth: 50, seed: 6 });
  expect(withoutTime(b)).toEqual(withoutTime(a));
  expect(JSON.stringify(withoutTime(c))).not.toBe(JSON.stringify(withoutTime(a)));
});

test('DieHard: the violation a walk finds is a path of the spec (each state a successor of the one before) ending with big = 4', () => {
  const model = loadSpecFile(EX('diehard.spec.ts')).model({});
  const r = simulateModel(model, { walks: 200, depth: 100, seed: 3 });
  expect(r.result).toBe('violation');
  const v = r.violations[0];
  expect(v.property).toBe('NotFour');
  expect(v.trace[v.trace.length - 1].state.big).toBe(4);
  // the independent reference interpreter agrees with every step
  const space = interpretedSpace(model);
  const key = (s: Record<string, unknown>) => JSON.stringify(s);
  const inits: string[] = [];
  space.init((s) => inits.push(key(space.toJSON(s))));
  expect(inits).toContain(key(v.trace[0].state));
  let states = [] as unknown[][];
  space.init((s) => states.push(s));
  states = states.filter((s) => key(space.toJSON(s as never)) === key(v.trace[0].state));
  for (let i = 1; i < v.trace.length; i++) {
    // the successors equal to the trace's next state (one suffices: equal JSON, equal state)
    let next: unknown[] | null = null;
    for (const s of states) space.successors(s as never, (_a, _c, n) => void (next ??= key(space.toJSON(n)) === key(v.trace[i].state) ? (n as never) : null));
    expect(next).not.toBeNull();
    states = [next!];
  }
});

test('a deadlock is found by a walk that cannot go on and has not terminated; a finished process is not one', () => {
  // a counter that stops at 2: no step leaves x = 2 and there is no process to finish
  const stuck = parseSpecText('Stuck', 'var x: 0..2\ninit { x := 0 }\naction Inc { await x < 2  x := x + 1 }').model();
  const r = simulateModel(stuck, { walks: 3, depth: 10, seed: 1 });
  expect([r.result, r.walksRun, r.violations[0].trace.length]).toEqual(['deadlock', 1, 3]);
  // a process that runs to its end terminates: no deadlock
  const ends = parseSpecText('Ends', 'var x: 0..2\ninit { x := 0 }\nprocess P { a: x := 1\n b: x := 2 }').model();
  const e = simulateModel(ends, { walks: 3, depth: 10, seed: 1 });
  expect([e.result, e.walksTerminated, e.longestWalk]).toEqual(['no-violation', 3, 3]);
});

describe('the command line', () => {
  test('no violation: exit 3, and no property is said to hold', async () => {
    const r = await runCli(['check', EX('twophase.spec.ts'), '--no-deadlock', '--simulate', '--walks', '30', '--seed', '2']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Simulation: no violation in 30 of 30 walks \(at most 100 states each, seed 2\)/);
    expect(r.stdout).toMatch(/A simulation is not a proof: no property is said to hold/);
    expect(r.stdout).not.toMatch(/\bholds\b/);
  });

  test('a violation: exit 1, the walk and the counterexample; --json has the seed and the trace', async () => {
    const r = await runCli(['check', EX('diehard.spec.ts'), '--simulate', '--walks', '200', '--seed', '3', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect([j.mode, j.seed, j.result, j.violations[0].property]).toEqual(['simulate', 3, 'violation', 'NotFour']);
  });

  test('flags of an exhaustive run are refused with --simulate', async () => {
    const r = await runCli(['check', EX('diehard.spec.ts'), '--simulate', '--continue']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('check: --continue asks for an exhaustive run; it cannot be used with --simulate');
  });
});
