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
exports.isScheduleFile = isScheduleFile;
exports.loadConformanceFiles = loadConformanceFiles;
exports.loadTraceFile = loadTraceFile;
exports.findTraceFiles = findTraceFiles;
exports.runTraces = runTraces;
exports.sideBySideLines = sideBySideLines;
exports.formatReport = formatReport;
// Replays traces on targets and compares the observation after every step
// with the trace's expectation. A disagreement names the trace, the first
// diverging step, and both observations side by side.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const trace_1 = require("./trace");
const schedule_1 = require("./schedule");
/** Whether a file is a bundle of counterexample schedules (conformance/schedule.ts), not traces. */
function isScheduleFile(file) {
    try {
        return (0, trace_1.readJsonFile)(file)?.format === schedule_1.SCHEDULES_FORMAT;
    }
    catch {
        return false;
    }
}
/** The files under the conformance roots, each read once: traces, schedules, and the tours' coverage lines. */
function loadConformanceFiles(paths) {
    const out = { traces: [], schedules: [], coverage: [] };
    for (const file of findTraceFiles(paths)) {
        const json = (0, trace_1.readJsonFile)(file);
        if (json?.format === schedule_1.SCHEDULES_FORMAT) {
            out.schedules.push(...(0, schedule_1.schedulesOf)(json, file));
            continue;
        }
        out.traces.push(...tracesOf(json, file));
        if (json?.stats)
            out.coverage.push(`${json.variant}: ${json.stats.covered}/${json.stats.observable} observable transitions (${((100 * json.stats.covered) / Math.max(1, json.stats.observable)).toFixed(0)}%)`);
    }
    return out;
}
/** A file holds one trace, or a bundle `{ "format": "uffdspec-traces/1", "traces": [...] }`. */
function loadTraceFile(file) {
    return tracesOf((0, trace_1.readJsonFile)(file), file);
}
function tracesOf(json, file) {
    const j = json;
    if (j && j.format === 'uffdspec-traces/1') {
        if (!Array.isArray(j.traces))
            throw new trace_1.TraceError(`${file}: traces: expected an array`);
        return j.traces.map((t, i) => ({ trace: (0, trace_1.validateTrace)(t, `${file}: traces[${i}]`), file }));
    }
    return [{ trace: (0, trace_1.validateTrace)(json, file), file }];
}
/** Every .json file under the given files/folders, sorted (deterministic order). */
function findTraceFiles(paths) {
    const out = [];
    const walk = (p) => {
        const st = fs.statSync(p);
        if (st.isDirectory())
            for (const e of fs.readdirSync(p).sort())
                walk(path.join(p, e));
        else if (p.endsWith('.json'))
            out.push(p);
    };
    for (const p of paths) {
        if (!fs.existsSync(p))
            throw new trace_1.TraceError(`${p}: no such file or folder`);
        walk(p);
    }
    return out;
}
function opText(op) {
    return JSON.stringify(op);
}
function sideBySide(a, b) {
    return { expected: a, actual: b };
}
async function runTraces(traces, target, onProgress) {
    const t0 = Date.now();
    const report = { target: target.name, traces: 0, steps: 0, agreeing: 0, skipped: [], disagreements: [], fieldsCompared: 0, fieldsUnspecified: 0, durationMs: 0 };
    for (const { trace, file } of traces) {
        const session = await target.open(trace);
        if ('skip' in session) {
            report.skipped.push({ trace: trace.name, reason: session.skip });
            continue;
        }
        report.traces++;
        const mappings = (0, trace_1.mappingsOf)(trace).length;
        let ok = true;
        try {
            for (let i = 0; i < trace.steps.length; i++) {
                const { op, expect } = trace.steps[i];
                let actual;
                try {
                    actual = await session.apply(op, expect);
                }
                catch (e) {
                    report.disagreements.push({ trace: trace.name, file, target: target.name, step: i, op: opText(op), difference: `the target failed: ${e.message.split('\n')[0]}`, ...sideBySide((0, trace_1.formatObservation)(expect), '(no observation)') });
                    ok = false;
                    break;
                }
                report.steps++;
                const fields = (0, trace_1.countFields)(expect, mappings);
                report.fieldsCompared += fields.compared;
                report.fieldsUnspecified += fields.unspecified;
                const diff = (0, trace_1.compareObservation)(expect, actual);
                if (diff) {
                    report.disagreements.push({ trace: trace.name, file, target: target.name, step: i, op: opText(op), difference: diff, ...sideBySide((0, trace_1.formatObservation)(expect), (0, trace_1.formatObservation)(actual)) });
                    ok = false;
                    break;
                }
            }
        }
        finally {
            await session.close();
        }
        if (ok)
            report.agreeing++;
        onProgress?.(report.traces);
    }
    report.durationMs = Date.now() - t0;
    return report;
}
/** Two multi-line texts in columns under their titles, indented for a report. */
function sideBySideLines(leftTitle, left, rightTitle, right) {
    const e = left.split('\n');
    const a = right.split('\n');
    const w = Math.max(8, ...e.map((x) => x.length));
    const lines = [`    ${leftTitle.padEnd(w)} | ${rightTitle}`];
    for (let i = 0; i < Math.max(e.length, a.length); i++)
        lines.push(`    ${(e[i] ?? '').padEnd(w)} | ${a[i] ?? ''}`);
    return lines;
}
/** The human report of one target's run; disagreements show both observations side by side. */
function formatReport(r) {
    const lines = [
        `${r.target}: ${r.traces} traces, ${r.steps} steps run, ${r.agreeing}/${r.traces} traces agree, ${r.skipped.length} skipped, ` +
            `${r.fieldsCompared} fields compared, ${r.fieldsUnspecified} not specified by the trace, ${(r.durationMs / 1000).toFixed(1)}s`,
    ];
    const reasons = new Map();
    for (const s of r.skipped)
        reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    for (const [why, n] of reasons)
        lines.push(`  skipped ${n}: ${why}`);
    for (const d of r.disagreements) {
        lines.push(`  DISAGREE ${d.trace} (${d.file}) step ${d.step} ${d.op}: ${d.difference}`, ...sideBySideLines('expected', d.expected, r.target, d.actual));
    }
    return lines.join('\n');
}
//# sourceMappingURL=runner.js.map