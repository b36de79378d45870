"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpecSystem = void 0;
exports.specTarget = specTarget;
// The spec as a conformance target. A trace op is one *macro-step* of the
// spec: the spec step that starts the operation (a thread's `access`, the
// punch's `punch_begin`, an ioctl...) followed by every internal step (the
// rest of the kernel paths, the monitor's read(2) of pending messages) until
// the system is quiescent. The observation of docs/trace-format.md is read off
// the quiescent state.
//
// Trace-guided checking: the spec is instantiated at the trace's own sizes
// (the application's `planFor`), and the target follows the trace through it,
// keeping the set of spec states consistent with what was observed so far. Per
// op it explores only the interleavings inside that op (its internal steps), so
// the cost is linear in the trace, whatever the size of the exhaustive state space.
//
// The binding between trace ops and the steps of a spec is the application's
// (spec/shmem_uffd/binding.ts); this file knows only the generic mechanics.
const bfs_1 = require("../src/engine/bfs");
const trace_1 = require("./trace");
class SpecSystem {
    checker;
    binding;
    /** a state the checker emitted, in its three forms */
    state;
    /** the actions of each kind, by index (a kind depends on the action alone) */
    internal = [];
    starting = [];
    constructor(checker, binding) {
        this.checker = checker;
        this.binding = binding;
        this.state = (0, bfs_1.stateForms)(checker);
        checker.META.actions.forEach((_, i) => {
            const kind = binding.kindOf(checker.stepOf(i, 0));
            if (kind === 'internal')
                this.internal.push(i);
            else if (kind === 'op')
                this.starting.push(i);
        });
    }
    /**
     * The successors of `from` by these actions (an action, or an action with one choice
     * of parameters: [action, combo]) whose step passes `keep` and then `accept`.
     * `accept` sees the successor while it is emitted, reading only the variables it needs
     * (no copy, no packing); a kept successor is packed, and decoded as it is read.
     */
    steps(from, actions, keep, accept) {
        const out = [];
        const m = this.checker;
        const live = accept ? liveJson(m) : null;
        const emit = (action, combo, n) => {
            const step = m.stepOf(action, combo);
            if (!keep(step))
                return;
            if (accept && live && !accept({ step, from: from.json, to: { json: live.at(n) } }))
                return;
            // the module may reuse `n`: keep its packed form now
            const words = new Uint32Array(m.WORDS);
            m.encode(n, words, 0);
            out.push({ step, from: from.json, to: (0, bfs_1.formsOfWords)(m, words) });
        };
        for (const a of actions) {
            if (typeof a === 'number')
                m.successorsOf(from.s, a, emit);
            else
                m.successorsAt(from.s, a[0], a[1], emit);
        }
        return out;
    }
    /** The quiescent states reachable from `s` by internal steps only, with the events read on the way. */
    settle(s) {
        const done = new Map();
        const seen = new Set();
        const queue = [{ st: s, events: [] }];
        while (queue.length) {
            const { st, events } = queue.shift();
            const next = this.steps(st, this.internal, () => true);
            if (next.length === 0) {
                const k = st.key + JSON.stringify(events);
                if (!done.has(k))
                    done.set(k, { to: st, events });
                continue;
            }
            for (const x of next) {
                const ev = this.binding.eventOf(x);
                const evs = ev ? [...events, ev] : events;
                const k = x.to.key + JSON.stringify(evs);
                if (seen.has(k))
                    continue;
                seen.add(k);
                queue.push({ st: x.to, events: evs });
            }
        }
        return [...done.values()].sort((a, b) => (a.to.key + JSON.stringify(a.events) < b.to.key + JSON.stringify(b.events) ? -1 : 1));
    }
    /** The initial quiescent states (init, then internal steps). */
    initial() {
        const inits = [];
        this.checker.init((n) => inits.push(this.state(n)));
        const out = new Map();
        for (const i of inits)
            for (const q of this.settle(i))
                out.set(q.to.key, q.to);
        return [...out.values()];
    }
    outcomesOf(from, actions, keep, want, ctx) {
        const out = [];
        const wanted = (x) => {
            const op = this.binding.opOf(x);
            return op !== null && (want === null || this.binding.opKey(op) === want);
        };
        for (const x of this.steps(from, actions, keep, wanted)) {
            const op = this.binding.opOf(x);
            for (const q of this.settle(x.to))
                out.push({ op, from, to: q.to, obs: this.binding.observe(op, x, q.to.json, q.events, ctx) });
        }
        return out;
    }
    /** Every op the spec allows from quiescent state `from`, with each possible outcome. */
    outcomes(from) {
        return this.outcomesOf(from, this.starting, () => true, null);
    }
    /** The outcomes of a given op from `from` (empty when the spec does not allow it there). */
    apply(from, op, ctx) {
        return this.outcomesOf(from, this.actionsFor(op), (step) => this.binding.mayStart(step, op), this.binding.opKey(op), ctx);
    }
    /** The actions (with their one choice of parameters, where the op fixes them) whose steps may start `op`. */
    actionsFor(op) {
        const metas = this.checker.META.actions;
        const out = [];
        for (const i of this.starting) {
            if (!this.binding.actionStarts(metas[i].name, op))
                continue;
            const params = this.binding.paramsOf(metas[i].name, op);
            if (params === null) {
                out.push(i);
                continue;
            }
            try {
                out.push([i, this.checker.comboOf(i, metas[i].params.map((p) => params[p.name]))]);
            }
            catch {
                // a parameter outside its type: no step of this action is the op
            }
        }
        return out;
    }
    /** Observation of a quiescent state with no op (the state a trace starts from, or after an op that changes nothing the spec models). */
    observeState(st, op, ctx) {
        return this.binding.observe(op, null, st.json, [], ctx);
    }
}
exports.SpecSystem = SpecSystem;
/**
 * The spec as a target: `planFor` gives the spec specialised to a trace (its sizes,
 * its registration, its constants) or the reason the spec cannot follow it. The
 * target keeps the set of spec states consistent with what was observed so far: an
 * op's outcomes are filtered by the expected observation, so a trace agrees when the
 * spec *allows* every observation in it.
 */
