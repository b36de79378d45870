// Generated kernel reproducers (uffdspec repro, conformance/repro/): the committed files
// are what the current counterexamples give, every one compiles, the plan keeps the
// schedule's order where user space can enforce it, and a reproducer runs on this
// kernel (or skips, for a kernel it is not for) with the exit code its output says.
// Native parts are skipped, with one line, where userfaultfd cannot be used here
// (REQUIRE_NATIVE=1 makes that a failure).
import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ReproError, generateRepro } from '../conformance/repro/generate';
import { loadScheduleFile, type Schedule } from '../conformance/schedule';
import { nativeAvailability } from '../conformance/native-driver';
import { COUNTEREXAMPLES, REPRO_DIR, reproFiles } from '../src/cli/repro';

const BIN = join(__dirname, '..', 'bin', 'uffdspec');
const schedules = loadScheduleFile(COUNTEREXAMPLES);
const byName = (n: string): Schedule => schedules.find((s) => s.name === n)!;
const avail = nativeAvailability();
const required = process.env.REQUIRE_NATIVE === '1';
const testNative = avail.ok || required ? test : test.skip;
if (!avail.ok && !required) process.stderr.write(`native repro tests skipped: ${avail.reason}\n`);
const cc = process.env.CC || 'cc';
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'uffdspec-repro-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60000 });
}

function compile(src: string, out: string, opt: string, link = true): Promise<string | null> {
  return new Promise((resolve) => {
    const c = spawn(cc, [opt, '-pipe', '-pthread', '-Wall', '-Wextra', '-Werror', ...(link ? [] : ['-c']), '-o', out, src], { stdio: ['ignore', 'ignore', 'pipe'] });
    let e = '';
    c.stderr.setEncoding('utf8').on('data', (d: string) => (e += d));
    c.on('close', (code) => resolve(code === 0 ? null : `${src}: ${e.split('\n').find((l) => /error/.test(l)) ?? `exit ${code}`}`));
  });
}

