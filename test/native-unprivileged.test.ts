// The native harness as an unprivileged user (nobody, uid 65534, no supplementary
// groups): with vm.unprivileged_userfaultfd=0 (the default) userfaultfd(2) is refused
// and /dev/userfaultfd (root's, 0600) cannot be opened, so the harness falls back to
// userfaultfd(2) with UFFD_USER_MODE_ONLY, and every trace of this kernel still agrees:
// the harness never makes the kernel fault on a registered range in kernel mode.
// Needs root (to switch user); skipped with one line otherwise. The sysctl is only read.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NativeHarness, NATIVE_HARNESS_PATH, nativeAvailability } from '../conformance/native-driver';
import { findTraceFiles, formatReport, isScheduleFile, loadTraceFile, runTraces } from '../conformance/runner';
import { nativeTarget } from '../conformance/targets';
import { generatedDir } from '../spec/shmem_uffd/tours';

const NOBODY = { uid: 65534, gid: 65534 };
const avail = nativeAvailability();
const root = process.getuid?.() === 0;
const required = process.env.REQUIRE_NATIVE === '1';
const skip = !root ? 'not root, cannot switch to an unprivileged user' : !avail.ok ? avail.reason : null;
if (skip && !(required && root)) process.stderr.write(`unprivileged native tests skipped: ${skip}\n`);
const describeIt = skip === null || (required && root) ? describe : describe.skip;

function sysctl(): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/sys/vm/unprivileged_userfaultfd', 'utf8').trim());
  } catch {
    return undefined;
  }
}

/** How an unprivileged process must open its userfaultfd here, given the sysctl and /dev/userfaultfd's mode. */
function expectedWay(): string {
  if (sysctl() === 1) return 'syscall';
  try {
    if ((fs.statSync('/dev/userfaultfd').mode & 0o006) === 0o006) return 'dev';
  } catch {
    // no device
  }
  return 'user-mode-only';
}

describeIt('native harness as an unprivileged user', () => {
  let dir: string;
  let binary: string;
  beforeAll(() => {
    // a copy nobody can read and run, whatever the permissions of the checkout
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-nobody-'));
    binary = path.join(dir, 'harness');
    fs.copyFileSync(NATIVE_HARNESS_PATH, binary);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(binary, 0o755);
  });
  afterAll(async () => {
    await NativeHarness.drainPool();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('info says which way it opened the userfaultfd, and why the earlier ways failed', () => {
    const r = spawnSync(binary, [], { input: '{"cmd":"info"}\n', encoding: 'utf8', timeout: 5000, cwd: dir, ...NOBODY });
    expect(r.status).toBe(0);
    const info = JSON.parse(r.stdout);
    const way = expectedWay();
    expect(info.uffd).toBe(way);
    expect(info.features).toMatch(/^0x[0-9a-f]+$/);
    if (way === 'user-mode-only') {
      expect(info.attempts.syscall).toBe('EPERM');
      expect(info.attempts.dev).toMatch(/^(EACCES|ENOENT|EPERM)$/);
      expect(info.attempts.user_mode_only).toBe('ok');
    }
  });

  test('the driver runs it as nobody, with no supplementary groups', async () => {
    const h = await NativeHarness.start({ pages: 1, threads: 0, fill: [1], binary, user: NOBODY, cwd: dir });
    try {
      const status = fs.readFileSync(`/proc/${h.pid}/status`, 'utf8');
      expect(/^Uid:\s+(.*)$/m.exec(status)?.[1].split(/\s+/)).toEqual(['65534', '65534', '65534', '65534']);
      expect(/^Groups:[ \t]*(.*)$/m.exec(status)?.[1].trim()).toBe('');
      expect(/^CapEff:\s*(.*)$/m.exec(status)?.[1]).toBe('0000000000000000');
      expect((await h.info()).uffd).toBe(expectedWay());
    } finally {
      await h.close();
    }
  });

  test('every trace of this kernel agrees, run by nobody', async () => {
    const roots = [generatedDir(), path.join(path.dirname(generatedDir()), 'traces')];
    const traces = findTraceFiles(roots)
      .filter((f) => !isScheduleFile(f))
      .flatMap((f) => loadTraceFile(f));
    const r = await runTraces(traces, nativeTarget({ binary, user: NOBODY, cwd: dir }));
    if (r.disagreements.length) throw new Error(formatReport(r));
    for (const s of r.skipped) expect(s.reason).toMatch(/another kernel|kernel patch/);
    expect(r.traces).toBeGreaterThan(400);
    expect(r.agreeing).toBe(r.traces);
  }, 300_000);
});
