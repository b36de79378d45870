// The command line, run as a child process (`node bin/uffdspec ...`, which
// loads the compiled dist/src/cli/main.js: `npm ci` builds it through the
// prepare script; after changing the sources run `npx tsc -p .`).
// Exit codes: 0 no error, 1 violation or deadlock, 2 user error, 3 a limit.
//
// Every invocation is listed in RUNS and they all run once, a few at a time,
// before the tests (each loads ts-morph and TypeScript, about a second of
// CPU); the tests then assert on the recorded exit code, stdout and stderr.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { BIN, CliRun, ROOT, lines, runBeforeAll, runCli } from './helpers/cli';

const DIEHARD = 'spec/examples/diehard.spec.ts';
const PETERSON = 'spec/examples/peterson.spec.ts';
const TWOPHASE = 'spec/examples/twophase.spec.ts';
const PRODCONS = 'spec/examples/prodcons.spec.ts';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-cli-'));
/** A temporary .spec.ts file: its path, and the path the CLI shows (relative to the repo, the cwd). */
function tempSpec(name: string, text: string): { file: string; shown: string } {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, text);
  return { file, shown: path.relative(ROOT, file) };
}
const MALFORMED = tempSpec('malformed.spec.ts', 'import { spec } from "../dsl";\n\nexport const Bad = spec`\n  var x: 0..3\n  init { x := }\n`;\n');
const ILLTYPED = tempSpec('illtyped.spec.ts', 'export const T = spec`\n  var x: 0..3\n  init { x := 0 }\n  action A { x := true }\n`;\n');
// slow per state (the invariant ranges over 20001 values) and a million states deep:
// seconds of exploration whatever the machine, with little memory and no deadlock in reach
const BIG = tempSpec(
  'big.spec.ts',
  'export const Big = spec`\n  var a: 0..1000000\n  init { a := 0 }\n  action Inc { await a < 1000000; a := a + 1 }\n  invariant Slow: forall i in 0..20000: i + a >= 0\n`;\n',
);

const SHMEM = 'spec/shmem_uffd/shmem_uffd.spec.ts';
const HUGE_DOMAIN = tempSpec('hugedomain.spec.ts', 'export const H = spec`\n  var x: 0..3\n  init { x := 0 }\n  action A { with y in 0..2000000 { x := 1 } }\n`;\n');
const DIV_IN_INVARIANT = tempSpec('divinv.spec.ts', 'export const D = spec`\n  var x: 0..3\n  init { x := 1 }\n  action A { x := 0 }\n  invariant I: 4 / x > 0\n`;\n');
const ENUM_CONST = tempSpec('enumconst.spec.ts', 'export const E = spec`\n  enum Mode { A, B }\n  const M: Mode = A\n  const FLAG: bool = M == A\n  var x: 0..3\n  init { x := 0 }\n  action Act { await FLAG; x := 1 }\n`;\n');

interface Invocation {
  args: string[];
  /** UFFDSPEC_PROGRESS_MS for this run (unset otherwise) */
  progressMs?: string;
}

