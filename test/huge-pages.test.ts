// `uffdspec check` starts itself again with glibc's huge-page tunable where
// that gives its tables huge pages (src/cli/huge-pages.ts): when it does, and
// that the command's output, exit status and signals pass through unchanged.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hugePageTunables, wantsHugePages, RELAUNCHED, TUNABLE, type HugePageFacts } from '../src/cli/huge-pages';
import { ROOT, runCli } from './helpers/cli';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-hugepages-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const facts = (f: Partial<HugePageFacts> = {}): HugePageFacts => ({ platform: 'linux', env: {}, thp: 'madvise', glibc: '2.36', ...f });

test('the tunable is added only where the kernel gives huge pages on request and glibc can ask', () => {
  expect(hugePageTunables(facts())).toBe(TUNABLE);
  // other tunables the user set are kept
  expect(hugePageTunables(facts({ env: { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' } }))).toBe(`glibc.malloc.arena_max=2:${TUNABLE}`);
  expect(hugePageTunables(facts({ glibc: '2.35' }))).toBe(TUNABLE);
  for (const f of [
    facts({ thp: 'always' }), // every block has huge pages already
    facts({ thp: 'never' }),
    facts({ thp: null }), // no THP in the kernel
    facts({ platform: 'darwin' }),
    facts({ glibc: null }), // musl
    facts({ glibc: '2.34' }), // no such tunable yet
    facts({ env: { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' } }), // the user's choice, or the relaunched process itself
    facts({ env: { UFFDSPEC_HUGEPAGES: '0' } }),
    facts({ env: { UFFDSPEC_HUGEPAGES: RELAUNCHED } }), // the process started with it never starts another
  ])
    expect(hugePageTunables(f)).toBeNull();
});

test('only an exhaustive check asks for them', () => {
  expect(wantsHugePages(['check', 'a.spec.ts', '--workers', '2'])).toBe(true);
  expect(wantsHugePages(['check', 'a.spec.ts', '--simulate'])).toBe(false);
  expect(wantsHugePages(['check', '--help'])).toBe(false);
  expect(wantsHugePages(['conform', '--target', 'sim'])).toBe(false);
  expect(wantsHugePages([])).toBe(false);
});

/** relaunchWithHugePages(script, ['check', 'x']) in a node process of its own, on a machine that calls for it */
function relaunch(script: string, prelude = ''): ReturnType<typeof spawnSync> {
  const mod = path.join(ROOT, 'dist', 'src', 'cli', 'huge-pages.js');
  const code =
    `${prelude}require(${JSON.stringify(mod)}).relaunchWithHugePages(${JSON.stringify(script)}, ['check', 'x'], () => console.log('ran here'), ` +
    `{ platform: 'linux', env: { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, thp: 'madvise', glibc: '2.36' })`;
  // (a file, not node -e: the relaunch passes node's own arguments on, and -e's code is one)
  const driver = path.join(TMP, `driver-${path.basename(script)}-${prelude.length}.js`);
  fs.writeFileSync(driver, code);
  return spawnSync(process.execPath, [driver], { encoding: 'utf8', timeout: 30000 });
}

test('the relaunched command gets the tunable and its arguments; its exit status and signal are the first process\'s', () => {
  const status = path.join(TMP, 'status.js');
  fs.writeFileSync(status, `console.log(JSON.stringify([process.env.GLIBC_TUNABLES, process.env.UFFDSPEC_HUGEPAGES, process.argv.slice(2)])); process.exitCode = 3;\n`);
  const r = relaunch(status);
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 3, stdout: JSON.stringify([`glibc.malloc.arena_max=2:${TUNABLE}`, RELAUNCHED, ['check', 'x']]) + '\n', stderr: '' });

  const killed = path.join(TMP, 'killed.js');
  fs.writeFileSync(killed, `process.kill(process.pid, 'SIGTERM');\nsetTimeout(() => {}, 10000);\n`);
  expect(relaunch(killed).signal).toBe('SIGTERM');

  // a child that cannot be started: the command runs in the first process
  const r2 = relaunch(status, `process.execPath = '/nonexistent/node';\n`);
  expect({ status: r2.status, stdout: r2.stdout }).toEqual({ status: 0, stdout: 'ran here\n' });
});

test('check says the same and exits the same, relaunched or not', async () => {
  const args = ['check', 'spec/examples/twophase.spec.ts', '--const', 'RM_COUNT=3'];
  const bad = ['check', 'spec/examples/twophase.spec.ts', '--const', 'RM_COUNT=99'];
  // (runCli keeps one process unless told: UFFDSPEC_HUGEPAGES undefined leaves the choice to bin/uffdspec)
  const relaunched = { UFFDSPEC_HUGEPAGES: undefined };
  const [a, b, c, d] = await Promise.all([runCli(args, { UFFDSPEC_PROGRESS_MS: '0', ...relaunched }), runCli(args, { UFFDSPEC_PROGRESS_MS: '0', UFFDSPEC_HUGEPAGES: '0' }), runCli(bad, relaunched), runCli(bad, { UFFDSPEC_HUGEPAGES: '0' })]);
  const mask = (s: string) => s.replace(/in \d+(\.\d+)? m?s/g, 'in T').replace(/Finished in \d+ms \(\d+/g, 'Finished in Tms (N');
  expect({ code: a.code, stdout: mask(a.stdout), stderr: a.stderr }).toEqual({ code: b.code, stdout: mask(b.stdout), stderr: b.stderr });
  expect(a.code).toBe(0);
  expect({ code: c.code, stdout: c.stdout, stderr: c.stderr }).toEqual({ code: d.code, stdout: d.stdout, stderr: d.stderr });
  expect(c.code).toBe(2);
});
