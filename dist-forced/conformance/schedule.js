"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCHEDULES_FORMAT = exports.SCHEDULE_FORMAT = void 0;
exports.loadScheduleFile = loadScheduleFile;
exports.schedulesOf = schedulesOf;
exports.formatSchedState = formatSchedState;
exports.compareSchedState = compareSchedState;
const trace_1 = require("./trace");
exports.SCHEDULE_FORMAT = 'uffdspec-schedule/1';
exports.SCHEDULES_FORMAT = 'uffdspec-schedules/1';
/**
 * Load a bundle; defects are one-line TraceErrors naming the file and field.
 * The files are generated, so this checks their shape, not every value.
 */
function loadScheduleFile(file) {
    return schedulesOf((0, trace_1.readJsonFile)(file), file);
}
/** The schedules of a bundle already read from `file`. */
function schedulesOf(json, file) {
    const b = json;
    if (!b || b.format !== exports.SCHEDULES_FORMAT)
        throw new trace_1.TraceError(`${file}: format: expected "${exports.SCHEDULES_FORMAT}"`);
    if (!Array.isArray(b.schedules))
        throw new trace_1.TraceError(`${file}: schedules: expected an array`);
    b.schedules.forEach((s, i) => {
        const at = `${file}: schedules[${i}]`;
        if (!s || s.format !== exports.SCHEDULE_FORMAT)
            throw new trace_1.TraceError(`${at}.format: expected "${exports.SCHEDULE_FORMAT}"`);
        for (const k of ['pages', 'threads', 'mappings']) {
            if (!Number.isInteger(s[k]) || s[k] < 1)
                throw new trace_1.TraceError(`${at}.${k}: expected a positive integer`);
        }
        if (!Array.isArray(s.steps))
            throw new trace_1.TraceError(`${at}.steps: expected an array`);
        s.steps.forEach((st, j) => {
            if (!st || typeof st.step !== 'string' || !st.instr || typeof st.instr.do !== 'string' || !st.expect)
                throw new trace_1.TraceError(`${at}.steps[${j}]: expected { step, instr, expect }`);
            if (!Array.isArray(st.expect.pages) || st.expect.pages.length !== s.pages)
                throw new trace_1.TraceError(`${at}.steps[${j}].expect.pages: expected ${s.pages} pages`);
        });
    });
    return b.schedules;
}
/** One line per page and thread: `p0 cache | m0 present wp ro | m1 none`, for side-by-side reports. */
function formatSchedState(s) {
    const pte = (p) => p.pte === 'present' ? `present${p.wp ? ' wp' : ''} ${p.writable ? 'rw' : 'ro'}${p.stale ? ' STALE' : ''}` : p.pte;
    const lines = s.pages.map((p, i) => `p${i} ${p.cache ? 'cache' : 'hole '} | ${p.ptes.map((x, m) => `m${m} ${pte(x)}`).join(' | ')}`);
    lines.push(`threads ${s.threads.join(' ')}`);
    return lines.join('\n');
}
/** null when equal, else the first difference in words. */
function compareSchedState(expected, actual) {
    for (let i = 0; i < expected.pages.length; i++) {
        const e = expected.pages[i];
        const a = actual.pages[i];
        if (!a)
            return `page ${i}: missing`;
        if (e.cache !== a.cache)
            return `page ${i}: cache ${e.cache ? 'folio' : 'hole'} expected, ${a.cache ? 'folio' : 'hole'} found`;
        for (let m = 0; m < e.ptes.length; m++) {
            const x = e.ptes[m];
            const y = a.ptes[m];
            if (!y || x.pte !== y.pte || x.wp !== y.wp || x.writable !== y.writable || x.stale !== y.stale)
                return `page ${i} mapping ${m}: pte ${JSON.stringify(x)} expected, ${JSON.stringify(y ?? null)} found`;
        }
    }
    for (let t = 0; t < expected.threads.length; t++) {
        if (expected.threads[t] !== actual.threads[t])
            return `thread ${t}: ${expected.threads[t]} expected, ${actual.threads[t]} found`;
    }
    return null;
}
//# sourceMappingURL=schedule.js.map