const RUNS = {
  diehard: { args: ['check', DIEHARD] },
  diehardJson: { args: ['check', DIEHARD, '--json'] },
  diehardJsonAgain: { args: ['check', DIEHARD, '--json'] },
  diehardJsonAll: { args: ['check', DIEHARD, '--json', '--continue'] },
  diehardTla: { args: ['check', DIEHARD, '--format', 'tla'] },
  peterson: { args: ['check', PETERSON, '--spec', 'Peterson'] },
  twophaseNoDeadlock: { args: ['check', TWOPHASE, '--const', 'RM_COUNT=4', '--no-deadlock'] },
  twophaseDeadlock: { args: ['check', TWOPHASE, '--const', 'RM_COUNT=4'], progressMs: '0' },
  greedy: { args: ['check', PRODCONS, '--const', 'GREEDY=true'] },
  greedyNoDeadlock: { args: ['check', PRODCONS, '--const', 'GREEDY=true', '--no-deadlock'] },
  malformed: { args: ['check', MALFORMED.file] },
  illtyped: { args: ['check', ILLTYPED.file] },
  constUnknown: { args: ['check', DIEHARD, '--const', 'NOPE=1'] },
  constOutOfRange: { args: ['check', DIEHARD, '--const', 'GOAL=7'] },
  specUnknown: { args: ['check', DIEHARD, '--spec', 'Nope'] },
  missingFile: { args: ['check', 'spec/examples/nope.spec.ts'] },
  unknownFlag: { args: ['check', DIEHARD, '--frobnicate'] },
  flagWithoutValue: { args: ['check', DIEHARD, '--max-states'] },
  badLimit: { args: ['check', DIEHARD, '--timeout', '0'] },
  expectUnknown: { args: ['check', DIEHARD, '--expect-violation', 'Nope'] },
  unknownCommand: { args: ['chekc', DIEHARD] },
  maxStates: { args: ['check', DIEHARD, '--max-states', '5'] },
  maxDepth: { args: ['check', DIEHARD, '--max-depth', '2', '--json'] },
  // a progress line every 100 ms: 4 s leaves seconds for lines even when starting and
  // generating take 2 s under load (the run spends all of it exploring: CPU the suite pays)
  timeout: { args: ['check', BIG.file, '--timeout', '4'], progressMs: '100' },
  // 1568 states: the clock is read every 1024 states, so a 1 ms interval prints
  progressJson: { args: ['check', TWOPHASE, '--const', 'RM_COUNT=4', '--no-deadlock', '--json'], progressMs: '1' },
  progressMalformed: { args: ['check', DIEHARD], progressMs: 'soon' },
  // issue 8: verdicts that never overstate
  expectOne: { args: ['check', SHMEM, '--expect-violation', 'WpNotLost'], progressMs: '0' },
  expectBoth: { args: ['check', SHMEM, '--expect-violation', 'NoSilentWrite', '--expect-violation', 'WpNotLost'], progressMs: '0' },
  continueLimit: { args: ['check', SHMEM, '--continue', '--max-states', '60000', '--json'], progressMs: '0' },
  hugeDomain: { args: ['check', HUGE_DOMAIN.file] },
  divInInvariant: { args: ['check', DIV_IN_INVARIANT.file] },
  badEnumConst: { args: ['check', ENUM_CONST.file, '--const', 'M=C'] },
  reportUnwritable: { args: ['conform', '--target', 'sim', '--report', '/nonexistent-dir/report.md'] },
  version: { args: ['--version'] },
  overview: { args: ['--help'] },
  noCommand: { args: [] },
  helpCheck: { args: ['check', '--help'] },
  helpConform: { args: ['help', 'conform'] },
  helpUnknown: { args: ['help', 'nope'] },
  formatBad: { args: ['check', DIEHARD, '--format', 'tlc'] },
} satisfies Record<string, Invocation>;

type Run = CliRun;

function start(inv: Invocation): Promise<Run> {
  return runCli(inv.args, { UFFDSPEC_PROGRESS_MS: inv.progressMs });
}

const run = runBeforeAll(Object.keys(RUNS) as (keyof typeof RUNS)[], (k) => start(RUNS[k]), Math.min(4, Math.max(2, os.cpus().length)));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** The TLC-style statistics of a human-readable report. */
function stats(stdout: string) {
  const m = /^(\d+) states generated, (\d+) distinct states found, (\d+) states left on queue\.$/m.exec(stdout);
  const d = /^The depth of the (?:complete )?state graph search is (\d+)\.$/m.exec(stdout);
  if (!m || !d) throw new Error(`no statistics in:\n${stdout}`);
  return { generated: Number(m[1]), distinct: Number(m[2]), queueLeft: Number(m[3]), depth: Number(d[1]) };
}

