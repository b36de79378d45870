// `uffdspec conform`: replay traces on the spec, the simulator and/or the
// real kernel and report agreement.
import * as fs from 'fs';
import { formatReport, loadConformanceFiles, runTraces, TargetReport } from '../../conformance/runner';
import { formatScheduleReport, replaySchedule, ScheduleReport } from '../../conformance/schedule-replay';
import { nativeTarget, simTarget, specTarget, Target } from '../../conformance/targets';
import { TraceError } from '../../conformance/trace';
import { generatedDir } from '../../generator/conformance-suite';
import { Out, Parsed, UsageError, checkWritable } from './options';
import { nativeInfo, renderReport, runStress } from './conform-report';
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
    const root = path.resolve(generatedDir(), '..', '..');
    // bounded: 6 runs of at most 200000 iterations or 6 s per phase (about 75 s); the race
    // window is narrow, and 20000 iterations (about 1 s) rarely meet it
    const stress = p.flags.has('stress') ? runStress(root, ['--runs', '6', '--iterations', '200000', '--seconds', '6']) : null;
    fs.writeFileSync(reportFile, renderReport({ reports, replays, coverage, stress }, nativeInfo()));
    if (!p.flags.has('json')) out(`wrote ${reportFile}`);
  }
  const bad = reports.some((r) => r.disagreements.length > 0) || failed.length > 0;
  const ran = reports.some((r) => r.traces > 0);
  return bad ? 1 : ran ? 0 : 1;
}
