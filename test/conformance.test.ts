// `uffdspec conform` inside `npm test`: every generated tour and hand-written
// trace replays on the simulator and, where this machine has userfaultfd, on
// the real kernel, with full agreement. Whether the committed tours are fresh
// is the business of `uffdspec gen-traces --check`, which CI runs on all of
// them; here it is run on the smallest bundle, to show the check itself works.
import * as path from 'path';
import { findTraceFiles, formatReport, isScheduleFile, loadTraceFile, runTraces, LoadedTrace } from '../conformance/runner';
import { nativeTarget, simTarget, Target } from '../conformance/targets';
import { nativeAvailability } from '../conformance/native-driver';
import { generatedDir } from '../spec/shmem_uffd/tours';
import { runGenTraces } from '../src/cli/gen-traces';
import { Sim } from '../src/sim';

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