/** stderr without the announcements of slow phases (`uffdspec: generating ...…`), which depend on the cache */
const withoutPhases = (s: string) => s.replace(/^uffdspec: .*…\n/gm, '');

/** The run with the slow-phase announcements taken out of stderr. */
const withoutPhasesRun = (r: Run): Run => ({ ...r, stderr: withoutPhases(r.stderr) });

/** A user error: exit 2, nothing on stdout, no stack trace; returns the lines of stderr. */
function userError(r: Run): string[] {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error|Error:|\.js:\d+/);
  return lines(r.stderr);
}

const PROGRESS = /^Progress: \d+ distinct states, \d+ on queue, \d+ generated, \d+ states\/s, \d+s$/;

describe('check: DieHard', () => {
  test('NotFour is violated: the summary first, then a 6-step trace of changes, then the statistics', () => {
    const r = run('diehard');
    expect(r.code).toBe(1);
    expect(withoutPhases(r.stderr)).toBe('');
    const out = r.stdout;
    expect(lines(out).slice(0, 9).map((l) => l.replace(/in \d+ ms/, 'in T ms'))).toEqual([
      `uffdspec: checking DieHard (${DIEHARD}) with the generated engine`,
      'Constants: GOAL=4 (default)',
      'Stopped at the first violation (--continue explores everything) after 14 distinct states (73 generated), depth 7, in T ms; 2 states were left unexplored.',
      '',
      'Properties:',
      '  NotFour   violated in 6 steps',
      '      The big jug never holds exactly GOAL gallons (a violation is a solution of the puzzle)',
      '  Deadlock  unknown',
      '      No reachable state is stuck: some step is possible until every process has finished',
    ]);
    expect(out).toContain('(unknown: not checked past 14 states: the run stopped at the first violation (14 distinct states, 2 left on the queue); --continue explores everything)');
    expect(out).toContain('Counterexample: NotFour violated after 6 steps (how to read it: docs/reading-traces.md):');
    expect(out.match(/^(Initial state|Step \d+: .*):?$/gm)).toEqual([
      'Initial state:',
      'Step 1: FillBig',
      'Step 2: BigToSmall',
      'Step 3: EmptySmall',
      'Step 4: BigToSmall',
      'Step 5: FillBig',
      'Step 6: BigToSmall',
    ]);
    // each step shows what changed, old -> new; the last one solves the puzzle
    expect(out).toContain('Step 6: BigToSmall\n    big     5 -> 4\n    small   2 -> 3\n');
    expect(out).not.toMatch(/^Error:/m);
    // The run stops at the first violation (breadth first, so the trace is a
    // shortest one), having seen every state up to depth 6 and part of the
    // next level: 14 of DieHard's 16 distinct states (docs/examples.md).
    expect(stats(out)).toEqual({ generated: 73, distinct: 14, queueLeft: 2, depth: 7 });
    expect(out).toMatch(/^Finished in \d+ms \(\d+ distinct states\/s, generated engine\)\.$/m);
  });

  test('--format tla: the same counterexample in TLC notation', () => {
    const r = run('diehardTla');
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out.match(/^State \d+: <.*>$/gm)).toEqual([
      'State 1: <Initial predicate>',
      'State 2: <FillBig>',
      'State 3: <BigToSmall>',
      'State 4: <EmptySmall>',
      'State 5: <BigToSmall>',
      'State 6: <FillBig>',
      'State 7: <BigToSmall>',
    ]);
    // the last state is the solution of the puzzle
    expect(out).toContain('State 7: <BigToSmall>\n/\\ big = 4\n/\\ small = 3\n');
    expect(stats(out)).toEqual({ generated: 73, distinct: 14, queueLeft: 2, depth: 7 });
  });

  test('--json: one JSON object on stdout, nothing else', () => {
    const r = run('diehardJsonAll');
    expect(r.code).toBe(1);
    expect(withoutPhases(r.stderr)).toBe('');
    expect(r.stdout.trimStart().startsWith('{')).toBe(true);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['spec', 'constants', 'result', 'complete', 'statesGenerated', 'distinctStates', 'depth', 'durationMs', 'violations', 'properties', 'coverage']),
    );
    // complete: every property has a verdict
    expect(j.complete).toBe(true);
    expect(j.properties).toEqual([
      { name: 'NotFour', status: 'violated', traceLength: 7, meaning: 'The big jug never holds exactly GOAL gallons (a violation is a solution of the puzzle)' },
      { name: 'Deadlock', status: 'holds' },
    ]);
    // with --continue the whole graph is explored: DieHard's 16 states
    expect(j).toMatchObject({ spec: 'DieHard', constants: { GOAL: 4 }, result: 'violation', statesGenerated: 97, distinctStates: 16, depth: 8, queueLeft: 0 });
    expect(typeof j.durationMs).toBe('number');
    expect(j.violations).toHaveLength(1);
    const v = j.violations[0];
    expect(v.property).toBe('NotFour');
    expect(v.trace.map((s: { action: string }) => s.action)).toEqual(['Init', 'FillBig', 'BigToSmall', 'EmptySmall', 'BigToSmall', 'FillBig', 'BigToSmall']);
    // each step as printed (action) and as data (step: null for the initial state)
    expect(v.trace[0]).toEqual({ action: 'Init', step: null, state: { big: 0, small: 0 } });
    expect(v.trace[6]).toEqual({ action: 'BigToSmall', step: { action: 'BigToSmall', process: null, instance: null, label: null, params: {} }, state: { big: 4, small: 3 } });
    for (const step of v.trace) expect(Object.keys(step)).toEqual(['action', 'step', 'state']);
    expect(j.coverage.map((c: { action: string }) => c.action)).toEqual(['FillSmall', 'FillBig', 'EmptySmall', 'EmptyBig', 'SmallToBig', 'BigToSmall']);
    for (const c of j.coverage) expect(c.distinct).toBeLessThanOrEqual(c.generated);
    expect(j.coverage.reduce((n: number, c: { distinct: number }) => n + c.distinct, 0)).toBe(16 - 1);

    // stopping at the first violation (the default) gives the same shortest trace
    const first = JSON.parse(run('diehardJson').stdout);
    expect(first).toMatchObject({ result: 'violation', complete: false, stoppedBy: 'first-violation', statesGenerated: 73, distinctStates: 14, depth: 7, queueLeft: 2 });
    // ... and claims nothing about the states it did not explore
    expect(first.properties[1]).toEqual({
      name: 'Deadlock',
      status: 'unknown',
      reason: 'not checked past 14 states: the run stopped at the first violation (14 distinct states, 2 left on the queue); --continue explores everything',
    });
    expect(first.violations[0].trace).toEqual(v.trace);
  });

  test('two --json runs are identical apart from the duration', () => {
    const a = run('diehardJson');
    const b = run('diehardJsonAgain');
    const strip = (s: string) => {
      const j = JSON.parse(s);
      expect(typeof j.durationMs).toBe('number');
      delete j.durationMs;
      return j;
    };
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
    // byte for byte once the duration is masked
    const mask = (s: string) => s.replace(/"durationMs": \d+/, '"durationMs": 0');
    expect(mask(a.stdout)).toBe(mask(b.stdout));
  });
});

