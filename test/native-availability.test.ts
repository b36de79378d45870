// Why the native target is unavailable, and the fix, for every cause (injected facts,
// conformance/native-availability.ts); and the native build without a C compiler
// (conformance/native/build.js into a temporary folder: the real binaries are untouched).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diagnoseNative, modeString, type NativeFacts } from '../conformance/native-availability';
import { gatherNativeFacts, nativeAvailability } from '../conformance/native-driver';

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'conformance', 'native', 'build.js');

/** A Linux machine with a built harness whose info reply is `info`; `over` changes any fact. */
function facts(over: Partial<NativeFacts> = {}, info: NativeFacts['info'] = { uffd: 'syscall', features: '0x1ffff' }): NativeFacts {
  return {
    platform: 'linux',
    kernel: '6.18.44',
    harness: { path: '/repo/conformance/native/harness', from: 'build', exists: true, executable: true },
    build: { built: true },
    uid: 1000,
    capSysPtrace: false,
    sysctl: 0,
    dev: { exists: true, mode: 0o600, uid: 0, gid: 0 },
    info,
    ...over,
  };
}
const failed = (syscall: string, dev: string, user_mode_only: string): NativeFacts['info'] => ({ uffd: 'none', attempts: { syscall, dev, user_mode_only }, uffd_error: 'Operation not permitted' });

/** Every unavailable answer is two single lines. */
function unavailable(f: NativeFacts): { reason: string; fix: string } {
  const a = diagnoseNative(f);
  if (a.ok) throw new Error(`expected unavailable, got ${JSON.stringify(a)}`);
  expect(a.reason).not.toMatch(/\n/);
  expect(a.fix).not.toMatch(/\n/);
  return { reason: a.reason, fix: a.fix };
}

describe('diagnoseNative: available', () => {
  test('through userfaultfd(2), /dev/userfaultfd or UFFD_USER_MODE_ONLY: says which', () => {
    expect(diagnoseNative(facts())).toEqual({ ok: true, via: 'syscall' });
    expect(diagnoseNative(facts({}, { uffd: 'dev', features: '0x1ffff' }))).toEqual({ ok: true, via: 'dev' });
    const umo = failed('EPERM', 'EACCES', 'ok');
    expect(diagnoseNative(facts({}, { ...umo!, uffd: 'user-mode-only', features: '0x1ffff' }))).toEqual({ ok: true, via: 'user-mode-only' });
  });
});

