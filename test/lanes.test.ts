// Counterexamples people can read in a terminal (issue 13, item 4):
// `check --format lanes` (one column per process, each step in its column),
// `--diff-only`, colour only on a terminal without NO_COLOR, and
// `--counterexamples N`, whose every counterexample is a real path of the
// spec, replayed here step by step on the reference interpreter.
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, loadSpecFile, stepText } from '../src/api';
import { interpretedSpace } from '../src/reference/interpreter';
import { colourWanted, formatLanes, lanesOf, paint } from '../src/cli/lanes';
import type { Model } from '../dsl/ir';
import type { TraceStep } from '../src/engine/result';
import { ROWS } from '../spec/shmem_uffd/rows';
import { loadScheduleFile } from '../conformance/schedule';
import { runCli } from './helpers/cli';

const EX = (f: string) => path.resolve(__dirname, '../spec/examples', f);
const SHMEM = path.resolve(__dirname, '../spec/shmem_uffd/shmem_uffd.spec.ts');
const FIXTURE = (f: string) => fs.readFileSync(path.join(__dirname, 'fixtures/lanes', f), 'utf8');
const D_WP_1 = ROWS.find((r) => r.id === 'D-wp-1')!;
const rowConsts = Object.entries(D_WP_1.constants).flatMap(([k, v]) => ['--const', `${k}=${String(v)}`]);

// the two runs of the D-wp-1 row, started together (each a few seconds)
let dwp1Lanes: ReturnType<typeof runCli>;
let dwp1Json: ReturnType<typeof runCli>;
beforeAll(() => {
  dwp1Lanes = runCli(['check', SHMEM, ...rowConsts, '--continue', '--format', 'lanes']);
  // the run in a child process (the generated checker runs several times faster there than under jest)
  dwp1Json = runCli(['check', SHMEM, ...rowConsts, '--continue', '--counterexamples', '4', '--json']);
});

/** The counterexamples of a run's output, without the timing lines before and after. */
function counterexamples(stdout: string): string {
  const from = stdout.indexOf('Counterexample');
  const to = stdout.search(/^\d+ states generated/m);
  return stdout.slice(from, to);
}