describe('check: specs that hold, and --no-deadlock', () => {
  test('Peterson (--spec: the file defines two specs)', () => {
    const r = run('peterson');
    expect(r.code).toBe(0);
    expect(withoutPhases(r.stderr)).toBe('');
    expect(r.stdout).toContain('Explored every reachable state: 26 distinct states (45 generated), depth 8');
    expect(r.stdout).toContain('  MutualExclusion  holds\n      The two processes are never in the critical section at the same time\n  Deadlock         holds\n');
    expect(stats(r.stdout)).toEqual({ generated: 45, distinct: 26, queueLeft: 0, depth: 8 });
  });

  test('TwoPhase with --no-deadlock (README): ok, 1568 states for 4 RMs; the same with deadlock checking on', () => {
    const off = run('twophaseNoDeadlock');
    expect(off.code).toBe(0);
    expect(withoutPhases(off.stderr)).toBe('');
    expect(lines(off.stdout)[1]).toBe('Constants: RM_COUNT=4');
    expect(off.stdout).toContain('Explored every reachable state: 1,568 distinct states (8,258 generated), depth 14');
    // --no-deadlock: no verdict on deadlock is claimed
    expect(off.stdout).not.toContain('  Deadlock');
    expect(stats(off.stdout)).toEqual({ generated: 8258, distinct: 1568, queueLeft: 0, depth: 14 });
    // the receive actions stay enabled as self-loops, so no state is a deadlock
    const on = run('twophaseDeadlock');
    expect(on.code).toBe(0);
    expect(stats(on.stdout)).toEqual(stats(off.stdout));
  });

  test('--no-deadlock turns a deadlock (ProdCons GREEDY=true) into a normal end', () => {
    const on = run('greedy');
    expect(on.code).toBe(1);
    expect(on.stdout).toContain('  Deadlock      violated in 8 steps');
    expect(on.stdout).toContain('Counterexample: Deadlock reached after 8 steps');
    // a sequence is shown as one
    expect(on.stdout).toContain('    q                  <<0>> -> <<0, 0>>');
    const off = run('greedyNoDeadlock');
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('Explored every reachable state');
    expect(stats(off.stdout)).toEqual({ generated: 65, distinct: 45, queueLeft: 0, depth: 9 });
  });
});

