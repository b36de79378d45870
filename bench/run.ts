// `npm run bench`: our generated checker, our reference interpreter (smaller
// sizes only) and SPIN side by side on the same state machines, in one run.
// Every measured run is its own child process started under /usr/bin/time,
// so its peak RSS is its own, and is killed after CHILD_TIMEOUT_S. Checks that
// the engines' counts agree (a difference or a failed run is marked in the
// table, listed under it, and makes the exit status 1). Prints a markdown
// table and writes it, with the machine and tool versions, to docs/bench.md.
// Run by `npm run bench` after bench/install-peers.sh.
//
//   node dist/bench/run.js [--no-write] [--quick] [model ...]     (models: twophase, philosophers)
//   --quick: only the smallest size of each model (a smoke test: the docs test runs it)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { philosophersPml, twoPhasePml } from './models/promela';
import { packageRoot } from '../src/util/package-root';

const ROOT = packageRoot();
const WORK = path.join(ROOT, 'build', 'bench');
const CHILD = path.join(__dirname, 'child.js');
const TIME = '/usr/bin/time';
/** every child process (checker run, spin -a, cc, pan) is killed after this */
const CHILD_TIMEOUT_S = 180;
/** no new run is started after this much of the whole bench has passed */
const BUDGET_S = 480;

interface Size {
  value: number;
  /** also run the reference interpreter (slow: small sizes only) */
  interpreter?: boolean;
}
interface Bench {
  key: string;
  model: string;
  file: string;
  constant: string;
  sizes: Size[];
  pml: (n: number) => string;
}

const BENCHES: Bench[] = [
  {
    key: 'twophase',
    model: 'TwoPhase',
    file: 'spec/examples/twophase.spec.ts',
    constant: 'RM_COUNT',
    sizes: [{ value: 3, interpreter: true }, { value: 4, interpreter: true }, { value: 6, interpreter: true }, { value: 7 }, { value: 8 }],
    pml: twoPhasePml,
  },
  {
    key: 'philosophers',
    model: 'Philosophers',
    file: 'bench/models/philosophers.spec.ts',
    constant: 'N',
    sizes: [{ value: 8, interpreter: true }, { value: 11, interpreter: true }, { value: 14 }, { value: 15 }],
    pml: philosophersPml,
  },
];

interface Row {
  model: string;
  size: string;
  engine: string;
  result: string;
  distinct?: number;
  generated?: number;
  depth?: number;
  /** the engine's own exploration time */
  exploreMs?: number;
  /** wall time of the measured process: start-up, loading, code generation, exploration */
  processMs?: number;
  rssKb?: number;
  /** do the counts agree with the other engines' on this model and size */
  same?: string;
  note: string;
}

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}
const HAVE_TIMEOUT = have('timeout');

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
  wallMs: number;
  rssKb?: number;
  /** why the process did not finish normally */
  killed?: string;
}

/**
 * Run argv (under /usr/bin/time when `time` is set and it exists), killed after CHILD_TIMEOUT_S. The bound
 * is coreutils `timeout -s KILL`, which kills its whole process group: spawnSync's own timeout would kill
 * /usr/bin/time only and leave the measured process running. spawnSync's timeout stays as a backstop.
 */
function bounded(argv: string[], cwd: string, time = false): Run {
  const timeOut = path.join(WORK, 'time.out');
  const useTime = time && fs.existsSync(TIME);
  if (useTime) fs.rmSync(timeOut, { force: true });
  let cmd = useTime ? [TIME, '-f', '%M', '-o', timeOut, ...argv] : argv;
  if (HAVE_TIMEOUT) cmd = ['timeout', '-s', 'KILL', String(CHILD_TIMEOUT_S), ...cmd];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), {
    cwd,
    encoding: 'utf8',
    timeout: (CHILD_TIMEOUT_S + 10) * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssKb: number | undefined;
  const m = useTime && fs.existsSync(timeOut) ? /(\d+)\s*$/.exec(fs.readFileSync(timeOut, 'utf8')) : null;
  if (m) rssKb = Number(m[1]);
  let killed: string | undefined;
  if (r.error) killed = r.error.message;
  else if (r.signal || r.status === 124) killed = wallMs >= CHILD_TIMEOUT_S * 1000 ? `killed after ${CHILD_TIMEOUT_S} s` : `killed by ${r.signal ?? 'timeout'}`;
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, wallMs, rssKb, killed };
}

