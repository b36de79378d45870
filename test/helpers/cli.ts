// Running the built command line as a child process, for the CLI tests.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'uffdspec');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `node bin/uffdspec ...args` (or `argv` whole when `raw`), killed after
 * `timeoutMs`. `env` is added to this process's environment; an undefined
 * value removes the variable. UFFDSPEC_DEBUG is never inherited.
 *
 * A `check` runs in one process (UFFDSPEC_HUGEPAGES=0) unless `env` says
 * otherwise: starting a second one for huge pages costs ~0.1 s of CPU per
 * run, 14 s of the suite's, for tables of a few MiB; test/huge-pages.test.ts
 * runs checks both ways and compares them, and `npm run docs-commands` runs
 * the docs' commands as written.
 */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, opts: { timeoutMs?: number; raw?: boolean } = {}): Promise<CliRun> {
  const e: NodeJS.ProcessEnv = { ...process.env, UFFDSPEC_HUGEPAGES: '0' };
  delete e.UFFDSPEC_DEBUG;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete e[k];
    else e[k] = v;
  }
  const argv = opts.raw ? args : [process.execPath, BIN, ...args];
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, env: e });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Run every entry of a table, `workers` at a time; the results by name. */
export async function runTable<K extends string>(table: Record<K, () => Promise<CliRun>>, workers: number): Promise<Map<K, CliRun>> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npx tsc -p .`');
  const results = new Map<K, CliRun>();
  const queue = Object.keys(table) as K[];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) results.set(name, await table[name]());
    }),
  );
  return results;
}

/**
 * Run every invocation once before the tests of the file (`workers` at a
 * time: each loads the checker, about a second of CPU); returns the lookup
 * the tests use.
 */
export function runBeforeAll<K extends string>(names: K[], start: (name: K) => Promise<CliRun>, workers: number): (name: K) => CliRun {
  let results = new Map<K, CliRun>();
  beforeAll(async () => {
    results = await runTable(Object.fromEntries(names.map((k) => [k, () => start(k)])) as Record<K, () => Promise<CliRun>>, workers);
  }, 120000);
  return (name: K) => {
    const r = results.get(name);
    if (!r) throw new Error(`no result for ${name}`);
    return r;
  };
}

export const lines = (s: string) => s.replace(/\n$/, '').split('\n');

/**
 * Generated modules of this test file go to a scratch folder (removed after
 * the file), not to the shared build/gen: for specs made up by the test.
 */
export function useScratchBuildDir(prefix: string): void {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    process.env.UFFDSPEC_BUILD_DIR = dir;
  });
  afterAll(() => {
    delete process.env.UFFDSPEC_BUILD_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