describe('check: user errors exit 2 with a located one-line diagnostic', () => {
  test('a malformed spec', () => {
    expect(userError(run('malformed'))).toEqual([`${MALFORMED.shown}:5:15: error US1001: expected an expression, found "}"`, '    init { x := }', '                ^']);
  });

  test('a spec that does not type-check', () => {
    expect(userError(run('illtyped'))).toEqual([
      `${ILLTYPED.shown}:4:19: error US3001: type mismatch: value assigned to x has type bool, expected 0..3`,
      '    action A { x := true }',
      '                    ^^^^',
    ]);
  });

  test('--const of a constant the spec does not declare', () => {
    expect(userError(run('constUnknown'))).toEqual([
      `${DIEHARD}:12:3: error US5006: --const NOPE: spec DieHard declares no constant NOPE (constants: GOAL)`,
      '    const GOAL: 0..6 = 4        // the film asks for 4 gallons',
      '    ^^^^^^^^^^^^^^^^^^^^',
    ]);
  });

  test('--const with a value outside the constant type', () => {
    expect(userError(run('constOutOfRange'))).toEqual([
      `${DIEHARD}:12:15: error US5004: --const GOAL=7: value out of 0..6`,
      '    const GOAL: 0..6 = 4        // the film asks for 4 gallons',
      '                ^^^^',
    ]);
  });

  test('an unknown --spec NAME', () => {
    expect(userError(run('specUnknown'))).toEqual([`error: no spec named Nope in ${DIEHARD} (found: DieHard)`]);
  });

  test('a missing file', () => {
    expect(userError(run('missingFile'))).toEqual(['error: cannot read spec/examples/nope.spec.ts: ENOENT']);
  });

  test('an unknown flag, a flag without its value, a bad limit (rejected before anything is printed)', () => {
    const unknown = userError(run('unknownFlag'));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatch(/^check: unknown option --frobnicate \(options: --spec, --const, .*, --engine, --simulate, --walks, --depth, --seed; see uffdspec check --help\)$/);
    expect(userError(run('flagWithoutValue'))).toEqual(['check: --max-states needs a value (N)']);
    expect(userError(run('badLimit'))).toEqual(["check: --timeout expects a positive integer, got '0'"]);
  });

  test('--expect-violation of an invariant the spec does not have (rejected before the run)', () => {
    expect(userError(run('expectUnknown'))).toEqual(['check: --expect-violation Nope: the spec has no property Nope (properties: NotFour, Deadlock)']);
  });

  test('an unknown command', () => {
    expect(userError(run('unknownCommand'))).toEqual(["uffdspec: unknown command 'chekc' (commands: check, conform, gen-traces, verdicts, stress, repro, export, review, view, help; uffdspec --help)"]);
  });

  test('a usage error is reported without loading the checker', () => {
    // Every process of the run (bin/uffdspec starts check again with the huge-page tunable) says,
    // as it exits, which parts of the pipeline it loaded: none, for a flag that is not one.
    // (A wall-clock bound could not tell, under load or not: the front end loads in about a second.)
    const probe = path.join(TMP, 'loaded-probe.js');
    fs.writeFileSync(
      probe,
      String.raw`const parts = [
  ['api', /[\\/]src[\\/]api\.js$/],
  ['extract', /[\\/]dsl[\\/]extract\.js$/],
  ['parser', /[\\/]dsl[\\/]parser\.js$/],
  ['generator', /[\\/]generator[\\/]emit\.js$/],
  ['checker', /[\\/]gen[\\/][^\\/]+-[0-9a-f]{16}\.js$/],
  ['ohm-js', /node_modules[\\/]ohm-js[\\/]/],
  ['ts-morph', /node_modules[\\/]ts-morph[\\/]/],
];
process.on('exit', () => {
  const files = Object.keys(require.cache);
  process.stderr.write('loaded: [' + parts.filter(([, re]) => files.some((f) => re.test(f))).map(([n]) => n).join(',') + ']\n');
});
`,
    );
    const env = { ...process.env, NODE_OPTIONS: `--require ${probe}`, UFFDSPEC_PROGRESS_MS: '0' };
    // an option that is not one (main.ts), and flags that check.ts rejects, first and last
    for (const bad of [['--frobnicate'], ['--engine', 'bogus'], ['--simulate', '--states-hint', '5']]) {
      const r = spawnSync(process.execPath, [BIN, 'check', DIEHARD, ...bad], { cwd: ROOT, encoding: 'utf8', env });
      expect({ bad, status: r.status }).toEqual({ bad, status: 2 });
      const loaded = r.stderr.split('\n').filter((l) => l.startsWith('loaded: '));
      expect(loaded.length).toBeGreaterThanOrEqual(1);
      for (const l of loaded) expect({ bad, l }).toEqual({ bad, l: 'loaded: []' });
    }
    // the probe does see them where they are loaded: a spec that is checked (ts-morph only reads a
    // file whose templates are not in build/extract yet: dsl/extract.ts)
    const ok = spawnSync(process.execPath, [BIN, 'check', DIEHARD, '--const', 'GOAL=6'], { cwd: ROOT, encoding: 'utf8', env });
    expect(ok.stderr).toMatch(/^loaded: \[api,extract,parser,generator,checker,ohm-js(,ts-morph)?\]$/m);
  });
});

