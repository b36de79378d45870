// `uffdspec conform` inside `npm test`: every generated tour and hand-written
// trace replays on the simulator and, where this machine has userfaultfd, on
// the real kernel, with full agreement. Whether the committed tours are fresh
// is the business of `uffdspec gen-traces --check`, which CI runs on all of
// them; here it is run on the smallest bundle, to show the check itself works.
// Likewise, the spec follows a representative part of the hand-written traces
// here and every one of them in CI (.ci/run), where it takes 15-20 s of CPU.
import * as fs from 'fs';
import * as path from 'path';
import { findTraceFiles, formatReport, isScheduleFile, loadTraceFile, runTraces, LoadedTrace } from '../conformance/runner';
import { nativeTarget, simTarget, Target } from '../conformance/targets';
import { nativeAvailability } from '../conformance/native-driver';
import { generatedDir } from '../spec/shmem_uffd/tours';
import { runGenTraces } from '../src/cli/gen-traces';
import { Sim } from '../src/sim';
import { shmemSpecTarget } from '../spec/shmem_uffd/targets';

const roots = [generatedDir(), path.join(path.dirname(generatedDir()), 'traces')];
const traces: LoadedTrace[] = findTraceFiles(roots)
  .filter((f) => !isScheduleFile(f))
  .flatMap((f) => loadTraceFile(f));

test('gen-traces --check regenerates a bundle and finds it up to date', () => {
  const errs: string[] = [];
  const outs: string[] = [];
  const code = runGenTraces({ positional: [], flags: new Map([['check', ['true']], ['variant', ['modern-none']]]) }, (s) => outs.push(s), (s) => errs.push(s));
  expect(errs).toEqual([]);
  expect(outs).toEqual([expect.stringMatching(/^modern-none: \d+ traces, .* — up to date$/)]);
  expect(code).toBe(0);
});

test('every trace agrees on the simulator', async () => {
  const r = await runTraces(traces, simTarget);
  if (r.disagreements.length) throw new Error(formatReport(r));
  expect(r.traces).toBe(traces.length);
  expect(r.agreeing).toBe(traces.length);
  expect(r.traces).toBeGreaterThan(500);
});

test('a simulator with fault-around ignoring the WP registration is caught, with the first diverging step', async () => {
  const broken: Target = {
    name: 'sim',
    async open(trace) {
      const sim = Sim.fromTrace({ ...trace, constants: { ...trace.constants, FAULT_AROUND: 'Always' } });
      return { apply: async (op) => sim.apply(op), close: async () => undefined };
    },
  };
  const modernWp = traces.filter((t) => t.trace.name.startsWith('modern-wp-'));
  const r = await runTraces(modernWp, broken);
  expect(r.disagreements.length).toBeGreaterThan(0);
  const d = r.disagreements[0];
  expect(d.difference).toMatch(/pte/);
  expect(formatReport(r)).toMatch(new RegExp(`DISAGREE ${d.trace} \\(.*\\) step ${d.step} `));
});

// The hand-written traces, each recorded on a real kernel: the spec follows each one
// at the trace's own size (up to 64 pages, several mappings and uffds), field for field.
// All 57 take the spec target 15-20 s of CPU (native-mixed-64-steps alone 5 s): CI runs
// every one, none skipped, with `uffdspec conform --target spec --no-skip conformance/traces`
// (.ci/run). Here: the folder of traces written by hand, and one kernel trace of each
// shape the others add (64 pages, three mappings, two uffds, 24 pages with every field).
const handWritten = traces.filter((t) => !t.file.startsWith(generatedDir()));
const REPRESENTATIVE = ['native-fault-around-window-64.json', 'native-three-mappings-minor-wp.json', 'native-two-uffds.json', 'native-eof-sigbus-pwrite.json'];
const representative = handWritten.filter((t) => t.file.includes(`${path.sep}handwritten${path.sep}`) || REPRESENTATIVE.includes(path.basename(t.file)));

test('CI runs every hand-written trace on the spec, none skipped', () => {
  const ci = fs.readFileSync(path.join(__dirname, '..', '.ci', 'run'), 'utf8');
  expect(ci).toMatch(/^node bin\/uffdspec conform --target spec --no-skip conformance\/traces$/m);
  expect(handWritten.length).toBeGreaterThanOrEqual(14);
  expect(Math.max(...handWritten.map((t) => t.trace.pages))).toBe(64);
});

test('the representative hand-written traces agree on the spec at their own size, none skipped', async () => {
  expect(representative.map((t) => path.basename(t.file))).toEqual(expect.arrayContaining(REPRESENTATIVE));
  expect(representative.length).toBeGreaterThanOrEqual(REPRESENTATIVE.length + 5);
  const r = await runTraces(representative, shmemSpecTarget);
  if (r.disagreements.length) throw new Error(formatReport(r));
  expect(r.skipped).toEqual([]);
  expect(r.agreeing).toBe(representative.length);
  expect(Math.max(...representative.map((t) => t.trace.pages))).toBe(64);
  // contents are predicted: a hand-written trace gives every page value, and they are compared
  expect(r.fieldsCompared).toBeGreaterThan(2500);
}, 120_000);

