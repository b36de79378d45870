// `uffdspec view SCHEDULE|TRACE|--row ROW [--property P] -o FILE.html`: one
// counterexample of the shmem spec as a self-contained HTML page (src/view/):
// lanes for the threads, the puncher and the monitor, the per-page state
// beside them. From a row of the verdict table the spec is checked again, so
// the page has every variable (armed, the monitor's protection); from a
// schedule file it has what the schedule records; from a conformance trace
// (docs/trace-format.md), each op in its lane and the state it expects.
import * as path from 'path';
import type { TraceStep } from '../engine/result';
import { TRACE_FORMAT, TraceError, readJsonFile, validateTrace } from '../../conformance/trace';
import { SCHEDULES_FORMAT, SCHEDULE_FORMAT, schedulesOf, type Schedule } from '../../conformance/schedule';
import { PROPERTIES, ROWS, type Row } from '../../spec/shmem_uffd/rows';
import { SPEC_PATH, shmemSpec } from '../../spec/shmem_uffd';
import { renderViewHtml } from '../view/html';
import { viewOfSchedule, viewOfSpecTrace, viewOfTrace } from '../view/shmem';
import type { ViewDoc } from '../view/doc';
import { writeAtomic } from '../util/files';
import { EXIT } from './commands';
import { DEADLOCK_MEANING, meaningOf, stateLeaves } from './format';
import { traceShape } from './check';
import { Out, Parsed, UsageError, checkWritable } from './options';
import { Progress } from './progress';

export function runView(p: Parsed, out: Out): number {
  const file = p.flags.get('out')?.[0];
  if (!file) throw new UsageError('view: -o FILE.html is required (where to write the page)');
  if (p.positional.length > 1) throw new UsageError(`view: expected at most one schedule file, got ${p.positional.length} (uffdspec view --help)`);
  const rowId = p.flags.get('row')?.[0];
  const property = p.flags.get('property')?.[0];
  if (!p.positional.length && !rowId) throw new UsageError('view: give a schedule file or --row ROW (uffdspec view --help)');
  const row = rowId === undefined ? undefined : ROWS.find((r) => r.id === rowId);
  if (rowId !== undefined && !row) throw new UsageError(`view: --row ${rowId}: no such row (rows: ${ROWS.map((r) => r.id).join(', ')})`);
  checkWritable(file, 'view: -o');
  const doc = p.positional.length ? fromScheduleFile(p.positional[0], rowId, property) : fromRow(row!, property);
  writeAtomic(file, renderViewHtml(doc));
  out(`wrote ${file}: ${doc.title} (${doc.steps.length - 1} steps, ${doc.lanes.length} lanes: ${doc.lanes.map((l) => l.name).join(', ')})`);
  return EXIT.ok;
}

/** The meaning of a property of the shmem spec: the first sentence of the comment above its invariant. */
function meaningIn(constants: Record<string, string | number | boolean>, property: string): string {
  if (property === 'Deadlock') return DEADLOCK_MEANING;
  const inv = shmemSpec().model(constants).invariants.find((i) => i.name === property);
  return meaningOf(inv?.doc) ?? '(the spec has no comment above this invariant)';
}

function constantsLine(c: Record<string, string | number | boolean>): string {
  return `Constants: ${Object.entries(c).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`;
}

/** --row: the row checked again (every property, breadth first), its shortest counterexample of `property`. */
function fromRow(row: Row, property: string | undefined): ViewDoc {
  const progress = new Progress();
  progress.phase(`checking row ${row.id} (${row.question})`, true);
  // loaded here: it brings in the checker
  const { checkRow } = require('../verdicts/check') as typeof import('../verdicts/check');
  const r = checkRow(row);
  progress.end();
  // in the order of the verdict table's columns (NoSilentWrite first)
  const violated = PROPERTIES.filter((x) => r.traces.some((t) => t.property === x));
  if (!violated.length) throw new UsageError(`view: row ${row.id}: every property holds, there is no counterexample to show`);
  const want = property ?? violated[0];
  const hit = r.traces.find((t) => t.property === want);
  if (!hit) throw new UsageError(`view: row ${row.id}: ${want} ${want in r.verdicts ? 'holds' : 'is not a property of the spec'}; violated: ${violated.join(', ')}`);
  const model = shmemSpec().model(row.constants);
  const shape = traceShape(model);
  const trace: TraceStep[] = hit.trace;
  return viewOfSpecTrace({
    title: `${row.id}: ${want === 'Deadlock' ? 'a deadlock' : `${want} violated`} after ${trace.length - 1} steps`,
    property: want,
    meaning: want === 'Deadlock' ? DEADLOCK_MEANING : shape.meanings[want] ?? '',
    about: [
      `Row ${row.id} of docs/verdicts.md (variant ${row.variant}): ${row.question}.`,
      `The shortest counterexample of ${SPEC_PATH}, checked again for this page (breadth first: no shorter path breaks ${want}).`,
      constantsLine(r.constants),
    ],
    trace,
    leaves: (s) => stateLeaves(s, shape),
  });
}

/** A schedule file (one schedule, or a bundle from which --row/--property pick one), or a conformance trace. */
function fromScheduleFile(file: string, rowId: string | undefined, property: string | undefined): ViewDoc {
  let list: Schedule[];
  try {
    const json = readJsonFile(file) as { format?: unknown };
    if (json && json.format === TRACE_FORMAT) {
      if (rowId !== undefined || property !== undefined) throw new UsageError(`view: ${file} is a conformance trace: --row and --property pick a counterexample, a trace has none`);
      const t = validateTrace(json, file);
      return viewOfTrace(t, [`Conformance trace ${path.basename(file)} (docs/trace-format.md).`, constantsLine(t.constants)]);
    }
    if (json && json.format === SCHEDULE_FORMAT) list = schedulesOf({ format: SCHEDULES_FORMAT, schedules: [json] }, file);
    else if (json && json.format === SCHEDULES_FORMAT) list = schedulesOf(json, file);
    else throw new UsageError(`view: ${file}: format: expected "${SCHEDULE_FORMAT}", "${SCHEDULES_FORMAT}" or "${TRACE_FORMAT}"`);
  } catch (e) {
    if (e instanceof TraceError) throw new UsageError(`view: ${e.message}`);
    throw e;
  }
  const picked = list.filter((s) => (rowId === undefined || s.row === rowId) && (property === undefined || s.property === property));
  if (picked.length !== 1) {
    const names = list.map((s) => s.name).join(', ');
    throw new UsageError(
      picked.length
        ? `view: ${file} holds ${picked.length} matching schedules: pick one with --row and --property (schedules: ${names})`
        : `view: ${file}: no schedule${rowId ? ` of row ${rowId}` : ''}${property ? ` for ${property}` : ''} (schedules: ${names})`,
    );
  }
  const s = picked[0];
  return viewOfSchedule(s, meaningIn(s.constants, s.property), [
    `Counterexample schedule ${s.name} from ${path.basename(file)} (${s.spec}; made by npm run verdicts from the spec's shortest counterexample).`,
    constantsLine(s.constants),
  ]);
}