describe('check: limits exit 3', () => {
  test('--max-states', () => {
    const r = run('maxStates');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^Stopped by the --max-states limit after 5 distinct states/m);
    expect(r.stdout).toContain('  NotFour   unknown');
    expect(r.stdout).toContain('(unknown: not checked past 5 states: the --max-states limit stopped the run');
    expect(stats(r.stdout).distinct).toBe(5);
  });

  test('--max-depth', () => {
    const r = run('maxDepth');
    expect(r.code).toBe(3);
    // states up to depth 2 (the initial state and its successors), and no deeper
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'limit', limit: 'max-depth', violations: [], depth: 2, distinctStates: 3 });
  });

  test('--timeout on a long run (counted from the start), with progress lines on stderr (UFFDSPEC_PROGRESS_MS=100)', () => {
    const r = run('timeout');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^Stopped by the --timeout limit after/m);
    expect(r.stdout).not.toContain('Progress');
    const progress = lines(withoutPhases(r.stderr));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const l of progress) expect(l).toMatch(PROGRESS);
  });
});

describe('check: the progress line', () => {
  test('goes to stderr only, so --json stdout stays one JSON document', () => {
    const r = run('progressJson');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'ok', distinctStates: 1568, depth: 14 });
    const progress = lines(withoutPhases(r.stderr));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const l of progress) expect(l).toMatch(PROGRESS);
  });

  test('is not printed on a short run with the default interval (3 s), nor when turned off (0)', () => {
    expect(withoutPhases(run('twophaseNoDeadlock').stderr)).toBe('');
    expect(run('twophaseDeadlock').stderr).toBe('');
  });

  test('a malformed interval is a user error', () => {
    expect(userError(run('progressMalformed'))).toEqual(["UFFDSPEC_PROGRESS_MS expects a number of milliseconds, got 'soon'"]);
  });
});