/** the line of a failed run's output that says why */
function why(r: Run): string {
  if (r.killed) return r.killed;
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? '';
  return `exit ${r.status}: ${line.slice(0, 200)}`;
}

function ours(b: Bench, n: number, engine: 'generated' | 'interpreter'): Row {
  const base = { model: b.model, size: `${b.constant}=${n}`, engine: engine === 'generated' ? 'uffdspec generated' : 'uffdspec interpreter' };
  const r = bounded([process.execPath, CHILD, b.file, `${b.constant}=${n}`, engine], ROOT, true);
  let j: any;
  try {
    if (r.status !== 0) throw new Error();
    j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
  } catch {
    return { ...base, result: 'failed', note: why(r), processMs: r.wallMs, rssKb: r.rssKb };
  }
  return {
    ...base,
    result: j.result,
    distinct: j.distinct,
    generated: j.generated,
    depth: j.depth,
    exploreMs: j.exploreMs,
    processMs: r.wallMs,
    rssKb: r.rssKb ?? j.maxRssKb,
    note: `in-process ${fmtS(j.inProcessMs)} s (load${engine === 'generated' ? ' + codegen' : ''} + explore)`,
  };
}

function spinRow(b: Bench, n: number): Row {
  const base = { model: b.model, size: `${b.constant}=${n}`, engine: 'SPIN pan' };
  const dir = path.join(WORK, `${b.key}-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'model.pml'), b.pml(n));
  const t0 = process.hrtime.bigint();
  const gen = bounded(['spin', '-a', 'model.pml'], dir);
  if (gen.status !== 0) return { ...base, result: 'failed', note: `spin -a: ${why(gen)}` };
  const cc = bounded(['cc', '-O2', '-DNOREDUCE', '-DSAFETY', '-o', 'pan', 'pan.c'], dir);
  if (cc.status !== 0) return { ...base, result: 'failed', note: `cc: ${why(cc)}` };
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  // pan stops at its depth limit (-m) and then reports fewer states: raise it and run again
  let depthLimit = 1_000_000;
  let r = bounded(['./pan', `-m${depthLimit}`], dir, true);
  while (/max search depth too small/.test(r.stdout) && depthLimit < 100_000_000) {
    depthLimit *= 10;
    r = bounded(['./pan', `-m${depthLimit}`], dir, true);
  }
  fs.writeFileSync(path.join(dir, 'pan.out'), r.stdout);
  if (r.killed) return { ...base, result: 'failed', note: `pan: ${why(r)}`, processMs: r.wallMs, rssKb: r.rssKb };
  if (/max search depth too small/.test(r.stdout)) return { ...base, result: 'failed', note: `pan: search depth above -m${depthLimit}` };
  // compiled with -DNOREDUCE, pan must not report partial-order reduction
  if (/Partial Order Reduction/i.test(r.stdout)) return { ...base, result: 'failed', note: 'pan ran with partial-order reduction' };
  const num = (re: RegExp) => {
    const m = re.exec(r.stdout);
    return m ? Number(m[1]) : undefined;
  };
  const stored = num(/^\s*(\d+) states, stored/m);
  const transitions = num(/^\s*(\d+) transitions \(= stored\+matched\)/m);
  const depth = num(/depth reached (\d+)/);
  const errors = num(/errors: (\d+)/);
  const elapsed = num(/pan: elapsed time ([\d.e+-]+) seconds/);
  const panMb = num(/([\d.]+)\s+total actual memory usage/);
  if (stored === undefined || transitions === undefined) return { ...base, result: 'failed', note: `pan: ${why(r)}`, processMs: r.wallMs, rssKb: r.rssKb };
  return {
    ...base,
    result: errors === 0 ? 'ok' : errors === undefined ? 'failed' : `${errors} error(s)`,
    distinct: stored,
    generated: transitions,
    depth,
    exploreMs: elapsed === undefined ? undefined : elapsed * 1000,
    processMs: r.wallMs,
    rssKb: r.rssKb,
    note: `compile ${fmtS(compileMs)} s (spin -a + cc -O2); DFS depth ${depth}${depthLimit > 1_000_000 ? ` (-m${depthLimit})` : ''}; pan's own memory figure ${panMb} MB`,
  };
}