test('a spec whose fault-around window covers 64 pages disagrees with the kernel at the first read of the 64-page trace', async () => {
  const t = handWritten.find((x) => x.file.endsWith('native-fault-around-window-64.json'))!;
  const wide = { ...t, trace: { ...t.trace, constants: { ...t.trace.constants, FAULT_AROUND_PAGES: 64 } } };
  const r = await runTraces([wide], shmemSpecTarget);
  expect(r.disagreements).toHaveLength(1);
  expect(r.disagreements[0].step).toBe(0);
  // the kernel maps 16..31 around page 20; the wide window also maps page 0
  expect(r.disagreements[0].difference).toBe('pages[0].pte: expected none, got present');
}, 60_000);

const avail = nativeAvailability();
const nativeTest = avail.ok || process.env.REQUIRE_NATIVE === '1' ? test : test.skip;
if (!avail.ok) console.log(`native conformance skipped: ${avail.reason}`);

nativeTest('every trace of this kernel agrees on the real kernel', async () => {
  if (!avail.ok) throw new Error(`REQUIRE_NATIVE=1 but the native harness cannot run: ${avail.reason}`);
  const r = await runTraces(traces, nativeTarget());
  if (r.disagreements.length) throw new Error(formatReport(r));
  expect(r.agreeing).toBe(r.traces);
  // the modern-kernel tours all run; only traces of other kernels are skipped
  for (const s of r.skipped) expect(s.reason).toMatch(/another kernel|kernel patch|second mapping/);
  expect(r.traces).toBeGreaterThan(400);
}, 300_000);

// What an agreement covered: fieldsCompared/fieldsUnspecified (countFields in conformance/trace.ts).
describe('fields compared and not specified', () => {
  const TRACES = path.join(path.dirname(generatedDir()), 'traces');
  const load = (name: string) => loadTraceFile(path.join(TRACES, name));

  test('copy-eexist-wake.json, counted by hand', async () => {
    // 4 pages, 2 threads, 8 steps, one mapping, every result and page value given. A step
    // compares result (1) + 4 pages x cache/value/pte/wp (16) + its events + 2 threads:
    // 19 per step, 20 at step 1 (one MISSING event): 8 * 19 + 1 = 153.
    // Not specified: an idle thread without `last`, i.e. one that has not returned from an
    // access yet (it has none to give): t0 and t1 at step 0, t1 at steps 1..7 (t0 is blocked
    // at 1..3 and idle last=42 from step 4 on): 2 + 7 = 9.
    const r = await runTraces(load('handwritten/copy-eexist-wake.json'), simTarget);
    expect(r).toMatchObject({ traces: 1, agreeing: 1, steps: 8, fieldsCompared: 153, fieldsUnspecified: 9 });
  });

  test('a hand-written trace that gives every field: none unspecified', async () => {
    // native-eof-sigbus-pwrite.json: 24 pages, 1 thread, 7 steps, one mapping, no events;
    // its thread accesses at step 0 and has a `last` at every step. A step compares
    // result (1) + 24 pages x cache/value/pte/wp (96) + 1 thread = 98; 7 * 98 = 686.
    const r = await runTraces(load('kernel/native-eof-sigbus-pwrite.json'), simTarget);
    expect(r).toMatchObject({ traces: 1, agreeing: 1, steps: 7, fieldsCompared: 686, fieldsUnspecified: 0 });
  });

  test('a generated bundle leaves fields unspecified (page values, loaded bytes)', async () => {
    const bundle = loadTraceFile(path.join(generatedDir(), 'modern-none.json'));
    const r = await runTraces(bundle, simTarget);
    expect(r.agreeing).toBe(bundle.length);
    expect(r.fieldsUnspecified).toBeGreaterThan(0);
    expect(r.fieldsCompared).toBeGreaterThan(r.fieldsUnspecified);
  });

  test('a disagreeing trace counts its steps up to the disagreeing one; a skipped trace counts nothing', async () => {
    const [one] = load('handwritten/copy-eexist-wake.json');
    const wrong = JSON.parse(JSON.stringify(one)) as typeof one;
    wrong.trace.steps[2].expect.result = -1; // pwrite returns 0
    const r = await runTraces([wrong], simTarget);
    expect(r.disagreements.map((d) => d.step)).toEqual([2]);
    // steps 0..2 (19 + 20 + 19 compared; 2 + 1 + 1 unspecified, as above)
    expect(r).toMatchObject({ steps: 3, fieldsCompared: 58, fieldsUnspecified: 4 });
    const skipping: Target = { name: 'sim', open: async () => ({ skip: 'not here' }) };
    expect(await runTraces([one], skipping)).toMatchObject({ traces: 0, steps: 0, fieldsCompared: 0, fieldsUnspecified: 0 });
  });
});