describe('issue 8: a property holds only after a complete exploration', () => {
  test('--expect-violation explores everything: a second violated property fails the run (it used to say "every other property holds")', () => {
    const r = run('expectOne');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Explored every reachable state: 125,148 distinct states');
    expect(r.stdout).toMatch(/^  NoSilentWrite +violated in 15 steps$/m);
    expect(r.stdout).toMatch(/^  WpNotLost +violated \(expected\) in 9 steps$/m);
    expect(r.stdout).not.toContain('As expected');
    expect(r.stderr).toBe('check: expected WpNotLost to be violated and every other property to hold; got NoSilentWrite, WpNotLost violated\n');
  });

  test('the known finding (npm run check): stated once, no "Error:", exit 0', () => {
    const r = run('expectBoth');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Error/);
    expect(r.stdout.match(/As expected/g)).toHaveLength(1);
    expect(r.stdout).toContain('As expected: NoSilentWrite and WpNotLost are violated (a known finding) and every other property holds.');
    for (const p of ['PteCoherent', 'NoLostWakeup', 'WpImpliesReadOnly', 'MarkersOnlyInWpVma', 'FolioLockHeldByFault', 'Deadlock']) expect(r.stdout).toMatch(new RegExp(`^  ${p} +holds$`, 'm'));
  });

  test('a limit keeps the violations found before it and claims nothing else', () => {
    const r = run('continueLimit');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ result: 'violation', complete: false, stoppedBy: 'max-states', limit: 'max-states' });
    const status = Object.fromEntries(j.properties.map((p: { name: string; status: string }) => [p.name, p.status]));
    expect(status.WpNotLost).toBe('violated');
    for (const p of ['PteCoherent', 'NoLostWakeup', 'Deadlock']) expect(status[p]).toBe('unknown');
    expect(j.properties.find((p: { name: string }) => p.name === 'Deadlock').reason).toMatch(/^not checked past \d+ states: the --max-states limit stopped the run/);
  });
});

