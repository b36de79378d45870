"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.viewOfSpecTrace = viewOfSpecTrace;
exports.parseStepText = parseStepText;
exports.viewOfSchedule = viewOfSchedule;
exports.opText = opText;
exports.viewOfTrace = viewOfTrace;
const json_1 = require("../runtime/json");
const step_1 = require("../runtime/step");
const trace_1 = require("../../conformance/trace");
const doc_1 = require("./doc");
/** The spec's actions that are the monitor's: read(2) of the uffd and the UFFDIO_* ioctls. */
const MONITOR_ACTIONS = new Set([
    'userfaultfd_read', 'mfill_atomic_copy', 'mfill_atomic_continue', 'mwriteprotect_range', 'userfaultfd_wake',
    'UFFDIO_COPY', 'UFFDIO_ZEROPAGE', 'UFFDIO_CONTINUE', 'UFFDIO_WRITEPROTECT', 'UFFDIO_WAKE', 'UFFDIO_REGISTER', 'UFFDIO_UNREGISTER',
]);
/** The ioctls of a trace that the monitor issues (the userfaultfd's owner). */
const MONITOR_OPS = new Set(['register', 'unregister', 'copy', 'zeropage', 'continue', 'writeprotect', 'wake']);
const MONITOR = { name: 'monitor', role: 'the userfaultfd monitor: read(2) of the uffd, UFFDIO_* ioctls' };
const SYSCALLS = { name: 'syscalls', role: 'other system calls (madvise, pwrite, ftruncate, fallocate, mmap, PAGEMAP_SCAN)' };
/** A step's lane: its process instance, or the monitor, or the other syscalls. */
function laneOf(process, instance, action) {
    if (process === 'Thread')
        return { name: `Thread[${instance}]`, role: `user thread ${instance}: loads and stores, its page faults` };
    if (process === 'Punch')
        return { name: 'Punch', role: 'fallocate(PUNCH_HOLE): the puncher' };
    if (process !== null)
        return { name: instance === null ? process : `${process}[${instance}]`, role: `process ${process}` };
    // a trace's ops (`copy`, `writeprotect`) are lower case, the spec's actions not: one test serves both
    return MONITOR_ACTIONS.has(action) || MONITOR_OPS.has(action) ? MONITOR : SYSCALLS;
}
/** Lanes in a fixed order: threads by index, the puncher, other processes, the monitor, the syscalls. */
function orderLanes(lanes) {
    const rank = (l) => {
        const t = /^Thread\[(\d+)\]$/.exec(l.name);
        if (t)
            return [0, Number(t[1]), ''];
        if (l.name === 'Punch')
            return [1, 0, ''];
        if (l === MONITOR || l.name === MONITOR.name)
            return [3, 0, ''];
        if (l === SYSCALLS || l.name === SYSCALLS.name)
            return [4, 0, ''];
        return [2, 0, l.name];
    };
    return [...lanes].sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    });
}
/** The lanes and steps of a list of steps, each given as (process, instance, action, label, text). */
function laneSteps(steps) {
    const byName = new Map();
    for (const s of steps) {
        const l = laneOf(s.process, s.instance, s.action);
        if (!byName.has(l.name))
            byName.set(l.name, l);
    }
    const lanes = orderLanes([...byName.values()]);
    const names = lanes.map((l) => l.name);
    return { lanes, steps: steps.map((s) => ({ lane: names.indexOf(laneOf(s.process, s.instance, s.action).name), label: s.label, text: s.text })) };
}
// ---------------------------------------------------------------- the spec's own state
const range = (n) => Array.from({ length: n }, (_, i) => i);
function pteText(e, slot) {
    const t = (0, json_1.tagOfJson)(e);
    if (t === 'PteNone')
        return 'none';
    if (t === 'PteMarker')
        return 'marker';
    const stale = (0, json_1.tagOfJson)(slot) !== 'Folio' || slot.gen !== e.folio;
    return `present g${e.folio} ${e.writable ? 'rw' : 'ro'}${stale ? ' STALE' : ''}`;
}
function wpText(e) {
    const t = (0, json_1.tagOfJson)(e);
    if (t === 'PteMarker')
        return 'wp (marker)';
    if (t === 'Present' && e.wp)
        return 'wp';
    return '-';
}
function slotText(slot, uptodate) {
    if ((0, json_1.tagOfJson)(slot) !== 'Folio')
        return 'hole';
    return `folio g${slot.gen}${uptodate === false ? ' (not uptodate)' : ''}`;
}
function falloc(f) {
    return (0, json_1.tagOfJson)(f) === 'Punching' ? `punching [${f.start}, ${f.next})` : 'none';
}
/** The grids of one state of the spec: pages, the file, the threads. */
function specGrids(s) {
    const pages = range(Object.keys(s.cache).length);
    const mappings = range(Object.keys(s.pte).length);
    const rows = [
        { name: 'page cache', cells: pages.map((p) => slotText(s.cache[p], s.uptodate?.[p])) },
        { name: 'folio lock', cells: pages.map((p) => (s.locked[p] ? 'locked' : '-')) },
    ];
    for (const m of mappings) {
        const ptes = pages.map((p) => pteText(s.pte[m][p], s.cache[p]));
        rows.push({ name: `mapping ${m} pte`, cells: ptes, alarm: ptes.map((t) => t.endsWith('STALE')) });
        rows.push({ name: `mapping ${m} uffd-wp`, cells: pages.map((p) => wpText(s.pte[m][p])) });
    }
    rows.push({ name: 'monitor protected', cells: pages.map((p) => (s.mon_prot[p] ? 'yes' : '-')) });
    rows.push({ name: 'armed', cells: pages.map((p) => (s.armed[p] ? 'armed' : '-')) });
    const threads = range(Object.keys(s['Thread.pc']).length);
    const where = (u) => {
        const pc = s['Thread.pc'][u];
        // no access in progress (the pcs schedules.ts calls idle)
        if (pc === 'access' || pc === 'exit' || pc === 'Done')
            return '-';
        return `${s['Thread.wr'][u] ? 'store' : 'load'} p${s['Thread.p'][u]} via m${s['Thread.m'][u]}`;
    };
    const sleeping = (u) => {
        if (s.falloc_wait[u])
            return 'falloc waitq';
        const msg = s.uffd_msg[u];
        const t = (0, json_1.tagOfJson)(msg);
        if (t === 'NoMsg')
            return '-';
        return `userfault ${String(msg.reason).replace(/^VmUffd/, '').toUpperCase()} (${t === 'Pending' ? 'unread' : 'read by the monitor'})`;
    };
    return [
        { title: 'pages', columns: pages.map((p) => `page ${p}`), rows },
        {
            title: 'file',
            columns: ['value'],
            rows: [
                { name: 'i_size (pages)', cells: [String(s.i_size)] },
                { name: 'i_private (punch)', cells: [falloc(s.i_private)] },
                { name: 'silent write', cells: [s.silent_write ? 'yes' : 'no'], alarm: [!!s.silent_write] },
            ],
        },
        {
            title: 'threads',
            columns: threads.map((u) => `Thread[${u}]`),
            rows: [
                { name: 'next step', cells: threads.map((u) => String(s['Thread.pc'][u])) },
                { name: 'access', cells: threads.map(where) },
                { name: 'asleep on', cells: threads.map(sleeping) },
            ],
        },
    ];
}
/** A counterexample of the shmem spec, every variable of every state. */
function viewOfSpecTrace(x) {
    const steps = x.trace.slice(1).map((t) => {
        const st = t.step;
        const label = st.process !== null && st.label !== null ? st.label : (0, step_1.stepText)(st);
        return { process: st.process, instance: st.instance === null ? null : JSON.stringify(st.instance), action: st.action, label, text: (0, step_1.stepText)(st) };
    });
    const ls = laneSteps(steps);
    return {
        title: x.title,
        property: x.property,
        meaning: x.meaning,
        about: x.about,
        lanes: ls.lanes,
        steps: [null, ...ls.steps],
        states: (0, doc_1.viewStates)(x.trace.map((t) => ({ grids: specGrids(t.state), vars: x.leaves(t.state) }))),
        breaking: x.trace.length - 1,
        breakingText: breakingText(x.property),
        notes: [],
    };
}
function breakingText(property) {
    return property === 'Deadlock' ? 'deadlock: no step is possible after this one' : `${property} violated here`;
}
// ---------------------------------------------------------------- a schedule
function schedPte(p) {
    return p.pte === 'present' ? `present ${p.writable ? 'rw' : 'ro'}${p.stale ? ' STALE' : ''}` : p.pte;
}
function schedGrids(s, mappings) {
    const rows = [{ name: 'page cache', cells: s.pages.map((p) => (p.cache ? 'folio' : 'hole')) }];
    for (const m of range(mappings)) {
        rows.push({ name: `mapping ${m} pte`, cells: s.pages.map((p) => schedPte(p.ptes[m])), alarm: s.pages.map((p) => p.ptes[m].stale) });
        rows.push({ name: `mapping ${m} uffd-wp`, cells: s.pages.map((p) => (p.ptes[m].pte === 'marker' ? 'wp (marker)' : p.ptes[m].wp ? 'wp' : '-')) });
    }
    return [
        { title: 'pages', columns: s.pages.map((_, i) => `page ${i}`), rows },
        { title: 'threads', columns: s.threads.map((_, u) => `Thread[${u}]`), rows: [{ name: 'state', cells: [...s.threads] }] },
    ];
}
function schedVars(s) {
    const out = [];
    s.pages.forEach((p, i) => {
        out.push([`page[${i}].cache`, p.cache ? 'folio' : 'hole']);
        p.ptes.forEach((x, m) => {
            for (const k of ['pte', 'wp', 'writable', 'stale'])
                out.push([`page[${i}].pte[${m}].${k}`, String(x[k])]);
        });
    });
    s.threads.forEach((t, u) => out.push([`thread[${u}]`, t]));
    return out;
}
/** A step's text as the checker prints it, taken apart: `Thread[0]:finish_fault`, `Punch:punch_begin`, `mwriteprotect_range(0, true)`. */
function parseStepText(text) {
    const m = /^([A-Za-z_]\w*)(?:\[(.+)\])?:([A-Za-z_]\w*)$/.exec(text);
    if (m)
        return { process: m[1], instance: m[2] ?? null, action: `${m[1]}:${m[3]}`, label: m[3] };
    return { process: null, instance: null, action: /^[^(]*/.exec(text)[0], label: text };
}
/** A counterexample schedule (uffdspec-schedule/1): its steps, and after each the state it records. */
function viewOfSchedule(s, meaning, about) {
    const ls = laneSteps(s.steps.map((st) => ({ ...parseStepText(st.step), text: st.step })));
    const states = [s.initial, ...s.steps.map((st) => st.expect)];
    return {
        title: `${s.name}: ${s.property === 'Deadlock' ? 'a deadlock' : `${s.property} violated`} after ${s.steps.length} steps`,
        property: s.property,
        meaning,
        about,
        lanes: ls.lanes,
        steps: [null, ...ls.steps],
        states: (0, doc_1.viewStates)(states.map((x) => ({ grids: schedGrids(x, s.mappings), vars: schedVars(x) }))),
        breaking: s.steps.length,
        breakingText: breakingText(s.property),
        notes: [
            'A schedule records the state projected onto what the simulator compares (page cache, ptes, threads): ' +
                "the spec's ghosts (armed, the monitor's protection) are not in it. `uffdspec view --row ROW` shows every variable.",
        ],
    };
}
// ---------------------------------------------------------------- a conformance trace
/** An op as one short call: `write(page=1, value=66)`, `punch(lo=0, hi=1)`. */
function opText(op) {
    const args = Object.entries(op).filter(([k]) => k !== 'op' && k !== 'thread');
    return `${op.op}(${args.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`).join(', ')})`;
}
function opLane(op) {
    if ('thread' in op && typeof op.thread === 'number')
        return { process: 'Thread', instance: String(op.thread), action: op.op };
    if (op.op === 'punch')
        return { process: 'Punch', instance: null, action: op.op };
    return { process: null, instance: null, action: op.op };
}
const spec = (v, show) => (v === undefined ? '?' : show(v));
function obsGrids(o, mappings) {
    const rows = [
        { name: 'page cache', cells: o.pages.map((p) => (p.cache ? 'folio' : 'hole')) },
        { name: 'first byte', cells: o.pages.map((p) => spec(p.value, String)) },
        { name: 'mapping 0 pte', cells: o.pages.map((p) => p.pte) },
        { name: 'mapping 0 uffd-wp', cells: o.pages.map((p) => (p.pte === 'marker' ? 'wp (marker)' : p.wp ? 'wp' : '-')) },
    ];
    for (let m = 1; m < mappings; m++) {
        rows.push({ name: `mapping ${m} pte`, cells: o.pages.map((p) => spec(p.others?.[m - 1], (x) => x.pte)) });
        rows.push({ name: `mapping ${m} uffd-wp`, cells: o.pages.map((p) => spec(p.others?.[m - 1], (x) => (x.pte === 'marker' ? 'wp (marker)' : x.wp ? 'wp' : '-'))) });
    }
    const thread = (t) => (t.state === 'idle' && t.last !== undefined ? `idle (last: ${String(t.last)})` : t.state);
    return [
        { title: 'pages', columns: o.pages.map((_, i) => `page ${i}`), rows },
        {
            title: 'step',
            columns: ['value'],
            rows: [
                { name: 'result', cells: [spec(o.result, String)] },
                { name: 'uffd events unread', cells: [o.events.length ? o.events.map((e) => `${e.kind} p${e.page}${e.write ? ' write' : ''}${e.mapping ? ` m${e.mapping}` : ''}`).join(', ') : '-'] },
            ],
        },
        { title: 'threads', columns: o.threads.map((_, u) => `Thread[${u}]`), rows: [{ name: 'state', cells: o.threads.map(thread) }] },
    ];
}
/** The initial state of a trace: the fill, no pte, every thread idle. */
function initialObs(t) {
    const mappings = (0, trace_1.mappingsOf)(t).length;
    return {
        pages: t.initial.fill.map((v) => ({ cache: v > 0, value: v, pte: 'none', wp: false, ...(mappings > 1 ? { others: Array.from({ length: mappings - 1 }, () => ({ pte: 'none', wp: false })) } : {}) })),
        events: [],
        threads: Array.from({ length: t.threads }, () => ({ state: 'idle' })),
    };
}
/** A conformance trace (uffdspec-trace/1): each op in its lane, after it the state the trace expects. Nothing is broken in it. */
function viewOfTrace(t, about) {
    const mappings = (0, trace_1.mappingsOf)(t).length;
    const ls = laneSteps(t.steps.map((s) => ({ ...opLane(s.op), label: opText(s.op), text: opText(s.op) })));
    const states = [initialObs(t), ...t.steps.map((s) => s.expect)];
    return {
        title: `trace ${t.name}: ${t.steps.length} steps`,
        property: '',
        meaning: 'A conformance trace: each step is one system call run until every thread is idle or blocked; the state shown is what the trace expects after it (? = not specified).',
        about,
        lanes: ls.lanes,
        steps: [null, ...ls.steps],
        states: (0, doc_1.viewStates)(states.map((o) => ({ grids: obsGrids(o, mappings), vars: obsVars(o) }))),
        breaking: -1,
        breakingText: '',
        notes: ['The initial state is the fill the trace asks for (written with pwrite before the first step), with no pte mapped.'],
    };
}
function obsVars(o) {
    const out = [];
    const walk = (p, v) => {
        if (v !== null && typeof v === 'object')
            for (const [k, x] of Object.entries(v))
                walk(Array.isArray(v) ? `${p}[${k}]` : `${p}.${k}`, x);
        else
            out.push([p, String(v)]);
    };
    if (o.result !== undefined)
        out.push(['result', String(o.result)]);
    o.pages.forEach((pg, i) => walk(`page[${i}]`, pg));
    out.push(['events', o.events.length ? JSON.stringify(o.events) : '(none)']);
    o.threads.forEach((th, u) => walk(`thread[${u}]`, th));
    return out;
}
//# sourceMappingURL=shmem.js.map