// `check --workers N` on the command line. The default is one thread per
// core, and its output is what one thread prints: the shared table is exact
// (no collision estimate beside a verdict), and how many threads ran is said
// only when --workers was given. Philosophers N=13 (422,528 states) has
// levels past the 50,000 states that make the threads start.
import { runBeforeAll, runCli } from './helpers/cli';

const PHIL = ['check', 'bench/models/philosophers.spec.ts', '--const', 'N=13', '--continue'];
const RUNS: Record<string, string[]> = {
  asked: [...PHIL, '--workers', '2'],
  one: [...PHIL, '--workers', '1'],
  byDefault: PHIL,
};
const run = runBeforeAll(Object.keys(RUNS), (k) => runCli(RUNS[k], { UFFDSPEC_PROGRESS_MS: '0' }), 2);

/** the output less what differs between runs: times and rates */
function timeless(s: string): string {
  return s.replace(/Finished in \d+ms \([\d,]+ distinct states\/s/g, 'Finished in T (R distinct states/s').replace(/, in [\d.]+ m?s\./g, ', in T.');
}

test('--workers 2: the threads ran, and the verdicts are plain "holds" (the table is exact)', () => {
  const r = run('asked');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Finished in \d+ms \([\d,]+ distinct states\/s, generated engine, 2 worker threads\)\.$/m);
  expect(r.stdout).toMatch(/ holds$/m);
  expect(r.stdout).not.toMatch(/collided|fingerprint/i);
  // everything else is what one thread prints
  expect(timeless(r.stdout).replace(', 2 worker threads', '')).toBe(timeless(run('one').stdout));
});

test('the default (one thread per core) prints what --workers 1 prints', () => {
  const r = run('byDefault');
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(run('one').stderr);
  expect(timeless(r.stdout)).toBe(timeless(run('one').stdout));
  expect(r.stdout).not.toMatch(/worker/);
});
