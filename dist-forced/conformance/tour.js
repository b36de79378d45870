"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generateTour = generateTour;
const trace_1 = require("./trace");
function stateObs(o) {
    return JSON.stringify({ pages: o.pages, threads: o.threads });
}
function generateTour(sys, opts) {
    const binding = sys.binding;
    const modes = binding.registered;
    const registerOp = modes ? { op: 'register', modes } : { op: 'pread', page: 0 };
    const init = sys.initial();
    if (init.length !== 1)
        throw new Error(`the spec has ${init.length} initial quiescent states; a tour needs exactly one`);
    // 1. explore the quiescent-state graph breadth first
    const nodes = [];
    const index = new Map();
    const add = (st, parent, obs) => {
        const known = index.get(st.key);
        if (known !== undefined)
            return known;
        index.set(st.key, nodes.length);
        nodes.push({ st, obs, parent, edges: [] });
        return nodes.length - 1;
    };
    add(init[0], null, sys.observeState(init[0], registerOp));
    let transitions = 0;
    let nondeterministic = 0;
    for (let i = 0; i < nodes.length; i++) {
        if (opts.maxStates !== undefined && nodes.length >= opts.maxStates)
            break;
        const outs = sys.outcomes(nodes[i].st);
        transitions += outs.length;
        // group by op: an op with several observable outcomes cannot be expected exactly
        const byOp = new Map();
        for (const o of outs) {
            const k = binding.opKey(o.op);
            byOp.set(k, [...(byOp.get(k) ?? []), o]);
        }
        for (const group of byOp.values()) {
            const distinct = new Set(group.map((o) => JSON.stringify(o.obs)));
            if (distinct.size > 1) {
                nondeterministic++;
                continue;
            }
            const o = group[0];
            nodes[i].edges.push(o);
            add(o.to, { node: i, out: o }, o.obs);
        }
    }
    // 2. the observable transitions, in discovery order
    const keyOf = (from, o) => `${stateObs(from.obs)}|${binding.opKey(o.op)}|${JSON.stringify(o.obs)}`;
    const covered = new Set();
    const allKeys = new Set();
    for (const n of nodes)
        for (const o of n.edges)
            allKeys.add(keyOf(n, o));
    // 3. the tour: a trace starts with the shortest path to an uncovered transition,
    //    takes it, then keeps taking uncovered transitions from where it stands
    const traces = [];
    let steps = 0;
    const pathTo = (i) => {
        const out = [];
        for (let n = nodes[i]; n.parent; n = nodes[n.parent.node])
            out.push(n.parent);
        return out.reverse();
    };
    const toStep = (o) => {
        // a spec's own run has no setup ops: they exist only to follow a trace's header
        if (o.op.op === 'mmap')
            throw new Error('a tour step cannot be a setup op (mmap)');
        return { op: o.op, expect: o.obs };
    };
    for (let i = 0; i < nodes.length; i++) {
        for (const e of nodes[i].edges) {
            if (covered.has(keyOf(nodes[i], e)))
                continue;
            const ops = [{ op: registerOp, expect: nodes[0].obs }];
            for (const p of pathTo(i)) {
                covered.add(keyOf(nodes[p.node], p.out));
                ops.push(toStep(p.out));
            }
            let at = i;
            let next = e;
            while (next) {
                covered.add(keyOf(nodes[at], next));
                ops.push(toStep(next));
                at = index.get(next.to.key);
                next = nodes[at].edges.find((x) => !covered.has(keyOf(nodes[at], x)));
            }
            steps += ops.length;
            traces.push({
                format: trace_1.TRACE_FORMAT,
                name: `${opts.name}-${String(traces.length + 1).padStart(3, '0')}`,
                spec: opts.spec,
                constants: opts.constants,
                pages: opts.pages,
                threads: opts.threads,
                initial: { fill: binding.fill(init[0].json) },
                steps: ops,
            });
        }
    }
    return {
        traces,
        stats: { states: nodes.length, transitions, observable: allKeys.size, covered: covered.size, nondeterministic, traces: traces.length, steps },
    };
}
//# sourceMappingURL=tour.js.map