function fmtS(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}
function fmtN(n: number | undefined): string {
  return n === undefined ? '—' : n.toLocaleString('en-US');
}
function rate(count: number | undefined, ms: number | undefined): string {
  if (count === undefined || ms === undefined) return '—';
  if (ms < 10) return 'n/a (< 0.01 s)';
  return Math.round((count * 1000) / ms).toLocaleString('en-US');
}

function table(rows: Row[]): string {
  const head = ['model', 'size', 'engine', 'result', 'distinct states', 'states generated', 'depth', 'explore s', 'distinct/s', 'generated/s', 'process s', 'peak RSS MiB', 'same counts', 'notes'];
  const right = new Set(head.slice(4, 12));
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h) => (right.has(h) ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) {
    const cells = [
      r.model,
      r.size,
      r.engine,
      r.result,
      fmtN(r.distinct),
      fmtN(r.generated),
      fmtN(r.depth),
      fmtS(r.exploreMs),
      rate(r.distinct, r.exploreMs),
      rate(r.generated, r.exploreMs),
      fmtS(r.processMs),
      r.rssKb === undefined ? '—' : (r.rssKb / 1024).toFixed(1),
      r.same ?? '—',
      r.note,
    ];
    lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Mark each row of one model and size with whether its counts agree with the first row's (our generated
 * checker); returns the disagreements. Result, distinct states and states generated must agree for every
 * engine, depth only between our two engines (both breadth first; SPIN's is a DFS stack depth).
 */
function compare(group: Row[]): string[] {
  const [ref, ...others] = group;
  const bad: string[] = [];
  const counts = (r: Row) => `${r.result}, ${fmtN(r.distinct)} distinct, ${fmtN(r.generated)} generated, depth ${fmtN(r.depth)}`;
  if (ref.distinct === undefined) {
    for (const r of group) r.same = 'NOT CHECKED';
    bad.push(`${ref.model} ${ref.size}: ${ref.engine} ${ref.result} (${ref.note}), nothing to compare against`);
    return bad;
  }
  ref.same = others.length ? 'reference' : '—';
  for (const r of others) {
    const ourPair = r.engine.startsWith('uffdspec');
    const agree = r.result === ref.result && r.distinct === ref.distinct && r.generated === ref.generated && (!ourPair || r.depth === ref.depth);
    r.same = r.distinct === undefined ? 'NOT CHECKED' : agree ? 'yes' : '**NO: MISMATCH**';
    if (!agree) bad.push(`${ref.model} ${ref.size}: ${r.engine} ${r.distinct === undefined ? `${r.result} (${r.note})` : counts(r)} vs ${ref.engine} ${counts(ref)}`);
  }
  return bad;
}

/** A reading of the figures for the largest size of each model that ran on both our checker and SPIN. */
function reading(rows: Row[], loadAtStart: number): string[] {
  const out: string[] = [];
  const ok = (r?: Row) => r && r.result === 'ok' && r.distinct !== undefined && r.exploreMs !== undefined && r.exploreMs >= 10 ? r : undefined;
  for (const model of [...new Set(rows.map((r) => r.model))]) {
    const sizes = [...new Set(rows.filter((r) => r.model === model).map((r) => r.size))];
    for (const size of sizes.reverse()) {
      const at = (e: string) => ok(rows.find((r) => r.model === model && r.size === size && r.engine === e));
      const gen = at('uffdspec generated');
      const pan = at('SPIN pan');
      if (!gen || !pan) continue;
      const x = (a: number, b: number) => (a / b).toFixed(a / b < 10 ? 1 : 0);
      const ratio = gen.exploreMs! / pan.exploreMs!;
      const faster =
        Math.abs(ratio - 1) < 0.1 ? 'about as fast' : ratio > 1 ? `SPIN is ${x(gen.exploreMs!, pan.exploreMs!)}× faster` : `ours is ${x(pan.exploreMs!, gen.exploreMs!)}× faster`;
      const perS = (r: Row) => Math.round((r.distinct! * 1000) / r.exploreMs!).toLocaleString('en-US');
      out.push(
        `- ${model} ${size} (${fmtN(gen.distinct)} states): our generated checker explores ${perS(gen)} distinct states/s, ` +
          `SPIN's compiled pan ${perS(pan)}/s: ${faster} at exploring ` +
          `(${fmtS(gen.exploreMs)} s vs ${fmtS(pan.exploreMs)} s). Whole process: ${fmtS(gen.processMs)} s for ours ` +
          `vs ${fmtS(pan.processMs)} s for pan plus its compile (see notes). Peak RSS: ${fmtMiB(gen.rssKb)} vs ${fmtMiB(pan.rssKb)} MiB.`,
      );
      break;
    }
    // the largest size that our interpreter ran too
    const pair = sizes
      .map((size) => ['uffdspec generated', 'uffdspec interpreter'].map((e) => ok(rows.find((r) => r.model === model && r.size === size && r.engine === e))))
      .find(([g, i]) => g && i);
    if (pair) {
      const [g, i] = pair as Row[];
      out.push(`- ${model} ${g.size}: the reference interpreter explores ${(i.exploreMs! / g.exploreMs!).toFixed(1)}× slower than the generated checker (${fmtS(i.exploreMs)} s vs ${fmtS(g.exploreMs)} s).`);
    }
  }
  const load1 = Math.max(loadAtStart, os.loadavg()[0]);
  if (load1 > os.cpus().length / 2)
    out.push(`- Other work shared the machine during this run (1-min load average up to ${load1.toFixed(1)} on ${os.cpus().length} cores, see above): timings are noisy.`);
  return out;
}
function fmtMiB(kb: number | undefined): string {
  return kb === undefined ? '—' : (kb / 1024).toFixed(0);
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').find((l) => l.trim()) ?? '?';
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function machine(spin: boolean, loadAtStart: string): string[] {
  let distro = os.type();
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) distro = m[1];
  } catch {
    /* not Linux */
  }
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; ${distro}, kernel ${os.release()}`,
    `- load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${load()} (anything else running shares the cores)`,
    `- node: ${process.version}`,
    `- SPIN: ${spin ? firstLine('spin', ['-V']) : 'not installed'}; C compiler: ${spin ? firstLine('cc', ['--version']) : '—'}`,
  ];
}

function main(): number {
  const args = process.argv.slice(2);
  const write = !args.includes('--no-write');
  const only = args.filter((a) => !a.startsWith('--'));
  const quick = args.includes('--quick');
  const benches = BENCHES.filter((b) => only.length === 0 || only.includes(b.key)).map((b) => (quick ? { ...b, sizes: b.sizes.slice(0, 1) } : b));
  fs.mkdirSync(WORK, { recursive: true });
  const spin = have('spin') && have('cc');
  if (!spin) console.log('SPIN or cc is missing: running only our engines (apt-get install -y spin; it needs a C compiler).');
  if (!fs.existsSync(TIME)) console.log(`${TIME} is missing (apt-get install -y time): peak RSS of our runs is self-reported, SPIN's is not measured.`);

  const loadAtStart = load();
  const t0 = Date.now();
  const rows: Row[] = [];
  const problems: string[] = [];
  for (const b of benches) {
    for (const s of b.sizes) {
      const group: Row[] = [];
      const run = (engine: string, f: () => Row) => {
        const row =
          (Date.now() - t0) / 1000 > BUDGET_S
            ? { model: b.model, size: `${b.constant}=${s.value}`, engine, result: 'skipped', note: `bench time budget of ${BUDGET_S} s used up` }
            : f();
        group.push(row);
        rows.push(row);
        console.error(`  ${row.model} ${row.size} ${row.engine}: ${row.result}, ${fmtN(row.distinct)} distinct, explore ${fmtS(row.exploreMs)} s, process ${fmtS(row.processMs)} s`);
      };
      run('uffdspec generated', () => ours(b, s.value, 'generated'));
      if (s.interpreter) run('uffdspec interpreter', () => ours(b, s.value, 'interpreter'));
      if (spin) run('SPIN pan', () => spinRow(b, s.value));
      problems.push(...compare(group));
    }
  }
  const totalS = ((Date.now() - t0) / 1000).toFixed(0);
  const tbl = table(rows);
  const check = problems.length
    ? `**COUNTS NOT CONFIRMED: engines disagree or did not finish** (result, distinct, generated, depth):\n\n${problems.map((m) => `- ${m}`).join('\n')}`
    : `Checked by bench/run.ts: for each model and size every engine gave the same result, distinct states and states generated` +
      `${spin ? ' (SPIN: "states, stored" and "transitions (= stored+matched)")' : ''}, and our two engines the same depth.`;
  console.log(tbl);
  console.log('');
  console.log(check);
  console.log(`(whole run ${totalS} s)`);

  if (write) {
    const doc = [
      '# Benchmarks',
      '',
      'Generated by `npm run bench`; every figure below comes from one run of that command on the machine',
      'described. Re-run it to refresh this file.',
      '',
      ...machine(spin, loadAtStart),
      `- whole run: ${totalS} s`,
      '',
      '## Commands',
      '',
      '```sh',
      'npm run bench      # = sh bench/install-peers.sh && tsc -p . && node dist/bench/run.js',
      '```',
      '',
      'bench/install-peers.sh installs the Debian packages `spin` and `time` (`apt-get install -y',
      '--no-install-recommends spin time`, after `apt-get update` only if that fails) when `spin`, `cc` or',
      '`/usr/bin/time` is missing and it runs as root with apt-get; otherwise it says what is missing and the',
      'bench runs only our engines. bench/run.ts then runs, from the repository root, one process per row:',
      '',
      '```sh',
      `T="timeout -s KILL ${CHILD_TIMEOUT_S} /usr/bin/time -f %M -o build/bench/time.out"`,
      '$T node dist/bench/child.js spec/examples/twophase.spec.ts RM_COUNT=8 generated     # or: interpreter',
      '# SPIN, in build/bench/twophase-8/ (model.pml written by bench/models/promela.ts):',
      `timeout -s KILL ${CHILD_TIMEOUT_S} spin -a model.pml`,
      `timeout -s KILL ${CHILD_TIMEOUT_S} cc -O2 -DNOREDUCE -DSAFETY -o pan pan.c`,
      '$T ./pan -m1000000        # again with -m10000000 ... if pan says "max search depth too small"',
      '```',
      '',
      '## Results',
      '',
      tbl,
      '',
      check,
      '',
      '## Reading',
      '',
      ...reading(rows, Number(loadAtStart.split(' ')[0])),
      '- Start-up: each of our runs pays about 1-2 s of Node start-up, loading the front end (ts-morph, ohm)',
      '  and generating or loading the checker module ("process s" against "explore s"); pan starts in',
      '  milliseconds but needs spin -a and a C compile of a few seconds first (notes column).',
      '- Memory: pan preallocates its hash table (`-w24`, 128 MiB) and its DFS stack (about 46 MiB per million',
      '  levels of `-m`), Node its heap and the front end (about 180 MiB), so the small sizes show fixed costs.',
      '  On Philosophers pan\'s depth-first search goes nearly as deep as there are states, so it needs',
      '  `-m10000000`, and its DFS stack and per-level process stacks are about two thirds of its memory (see',
      '  build/bench/philosophers-*/pan.out); our breadth-first search keeps no stack.',
      '',
      '## What is measured',
      '',
      '- **uffdspec generated**: `checkSpecFile(file, { constants })` with the generated checker (generator/emit.ts,',
      '  src/engine/bfs.ts), breadth first, invariants and deadlock checked. **uffdspec interpreter**: the same call',
      '  with `engine: "interpreter"` (src/reference/interpreter.ts), run only at the smaller sizes.',
      '- **SPIN pan**: exhaustive depth-first search compiled with `-DNOREDUCE` (no partial-order reduction; bench/run.ts',
      '  fails the row if pan reports any) and `-DSAFETY`, default hash table (`-w24`), assertions and invalid end',
      '  states (deadlocks) checked. The runs are kept under build/bench/ (model.pml, pan.out).',
      `- Every process is killed after ${CHILD_TIMEOUT_S} s (coreutils \`timeout -s KILL\`, which kills /usr/bin/time and the run`,
      `  under it); no new run starts after ${BUDGET_S} s of the whole bench. A run that fails, is killed or is skipped`,
      '  is a row with that result and the reason in its notes, and makes the check line above and the exit status fail.',
      '- **peak RSS** is the maximum resident set size of that process (`/usr/bin/time -f %M`). **process s** is its',
      '  wall time: for our engines Node start-up, loading the spec, generating (or loading the cached) checker and',
      '  exploring; for SPIN the `./pan` run only.',
      '- **explore s** is the engine\'s own exploration time: `durationMs` of our result, pan\'s "elapsed time"',
      '  (which pan prints with 0.01 s resolution and as 0 for very short runs, hence n/a rates).',
      '  **distinct/s** and **generated/s** divide the state counts by explore s.',
      '- **same counts**: bench/run.ts compares every row with the uffdspec generated row of the same model and',
      '  size: result, distinct states and states generated for every engine, and depth between our two engines',
      '  (both count BFS levels; SPIN\'s depth is its deepest DFS stack, a different quantity). A difference is',
      '  marked **NO: MISMATCH** and listed under the table.',
      '',
      '## The models',
      '',
      '- **TwoPhase** is spec/examples/twophase.spec.ts itself (`RM_COUNT` ranges over `1..8`). Its Promela twin',
      ' keeps the same four variables',
      '  (`rmState` as a byte array, `tmState` as a bit, the sets `tmPrepared` and `msgs` as arrays of membership',
      '  bits) and has one `d_step` branch per action and parameter value.',
      '- **Philosophers** (bench/models/philosophers.spec.ts): N dining philosophers, the last one picking up its',
      '  forks in the opposite order (deadlock-free); four labelled steps per philosopher. The Promela twin has',
      '  `bool fork[N]` and `byte pc[N]` and one `d_step` branch per philosopher and label.',
      '- Why the counts are comparable: each Promela model is one process looping over `do :: d_step { guard ->',
      '  update } od`, so its own program counter stays at the `do` head and a d_step stores no intermediate',
      '  states; a SPIN state is then exactly a valuation of the spec\'s variables. SPIN\'s "states, stored" is our',
      '  distinct states, and its "transitions" (stored + matched, counting the initial state once) is our states',
      '  generated (every successor computed, plus the initial state). With a single process partial-order',
      '  reduction would change nothing, but it is off all the same.',
      '- SPIN asserts the invariants at the end of every d_step (so on every transition, matched or not), our',
      '  checker on every new state.',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(ROOT, 'docs', 'bench.md'), doc);
    console.log('wrote docs/bench.md');
  }
  return problems.length ? 1 : 0;
}

process.exitCode = main();