describe('diagnoseNative: every cause has a reason and a fix', () => {
  test('not Linux', () => {
    expect(unavailable(facts({ platform: 'darwin' }))).toEqual({ reason: 'userfaultfd needs Linux; this is darwin', fix: 'run the native target on Linux (5.19+ for uffd-wp on shmem)' });
  });

  test('not built: no C compiler at install (build-status.json says why)', () => {
    const f = facts({
      harness: { path: '/repo/conformance/native/harness', from: 'build', exists: false, executable: false },
      build: { built: false, reason: "no C compiler ('cc' cannot be run)", fix: 'install gcc (or set CC) and run `npm run build`' },
    });
    expect(unavailable(f)).toEqual({ reason: "the native harness was not built: no C compiler ('cc' cannot be run)", fix: 'install gcc (or set CC) and run `npm run build`' });
  });

  test('not built, and no record of a build', () => {
    const f = facts({ harness: { path: '/repo/conformance/native/harness', from: 'build', exists: false, executable: false }, build: undefined });
    expect(unavailable(f)).toEqual({ reason: 'the native harness is not built (/repo/conformance/native/harness is missing)', fix: 'run `npm run build` (needs a C compiler, e.g. gcc)' });
  });

  test('UFFDSPEC_NATIVE_HARNESS names a missing file', () => {
    const f = facts({ harness: { path: '/nonexistent', from: 'env', exists: false, executable: false } });
    expect(unavailable(f)).toEqual({ reason: 'UFFDSPEC_NATIVE_HARNESS=/nonexistent: no such file', fix: 'unset UFFDSPEC_NATIVE_HARNESS, or point it at a built harness (conformance/native/harness)' });
  });

  test('the binary is not executable, or does not answer', () => {
    expect(unavailable(facts({ harness: { path: '/h', from: 'build', exists: true, executable: false } })).reason).toBe('/h is not executable');
    const dead = unavailable(facts({ info: undefined, infoError: 'no info reply (exit 127)' }));
    expect(dead).toEqual({ reason: 'the native harness does not run: no info reply (exit 127)', fix: 'rebuild it: run `npm run build` (needs a C compiler, e.g. gcc)' });
  });

  test('no CONFIG_USERFAULTFD: userfaultfd(2) ENOSYS and no /dev/userfaultfd', () => {
    const a = unavailable(facts({ dev: { exists: false }, sysctl: undefined }, failed('ENOSYS', 'ENOENT', 'ENOSYS')));
    expect(a.reason).toBe('this kernel (6.18.44) has no userfaultfd: userfaultfd(2) gives ENOSYS and there is no /dev/userfaultfd (CONFIG_USERFAULTFD is not set, or a seccomp filter hides the syscall)');
    expect(a.fix).toMatch(/^use a kernel built with CONFIG_USERFAULTFD=y/);
  });

  test('ENOSYS although /dev/userfaultfd exists: a seccomp filter', () => {
    const a = unavailable(facts({}, failed('ENOSYS', 'EACCES', 'ENOSYS')));
    expect(a.reason).toMatch(/^userfaultfd\(2\) gives ENOSYS although the kernel has \/dev\/userfaultfd: a seccomp filter/);
    expect(a.reason).toContain('/dev/userfaultfd is not accessible to uid 1000 (mode rw-------, owner 0, group 0)');
    expect(a.fix).toMatch(/seccomp=unconfined/);
    expect(a.fix).toMatch(/chmod 0666 \/dev\/userfaultfd/);
  });

  test('vm.unprivileged_userfaultfd=0, not root, no CAP_SYS_PTRACE (EPERM), no /dev/userfaultfd, kernel before 5.11', () => {
    const a = unavailable(facts({ dev: { exists: false }, kernel: '5.10.7' }, failed('EPERM', 'ENOENT', 'EINVAL')));
    expect(a.reason).toBe(
      'userfaultfd(2) is refused (EPERM): vm.unprivileged_userfaultfd=0 and this process (uid 1000) is neither root nor has CAP_SYS_PTRACE; ' +
        'there is no /dev/userfaultfd (it arrived in 6.1); UFFD_USER_MODE_ONLY, which any user may use, is unknown to this kernel (5.10.7) (EINVAL: before 5.11)',
    );
    expect(a.fix).toBe('as root: `sysctl vm.unprivileged_userfaultfd=1`; or run as root');
  });

  test('/dev/userfaultfd present but not accessible (permissions): the fix offers chmod or a group', () => {
    const a = unavailable(facts({ kernel: '5.10.7' }, failed('EPERM', 'EACCES', 'EINVAL')));
    expect(a.reason).toContain('/dev/userfaultfd is not accessible to uid 1000 (mode rw-------, owner 0, group 0)');
    expect(a.fix).toBe(
      'as root: `sysctl vm.unprivileged_userfaultfd=1`; or give uid 1000 read-write access to /dev/userfaultfd ' +
        '(`chmod 0666 /dev/userfaultfd`, or a group: `chgrp GROUP /dev/userfaultfd && chmod 0660 /dev/userfaultfd` with the user in GROUP); or run as root',
    );
  });

  test('the sysctl cannot be read: still the sysctl cause for an unprivileged process', () => {
    expect(unavailable(facts({ sysctl: undefined, dev: { exists: false } }, failed('EPERM', 'ENOENT', 'EINVAL'))).reason).toMatch(/vm\.unprivileged_userfaultfd is not 1 \(unreadable here\)/);
  });

  test('EPERM for root, or even with UFFD_USER_MODE_ONLY: a seccomp filter or security module', () => {
    const root = unavailable(facts({ uid: 0, capSysPtrace: true }, failed('EPERM', 'EPERM', 'EPERM')));
    expect(root.reason).toMatch(/^userfaultfd\(2\) is refused \(EPERM\) although this process \(uid 0\) is privileged: a seccomp filter or security module blocks it; /);
    expect(root.fix).toMatch(/^allow userfaultfd\(2\) in the seccomp\/LSM policy/);
    const user = unavailable(facts({ sysctl: 1 }, failed('EPERM', 'EACCES', 'EPERM')));
    expect(user.reason).toMatch(/although vm\.unprivileged_userfaultfd=1: a seccomp filter/);
    const umo = unavailable(facts({}, failed('EPERM', 'EACCES', 'EPERM')));
    expect(umo.reason).toMatch(/a seccomp filter or security module blocks it; .*; userfaultfd\(2\) with UFFD_USER_MODE_ONLY is refused too \(EPERM\)$/);
  });

  test('out of file descriptors', () => {
    const a = unavailable(facts({}, failed('EMFILE', 'EMFILE', 'EMFILE')));
    expect(a.reason).toBe('no userfaultfd can be opened: userfaultfd(2) EMFILE; /dev/userfaultfd gives EMFILE (mode rw-------, owner 0, group 0); UFFD_USER_MODE_ONLY EMFILE');
    expect(a.fix).toBe('raise the open-file limit (`ulimit -n`) and retry');
  });

  test('a userfaultfd opens but UFFDIO_API fails', () => {
    expect(unavailable(facts({}, { uffd: 'syscall', uffd_error: 'Invalid argument' })).reason).toBe('a userfaultfd opened (syscall) but UFFDIO_API failed: Invalid argument');
  });

  test('modeString', () => {
    expect(modeString(0o600)).toBe('rw-------');
    expect(modeString(0o660)).toBe('rw-rw----');
  });
});

