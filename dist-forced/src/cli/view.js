"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.runView = runView;
// `uffdspec view SCHEDULE|TRACE|--row ROW [--property P] -o FILE.html`: one
// counterexample of the shmem spec as a self-contained HTML page (src/view/):
// lanes for the threads, the puncher and the monitor, the per-page state
// beside them. From a row of the verdict table the spec is checked again, so
// the page has every variable (armed, the monitor's protection); from a
// schedule file it has what the schedule records; from a conformance trace
// (docs/trace-format.md), each op in its lane and the state it expects.
const path = __importStar(require("path"));
const trace_1 = require("../../conformance/trace");
const schedule_1 = require("../../conformance/schedule");
const rows_1 = require("../../spec/shmem_uffd/rows");
const shmem_uffd_1 = require("../../spec/shmem_uffd");
const html_1 = require("../view/html");
const shmem_1 = require("../view/shmem");
const files_1 = require("../util/files");
const commands_1 = require("./commands");
const format_1 = require("./format");
const check_1 = require("./check");
const options_1 = require("./options");
const progress_1 = require("./progress");
function runView(p, out) {
    const file = p.flags.get('out')?.[0];
    if (!file)
        throw new options_1.UsageError('view: -o FILE.html is required (where to write the page)');
    if (p.positional.length > 1)
        throw new options_1.UsageError(`view: expected at most one schedule file, got ${p.positional.length} (uffdspec view --help)`);
    const rowId = p.flags.get('row')?.[0];
    const property = p.flags.get('property')?.[0];
    if (!p.positional.length && !rowId)
        throw new options_1.UsageError('view: give a schedule file or --row ROW (uffdspec view --help)');
    const row = rowId === undefined ? undefined : rows_1.ROWS.find((r) => r.id === rowId);
    if (rowId !== undefined && !row)
        throw new options_1.UsageError(`view: --row ${rowId}: no such row (rows: ${rows_1.ROWS.map((r) => r.id).join(', ')})`);
    (0, options_1.checkWritable)(file, 'view: -o');
    const doc = p.positional.length ? fromScheduleFile(p.positional[0], rowId, property) : fromRow(row, property);
    (0, files_1.writeAtomic)(file, (0, html_1.renderViewHtml)(doc));
    out(`wrote ${file}: ${doc.title} (${doc.steps.length - 1} steps, ${doc.lanes.length} lanes: ${doc.lanes.map((l) => l.name).join(', ')})`);
    return commands_1.EXIT.ok;
}
/** The meaning of a property of the shmem spec: the first sentence of the comment above its invariant. */
function meaningIn(constants, property) {
    if (property === 'Deadlock')
        return format_1.DEADLOCK_MEANING;
    const inv = (0, shmem_uffd_1.shmemSpec)().model(constants).invariants.find((i) => i.name === property);
    return (0, format_1.meaningOf)(inv?.doc) ?? '(the spec has no comment above this invariant)';
}
function constantsLine(c) {
    return `Constants: ${Object.entries(c).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`;
}
/** --row: the row checked again (every property, breadth first), its shortest counterexample of `property`. */
function fromRow(row, property) {
    const progress = new progress_1.Progress();
    progress.phase(`checking row ${row.id} (${row.question})`, true);
    // loaded here: it brings in the checker
    const { checkRow } = require('../verdicts/check');
    const r = checkRow(row);
    progress.end();
    // in the order of the verdict table's columns (NoSilentWrite first)
    const violated = rows_1.PROPERTIES.filter((x) => r.traces.some((t) => t.property === x));
    if (!violated.length)
        throw new options_1.UsageError(`view: row ${row.id}: every property holds, there is no counterexample to show`);
    const want = property ?? violated[0];
    const hit = r.traces.find((t) => t.property === want);
    if (!hit)
        throw new options_1.UsageError(`view: row ${row.id}: ${want} ${want in r.verdicts ? 'holds' : 'is not a property of the spec'}; violated: ${violated.join(', ')}`);
    const model = (0, shmem_uffd_1.shmemSpec)().model(row.constants);
    const shape = (0, check_1.traceShape)(model);
    const trace = hit.trace;
    return (0, shmem_1.viewOfSpecTrace)({
        title: `${row.id}: ${want === 'Deadlock' ? 'a deadlock' : `${want} violated`} after ${trace.length - 1} steps`,
        property: want,
        meaning: want === 'Deadlock' ? format_1.DEADLOCK_MEANING : shape.meanings[want] ?? '',
        about: [
            `Row ${row.id} of docs/verdicts.md (variant ${row.variant}): ${row.question}.`,
            `The shortest counterexample of ${shmem_uffd_1.SPEC_PATH}, checked again for this page (breadth first: no shorter path breaks ${want}).`,
            constantsLine(r.constants),
        ],
        trace,
        leaves: (s) => (0, format_1.stateLeaves)(s, shape),
    });
}
/** A schedule file (one schedule, or a bundle from which --row/--property pick one), or a conformance trace. */
function fromScheduleFile(file, rowId, property) {
    let list;
    try {
        const json = (0, trace_1.readJsonFile)(file);
        if (json && json.format === trace_1.TRACE_FORMAT) {
            if (rowId !== undefined || property !== undefined)
                throw new options_1.UsageError(`view: ${file} is a conformance trace: --row and --property pick a counterexample, a trace has none`);
            const t = (0, trace_1.validateTrace)(json, file);
            return (0, shmem_1.viewOfTrace)(t, [`Conformance trace ${path.basename(file)} (docs/trace-format.md).`, constantsLine(t.constants)]);
        }
        if (json && json.format === schedule_1.SCHEDULE_FORMAT)
            list = (0, schedule_1.schedulesOf)({ format: schedule_1.SCHEDULES_FORMAT, schedules: [json] }, file);
        else if (json && json.format === schedule_1.SCHEDULES_FORMAT)
            list = (0, schedule_1.schedulesOf)(json, file);
        else
            throw new options_1.UsageError(`view: ${file}: format: expected "${schedule_1.SCHEDULE_FORMAT}", "${schedule_1.SCHEDULES_FORMAT}" or "${trace_1.TRACE_FORMAT}"`);
    }
    catch (e) {
        if (e instanceof trace_1.TraceError)
            throw new options_1.UsageError(`view: ${e.message}`);
        throw e;
    }
    const picked = list.filter((s) => (rowId === undefined || s.row === rowId) && (property === undefined || s.property === property));
    if (picked.length !== 1) {
        const names = list.map((s) => s.name).join(', ');
        throw new options_1.UsageError(picked.length
            ? `view: ${file} holds ${picked.length} matching schedules: pick one with --row and --property (schedules: ${names})`
            : `view: ${file}: no schedule${rowId ? ` of row ${rowId}` : ''}${property ? ` for ${property}` : ''} (schedules: ${names})`);
    }
    const s = picked[0];
    return (0, shmem_1.viewOfSchedule)(s, meaningIn(s.constants, s.property), [
        `Counterexample schedule ${s.name} from ${path.basename(file)} (${s.spec}; made by npm run verdicts from the spec's shortest counterexample).`,
        constantsLine(s.constants),
    ]);
}
//# sourceMappingURL=view.js.map