"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.projectSpecState = projectSpecState;
exports.instrOf = instrOf;
exports.scheduleOf = scheduleOf;
const json_1 = require("../../src/runtime/json");
const step_1 = require("../../src/runtime/step");
const variants_1 = require("./variants");
const schedule_1 = require("../../conformance/schedule");
/** Program counters at which a thread has no access in progress. */
const IDLE_PCS = new Set(['access', 'exit', 'Done']);
const REASONS = { VmUffdMissing: 'MISSING', VmUffdWp: 'WP', VmUffdMinor: 'MINOR' };
/** The spec state (plain JSON, as the checker prints it) projected onto a SchedState. */
function projectSpecState(s, pages, threads, mappings) {
    const page = [];
    for (let i = 0; i < pages; i++) {
        const slot = s.cache[i];
        const cached = (0, json_1.tagOfJson)(slot) === 'Folio';
        const ptes = [];
        for (let m = 0; m < mappings; m++) {
            const e = s.pte[m][i];
            const t = (0, json_1.tagOfJson)(e);
            if (t === 'Present')
                ptes.push({ pte: 'present', wp: e.wp, writable: e.writable, stale: !cached || slot.gen !== e.folio });
            else
                ptes.push({ pte: t === 'PteMarker' ? 'marker' : 'none', wp: t === 'PteMarker', writable: false, stale: false });
        }
        page.push({ cache: cached, ptes });
    }
    const th = [];
    for (let u = 0; u < threads; u++) {
        if (IDLE_PCS.has(s['Thread.pc'][u]))
            th.push('idle');
        else if ((0, json_1.tagOfJson)(s.uffd_msg[u]) !== 'NoMsg')
            th.push('userfault');
        else if (s.falloc_wait[u])
            th.push('falloc_wait');
        else
            th.push('running');
    }
    return { pages: page, threads: th };
}
/** The simulator instruction for the spec step `step` from `b` to `a`. */
function instrOf(step, b, a, constants) {
    if (step.process === 'Thread' && step.label !== null) {
        const u = (0, step_1.intInstance)(step);
        const label = step.label;
        if (label === 'access') {
            const m = a['Thread.m'][u];
            const page = a['Thread.p'][u];
            const op = a['Thread.wr'][u]
                ? { op: 'write', thread: u, page, value: 0x41 + u, ...(m ? { mapping: m } : {}) }
                : { op: 'read', thread: u, page, ...(m ? { mapping: m } : {}) };
            return { do: 'start', thread: u, op };
        }
        if (label === 'exit')
            return { do: 'exit', thread: u };
        const completes = !IDLE_PCS.has(b['Thread.pc'][u]) && IDLE_PCS.has(a['Thread.pc'][u]);
        return { do: 'step', thread: u, label, completes };
    }
    if (step.process === 'Punch' && step.label !== null) {
        if (step.label !== 'punch_begin')
            return { do: 'punch', label: step.label };
        return { do: 'punch', label: 'punch_begin', op: { op: 'punch', lo: a['Punch.lo'], hi: a['Punch.hi'] - 1 } };
    }
    const name = (0, step_1.stepText)(step);
    /** the page whose monitor flag (mon_held[reason] or mon_wake) the step cleared */
    const monPage = (flags) => {
        const pg = Object.keys(flags(b)).find((k) => flags(b)[k] && !flags(a)[k]);
        if (pg === undefined)
            throw new Error(`${name}: the monitor answered no page`);
        return Number(pg);
    };
    const regWp = (0, variants_1.registers)(String(constants.UFFD_MODE), 'WP');
    switch (step.action) {
        case 'mwriteprotect_range': {
            const pg = (0, step_1.intParam)(step, 'pg');
            return { do: 'op', op: { op: 'writeprotect', lo: pg, hi: pg, wp: (0, step_1.boolParam)(step, 'protect') } };
        }
        case 'userfaultfd_read': {
            const u = (0, step_1.intParam)(step, 'u');
            return { do: 'read', thread: u, kind: REASONS[b.uffd_msg[u].reason], page: b['Thread.p'][u] };
        }
        case 'mfill_atomic_copy': {
            const pg = monPage((j) => j.mon_held.VmUffdMissing);
            // the spec's own wpmode: reg_wp(0) && mon_prot[pg]
            return { do: 'op', op: { op: 'copy', page: pg, value: 0x43, wp: regWp && b.mon_prot[pg] === true } };
        }
        case 'mfill_atomic_continue':
            return { do: 'op', op: { op: 'continue', page: monPage((j) => j.mon_held.VmUffdMinor), wp: false } };
        case 'userfaultfd_wake': {
            const pg = monPage((j) => j.mon_wake);
            return { do: 'op', op: { op: 'wake', lo: pg, hi: pg } };
        }
        case 'madvise_dontneed': {
            const mm = (0, step_1.intParam)(step, 'mm');
            return { do: 'op', op: { op: 'madvise', advice: 'DONTNEED', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi'), ...(mm ? { mapping: mm } : {}) } };
        }
        case 'madvise_pageout': {
            const mm = (0, step_1.intParam)(step, 'mm');
            return { do: 'op', op: { op: 'madvise', advice: 'PAGEOUT', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi'), ...(mm ? { mapping: mm } : {}) } };
        }
        case 'pwrite': {
            const pg = (0, step_1.intParam)(step, 'pg');
            return { do: 'op', op: { op: 'pwrite', page: pg, value: 0x50 } };
        }
    }
    throw new Error(`no simulator instruction for the spec step ${name}`);
}
function scheduleOf(row, property, spec, constants, trace) {
    const pages = Number(constants.PAGES);
    const threads = Number(constants.THREADS);
    const mappings = Number(constants.MAPPINGS);
    const init = trace[0].state;
    const steps = [];
    for (let i = 1; i < trace.length; i++) {
        const b = trace[i - 1].state;
        const a = trace[i].state;
        const step = trace[i].step;
        if (step === null)
            throw new Error(`${row}/${property}: step ${i} of the trace has no step (only the initial state has none)`);
        // the schedule file stores a step as its text (stepText): the format of the committed artefact
        steps.push({ step: (0, step_1.stepText)(step), instr: instrOf(step, b, a, constants), expect: projectSpecState(a, pages, threads, mappings) });
    }
    return {
        format: schedule_1.SCHEDULE_FORMAT,
        name: `${row}/${property}`,
        row,
        property,
        spec,
        constants,
        pages,
        threads,
        mappings,
        fill: Array.from({ length: pages }, (_, i) => ((0, json_1.tagOfJson)(init.cache[i]) === 'Folio' ? i + 1 : 0)),
        register: (0, variants_1.registerModes)(String(constants.UFFD_MODE)),
        initial: projectSpecState(init, pages, threads, mappings),
        steps,
    };
}
//# sourceMappingURL=schedules.js.map