// Checks one row of the verdict table: every invariant of the ShmemUffd spec
// and the deadlock check, each with its own shortest counterexample.
//
import { checkModel, loadSpecFile } from '../api';
import { shmemSpec } from '../../spec/shmem_uffd';
import { SWITCH_NAMES } from '../../spec/shmem_uffd/variants';
import { inPackage } from '../util/package-root';
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
  /** a liveness counterexample is a lasso: loopFrom as in engine/result.ts Violation */
  traces: { property: PropertyName; trace: TraceStep[]; loopFrom?: number; stutter?: boolean }[];
  /** the row's kernel written as a patch module, checked on its own: same verdicts, same states */
  patch?: { file: string; distinctStates: number };
}

export function checkRow(row: Row, opts: { maxStates?: number } = {}): RowResult {
  const model = shmemSpec().model(row.constants);
  const known = new Set(model.invariants.map((i) => i.name));
  for (const l of model.liveness) known.add(l.name);
  for (const p of PROPERTIES) {
    if (p !== 'Deadlock' && !known.has(p)) throw new Error(`the spec has no property ${p}`);
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
    traces.push({ property: prop, trace: v.trace, ...(v.loopFrom !== undefined ? { loopFrom: v.loopFrom, stutter: v.stutter } : {}) });
  }
  for (const p of PROPERTIES) if (!verdicts[p]) verdicts[p] = { holds: true };
  const result: RowResult = {
    row, verdicts, distinctStates: r.distinctStates, statesGenerated: r.statesGenerated, depth: r.depth, durationMs: r.durationMs,
    constants: r.constants as RowResult['constants'], traces,
  };
  if (row.patch) result.patch = checkPatchOfRow(row, result, opts);
  return result;
}

/**
 * The row's kernel from its patch module (the switches left at the module's own
 * values, the row's other constants set): every verdict, every counterexample's
 * length and the state count must equal the switches' (an Error otherwise).
 */
function checkPatchOfRow(row: Row, main: RowResult, opts: { maxStates?: number }): { file: string; distinctStates: number } {
  const file = row.patch!;
  const constants = Object.fromEntries(Object.entries(row.constants).filter(([k]) => !(SWITCH_NAMES as readonly string[]).includes(k)));
  const r = checkModel(loadSpecFile(inPackage(file)).model(constants), { deadlock: true, maxStates: opts.maxStates, stopAtFirst: false });
  const differs: string[] = [];
  if (r.distinctStates !== main.distinctStates) differs.push(`${r.distinctStates} states, the switches ${main.distinctStates}`);
  for (const p of PROPERTIES) {
    const v = r.violations.find((x) => x.property === p);
    const want = main.verdicts[p];
    const have = v ? `violated in ${v.trace.length - 1} steps` : 'holds';
    const wanted = want.holds ? 'holds' : `violated in ${want.steps} steps`;
    if (have !== wanted) differs.push(`${p} ${have}, with the switches ${wanted}`);
  }
  if (differs.length) throw new Error(`row ${row.id}: the patch module ${file} disagrees with the row's switches: ${differs.join('; ')}`);
  return { file, distinctStates: r.distinctStates };
}