describe('generated reproducers', () => {
  test('conformance/generated/repro/ is what the current counterexamples give (uffdspec repro --check)', () => {
    const { files } = reproFiles(schedules);
    const committed = readdirSync(REPRO_DIR).sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect({ name, same: readFileSync(join(REPRO_DIR, name), 'utf8') === text }).toEqual({ name, same: true });
    // every violated row with a schedule got one: none was left out
    expect(files.size - 1).toBe(schedules.length);
  });

  test('every reproducer compiles with cc -Wall -Wextra -Werror (two at a time)', async () => {
    const srcs = readdirSync(REPRO_DIR).filter((f) => f.endsWith('.c'));
    const failures: string[] = [];
    const queue = [...srcs];
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        // the two this file runs are linked; the others compiled to objects (linking adds nothing to check)
        const run = f === 'A-wp-1.WpNotLost.c' || f === 'D-wp-1.WpNotLost.c';
        const e = await compile(join(REPRO_DIR, f), join(tmp, f.replace(/\.c$/, run ? '' : '.o')), '-O0', run);
        if (e) failures.push(e);
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
    // (build.js builds D-wp-1.NoSilentWrite.c at -O2 -Wall -Wextra for npm run stress)
  });

  test('the file says which spec, row, property, constants and kernel produced it', () => {
    const { text, file } = generateRepro(byName('D-wp-1/NoSilentWrite'), 'the 6.18 kernel (defaults)');
    expect(file).toBe('D-wp-1.NoSilentWrite.c');
    expect(text).toContain('schedule of spec ShmemUffd, verdict row D-wp-1, property NoSilentWrite');
    expect(text).toContain('FAULT_AROUND=SkipIfWpOrMinor');
    expect(text).toContain('Kernel: variant D: 5.19+');
    expect(text).toContain('#define REPRO_THIS_KERNEL_MIN 5019');
    expect(generateRepro(byName('A-wp-1/WpNotLost')).text).toContain('#define REPRO_OTHER_KERNEL_BELOW 5019');
    // same schedule, same bytes
    expect(generateRepro(byName('D-wp-1/NoSilentWrite'), 'q').text).toBe(generateRepro(byName('D-wp-1/NoSilentWrite'), 'q').text);
  });

  test('an action waits for the actions of other processes the schedule finishes before it begins; overlapping ones race', () => {
    // A-wp-1/WpNotLost: Thread[0]'s load completes (filemap_map_pages) before punch_begin
    const text = generateRepro(byName('A-wp-1/WpNotLost')).text;
    expect(text).toMatch(/#1 Punch fallocate\(PUNCH_HOLE\) pages 0\.\.0: steps 5\.\.end \(not finished\), after #0 returned, random delay/);
    expect(text).toMatch(/#0 Thread\[0\] load page 0: steps 1\.\.4(?!,)/); // nothing before it, and it overlaps nothing
    // D-wp-1/NoSilentWrite: every action overlaps another: no order, all delayed
    const d = generateRepro(byName('D-wp-1/NoSilentWrite')).text;
    expect(d.match(/, random delay \(races inside the kernel\)/g)?.length).toBe(4);
    expect(d).not.toMatch(/after #\d returned/);
  });

  test('a schedule the reproducer cannot drive is a one-line error', () => {
    const s = structuredClone(byName('D-wp-1/NoSilentWrite'));
    s.steps[2] = { ...s.steps[2], instr: { do: 'op', op: { op: 'ftruncate', size: 1 } } };
    expect(() => generateRepro(s)).toThrow(new ReproError("D-wp-1/NoSilentWrite: steps[2] (Thread[0]:write_lands): the reproducer cannot drive the op 'ftruncate'"));
    expect(() => generateRepro({ ...byName('D-wp-1/NoSilentWrite'), property: 'FolioLockHeldByFault' })).toThrow(/cannot check the property FolioLockHeldByFault/);
  });

  test('uffdspec repro: -o writes the file; a bad row or property is one line, exit 2', () => {
    const out = join(tmp, 'r.c');
    const r = run(['repro', '--row', 'D-wp-1', '--property', 'NoSilentWrite', '-o', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(REPRO_DIR, 'D-wp-1.NoSilentWrite.c'), 'utf8'));
    const bad = run(['repro', '--row', 'D-wp-1', '--property', 'Nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(["repro: conformance/generated/counterexamples.json has no counterexample of D-wp-1 for property 'Nope' (it has: WpNotLost, NoSilentWrite)"]);
    expect(run(['repro']).stderr.trim()).toBe('repro: name a schedule file, or a row of the verdict table with --row ROW --property P');
    expect(run(['repro', join(tmp, 'missing.json'), '--property', 'X']).status).toBe(2);
  });

  testNative('a reproducer of another kernel skips (exit 4) on this 5.19+ kernel, saying why', () => {
    const r = spawnSync(join(tmp, 'A-wp-1.WpNotLost'), [], { encoding: 'utf8', timeout: 10000 });
    expect(r.status).toBe(4);
    expect(r.stdout).toMatch(/^ok 1 A-wp-1\/WpNotLost # SKIP kernel \S+ is 5\.19 or newer \(pte markers, variant D\): not the kernel this reproducer is for/m);
  });

  testNative('a reproducer of this kernel runs within its bounds: TAP, the attempts, and exit 1 exactly when it saw the violation', () => {
    const r = spawnSync(join(tmp, 'D-wp-1.WpNotLost'), ['--seconds', '1', '--seed', '7'], { encoding: 'utf8', timeout: 20000 });
    expect(r.stdout).toMatch(/^TAP version 13\n1\.\.1\n/);
    const m = /^# attempts (\d+), hits (\d+), [\d.]+ s/m.exec(r.stdout)!;
    expect(Number(m[1])).toBeGreaterThan(0);
    const hits = Number(m[2]);
    expect(r.status).toBe(hits ? 1 : 0);
    if (hits) {
      expect(r.stdout).toMatch(/^# first hit, attempt \d+/m);
      expect(r.stdout).toMatch(/but mapping 0's pte has no uffd-wp/);
      expect(r.stdout).toMatch(/^not ok 1 D-wp-1\/WpNotLost # WpNotLost violated on this kernel/m);
    } else expect(r.stdout).toMatch(/^ok 1 D-wp-1\/WpNotLost # WpNotLost not violated within \d+ attempts \(a race not seen proves nothing\)$/m);
    const bad = spawnSync(join(tmp, 'D-wp-1.WpNotLost'), ['--seconds', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('D-wp-1/WpNotLost: --seconds expects an integer in 1..86400');
  });
});
