// Every command that README.md and docs/*.md show runs as written: no usage
// error (exit 2), no internal error (exit 70), no stack trace. Commands are
// taken from shell code blocks and inline code spans; a synopsis with
// placeholders (`uffdspec check FILE.spec.ts [options]`) is not a command.
// A command that writes committed files or runs for minutes runs with a cap
// (PLANS below says which and how); a command nobody planned for fails the
// test, so a new command in the docs gets its plan here.
//
// In `npm test` the explorations of the shmem spec and the bench run smaller
// still (QUICK below: a state bound, fewer walks, one bench model, the smallest
// verdict rows): the same parsing, loading, code generation and printing, in a
// few seconds each instead of up to 40 (the bench) or 15 (a whole row). CI also
// runs every command with only the caps above (`npm run docs-commands`, which
// sets UFFDSPEC_DOCS_FULL=1; .ci/run).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { BIN, CliRun, ROOT, runCli } from './helpers/cli';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-docs-'));
/** The whole commands (with the caps that keep committed files as they are): npm run docs-commands, in CI. */
const FULL = process.env.UFFDSPEC_DOCS_FULL === '1';
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

interface Found {
  where: string;
  command: string;
}

/** A synopsis, not a command: FILE, N, NAME=VALUE, [--x], A|B, ... */
const PLACEHOLDER = /\b[A-Z][A-Z_]{1,}\b(?![=a-z])|\[|\.\.\.|\||<[a-z]/;

function commandsOf(file: string): Found[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found: Found[] = [];
  const add = (raw: string, line: number, inline: boolean) => {
    for (let part of raw.split(/&&|;/)) {
      part = part.replace(/\s#.*$/, '').replace(/^\$\s*/, '').trim();
      const m = /^(?:npx uffdspec|node bin\/uffdspec|uffdspec|npm run)\s/.exec(part + ' ');
      if (!m || PLACEHOLDER.test(part.replace(/\s>\s*\S+$/, ''))) continue;
      // in prose, `uffdspec conform` names a command; with arguments it is one
      if (inline && /^uffdspec(\s+\S+)?$/.test(part)) continue;
      found.push({ where: `${file}:${line}`, command: part });
    }
  };
  const lines = text.split('\n');
  let fence: string | null = null;
  lines.forEach((l, i) => {
    const f = /^\s*```\s*(\w*)/.exec(l);
    if (f) {
      fence = fence === null ? f[1] || 'plain' : null;
      return;
    }
    if (fence !== null) {
      if (fence === 'sh' || fence === 'bash' || fence === 'plain') add(l, i + 1, false);
      return;
    }
    for (const span of l.matchAll(/`([^`]+)`/g)) add(span[1], i + 1, true);
  });
  return found;
}

interface Plan {
  argv: string[];
  /** why the command runs differently from as written (a cap), if it does */
  cap?: string;
  timeoutMs: number;
}

function uffdspecPlan(args: string[]): Plan {
  const a = [...args];
  let cap: string | undefined;
  const redirect = a.indexOf('>');
  if (redirect >= 0) {
    a.splice(redirect);
    cap = 'output captured instead of redirected into the repository';
  }
  if (a[0] === 'gen-traces') {
    if (!a.includes('--check')) a.push('--check');
    if (!a.includes('--variant')) a.push('--variant', 'modern-none');
    cap = 'with --check, the smallest bundle: writing would change committed files (CI checks every bundle)';
  }
  if (a[0] === 'verdicts') {
    if (!a.includes('--only')) a.push('--only', 'nouffd-A-1');
    const o = a.indexOf('--out');
    if (o >= 0) a.splice(o, 2);
    a.push('--out', path.join(TMP, 'verdicts'));
    cap = 'one row, written to a temporary directory';
  }
  if (a[0] === 'review') {
    if (!a.includes('--rows')) a.push('--rows', 'Wp/1');
    a.push('--const', 'THREADS=1');
    cap = 'one row (Wp/1 unless the command names its rows), one user thread: a whole review takes minutes (test/review.test.ts checks reviews)';
  }
  if (a[0] === 'repro' || (a[0] === 'export' && a.includes('--kselftest'))) {
    // -o/--out FILE: into a temporary folder; --all would rewrite committed files: --check instead
    for (const flag of ['-o', '--out']) {
      const i = a.indexOf(flag);
      if (i >= 0 && !a.includes('--all')) {
        a[i + 1] = path.join(TMP, `${a[0]}-${path.basename(a[i + 1])}`);
        cap = 'written to a temporary folder';
      }
    }
    const all = a.indexOf('--all');
    if (all >= 0) {
      a.splice(all, 1, '--check');
      const o = a.indexOf('--out');
      if (o >= 0) a.splice(o, 2);
      cap = 'with --check: writing would change committed files';
    }
  }
  if (a[0] === 'stress') {
    for (const [flag, value] of [['--runs', '1'], ['--seconds', '1']]) {
      const i = a.indexOf(flag);
      if (i >= 0) a.splice(i, 2);
      a.push(flag, value);
    }
    cap = 'one run of at most 1 s per phase';
  }
  if (a[0] === 'view') {
    const o = a.findIndex((x) => x === '-o' || x === '--out');
    if (o >= 0) a[o + 1] = path.join(TMP, 'view.html');
    cap = 'the page written to a temporary file';
  }
  if (a[0] === 'export' && !a.includes('--check') && !a.includes('--kselftest')) {
    const o = a.indexOf('--out');
    if (o >= 0) a.splice(o, 2);
    a.push('--out', path.join(TMP, 'export'));
    cap = 'written to a temporary directory';
  }
  if (a[0] === 'conform') {
    // test/conformance.test.ts runs every trace on every target; here the command's
    // form is what is checked, on the five hand-written traces
    const paths = a.slice(1).filter((x, i, all) => !x.startsWith('-') && !(all[i - 1] ?? '').match(/^--(target|report)$/));
    for (const x of paths) a.splice(a.indexOf(x), 1);
    a.push('conformance/traces/handwritten');
    cap = 'on the hand-written traces only (test/conformance.test.ts runs every trace on every target)';
  }
  const r = a.indexOf('--report');
  if (r >= 0) {
    a[r + 1] = path.join(TMP, 'report.md');
    const s = a.indexOf('--stress');
    if (s >= 0) a.splice(s, 1);
    cap = 'report written to a temporary file, without the stress run';
  }
  if (!FULL) cap = quick(a) ?? cap;
  return { argv: [process.execPath, BIN, ...a], cap, timeoutMs: 120000 };
}

/** npm test's bounds on the explorations of the shmem spec (3000 states: under half a second after loading). */
const QUICK_STATES = '3000';
const QUICK_WALKS = '20';
const QUICK_ROW = 'nouffd-A-1';
const QUICK_VIOLATED_ROW = { row: 'nouffd-E-1', property: 'PteCoherent' };

/**
 * npm test only (not UFFDSPEC_DOCS_FULL): the seconds-long explorations of the
 * shmem spec stop at a bound. What they could get wrong as written (an option
 * refused, a constant or a spec file not found, a crash while generating or
 * printing) still shows; `npm run docs-commands` runs them whole.
 */
function quick(a: string[]): string | undefined {
  // a row of the verdict table is checked whole: the smallest rows (12k and 15k states, the
  // latter with a violation to show) instead of the large ones (D-wp-1: 125k states)
  const only = a.indexOf('--only');
  if (a[0] === 'verdicts' && only >= 0 && a[only + 1] !== QUICK_ROW) {
    a[only + 1] = QUICK_ROW;
    return `row ${QUICK_ROW}, written to a temporary directory (npm run docs-commands: the row as written)`;
  }
  const row = a.indexOf('--row');
  if (a[0] === 'view' && row >= 0 && a[row - 1] === 'view' && a.includes('--property')) {
    a[row + 1] = QUICK_VIOLATED_ROW.row;
    a[a.indexOf('--property') + 1] = QUICK_VIOLATED_ROW.property;
    return `row ${QUICK_VIOLATED_ROW.row} (${QUICK_VIOLATED_ROW.property}), the page written to a temporary file (npm run docs-commands: the row as written)`;
  }
  if (a[0] !== 'check' || !a.some((x) => x.startsWith('spec/shmem_uffd/'))) return undefined;
  if (a.includes('--simulate')) {
    const w = a.indexOf('--walks');
    if (w >= 0) a[w + 1] = QUICK_WALKS;
    else a.push('--walks', QUICK_WALKS);
    return `${QUICK_WALKS} walks (npm run docs-commands runs it whole)`;
  }
  if (a.includes('--max-states')) return undefined;
  a.push('--max-states', QUICK_STATES);
  return `at most ${QUICK_STATES} states (npm run docs-commands runs it whole)`;
}

/** npm run NAME: the script must exist; long or writing scripts run capped. */
function scriptPlan(name: string): Plan | null {
  const script = PKG.scripts[name];
  if (script === undefined) throw new Error(`npm run ${name}: package.json has no script ${name}`);
  const node = process.execPath;
  switch (name) {
    case 'check':
    case 'verdicts':
    case 'gen-traces':
    case 'stress':
    case 'conformance': {
      const m = /^node bin\/uffdspec (.*)$/.exec(script);
      if (!m) throw new Error(`npm run ${name}: expected the script to run bin/uffdspec, it is '${script}'`);
      return uffdspecPlan(m[1].split(/\s+/));
    }
    case 'bench':
      expect(script).toMatch(/dist\/bench\/run\.js/);
      if (!FULL) return { argv: [node, path.join(ROOT, 'dist/bench/run.js'), '--no-write', '--quick', 'twophase'], cap: 'the smallest size of one model, not written, peers not installed (npm run docs-commands: of each model)', timeoutMs: 120000 };
      return { argv: [node, path.join(ROOT, 'dist/bench/run.js'), '--no-write', '--quick'], cap: 'the smallest size of each model, not written, peers not installed', timeoutMs: 120000 };
    case 'docs-commands':
      // this suite itself, whole: CI runs it (.ci/run)
      expect(script).toBe('UFFDSPEC_DOCS_FULL=1 jest test/docs-commands.test.ts');
      return null;
    case 'test':
      // this suite itself: its script must exist and run jest, and that is all
      expect(script).toMatch(/^jest\b/);
      return null;
    case 'depcruise':
      // the same rules, with a planted violation as well: test/architecture.test.ts
      expect(script).toMatch(/^depcruise --config \.dependency-cruiser\.js /);
      return null;
    case 'kselftest':
      // the export, a cc -O2 build and a run of every trace: test/kselftest.test.ts builds the same
      // program and runs a part of it (the whole run is this script's job)
      expect(script).toMatch(/^node bin\/uffdspec export --kselftest -o (\S+) && cc -O2 -pthread -o (\S+) \1 && \2$/);
      return null;
    case 'typecheck':
      // CI runs it (.ci/run); here it would be a second full compile racing the other test files
      expect(script).toBe('tsc -p tsconfig.test.json');
      return null;
    case 'build':
    case 'prepare':
      // rebuilding dist/ would race the other test files; `npm run typecheck`
      // (CI) type-checks the same sources, and every other test runs the build
      expect(script).toMatch(/^(tsc -p \. && node conformance\/native\/build\.js|npm run build)$/);
      return null;
    default:
      throw new Error(`npm run ${name}: no plan in test/docs-commands.test.ts for this script`);
  }
}

function planOf(command: string): Plan | null {
  const words = command.split(/\s+/);
  if (words[0] === 'npm') return scriptPlan(words[2]);
  const args = words[0] === 'npx' || words[0] === 'node' ? words.slice(2) : words.slice(1);
  return uffdspecPlan(args);
}

type Result = CliRun;

function runPlan(p: Plan): Promise<Result> {
  // (whole, the commands run as a user's would: a check in a second process for huge pages)
  return runCli(p.argv, { UFFDSPEC_PROGRESS_MS: '0', ...(FULL ? { UFFDSPEC_HUGEPAGES: undefined } : {}) }, { raw: true, timeoutMs: p.timeoutMs });
}

const found = DOCS.flatMap(commandsOf);
const unique = [...new Map(found.map((f) => [f.command, f])).values()];
/** each command's plan, null when it is not run (npm run test), or why there is none */
const plans = new Map<string, Plan | null | Error>(
  unique.map((f) => {
    try {
      return [f.command, planOf(f.command)];
    } catch (e) {
      return [f.command, e as Error];
    }
  }),
);
const results = new Map<string, Result>();

beforeAll(async () => {
  // commands that come to the same process (npx uffdspec X, node bin/uffdspec X, npm run X) run once
  const byArgv = new Map<string, { plan: Plan; commands: string[] }>();
  for (const f of unique) {
    const plan = plans.get(f.command);
    if (!plan || plan instanceof Error) continue;
    const key = JSON.stringify(plan.argv);
    if (!byArgv.has(key)) byArgv.set(key, { plan, commands: [] });
    byArgv.get(key)!.commands.push(f.command);
  }
  const queue = [...byArgv.values()];
  await Promise.all(
    [0, 1].map(async () => {
      for (let g = queue.shift(); g; g = queue.shift()) {
        const r = await runPlan(g.plan);
        for (const c of g.commands) results.set(c, r);
        if (process.env.UFFDSPEC_DOCS_TIMES) process.stderr.write(`${r.ms} ms  ${g.commands.join(' | ')}\n`);
      }
    }),
  );
}, 600000);
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

test('CI runs every command whole (npm run docs-commands, in .ci/run)', () => {
  expect(PKG.scripts['docs-commands']).toBe('UFFDSPEC_DOCS_FULL=1 jest test/docs-commands.test.ts');
  expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm run docs-commands$/m);
});

test('the docs show commands (the extraction finds the README ones)', () => {
  expect(unique.map((f) => f.command)).toEqual(expect.arrayContaining(['npm run check', 'npx uffdspec check spec/examples/diehard.spec.ts', 'npm run verdicts', 'npm run bench']));
});

test.each(unique.map((f) => [f.command, f.where]))('%s (%s) runs as written', (command) => {
  const plan = plans.get(command);
  if (plan instanceof Error) throw plan;
  if (plan === null) return;
  const r = results.get(command)!;
  const context = `${command}\nexit ${r.code}\nstderr: ${r.stderr.slice(0, 2000)}`;
  expect({ context, usage: r.code === 2 }).toEqual({ context, usage: false });
  expect({ context, internal: r.code === 70 || r.code === null }).toEqual({ context, internal: false });
  expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(r.stderr).not.toMatch(/internal error/);
});
