// `uffdspec conform` exit codes, run as a child process (`node bin/uffdspec`, the
// compiled dist/: run `npx tsc -p .` after changing the sources):
// 0 every trace that ran agreed, 1 a disagreement, 2 user error, 4 a requested target
// is unavailable (reason and fix on stderr), 5 nothing ran. UFFDSPEC_NATIVE_HARNESS
// pointing at a missing file makes the native target unavailable on any machine.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { CliRun, ROOT, lines, runBeforeAll, runCli } from './helpers/cli';
const TRACES = 'conformance/traces';
const ONE = 'conformance/traces/handwritten/copy-eexist-wake.json';
// a hand-written trace that gives every field (test/conformance.test.ts counts both by hand)
const EVERY_FIELD = 'conformance/traces/kernel/native-eof-sigbus-pwrite.json';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-conform-'));
const EMPTY = path.join(TMP, 'empty');
fs.mkdirSync(EMPTY);
// the same trace with a wrong expectation at step 0 (register returns 0, not -EPERM)
const WRONG = path.join(TMP, 'wrong.json');
const wrong = JSON.parse(fs.readFileSync(path.join(ROOT, ONE), 'utf8'));
wrong.steps[0].expect.result = -1;
fs.writeFileSync(WRONG, JSON.stringify(wrong));
const MISSING_HARNESS = path.join(TMP, 'no-harness');
// a trace for another spec: the one kind of trace the spec target skips whatever its contents
const OTHER_SPEC = path.join(TMP, 'other-spec.json');
fs.writeFileSync(OTHER_SPEC, JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(ROOT, ONE), 'utf8')), spec: 'SomeOtherSpec' }));
const REPORT = path.join(TMP, 'report.md');

interface Invocation {
  args: string[];
  noHarness?: boolean;
}

const RUNS = {
  agree: { args: ['conform', '--target', 'sim', ONE] },
  disagree: { args: ['conform', '--target', 'sim', WRONG] },
  badTarget: { args: ['conform', '--target', 'bogus', ONE] },
  missingPath: { args: ['conform', '--target', 'sim', 'conformance/nope'] },
  nativeUnavailable: { args: ['conform', '--target', 'native', TRACES], noHarness: true },
  nativeUnavailableJson: { args: ['conform', '--target', 'native', '--json', TRACES], noHarness: true },
  allNativeUnavailable: { args: ['conform', '--target', 'all', ONE], noHarness: true },
  allDisagreeNativeUnavailable: { args: ['conform', '--target', 'all', WRONG], noHarness: true },
  everySkipped: { args: ['conform', '--target', 'spec', OTHER_SPEC] },
  noSkipSkipped: { args: ['conform', '--target', 'spec', '--no-skip', ONE, OTHER_SPEC] },
  noSkipAllRan: { args: ['conform', '--target', 'spec', '--no-skip', ONE] },
  noTraces: { args: ['conform', '--target', 'sim', EMPTY] },
  help: { args: ['conform', '--help'] },
  json: { args: ['conform', '--target', 'sim', '--json', EVERY_FIELD] },
  report: { args: ['conform', '--target', 'sim', '--report', REPORT, ONE], noHarness: true },
} satisfies Record<string, Invocation>;

type Run = CliRun;

function start(inv: Invocation): Promise<Run> {
  return runCli(inv.args, { UFFDSPEC_NATIVE_HARNESS: inv.noHarness ? MISSING_HARNESS : undefined });
}

const run = runBeforeAll(Object.keys(RUNS) as (keyof typeof RUNS)[], (k) => start(RUNS[k]), 3);
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
const noStack = (r: Run) => {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error|Error:|\.js:\d+/);
};
const UNAVAILABLE = [
  `conform: the native target is unavailable: UFFDSPEC_NATIVE_HARNESS=${MISSING_HARNESS}: no such file`,
  'conform: fix: unset UFFDSPEC_NATIVE_HARNESS, or point it at a built harness (conformance/native/harness)',
];