describe('issue 8: user input errors are located exit-2 errors, not internal errors', () => {
  test('enumerating 0..2000000 in `with`', () => {
    expect(userError(run('hugeDomain'))).toEqual([
      `${HUGE_DOMAIN.shown}:4:24: error US3045: the domain 0..2000000 has 2000001 values; a domain that is enumerated may have at most 1048576 (2^20)`,
      '    action A { with y in 0..2000000 { x := 1 } }',
      '                         ^^^^^^^^^^',
    ]);
  });

  test('a division by zero in an invariant is located in the invariant', () => {
    // the header was printed before the run met the error; the error is one located diagnostic
    const r = withoutPhasesRun(run('divInInvariant'));
    expect(lines(r.stdout)[0]).toMatch(/^uffdspec: checking D /);
    expect(userError({ ...r, stdout: '' })).toEqual([
      `${DIV_IN_INVARIANT.shown}:5:13: error: invariant I: division by zero`,
      '    invariant I: 4 / x > 0',
      '              ^',
    ]);
  });

  test('a bad enum value in --const: one error, not a second "used before its declaration"', () => {
    expect(userError(run('badEnumConst'))).toEqual([`${ENUM_CONST.shown}:3:12: error US5005: --const M=C: expected one of A, B`, '    const M: Mode = A', '             ^^^^']);
  });

  test('an unwritable --report path is refused before the run', () => {
    expect(userError(run('reportUnwritable'))).toEqual(['conform: --report /nonexistent-dir/report.md: cannot be written (no directory /nonexistent-dir)']);
  });

  test('an unknown --format', () => {
    expect(userError(run('formatBad'))).toEqual(["check: --format must be text, tla or lanes, got 'tlc'"]);
  });
});

describe('issue 8: a command line that explains itself', () => {
  test('--version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(run('version')).toMatchObject({ code: 0, stdout: `uffdspec ${pkg.version}\n`, stderr: '' });
  });

  test('--help lists the commands; no command is a usage error with the same list on stderr', () => {
    const h = run('overview');
    expect(h.code).toBe(0);
    for (const c of ['check', 'conform', 'gen-traces', 'verdicts', 'help']) expect(h.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    const none = run('noCommand');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(h.stdout);
  });

  test('COMMAND --help and help COMMAND: every option with its meaning, the exit codes', () => {
    const c = run('helpCheck');
    expect(c.code).toBe(0);
    for (const o of ['--spec NAME', '--const NAME=VALUE', '--no-deadlock', '--continue', '--expect-violation PROPERTY', '--max-states N', '--max-depth N', '--timeout SECONDS', '--json', '--format text|tla|lanes', '--diff-only', '--counterexamples N', '--coverage', '--full-states', '--engine generated|interpreter', '--help']) {
      expect(c.stdout).toMatch(new RegExp(`^  ${o.replace(/[|]/g, '\\|')} +\\S`, 'm'));
    }
    expect(c.stdout).toMatch(/^  141 standard output was closed early/m);
    const f = run('helpConform');
    expect(f.code).toBe(0);
    expect(f.stdout).toMatch(/^usage: uffdspec conform \[TRACE_FILE_OR_DIR\.\.\.\] \[options\]$/m);
    expect(userError(run('helpUnknown'))).toEqual(["help: unknown command 'nope' (commands: check, conform, gen-traces, verdicts, stress, repro, export, review, view, help)"]);
  });
});

describe('check --property: only the named properties are checked', () => {
  test('a liveness violation not selected is neither checked nor listed; an unknown name is a usage error', async () => {
    const all = await runCli(['check', 'spec/examples/liveness.spec.ts', '--spec', 'SpinLock']);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/NoStarvation\s+violated/);
    const one = await runCli(['check', 'spec/examples/liveness.spec.ts', '--spec', 'SpinLock', '--property', 'MutualExclusion']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/MutualExclusion\s+holds/);
    expect(one.stdout).not.toContain('NoStarvation');
    const bad = await runCli(['check', 'spec/examples/liveness.spec.ts', '--spec', 'SpinLock', '--property', 'Nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('check: --property Nope: the spec has no invariant or liveness property Nope (properties: MutualExclusion, NoStarvation)');
    const unselected = await runCli(['check', 'spec/examples/liveness.spec.ts', '--spec', 'SpinLock', '--property', 'MutualExclusion', '--expect-violation', 'NoStarvation']);
    expect(unselected.code).toBe(2);
    expect(unselected.stderr).toContain('NoStarvation is not among the --property selection');
  });
});
