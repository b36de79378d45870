// `check --states-hint N` and `check --fingerprint-only` on the command line:
// bad values and contradicting combinations are one located line and exit 2;
// in fingerprint-only mode every "holds" carries the estimated collision
// probability, and liveness properties are left unknown with the reason.
import { runBeforeAll } from './helpers/cli';
import { runCli } from './helpers/cli';

const TWOPHASE = 'spec/examples/twophase.spec.ts';
const RUNS: Record<string, string[]> = {
  hintZero: ['check', TWOPHASE, '--states-hint', '0'],
  hintWord: ['check', TWOPHASE, '--states-hint', 'many'],
  hintHuge: ['check', TWOPHASE, '--states-hint', '5000000000'],
  fpInterpreter: ['check', TWOPHASE, '--fingerprint-only', '--engine', 'interpreter'],
  fpCounterexamples: ['check', TWOPHASE, '--fingerprint-only', '--counterexamples', '2'],
  fpSimulate: ['check', TWOPHASE, '--fingerprint-only', '--simulate'],
  fp: ['check', TWOPHASE, '--fingerprint-only'],
  fpJson: ['check', TWOPHASE, '--fingerprint-only', '--json', '--states-hint', '5000'],
  fpLiveness: ['check', 'spec/examples/liveness.spec.ts', '--spec', 'PetersonFair', '--fingerprint-only'],
  fpWorkers: ['check', TWOPHASE, '--fingerprint-only', '--workers', '2'],
};
const run = runBeforeAll(Object.keys(RUNS), (k) => runCli(RUNS[k], { UFFDSPEC_PROGRESS_MS: '0' }), 2);

test.each([
  ['hintZero', "check: --states-hint expects a positive integer, got '0'"],
  ['hintWord', "check: --states-hint expects a positive integer, got 'many'"],
  ['hintHuge', 'check: --states-hint 5000000000: at most 1073741824 states'],
  ['fpInterpreter', 'check: --fingerprint-only applies to the generated engine, not --engine interpreter'],
  ['fpCounterexamples', 'check: --fingerprint-only keeps no states of the paths that --counterexamples N > 1 tells apart; drop one of them'],
  ['fpSimulate', 'check: --fingerprint-only sizes an exhaustive exploration; --simulate keeps no states'],
])('%s: one line, exit 2', (name, line) => {
  const r = run(name);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual([line]);
  expect(r.stdout).toBe('');
});

test('--fingerprint-only: each "holds" says unless two states collided, with the estimate; the memory line', () => {
  const r = run('fp');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^  TCConsistent +holds unless two states collided \(probability about 1\.3e-14, estimated\)$/m);
  expect(r.stdout).not.toMatch(/ holds$/m);
  expect(r.stdout).toMatch(/^Fingerprint-only: the fingerprint table, the frontier at its largest and the buffers took [\d.]+ bytes per distinct state; /m);
});

test('--fingerprint-only --json: the memory mode and the collision estimate n(g-n)/2^64', () => {
  const r = run('fpJson');
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.memory.mode).toBe('fingerprint-only');
  expect(j.memory.collisionProbability).toBeCloseTo((288 * (1146 - 288)) / 2 ** 64, 25);
  expect(j.distinctStates).toBe(288);
});

test('--fingerprint-only with liveness properties: they are unknown, with the reason, and the exit status is 3', () => {
  const r = run('fpLiveness');
  expect(r.code).toBe(3);
  expect(r.stdout).toMatch(/unknown: not checked: --fingerprint-only keeps no states, and the liveness check needs every state and edge/);
});

test('--fingerprint-only --workers 2: one thread, and the output says why', () => {
  const r = run('fpWorkers');
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n')).toContain('workers: 1 (the fingerprint-only store (its frontier and trace file) is kept by one thread)');
  expect(r.stdout).toContain('holds unless two states collided');
});
