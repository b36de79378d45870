// Replays traces on targets and compares the observation after every step
// with the trace's expectation. A disagreement names the trace, the first
// diverging step, and both observations side by side.
import * as fs from 'fs';
import * as path from 'path';
import { Trace, TraceError, compareObservation, countFields, formatObservation, mappingsOf, readJsonFile, validateTrace, Observation } from './trace';
import type { Target, TargetName } from './targets';
import { SCHEDULES_FORMAT, Schedule, schedulesOf } from './schedule';

export interface Disagreement {
  trace: string;
  file: string;
  target: TargetName;
  step: number;
  op: string;
  difference: string;
  expected: string;
  actual: string;
}

export interface TargetReport {
  target: TargetName;
  traces: number;
  steps: number;
  agreeing: number;
  skipped: { trace: string; reason: string }[];
  disagreements: Disagreement[];
  /**
   * What the agreements covered (countFields in trace.ts), summed over every step whose
   * observation was compared: the fields of the expectations that were checked, and those
   * left out because the trace does not specify them (a generated trace leaves out page
   * values and the byte a load returns). A skipped trace counts nothing; a trace that
   * disagrees counts its steps up to and including the disagreeing one.
   */
  fieldsCompared: number;
  fieldsUnspecified: number;
  durationMs: number;
}

export interface LoadedTrace {
  trace: Trace;
  file: string;
}

/** Whether a file is a bundle of counterexample schedules (conformance/schedule.ts), not traces. */
export function isScheduleFile(file: string): boolean {
  try {
    return (readJsonFile(file) as { format?: unknown })?.format === SCHEDULES_FORMAT;
  } catch {
    return false;
  }
}

/** The files under the conformance roots, each read once: traces, schedules, and the tours' coverage lines. */
export function loadConformanceFiles(paths: string[]): { traces: LoadedTrace[]; schedules: Schedule[]; coverage: string[] } {
  const out = { traces: [] as LoadedTrace[], schedules: [] as Schedule[], coverage: [] as string[] };
  for (const file of findTraceFiles(paths)) {
    const json = readJsonFile(file) as { format?: unknown; variant?: string; stats?: { covered: number; observable: number } };
    if (json?.format === SCHEDULES_FORMAT) {
      out.schedules.push(...schedulesOf(json, file));
      continue;
    }
    out.traces.push(...tracesOf(json, file));
    if (json?.stats) out.coverage.push(`${json.variant}: ${json.stats.covered}/${json.stats.observable} observable transitions (${((100 * json.stats.covered) / Math.max(1, json.stats.observable)).toFixed(0)}%)`);
  }
  return out;
}

/** A file holds one trace, or a bundle `{ "format": "uffdspec-traces/1", "traces": [...] }`. */
export function loadTraceFile(file: string): LoadedTrace[] {
  return tracesOf(readJsonFile(file), file);
}

function tracesOf(json: unknown, file: string): LoadedTrace[] {
  const j = json as { format?: unknown; traces?: unknown[] };
  if (j && j.format === 'uffdspec-traces/1') {
    if (!Array.isArray(j.traces)) throw new TraceError(`${file}: traces: expected an array`);
    return j.traces.map((t, i) => ({ trace: validateTrace(t as any, `${file}: traces[${i}]`), file }));
  }
  return [{ trace: validateTrace(json as any, file), file }];
}

/** Every .json file under the given files/folders, sorted (deterministic order). */
export function findTraceFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else if (p.endsWith('.json')) out.push(p);
  };
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new TraceError(`${p}: no such file or folder`);
    walk(p);
  }
  return out;
}

function opText(op: unknown): string {
  return JSON.stringify(op);
}

function sideBySide(a: string, b: string): { expected: string; actual: string } {
  return { expected: a, actual: b };
}

export async function runTraces(traces: LoadedTrace[], target: Target, onProgress?: (done: number) => void): Promise<TargetReport> {
  const t0 = Date.now();
  const report: TargetReport = { target: target.name, traces: 0, steps: 0, agreeing: 0, skipped: [], disagreements: [], fieldsCompared: 0, fieldsUnspecified: 0, durationMs: 0 };
  for (const { trace, file } of traces) {
    const session = await target.open(trace);
    if ('skip' in session) {
      report.skipped.push({ trace: trace.name, reason: session.skip });
      continue;
    }
    report.traces++;
    const mappings = mappingsOf(trace).length;
    let ok = true;
    try {
      for (let i = 0; i < trace.steps.length; i++) {
        const { op, expect } = trace.steps[i];
        let actual: Observation;
        try {
          actual = await session.apply(op, expect);
        } catch (e) {
          report.disagreements.push({ trace: trace.name, file, target: target.name, step: i, op: opText(op), difference: `the target failed: ${(e as Error).message.split('\n')[0]}`, ...sideBySide(formatObservation(expect), '(no observation)') });
          ok = false;
          break;
        }
        report.steps++;
        const fields = countFields(expect, mappings);
        report.fieldsCompared += fields.compared;
        report.fieldsUnspecified += fields.unspecified;
        const diff = compareObservation(expect, actual);
        if (diff) {
          report.disagreements.push({ trace: trace.name, file, target: target.name, step: i, op: opText(op), difference: diff, ...sideBySide(formatObservation(expect), formatObservation(actual)) });
          ok = false;
          break;
        }
      }
    } finally {
      await session.close();
    }
    if (ok) report.agreeing++;
    onProgress?.(report.traces);
  }
  report.durationMs = Date.now() - t0;
  return report;
}

/** Two multi-line texts in columns under their titles, indented for a report. */
export function sideBySideLines(leftTitle: string, left: string, rightTitle: string, right: string): string[] {
  const e = left.split('\n');
  const a = right.split('\n');
  const w = Math.max(8, ...e.map((x) => x.length));
  const lines = [`    ${leftTitle.padEnd(w)} | ${rightTitle}`];
  for (let i = 0; i < Math.max(e.length, a.length); i++) lines.push(`    ${(e[i] ?? '').padEnd(w)} | ${a[i] ?? ''}`);
  return lines;
}

/** The human report of one target's run; disagreements show both observations side by side. */
export function formatReport(r: TargetReport): string {
  const lines = [
    `${r.target}: ${r.traces} traces, ${r.steps} steps run, ${r.agreeing}/${r.traces} traces agree, ${r.skipped.length} skipped, ` +
      `${r.fieldsCompared} fields compared, ${r.fieldsUnspecified} not specified by the trace, ${(r.durationMs / 1000).toFixed(1)}s`,
  ];
  const reasons = new Map<string, number>();
  for (const s of r.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [why, n] of reasons) lines.push(`  skipped ${n}: ${why}`);
  for (const d of r.disagreements) {
    lines.push(`  DISAGREE ${d.trace} (${d.file}) step ${d.step} ${d.op}: ${d.difference}`, ...sideBySideLines('expected', d.expected, r.target, d.actual));
  }
  return lines.join('\n');
}