describe('native build without a C compiler', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-build-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const build = (env: Record<string, string>) =>
    spawnSync(process.execPath, [BUILD], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, REQUIRE_NATIVE: '', ...env, UFFDSPEC_NATIVE_OUT: out } });

  test('exits 0 with one line saying why, and records the reason; the native target then says it and the fix', () => {
    fs.writeFileSync(path.join(out, 'harness'), 'stale'); // an earlier build's binary is removed
    const r = build({ CC: '/nonexistent' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "build:native: the native harness was not built: no C compiler ('/nonexistent' cannot be run); install gcc (or set CC) and run `npm run build` (the checker and simulator work without it)\n",
    );
    expect(fs.existsSync(path.join(out, 'harness'))).toBe(false);
    const status = JSON.parse(fs.readFileSync(path.join(out, 'build-status.json'), 'utf8'));
    expect(status).toMatchObject({ built: false, reason: "no C compiler ('/nonexistent' cannot be run)", fix: 'install gcc (or set CC) and run `npm run build`', cc: '/nonexistent' });
    if (process.platform !== 'linux') return;
    // the driver reads build-status.json next to the binary
    const harness = path.join(out, 'harness');
    expect(gatherNativeFacts(harness).build).toEqual({ built: false, reason: "no C compiler ('/nonexistent' cannot be run)", fix: 'install gcc (or set CC) and run `npm run build`' });
    expect(nativeAvailability(harness)).toEqual({
      ok: false,
      reason: "the native harness was not built: no C compiler ('/nonexistent' cannot be run)",
      fix: 'install gcc (or set CC) and run `npm run build`',
    });
  });

  test('REQUIRE_NATIVE=1 (CI) makes it a failure', () => {
    const r = build({ CC: '/nonexistent', REQUIRE_NATIVE: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^build:native: error: the native harness was not built: no C compiler \('\/nonexistent' cannot be run\) \(REQUIRE_NATIVE=1\)/);
  });

  test('the checker works without the harness', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'uffdspec'), 'check', 'spec/examples/diehard.spec.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CC: '/nonexistent', UFFDSPEC_NATIVE_HARNESS: path.join(out, 'harness') },
    });
    expect(r.status).toBe(1); // DieHard's NotFour is violated: the known answer
    expect(r.stdout).toMatch(/NotFour/);
    expect(r.stderr).toBe('');
  });
});
