"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shmemSpecTarget = void 0;
exports.specSystem = specSystem;
exports.planTrace = planTrace;
// The shmem spec as a conformance target: the spec specialised to a trace
// (its sizes, registration, contents), bound to the trace format by binding.ts.
const load_1 = require("../../generator/load");
const spec_target_1 = require("../../conformance/spec-target");
const trace_1 = require("../../conformance/trace");
const binding_1 = require("./binding");
const _1 = require(".");
const systems = new Map();
/** The spec specialised to these constants, as a conformance system (cached per constants). */
function specSystem(constants, contents) {
    const key = JSON.stringify([constants, contents ?? null]);
    let sys = systems.get(key);
    if (!sys) {
        const { checker } = (0, load_1.generateChecker)((0, _1.shmemSpec)().model(constants));
        sys = new spec_target_1.SpecSystem(checker, (0, binding_1.shmemBinding)(checker.META.constants, contents));
        systems.set(key, sys);
    }
    return sys;
}
/**
 * How the spec follows a trace: at the trace's own sizes, with bounds that are the
 * trace's own counts, contents renamed to the values 1..n, the mappings placed and the
 * initial fill written with pwrite before the first step (as the native harness does),
 * and every syscall as the trace issues it. A trace the spec cannot follow gets the
 * reason, which names the missing modelling.
 */
function planTrace(trace) {
    const geometry = (0, trace_1.mappingsOf)(trace);
    for (const [i, { op }] of trace.steps.entries()) {
        if (op.op !== 'register')
            continue;
        if ((0, binding_1.uffdModeOf)(op.modes) === null)
            return { skip: `steps[${i}]: the spec has no registration ${op.modes.join('|')}` };
    }
    // contents: every byte the trace names, in order, is a value 1..n of the spec
    const bytes = new Set(trace.initial.fill);
    for (const { op } of trace.steps)
        if ('value' in op)
            bytes.add(op.value);
    bytes.delete(0);
    const alphabet = [...bytes].sort((a, b) => a - b);
    // bounds are upper bounds: rounded up to a power of two, traces of similar sizes share
    // one generated spec (the same behaviours: a trace starts every step it takes)
    const count = (p) => roundUp(trace.steps.filter((s) => p(s.op)).length);
    const perThread = Array.from({ length: trace.threads }, (_, t) => trace.steps.filter(({ op }) => (op.op === 'read' || op.op === 'write') && op.thread === t).length);
    const prelude = [];
    geometry.forEach((g, mapping) => {
        if (g.offset !== 0 || g.length !== trace.pages || (g.pteIndex ?? 0) !== 0)
            prelude.push({ op: 'mmap', mapping, offset: g.offset, length: g.length, pteIndex: g.pteIndex ?? 0 });
    });
    trace.initial.fill.forEach((value, page) => {
        if (value !== 0)
            prelude.push({ op: 'pwrite', page, value });
    });
    const { MONITOR_WAKES_ON_FAILURE: _policy, ...kernel } = trace.constants; // the spec's own monitor is off
    const constants = {
        ...kernel,
        UFFD_MODE: 'None',
        PAGES: trace.pages,
        MAPPINGS: geometry.length,
        THREADS: trace.threads,
        ACCESSES: roundUp(Math.max(1, ...perThread)),
        PUNCHES: Math.max(1, count((op) => op.op === 'punch' || (op.op === 'madvise' && op.advice === 'REMOVE'))),
        WP_ROUNDS: 0,
        DONTNEEDS: count((op) => op.op === 'madvise' && op.advice === 'DONTNEED'),
        PAGEOUTS: count((op) => op.op === 'madvise' && op.advice === 'PAGEOUT'),
        PWRITES: roundUp(trace.steps.filter((s) => s.op.op === 'pwrite').length + prelude.filter((op) => op.op === 'pwrite').length),
        SIZE: (0, trace_1.sizeOf)(trace),
        VALUES: roundUp(alphabet.length),
        FILLED: false,
        TRACE_DRIVEN: true,
    };
    let system;
    try {
        system = specSystem(constants, { predicted: true, alphabet });
    }
    catch (e) {
        return { skip: `the spec does not take these constants: ${e.message.split('\n')[0]}` };
    }
    return { system, prelude, given: new Set(), observeOnly: (op) => op.op === 'pread' };
}
/** n rounded up to a power of two (0 stays 0) */
function roundUp(n) {
    let x = 1;
    while (x < n)
        x *= 2;
    return n === 0 ? 0 : x;
}
exports.shmemSpecTarget = (0, spec_target_1.specTarget)(_1.SPEC_NAME, planTrace);
//# sourceMappingURL=targets.js.map