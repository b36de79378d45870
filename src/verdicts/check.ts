// Checks one row of the verdict table: every invariant of the ShmemUffd spec
// and the deadlock check, each with its own shortest counterexample.
//
import { checkModel } from '../api';
import { shmemSpec } from '../../spec/shmem_uffd';
import type { TraceStep } from '../engine/result';
import { PROPERTIES, PropertyName, Row } from '../../spec/shmem_uffd/rows';

export interface PropertyVerdict {
  holds: boolean;
  /** number of steps after the initial state in the shortest counterexample */
  steps?: number;
}

export interface RowResult {
  row: Row;
  verdicts: Record<PropertyName, PropertyVerdict>;
  /** distinct states of the final, complete run */
  distinctStates: number;
  statesGenerated: number;
  depth: number;
  durationMs: number;
  /** every constant of the spec as checked (the row's, then the defaults) */
  constants: Record<string, string | number | boolean>;
  traces: { property: PropertyName; trace: TraceStep[] }[];
}

export function checkRow(row: Row, opts: { maxStates?: number } = {}): RowResult {
  const model = shmemSpec().model(row.constants);
  const known = new Set(model.invariants.map((i) => i.name));
  for (const p of PROPERTIES) {
    if (p !== 'Deadlock' && !known.has(p)) throw new Error(`the spec has no invariant ${p}`);
  }
  // One complete run that keeps going after a violation (stopAtFirst false):
  // breadth first, the first violation met for each property is a shortest
  // counterexample for it, and every property never violated holds.
  const r = checkModel(model, { deadlock: true, maxStates: opts.maxStates, stopAtFirst: false });
  if (r.result === 'limit') throw new Error(`row ${row.id}: state limit reached (${r.distinctStates} states)`);
  const verdicts = {} as Record<PropertyName, PropertyVerdict>;
  const traces: RowResult['traces'] = [];
  for (const v of r.violations) {
    const prop = v.property as PropertyName;
    verdicts[prop] = { holds: false, steps: v.trace.length - 1 };
    traces.push({ property: prop, trace: v.trace });
  }
  for (const p of PROPERTIES) if (!verdicts[p]) verdicts[p] = { holds: true };
  return {
    row, verdicts, distinctStates: r.distinctStates, statesGenerated: r.statesGenerated, depth: r.depth, durationMs: r.durationMs,
    constants: r.constants as RowResult['constants'], traces,
  };
}
