// uffdspec export --kselftest (conformance/kselftest.ts): the conformance traces as one
// kselftest C program. It is built with cc -O2 -pthread and run on this kernel: the
// kernel-recorded traces and one generated tour bundle here (a few seconds); the whole
// program, every trace, is `npm run kselftest`. A trace whose expectation is changed
// fails with the first disagreeing field. Native parts skip, with one line, where
// userfaultfd cannot be used (REQUIRE_NATIVE=1 makes that a failure).
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { kselftestSource } from '../conformance/kselftest';
import { nativeAvailability } from '../conformance/native-driver';
import { loadTraceFile } from '../conformance/runner';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'uffdspec');
const avail = nativeAvailability();
const required = process.env.REQUIRE_NATIVE === '1';
const testNative = avail.ok || required ? test : test.skip;
if (!avail.ok && !required) process.stderr.write(`native kselftest tests skipped: ${avail.reason}\n`);
const cc = process.env.CC || 'cc';
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'uffdspec-kselftest-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function build(src: string, out: string): void {
  const r = spawnSync(cc, ['-O2', '-pthread', '-Wall', '-Wextra', '-Wno-unused-parameter', '-Werror', '-o', out, src], { encoding: 'utf8', timeout: 120000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe('export --kselftest', () => {
  test('writes one C program of every trace the native target runs, the same bytes each time', () => {
    const out = join(tmp, 'traces.c');
    const r = spawnSync(process.execPath, [BIN, 'export', '--kselftest', '-o', out], { encoding: 'utf8', timeout: 60000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^export: (\d+) traces \((\d+) of another kernel variant, skipped when run\) → /);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('`uffdspec export --kselftest`');
    expect(text).toContain('conformance/traces/kernel');
    expect(text).toMatch(/^#define NTRACES \d+$/m);
    // the harness is built in, not included: one standalone file
    expect(text).not.toMatch(/^#include "/m);
    const again = spawnSync(process.execPath, [BIN, 'export', '--kselftest'], { encoding: 'utf8', timeout: 60000, maxBuffer: 64 << 20 });
    expect(again.stdout).toBe(text);
    expect(spawnSync(process.execPath, [BIN, 'export'], { encoding: 'utf8' }).stderr.trim()).toBe('export: give one of --tla, --itf, --kselftest (uffdspec export --help)');
  });

  testNative('builds with cc -O2 -pthread and passes on this kernel (the kernel-recorded traces and the modern-wp tours)', () => {
    const bin = join(tmp, 'uffd-shmem-traces');
    build(join(tmp, 'traces.c'), bin);
    const r = spawnSync(bin, ['traces/kernel/', 'modern-wp.json'], { encoding: 'utf8', timeout: 60000 });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('TAP version 13');
    const planned = Number(/^1\.\.(\d+)$/m.exec(r.stdout)![1]);
    expect(planned).toBeGreaterThan(150);
    expect(lines.filter((l) => l.startsWith('not ok'))).toEqual([]);
    expect(r.stdout).toMatch(new RegExp(`^# Totals: pass:${planned} fail:0 xfail:0 xpass:0 skip:0 error:0$`, 'm'));
    expect(r.status).toBe(0);
    // a trace of another kernel variant is skipped, as the native target skips it
    const other = spawnSync(bin, ['kernel-2020-wp.json'], { encoding: 'utf8', timeout: 30000 });
    expect(other.stdout).toMatch(/^ok 1 generated\/kernel-2020-wp\.json: \S+ # SKIP describes another kernel \(FAULT_AROUND=Always; this kernel, variant D, has SkipIfWpOrMinor\)$/m);
    expect(other.status).toBe(4);
  });

  testNative('a trace the kernel disagrees with is `not ok` with the first disagreeing field', () => {
    const file = join(ROOT, 'conformance', 'traces', 'kernel', 'native-wp-unpopulated.json');
    const [t] = loadTraceFile(file);
    const bad = structuredClone(t.trace);
    const step = bad.steps.findIndex((s) => s.op.op === 'writeprotect');
    bad.steps[step].expect.pages[0].wp = !bad.steps[step].expect.pages[0].wp;
    const src = join(tmp, 'bad.c');
    writeFileSync(src, kselftestSource({ traces: [{ trace: bad, file: 'bad.json' }], sources: ['(a changed copy)'] }).text);
    const bin = join(tmp, 'bad');
    build(src, bin);
    const r = spawnSync(bin, [], { encoding: 'utf8', timeout: 30000 });
    const want = bad.steps[step].expect.pages[0].wp;
    expect(r.stdout).toContain(`not ok 1 bad.json: ${bad.name} # step ${step} ${JSON.stringify(bad.steps[step].op)}: pages[0].wp: expected ${want}, got ${!want}`);
    expect(r.stdout).toMatch(/^# Totals: pass:0 fail:1 /m);
    expect(r.status).toBe(1);
  });
});