function specTarget(specName, planFor) {
    return {
        name: 'spec',
        async open(trace) {
            if (trace.spec !== undefined && trace.spec !== specName)
                return { skip: `trace is for spec ${trace.spec}` };
            const plan = planFor(trace);
            if ('skip' in plan)
                return plan;
            const sys = plan.system;
            let states = sys.initial();
            for (const op of plan.prelude) {
                const next = states.flatMap((s) => sys.apply(s, op));
                if (next.length === 0)
                    throw new Error(`the spec does not allow the initial ${JSON.stringify(op)}`);
                states = distinct(next.map((o) => o.to));
            }
            const ctx = { lastAccess: new Array(trace.threads).fill(null) };
            let index = 0;
            return {
                async apply(op, expected) {
                    const i = index++;
                    if (op.op === 'read' || op.op === 'write')
                        ctx.lastAccess[op.thread] = op.op;
                    let outcomes;
                    if (plan.given.has(i) || plan.observeOnly(op)) {
                        outcomes = states.map((s) => ({ op, from: s, to: s, obs: sys.observeState(s, op, ctx) }));
                    }
                    else {
                        outcomes = states.flatMap((s) => sys.apply(s, op, ctx));
                        if (outcomes.length === 0)
                            throw new Error(`the spec does not allow ${JSON.stringify(op)} here`);
                    }
                    const fitting = outcomes.filter((o) => (0, trace_1.compareObservation)(expected, o.obs) === null);
                    const keep = fitting.length ? fitting : outcomes;
                    states = distinct(keep.map((o) => o.to));
                    return keep[0].obs;
                },
                close: async () => undefined,
            };
        },
    };
}
/**
 * The JSON of the state the module is emitting, variable by variable as read: one view
 * for a whole enumeration, pointed at each successor in turn (`at`); valid only during
 * the emit callback. Not bfs.ts lazyJson, which memoises per state: building one per
 * successor (a property per variable) costs more than the few reads the binding makes
 * (a 64-page trace step: 20 ms with this view, 120 ms with one lazyJson per successor).
 */
function liveJson(m) {
    let current = [];
    const json = {};
    m.META.vars.forEach((v, i) => Object.defineProperty(json, v.name, { enumerable: true, get: () => m.varToJSON(current, i) }));
    return {
        at(n) {
            current = n;
            return json;
        },
    };
}
function distinct(states) {
    const seen = new Set();
    return states.filter((s) => !seen.has(s.key) && seen.add(s.key));
}
//# sourceMappingURL=spec-target.js.map