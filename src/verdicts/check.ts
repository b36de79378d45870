// Checks one row of the verdict table: every invariant of the ShmemUffd spec
// and the deadlock check, each with its own shortest counterexample.
//
// The engine stops at the first violation it meets (src/engine/bfs.ts). Since
// it explores breadth first and checks every invariant on every new state, the
// first violation found is at the smallest depth for that property too; so we
// run with all properties, record the one that failed, drop it (or turn the
// deadlock check off) and run again, until a run ends with 'ok'. The properties
// still present in that last, complete run hold.
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, loadSpecFile } from '../api';
import type { Model } from '../../dsl/ir';
import type { TraceStep } from '../engine/result';
import { PROPERTIES, PropertyName, Row } from './rows';

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
  traces: { property: PropertyName; trace: TraceStep[] }[];
}

/** The repository root: the nearest directory above this file holding package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

export const SPEC_FILE = 'spec/shmem_uffd.spec.ts';

export function checkRow(row: Row, opts: { maxStates?: number } = {}): RowResult {
  const root = repoRoot();
  const spec = loadSpecFile(path.join(root, SPEC_FILE), 'ShmemUffd');
  const model: Model = spec.model(row.constants);
  const known = new Set(model.invariants.map((i) => i.name));
  for (const p of PROPERTIES) {
    if (p !== 'Deadlock' && !known.has(p)) throw new Error(`the spec has no invariant ${p}`);
  }
  let active = new Set<string>(model.invariants.map((i) => i.name));
  let deadlock = true;
  const verdicts = {} as Record<PropertyName, PropertyVerdict>;
  const traces: RowResult['traces'] = [];
  let durationMs = 0;
  for (;;) {
    const m: Model = { ...model, invariants: model.invariants.filter((i) => active.has(i.name)) };
    const r = checkModel(m, { deadlock, maxStates: opts.maxStates });
    durationMs += r.durationMs;
    if (r.result === 'limit') throw new Error(`row ${row.id}: state limit reached (${r.distinctStates} states)`);
    if (r.result === 'ok') {
      for (const p of PROPERTIES) if (!verdicts[p]) verdicts[p] = { holds: true };
      return {
        row,
        verdicts,
        distinctStates: r.distinctStates,
        statesGenerated: r.statesGenerated,
        depth: r.depth,
        durationMs,
        traces,
      };
    }
    const v = r.violations[0];
    const prop = v.property as PropertyName;
    verdicts[prop] = { holds: false, steps: v.trace.length - 1 };
    traces.push({ property: prop, trace: v.trace });
    if (prop === 'Deadlock') deadlock = false;
    else active = new Set([...active].filter((n) => n !== prop));
  }
}
