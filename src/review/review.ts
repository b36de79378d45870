// Review a patch: the spec a patch module extends (its base) and the patched
// spec, checked on the same rows, and only what changed reported. A row is a
// setting of constants (which registrations, how many mappings, which
// operations run); the plan of rows comes from the application
// (spec/shmem_uffd/review-plan.ts) or is the spec's defaults. Every property
// of every row is compared: `held -> violated` carries the patched spec's
// shortest counterexample, `violated -> holds` the base's counterexample and
// the step at which the patched spec can no longer follow it.
import type { Spec } from '../../dsl';
import type { ConstOverrides } from '../../dsl/analyze';
import type { Model } from '../../dsl/ir';
import { checkModel } from '../api';
import type { CheckResult, TraceStep } from '../engine/result';
import { replayOn, type Blocked } from './replay';

export interface ReviewRow {
  /** short and stable: 'Wp/1', 'Missing/2+DONTNEEDS' */
  id: string;
  constants: ConstOverrides;
  /** why the row is in the plan */
  why: string;
}

export interface ReviewPlan {
  rows: ReviewRow[];
  /** one line: how the rows were chosen */
  description: string;
  /** what the patch changes that no row runs (e.g. steps only a conformance trace takes) */
  notCovered: string[];
}

export type Status = { status: 'holds' } | { status: 'violated'; steps: number };

export interface PropertyChange {
  row: string;
  property: string;
  before: Status;
  after: Status;
  kind: 'broken' | 'fixed';
  /** broken: the patched spec's shortest counterexample; fixed: the base's */
  counterexample: TraceStep[];
  /** fixed: where the patched spec stops following the base's counterexample */
  blocked?: Blocked;
  /** liveness: the step of `counterexample` where its cycle starts */
  loopFrom?: number;
}

export interface RowOutcome {
  row: ReviewRow;
  baseStates: number;
  patchedStates: number;
  /** properties with the same verdict before and after */
  unchanged: number;
}

export interface ReviewResult {
  patch: { name: string; file: string };
  base: { name: string; file: string };
  plan: ReviewPlan;
  /** the patched spec's processes in declaration order (the lanes of a rendered race) */
  processes: string[];
  rows: RowOutcome[];
  changes: PropertyChange[];
  broken: number;
  fixed: number;
  unchanged: number;
}

export interface ReviewOptions {
  onRow?: (row: ReviewRow, index: number, of: number) => void;
  /** a run may not take more states (a row too large is an error, not a silent 'unknown') */
  maxStates?: number;
}

export function review(base: Spec, patched: Spec, plan: ReviewPlan, opts: ReviewOptions = {}): ReviewResult {
  const rows: RowOutcome[] = [];
  const changes: PropertyChange[] = [];
  let unchangedTotal = 0;
  let processes: string[] = [];
  plan.rows.forEach((row, i) => {
    opts.onRow?.(row, i, plan.rows.length);
    const bm = base.model(row.constants);
    const pm = patched.model(row.constants);
    processes = pm.processes.map((p) => p.name);
    const before = run(bm, row, 'base', opts);
    const after = run(pm, row, 'patched', opts);
    let unchanged = 0;
    const names = [...new Set([...before.properties.map((p) => p.name), ...after.properties.map((p) => p.name)])];
    for (const name of names) {
      const b = statusOf(before, name);
      const a = statusOf(after, name);
      if (!b || !a || b.status === a.status) {
        unchanged++;
        continue;
      }
      if (a.status === 'violated') {
        const v = after.violations.find((x) => x.property === name)!;
        changes.push({ row: row.id, property: name, before: b, after: a, kind: 'broken', counterexample: v.trace, loopFrom: v.loopFrom });
      } else {
        const v = before.violations.find((x) => x.property === name)!;
        changes.push({ row: row.id, property: name, before: b, after: a, kind: 'fixed', counterexample: v.trace, loopFrom: v.loopFrom, blocked: replayOn(pm, v.trace) });
      }
    }
    unchangedTotal += unchanged;
    rows.push({ row, baseStates: before.distinctStates, patchedStates: after.distinctStates, unchanged });
  });
  return {
    patch: { name: patched.name, file: patched.source.file },
    base: { name: base.name, file: base.source.file },
    plan,
    processes,
    rows,
    changes,
    broken: changes.filter((c) => c.kind === 'broken').length,
    fixed: changes.filter((c) => c.kind === 'fixed').length,
    unchanged: unchangedTotal,
  };
}

function run(model: Model, row: ReviewRow, which: string, opts: ReviewOptions): CheckResult {
  const r = checkModel(model, { deadlock: true, stopAtFirst: false, maxStates: opts.maxStates });
  if (!r.complete) throw new ReviewIncomplete(`row ${row.id}: the ${which} spec has more than ${r.distinctStates} states (--max-states): no verdict can be compared`);
  return r;
}

/** A row that could not be explored completely: the review cannot say what changed. */
export class ReviewIncomplete extends Error {}

function statusOf(r: CheckResult, name: string): Status | undefined {
  const p = r.properties.find((x) => x.name === name);
  if (!p || p.status === 'unknown') return undefined;
  if (p.status === 'holds') return { status: 'holds' };
  return { status: 'violated', steps: (p.traceLength ?? 1) - 1 };
}
