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
exports.itfFileName = itfFileName;
exports.writeCounterexamplesItf = writeCounterexamplesItf;
exports.runExportItf = runExportItf;
exports.checkItf = checkItf;
// ITF (the Informal Trace Format of Apalache and Quint; src/export/itf.ts,
// docs/itf.md) for the command line: `uffdspec export --itf FILE` converts a
// conformance trace, a counterexample schedule or a file of schedules, and
// `uffdspec check --itf DIR` writes each counterexample of a run.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const schedule_1 = require("../../conformance/schedule");
const trace_1 = require("../../conformance/trace");
const itf_1 = require("../export/itf");
const files_1 = require("../util/files");
const commands_1 = require("./commands");
const options_1 = require("./options");
/** A file name made of a trace's name: letters, digits, '-', '_', '.'. */
function itfFileName(name) {
    return `${name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '') || 'trace'}.itf.json`;
}
/** `check --itf DIR`: each counterexample as DIR/<Spec>.<Property>.itf.json; `what` says what a trace is. The files written. */
function writeCounterexamplesItf(model, violations, dir, source, what) {
    const vars = model.vars.map((v) => ({ name: v.name, type: v.type }));
    const constants = model.constants.map((c) => `${c.name}=${String(c.value)}`).join(', ');
    return violations.map((v) => {
        const t = (0, itf_1.itfOfTrace)(vars, v.trace, {
            source,
            description: `uffdspec check: ${what} of ${v.property} in spec ${model.name}`,
            spec: model.name,
            property: v.property,
            constants,
        });
        const f = path.join(dir, itfFileName(`${model.name}.${v.property}`));
        (0, files_1.writeAtomic)(f, (0, itf_1.itfText)(t));
        return f;
    });
}
function runExportItf(p, out) {
    if (p.positional.length !== 1)
        throw new options_1.UsageError('export: --itf expects one trace or schedule file (uffdspec export --help)');
    for (const f of ['spec', 'const', 'no-deadlock'])
        if (p.flags.has(f))
            throw new options_1.UsageError(`export: --${f} applies to --tla, not --itf`);
    const file = p.positional[0];
    const dir = p.flags.get('out')?.[0] ?? '.';
    let traces;
    try {
        traces = convert((0, trace_1.readJsonFile)(file), path.relative(process.cwd(), path.resolve(file)) || file);
    }
    catch (e) {
        if (e instanceof trace_1.TraceError)
            throw new options_1.UsageError(e.message);
        throw e;
    }
    // two names that become one file name: the later gets a number, so no file is written twice
    const taken = new Set();
    const files = traces.map(([name, t]) => {
        let f = itfFileName(name);
        for (let i = 2; taken.has(f); i++)
            f = itfFileName(`${name}-${i}`);
        taken.add(f);
        return [path.join(dir, f), (0, itf_1.itfText)(t)];
    });
    if (p.flags.has('check')) {
        const stale = files.filter(([f, text]) => !fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text).map(([f]) => f);
        for (const f of stale)
            out(`stale: ${f}`);
        out(stale.length ? `${stale.length} of ${files.length} ITF files are stale: uffdspec export --itf ${file} --out ${dir}` : `up to date (${files.length} ITF files)`);
        return stale.length ? commands_1.EXIT.violated : commands_1.EXIT.ok;
    }
    (0, options_1.checkWritableDir)(dir, 'export: --out');
    for (const [f, text] of files)
        (0, files_1.writeAtomic)(f, text);
    out(`wrote ${files.length} ITF file${files.length === 1 ? '' : 's'} into ${dir}${files.length <= 3 ? `: ${files.map(([f]) => path.basename(f)).join(', ')}` : ''}`);
    return commands_1.EXIT.ok;
}
/** The ITF traces of a file, each with the name its file is named after. */
function convert(json, file) {
    const format = json?.format;
    if (format === schedule_1.SCHEDULES_FORMAT)
        return (0, schedule_1.schedulesOf)(json, file).map((s) => [s.name, ofSchedule(s, file)]);
    if (format === schedule_1.SCHEDULE_FORMAT)
        return (0, schedule_1.schedulesOf)({ format: schedule_1.SCHEDULES_FORMAT, schedules: [json] }, file).map((s) => [s.name, ofSchedule(s, file)]);
    if (format === trace_1.TRACE_FORMAT) {
        const t = (0, trace_1.validateTrace)(json, file);
        return [[path.basename(file).replace(/\.json$/, ''), ofTrace(t, json, file)]];
    }
    throw new trace_1.TraceError(`${file}: format: expected "${trace_1.TRACE_FORMAT}", "${schedule_1.SCHEDULE_FORMAT}" or "${schedule_1.SCHEDULES_FORMAT}", got ${JSON.stringify(format)}`);
}
function meta(file, description, extra) {
    return { format: 'ITF', 'format-description': itf_1.ITF_DESCRIPTION, source: file, description, ...extra };
}
/**
 * A counterexample schedule: its states are what the schedule observes (the
 * pages and threads after Init and after each step), the step that led to
 * each in its #meta (with the simulator instruction).
 */
function ofSchedule(s, file) {
    const vars = Object.keys(s.initial);
    const state = (index, obs, action, instr) => {
        const st = { '#meta': { index, action, ...(instr ? { instr: JSON.stringify(instr) } : {}) } };
        for (const v of vars)
            st[v] = (0, itf_1.itfOfPlain)(obs[v]);
        return st;
    };
    return {
        '#meta': meta(file, `counterexample schedule ${s.name}: the observed state after Init and after each step`, {
            spec: s.spec,
            row: s.row,
            property: s.property,
            constants: Object.entries(s.constants).map(([k, v]) => `${k}=${String(v)}`).join(', '),
        }),
        vars,
        states: [state(0, s.initial, 'Init'), ...s.steps.map((st, i) => state(i + 1, st.expect, st.step, st.instr))],
    };
}
/**
 * A conformance trace: state 0 is the set-up (`op` "initial" with the
 * trace's `initial`, nothing observed); state i is step i's op and what it
 * expects to observe (the fields the trace leaves out are not there).
 */
function ofTrace(t, json, file) {
    // the file's own ops and expectations, as written (the validated Trace fills in defaults)
    const raw = json;
    const state = (index, op, expect) => ({ '#meta': { index, action: String(op.op) }, op: (0, itf_1.itfOfPlain)(op), expect: (0, itf_1.itfOfPlain)(expect) });
    return {
        '#meta': meta(file, `conformance trace ${t.name}: each step's op and the observation it expects`, {
            ...(t.spec ? { spec: t.spec } : {}),
            constants: Object.entries(t.constants ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', '),
        }),
        vars: ['op', 'expect'],
        states: [state(0, { op: 'initial', ...(raw.initial ?? {}) }, {}), ...raw.steps.map((s, i) => state(i + 1, s.op, s.expect ?? {}))],
    };
}
/** `check --itf DIR`: write, and say so in one line (on stderr when stdout is one JSON document). */
function checkItf(model, violations, p, file, what, out, err) {
    const dir = p.flags.get('itf')?.[0];
    if (dir === undefined)
        return;
    const files = writeCounterexamplesItf(model, violations, dir, path.relative(process.cwd(), path.resolve(file)) || file, what);
    (p.flags.has('json') ? err : out)(files.length ? `ITF: wrote ${files.join(', ')}` : `ITF: no counterexample, nothing written into ${dir}`);
}
//# sourceMappingURL=export-itf.js.map