describe('conform exit codes', () => {
  test('0: every trace that ran agreed', () => {
    const r = run('agree');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sim: 1 traces, 8 steps run, 1/1 traces agree, 0 skipped');
    expect(r.stderr).toBe('');
    // what the agreement covered (counted by hand in test/conformance.test.ts)
    expect(r.stdout).toContain('0 skipped, 153 fields compared, 9 not specified by the trace, ');
  });

  test('1: a disagreement', () => {
    const r = run('disagree');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/DISAGREE A failed COPY wakes nobody.* step 0 /);
    // the disagreeing step counts: step 0 compares 19 fields and leaves t0's and t1's `last` out
    expect(r.stdout).toContain('sim: 1 traces, 1 steps run, 0/1 traces agree, 0 skipped, 19 fields compared, 2 not specified by the trace, ');
    noStack(r);
  });

  test('2: user errors', () => {
    expect(run('badTarget')).toMatchObject({ code: 2, stdout: '', stderr: "conform: --target must be spec, sim, native or all, got 'bogus'\n" });
    expect(run('missingPath')).toMatchObject({ code: 2, stdout: '', stderr: 'error: conformance/nope: no such file or folder\n' });
  });

  test('4: --target native where the harness cannot run: the reason and the fix on stderr, one line each', () => {
    for (const r of [run('nativeUnavailable'), run('nativeUnavailableJson')]) {
      expect(r.code).toBe(4);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual(UNAVAILABLE);
    }
  });

  test('4: --target all runs spec and sim, reports native unavailable', () => {
    const r = run('allNativeUnavailable');
    expect(r.code).toBe(4);
    expect(lines(r.stderr)).toEqual(UNAVAILABLE);
    expect(r.stdout).toContain('spec: 1 traces, 8 steps run, 1/1 traces agree, 0 skipped');
    expect(r.stdout).toContain('sim: 1 traces, 8 steps run, 1/1 traces agree, 0 skipped');
    expect(r.stdout).toContain('native: 0 traces, 0 steps run, 0/0 traces agree, 1 skipped');
  });

  test('1 wins over 4: --target all with a disagreement and native unavailable', () => {
    const r = run('allDisagreeNativeUnavailable');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(UNAVAILABLE);
    expect(r.stdout).toMatch(/DISAGREE/);
  });

  test('5: nothing ran', () => {
    const skipped = run('everySkipped');
    expect(skipped.code).toBe(5);
    expect(skipped.stdout).toContain('spec: 0 traces, 0 steps run, 0/0 traces agree, 1 skipped');
    expect(skipped.stdout).toContain('skipped 1: trace is for spec SomeOtherSpec');
    expect(lines(skipped.stderr)).toEqual(['conform: nothing ran: every trace was skipped on the spec target']);
    const none = run('noTraces');
    expect(none.code).toBe(5);
    expect(lines(none.stderr)).toEqual(['conform: nothing ran: no traces found']);
  });

  test('1 with --no-skip: a skipped trace fails the run (how CI runs the hand-written traces on the spec)', () => {
    const r = run('noSkipSkipped');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('spec: 1 traces, 8 steps run, 1/1 traces agree, 1 skipped');
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^conform: --no-skip: spec skipped A failed COPY wakes nobody.*: trace is for spec SomeOtherSpec$/)]);
    // the same run without the skipped trace passes
    expect(run('noSkipAllRan')).toMatchObject({ code: 0, stderr: '' });
  });

  test('conform --help lists them', () => {
    const r = run('help');
    expect(r.code).toBe(0);
    for (const code of [0, 1, 2, 4, 5]) expect(r.stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    expect(r.stdout).toMatch(/^  4 +a requested target cannot run here/m);
    expect(r.stdout).toMatch(/^  5 +nothing ran/m);
  });
});

describe('conform: what an agreement covered', () => {
  test('--json: fieldsCompared and fieldsUnspecified per target', () => {
    const r = run('json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // 7 steps x (result + 24 pages x 4 fields + 1 thread) = 686, every field given
    expect(j.reports).toEqual([expect.objectContaining({ target: 'sim', traces: 1, steps: 7, fieldsCompared: 686, fieldsUnspecified: 0 })]);
  });

  test('--report: two columns in the Traces table and the sentence under it', () => {
    const r = run('report');
    expect(r.code).toBe(0);
    const md = fs.readFileSync(REPORT, 'utf8');
    expect(md).toContain('| target | traces run | steps | fields compared | fields not specified | agree | skipped | time | traces/s | steps/s |\n|---|---|---|---|---|---|---|---|---|---|\n');
    expect(md).toMatch(/^\| sim \| 1 \| 8 \| 153 \| 9 \| 1\/1 \| 0 \| /m);
    expect(md).toMatch(/^The field columns count.*a field a trace does not specify is not compared.*hand-written traces give every field/m);
  });
});
