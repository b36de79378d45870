// `uffdspec conform`: replay traces on the spec, the simulator and/or the
// real kernel and report agreement.
import * as fs from 'fs';
import { findTraceFiles, formatReport, loadTraceFile, runTraces, TargetReport } from '../../conformance/runner';
import { nativeTarget, simTarget, specTarget, Target } from '../../conformance/targets';
import { TraceError } from '../../conformance/trace';
import { generatedDir } from '../../generator/conformance-suite';
import { UsageError, parseArgs } from './args';
import * as path from 'path';

export const usage = 'uffdspec conform [--target spec|sim|native|all] [--json] [TRACE_FILE_OR_DIR...]';

export async function runConform(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const p = parseArgs(argv, { target: { value: true }, json: { value: false } }, 'conform');
  const which = p.flags.get('target')?.[0] ?? 'all';
  const all: Record<string, () => Target> = { spec: () => specTarget, sim: () => simTarget, native: () => nativeTarget() };
  if (which !== 'all' && !(which in all)) throw new UsageError(`conform: --target must be spec, sim, native or all, got '${which}'`);
  const roots = p.positional.length ? p.positional : [generatedDir(), path.join(path.dirname(generatedDir()), 'traces')];
  let loaded;
  try {
    loaded = findTraceFiles(roots).flatMap((f) => loadTraceFile(f));
  } catch (e) {
    if (e instanceof TraceError) {
      err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  // coverage of the generated tours, from their bundle headers
  const coverage: string[] = [];
  for (const f of findTraceFiles(roots)) {
    const j = JSON.parse(fs.readFileSync(f, 'utf8'));
    if (j.stats) coverage.push(`${j.variant}: ${j.stats.covered}/${j.stats.observable} observable transitions (${((100 * j.stats.covered) / Math.max(1, j.stats.observable)).toFixed(0)}%)`);
  }
  const targets = which === 'all' ? Object.values(all).map((f) => f()) : [all[which]()];
  const reports: TargetReport[] = [];
  if (!p.flags.has('json')) out(`uffdspec conform: ${loaded.length} traces from ${roots.map((r) => path.relative(process.cwd(), r) || '.').join(', ')}`);
  for (const t of targets) {
    const r = await runTraces(loaded, t);
    reports.push(r);
    if (!p.flags.has('json')) out(formatReport(r));
  }
  if (p.flags.has('json')) out(JSON.stringify({ traces: loaded.length, coverage, reports }, null, 2));
  else if (coverage.length) out(`transition coverage of the generated tours: ${coverage.join('; ')}`);
  const bad = reports.some((r) => r.disagreements.length > 0);
  const ran = reports.some((r) => r.traces > 0);
  return bad ? 1 : ran ? 0 : 1;
}
