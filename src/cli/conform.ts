// `uffdspec conform`: replay traces on the spec, the simulator and/or the
// real kernel and report agreement.
import * as fs from 'fs';
import { formatReport, loadConformanceFiles, runTraces, TargetReport } from '../../conformance/runner';
import { formatScheduleReport, replaySchedule, ScheduleReport } from '../../conformance/schedule-replay';
import { nativeTarget, simTarget, Target } from '../../conformance/targets';
import { shmemSpecTarget as specTarget } from '../../spec/shmem_uffd/targets';
import { TraceError } from '../../conformance/trace';
import { generatedDir } from '../../spec/shmem_uffd/tours';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, checkWritable } from './options';
import { nativeInfo, renderReport, runStress } from './conform-report';
import { STRESS_DEFAULTS } from '../../conformance/native-stress';
import { Progress } from './progress';
import { nativeAvailability } from '../../conformance/native-driver';
import * as path from 'path';

export async function runConform(p: Parsed, out: Out, err: Out): Promise<number> {
  if (p.flags.has('stress') && !p.flags.has('report')) throw new UsageError('conform: --stress goes with --report FILE');
  const reportFile = p.flags.get('report')?.[0];
  // before any work: a report that cannot be written is a user error now, not after the run
  if (reportFile) checkWritable(reportFile, 'conform: --report');
  const which = p.flags.get('target')?.[0] ?? 'all';
  const all: Record<string, () => Target> = { spec: () => specTarget, sim: () => simTarget, native: () => nativeTarget() };
  if (which !== 'all' && !(which in all)) throw new UsageError(`conform: --target must be spec, sim, native or all, got '${which}'`);
  const roots = p.positional.length ? p.positional : [generatedDir(), path.join(path.dirname(generatedDir()), 'traces')];
  // traces, counterexample schedules, and the coverage of the generated tours (bundle headers)
  let files;
  try {
    files = loadConformanceFiles(roots);
  } catch (e) {
    if (e instanceof TraceError) {
      err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const { traces: loaded, schedules, coverage } = files;
  // a requested target that cannot run here: why and the fix, on stderr; --target native
  // stops (4), --target all still runs spec and sim (native skips every trace)
  const native = which === 'native' || which === 'all' ? nativeAvailability() : { ok: true as const };
  if (!native.ok) {
    err(`conform: the native target is unavailable: ${native.reason}`);
    err(`conform: fix: ${native.fix}`);
    if (which === 'native') return EXIT.unavailable;
  }
  const targets = which === 'all' ? Object.values(all).map((f) => f()) : [all[which]()];
  const reports: TargetReport[] = [];
  if (!p.flags.has('json')) out(`uffdspec conform: ${loaded.length} traces from ${roots.map((r) => path.relative(process.cwd(), r) || '.').join(', ')}`);
  for (const t of targets) {
    const r = await runTraces(loaded, t);
    reports.push(r);
    if (!p.flags.has('json')) out(formatReport(r));
  }
  // the counterexamples, label by label: only the simulator has a label-level API
  const replays: ScheduleReport[] = which === 'sim' || which === 'all' ? schedules.map((s) => replaySchedule(s)) : [];
  const failed = replays.filter((r) => r.divergence || !r.evidence);
  if (p.flags.has('json')) out(JSON.stringify({ traces: loaded.length, coverage, reports, counterexamples: replays }, null, 2));
  else {
    if (replays.length) {
      const steps = replays.reduce((n, r) => n + r.steps, 0);
      out(`sim: ${replays.length} counterexample schedules, ${steps} spec steps replayed, ${replays.length - failed.length}/${replays.length} agree and show their violation on the simulator`);
      for (const r of failed) out(`  ${formatScheduleReport(r)}`);
    }
    if (coverage.length) out(`transition coverage of the generated tours: ${coverage.join('; ')}`);
  }
  if (reportFile) {
    // the defaults of `uffdspec stress`: 4 runs of 3 s of the generated reproducer (about 12 s)
    let stress = null;
    if (p.flags.has('stress')) {
      const progress = new Progress();
      progress.phase('stress run of the race on this kernel', true);
      stress = await runStress(STRESS_DEFAULTS, (ms, expected) => progress.update(`stress: ${Math.round(ms / 1000)} s of about ${Math.round(expected / 1000)} s`, Math.min(ms, expected), expected));
      progress.end();
    }
    fs.writeFileSync(reportFile, renderReport({ reports, replays, coverage, stress }, nativeInfo()));
    if (!p.flags.has('json')) out(`wrote ${reportFile}`);
  }
  // exit codes (commands.ts): a disagreement wins, then an unavailable target, then nothing ran
  // --no-skip: a trace the spec (or a target) cannot follow is a failure, not a note
  const skipped = p.flags.has('no-skip') ? reports.flatMap((r) => r.skipped.map((s) => ({ target: r.target, ...s }))) : [];
  for (const s of skipped) err(`conform: --no-skip: ${s.target} skipped ${s.trace}: ${s.reason}`);
  const bad = reports.some((r) => r.disagreements.length > 0) || failed.length > 0 || skipped.length > 0;
  const ran = reports.some((r) => r.traces > 0) || replays.length > 0;
  if (bad) return EXIT.violated;
  if (!native.ok) return EXIT.unavailable;
  if (!ran) {
    err(`conform: nothing ran: ${loaded.length + schedules.length === 0 ? 'no traces found' : `every trace was skipped on ${which === 'all' ? 'every target' : `the ${which} target`}`}`);
    return EXIT.nothingRan;
  }
  return EXIT.ok;
}