test('PetersonBroken as lanes with --diff-only: exact output', async () => {
  const r = await runCli(['check', EX('peterson.spec.ts'), '--spec', 'PetersonBroken', '--format', 'lanes', '--diff-only']);
  expect(r.code).toBe(1);
  expect(counterexamples(r.stdout)).toBe(FIXTURE('peterson-broken.txt'));
  // a pipe is not a terminal: no colour
  expect(r.stdout).not.toMatch(/\x1b\[/);
});

test('the shmem row D-wp-1 as lanes: exact output of both counterexamples, the initial state listed', async () => {
  const r = await dwp1Lanes;
  expect(r.code).toBe(1);
  expect(counterexamples(r.stdout)).toBe(FIXTURE('D-wp-1.txt'));
  // each property's one-line meaning is printed with its verdict (from the comment above the invariant)
  expect(r.stdout).toMatch(/ NoSilentWrite +violated in 15 steps\n {6}No store through the registered mapping lands on a page the monitor write-protected before an event for that page has reached the monitor\n/);
});

test('--diff-only in the text and tla formats leaves out the initial listing only', async () => {
  const text = await runCli(['check', EX('diehard.spec.ts'), '--diff-only']);
  expect(text.stdout).toMatch(/Initial state: not shown \(--diff-only\); each step shows only what it changed\.\n\nStep 1: /);
  expect(text.stdout).toMatch(/Step 1: FillBig\n {4}big +0 -> 5\n/);
  const tla = await runCli(['check', EX('diehard.spec.ts'), '--diff-only', '--format', 'tla']);
  expect(tla.stdout).toMatch(/State 1: <Initial predicate>\n {3}\(2 variables, not shown: --diff-only\)\n\nState 2: <FillBig>\n\/\\ big = 5\n/);
  const both = await runCli(['check', EX('diehard.spec.ts'), '--diff-only', '--full-states']);
  expect([both.code, both.stderr.trim()]).toEqual([2, 'check: --diff-only and --full-states contradict each other (changes only, or every variable)']);
});

test('colour: only on a terminal, never with NO_COLOR; the escapes do not shift the columns', () => {
  expect(colourWanted(true, {})).toBe(true);
  expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
  expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
  expect(colourWanted(false, {})).toBe(false);
  expect(colourWanted(undefined, {})).toBe(false);
  const model = loadSpecFile(EX('peterson.spec.ts'), 'PetersonBroken').model({});
  const trace = checkModel(model).violations[0].trace;
  const leaves = (s: Record<string, unknown>): [string, string][] => Object.entries(s).map(([k, v]) => [k, JSON.stringify(v)]);
  const input = { trace, property: 'MutualExclusion', leaves, initial: null, processes: ['Proc'] };
  const plain = formatLanes({ ...input, paint: paint(false) });
  const coloured = formatLanes({ ...input, paint: paint(true) });
  expect(plain).not.toMatch(/\x1b/);
  expect(coloured).toMatch(/\x1b\[1;31m<- MutualExclusion violated here\x1b\[0m/);
  expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
});

test('lanes: processes in declaration order, instances by index, actions last', () => {
  const step = (process: string | null, instance: number | null, label: string | null, action = 'a'): TraceStep => ({
    action: '', state: {}, step: { action, process, instance, label, params: {} },
  });
  const trace: TraceStep[] = [{ action: 'Init', step: null, state: {} }, step(null, null, null, 'mwriteprotect_range'), step('Punch', null, 'punch_begin'), step('Thread', 10, 'x'), step('Thread', 2, 'x')];
  expect(lanesOf(trace, ['Thread', 'Punch'])).toEqual(['Thread[2]', 'Thread[10]', 'Punch', '(actions)']);
});

/**
 * Every counterexample is a path of the spec (each step one the reference
 * interpreter can take, naming the same step and reaching the same state),
 * ends in a violation of its property, and passes through no earlier one.
 */
function replay(model: Model, property: string, trace: TraceStep[]): void {
  const space = interpretedSpace(model);
  const key = (s: Record<string, unknown>) => JSON.stringify(s);
  const k = space.invariants.indexOf(property);
  let cur: unknown[] | null = null;
  space.init((s) => void (cur ??= key(space.toJSON(s)) === key(trace[0].state) ? s : null));
  expect(cur).not.toBeNull();
  for (let i = 1; i < trace.length; i++) {
    expect(space.invariant(k, cur as never)).toBe(true);
    let next: unknown[] | null = null;
    space.successors(cur as never, (a, c, n) => {
      if (next === null && key(space.toJSON(n)) === key(trace[i].state) && stepText(space.stepOf(a, c)) === trace[i].action) next = n as never;
    });
    if (next === null) throw new Error(`${property}: step ${i} (${trace[i].action}) is not a step the interpreter can take`);
    cur = next;
  }
  expect(space.invariant(k, cur as never)).toBe(false);
}

/** Counterexamples of a run, checked: replayable, distinct, shortest first. */
function checkCounterexamples(model: Model, violations: { property: string; trace: TraceStep[] }[], property: string): TraceStep[][] {
  const traces = violations.filter((v) => v.property === property).map((v) => v.trace);
  for (const t of traces) replay(model, property, t);
  // distinct: each ends in another state; shortest first
  expect(new Set(traces.map((t) => JSON.stringify(t[t.length - 1].state))).size).toBe(traces.length);
  const lengths = traces.map((t) => t.length);
  expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  return traces;
}

test('--counterexamples: PetersonBroken has exactly 2 (both processes get in, in either order), each replayable', () => {
  const model = loadSpecFile(EX('peterson.spec.ts'), 'PetersonBroken').model({});
  const traces = checkCounterexamples(model, checkModel(model, { counterexamples: 5 }).violations, 'MutualExclusion');
  expect(traces.map((t) => t.length - 1)).toEqual([6, 6]);
  expect(traces.map((t) => t[t.length - 1].action)).toEqual(['Proc[0]:wait', 'Proc[1]:wait']);
  // the first is the one a run with one counterexample per property prints
  expect(traces[0]).toEqual(checkModel(model).violations[0].trace);
});

test('--counterexamples: D-wp-1 gives 4 distinct shortest violations of NoSilentWrite and WpNotLost, each replayable', async () => {
  const r = await dwp1Json;
  expect(r.code).toBe(1);
  const violations = JSON.parse(r.stdout).violations as { property: string; trace: TraceStep[] }[];
  const model = loadSpecFile(SHMEM).model(D_WP_1.constants);
  // the first of each is the committed shortest counterexample (npm run verdicts, one per property)
  const committed = loadScheduleFile(path.resolve(__dirname, '../conformance/generated/counterexamples.json'));
  for (const p of ['NoSilentWrite', 'WpNotLost']) {
    const got = checkCounterexamples(model, violations, p);
    expect(got).toHaveLength(4);
    expect(got[0].slice(1).map((t) => t.action)).toEqual(committed.find((s) => s.name === `D-wp-1/${p}`)!.steps.map((s) => s.step));
  }
  expect(violations.map((v) => v.property)).toEqual([...Array(4).fill('WpNotLost'), ...Array(4).fill('NoSilentWrite')]);
});

test('--counterexamples on the command line: N > 1 explores everything; fewer than asked are said to be all there are', async () => {
  const r = await runCli(['check', EX('peterson.spec.ts'), '--spec', 'PetersonBroken', '--counterexamples', '3']);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^Explored every reachable state: 50 distinct states/m);
  expect(r.stdout).toMatch(/\n {2}\(MutualExclusion: 2 counterexamples in all, of the 3 asked for\)\n/);
  expect(r.stdout).toMatch(/Counterexample 2 of 2: MutualExclusion violated \(2 of 2 for MutualExclusion\) after 6 steps/);
  const bad = await runCli(['check', EX('peterson.spec.ts'), '--counterexamples', '0']);
  expect([bad.code, bad.stderr.trim()]).toEqual([2, "check: --counterexamples expects a positive integer, got '0'"]);
});
