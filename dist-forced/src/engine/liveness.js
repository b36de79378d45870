"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkLiveness = checkLiveness;
const step_1 = require("../runtime/step");
const result_1 = require("./result");
const grow_1 = require("./grow");
/** Check every liveness property; one violation (the first violated instance's lasso) per violated property. */
function checkLiveness(g, spec) {
    const n = g.count;
    // ---- the graph: edges in source order (CSR), each with its step and fairness unit
    const off = new Int32Array(n + 1);
    const dst = new grow_1.Grow();
    const act = new grow_1.Grow();
    const cmb = new grow_1.Grow();
    const unitOfEdge = new grow_1.Grow();
    const units = new Map();
    const unitKind = [];
    const stepUnit = new Map();
    const unitOf = (a, c) => {
        const key = `${a}:${c}`;
        let u = stepUnit.get(key);
        if (u !== undefined)
            return u;
        const step = g.stepOf(a, c);
        u = -1;
        for (const f of spec.fairness) {
            const name = f.process !== undefined && step.process === f.process ? (0, step_1.stepActor)(step) : f.action !== undefined && step.action === f.action ? step.action : null;
            if (name === null)
                continue;
            let id = units.get(name);
            if (id === undefined) {
                id = unitKind.length;
                units.set(name, id);
                unitKind.push(f.strength);
            }
            else if (f.strength === 'strong')
                unitKind[id] = 'strong';
            u = id;
            break;
        }
        stepUnit.set(key, u);
        return u;
    };
    if (g.edges) {
        off.set(g.edges.off);
        for (let e = 0; e < g.edges.dst.length; e++) {
            dst.push(g.edges.dst[e]);
            act.push(g.edges.action[e]);
            cmb.push(g.edges.combo[e]);
            unitOfEdge.push(unitOf(g.edges.action[e], g.edges.combo[e]));
        }
    }
    else {
        for (let i = 0; i < n; i++) {
            off[i] = dst.n;
            g.successors(g.get(i), (a, c, next) => {
                const j = g.indexOf(next);
                if (j < 0)
                    throw new Error('internal: liveness met a state the exploration did not find');
                dst.push(j);
                act.push(a);
                cmb.push(c);
                unitOfEdge.push(unitOf(a, c));
            });
        }
        off[n] = dst.n;
    }
    const U = unitKind.length;
    const enabled = Array.from({ length: U }, () => new Uint8Array(n));
    for (let i = 0; i < n; i++)
        for (let e = off[i]; e < off[i + 1]; e++)
            if (unitOfEdge.a[e] >= 0)
                enabled[unitOfEdge.a[e]][i] = 1;
    // reverse edges, for "can reach a fair component"
    const roff = new Int32Array(n + 1);
    for (let e = 0; e < dst.n; e++)
        roff[dst.a[e] + 1]++;
    for (let i = 0; i < n; i++)
        roff[i + 1] += roff[i];
    const rsrc = new Int32Array(dst.n);
    const fill = roff.slice(0, n);
    for (let i = 0; i < n; i++)
        for (let e = off[i]; e < off[i + 1]; e++)
            rsrc[fill[dst.a[e]]++] = i;
    const isInit = new Uint8Array(n);
    const depth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        if (g.parent[i] < 0)
            isInit[i] = 1;
        else
            depth[i] = depth[g.parent[i]] + 1;
    }
    // every predicate of every instance, in one pass over the states (each decoded once)
    const slots = [];
    spec.props.forEach((prop, pi) => {
        for (let k = 0; k < prop.instances.length; k++)
            slots.push({ pi, k, q: new Uint8Array(n), start: new Uint8Array(n) });
    });
    for (let i = 0; i < n; i++) {
        const s = g.get(i);
        for (const sl of slots) {
            const kind = spec.props[sl.pi].kind;
            const qi = spec.holds(sl.pi, 'q', sl.k, s);
            sl.q[i] = qi ? 1 : 0;
            sl.start[i] = qi ? 0 : kind === 'leadsTo' ? (spec.holds(sl.pi, 'p', sl.k, s) ? 1 : 0) : kind === 'eventually' ? isInit[i] : 1;
        }
    }
    const violations = [];
    let q = new Uint8Array(0);
    let start = new Uint8Array(0);
    // scratch of the component search, reused
    const mark = new Int32Array(n);
    let stamp = 0;
    const index = new Int32Array(n);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    spec.props.forEach((prop, pi) => {
        for (let k = 0; k < prop.instances.length; k++) {
            const sl = slots.find((x) => x.pi === pi && x.k === k);
            q = sl.q;
            start = sl.start;
            const lasso = findLasso();
            if (lasso) {
                const inst = prop.instances[k];
                violations.push({ property: prop.name, ...(Object.keys(inst).length ? { instance: inst } : {}), ...lasso });
                break;
            }
        }
    });
    return violations;
    // ---- one property instance: q, start set above
    function findLasso() {
        const inN = (i) => q[i] === 0;
        const comp = new Int32Array(n).fill(-1); // fair component id of a node, -1 if none
        const comps = [];
        const all = [];
        for (let i = 0; i < n; i++)
            if (inN(i))
                all.push(i);
        fairComponents(Int32Array.from(all), comp, comps);
        if (!comps.length)
            return null;
        // nodes of not-Q that reach a fair component within not-Q: backward search
        const bad = new Uint8Array(n);
        const queue = [];
        for (let i = 0; i < n; i++)
            if (comp[i] >= 0) {
                bad[i] = 1;
                queue.push(i);
            }
        for (let h = 0; h < queue.length; h++) {
            const v = queue[h];
            for (let e = roff[v]; e < roff[v + 1]; e++) {
                const u = rsrc[e];
                if (!bad[u] && inN(u)) {
                    bad[u] = 1;
                    queue.push(u);
                }
            }
        }
        let s = -1;
        for (let i = 0; i < n; i++)
            if (start[i] && bad[i] && (s < 0 || depth[i] < depth[s]))
                s = i;
        if (s < 0)
            return null;
        // prefix: the breadth-first path to s; then the shortest path within not-Q to a fair component
        const prefix = [];
        for (let j = s; j >= 0; j = g.parent[j])
            prefix.push(j);
        prefix.reverse();
        const toComp = pathWithin(s, (v) => comp[v] >= 0, inN);
        const e = toComp.nodes[toComp.nodes.length - 1];
        const members = comps[comp[e]];
        const inC = (v) => comp[v] === comp[e];
        const steps = []; // edge: the edge that led to node (-1 first, -2 a prefix link)
        for (let i = 0; i < prefix.length; i++)
            steps.push({ node: prefix[i], edge: i === 0 ? -1 : -2 });
        for (let i = 1; i < toComp.nodes.length; i++)
            steps.push({ node: toComp.nodes[i], edge: toComp.edges[i - 1] });
        const loopFrom = steps.length - 1;
        // The cycle, from e: for each fairness unit (in order) that the cycle built so far does
        // not yet satisfy, go to a state of the component where it is disabled (weak fairness)
        // or take one of its steps inside the component; then back to e. With nothing to
        // satisfy, the behaviour stutters at e.
        let cur = e;
        const cycleSatisfies = (u) => {
            for (let i = loopFrom; i < steps.length; i++) {
                const st = steps[i];
                if (i > loopFrom && unitOfEdge.a[st.edge] === u)
                    return true;
                if (unitKind[u] === 'weak' && !enabled[u][st.node])
                    return true;
            }
            return unitKind[u] === 'strong' && !members.some((v) => enabled[u][v]);
        };
        const walk = (target) => {
            const p = pathWithin(cur, target, inC);
            for (let i = 1; i < p.nodes.length; i++)
                steps.push({ node: p.nodes[i], edge: p.edges[i - 1] });
            cur = p.nodes[p.nodes.length - 1];
        };
        for (let u = 0; u < U; u++) {
            if (cycleSatisfies(u))
                continue;
            const off2 = unitKind[u] === 'weak' ? members.find((v) => !enabled[u][v]) : undefined;
            if (off2 !== undefined) {
                walk((v) => v === off2);
                continue;
            }
            const edge = edgeOfUnitWithin(u, members, inC);
            const from = edgeSource(edge);
            if (cur !== from)
                walk((v) => v === from);
            steps.push({ node: dst.a[edge], edge });
            cur = dst.a[edge];
        }
        if (steps.length - 1 === loopFrom)
            return { trace: toTrace(steps), loopFrom, stutter: true };
        // back to e: the cycle closes
        if (cur !== e)
            walk((v) => v === e);
        // the last state is e again: the cycle is steps[loopFrom..], repeated forever
        return { trace: toTrace(steps), loopFrom };
    }
    function toTrace(steps) {
        return steps.map(({ node, edge }) => {
            const state = g.toJSON(g.get(node));
            if (edge === -1) {
                if (g.via[node] < 0)
                    return { action: result_1.INIT_ACTION, step: null, state };
                // a prefix that starts mid-way cannot happen: prefixes start at an initial state
                throw new Error('internal: lasso prefix does not start at an initial state');
            }
            const a = edge === -2 ? g.via[node] : act.a[edge];
            const c = edge === -2 ? g.viaCombo[node] : cmb.a[edge];
            const step = g.stepOf(a, c);
            return { action: (0, step_1.stepText)(step), step, state };
        });
    }
    function edgeSource(e) {
        // off is sorted: binary search for the node whose edge range holds e
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (off[mid] <= e)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
    function edgeOfUnitWithin(u, members, inC) {
        for (const v of members)
            for (let e = off[v]; e < off[v + 1]; e++)
                if (unitOfEdge.a[e] === u && inC(dst.a[e]))
                    return e;
        throw new Error('internal: a fair component without the step its fairness needs');
    }
    /** Shortest path from `from` (staying where `allowed`) to a node where `target` holds; `strict`: at least one step. */
    function pathWithin(from, target, allowed, strict = false) {
        if (!strict && target(from))
            return { nodes: [from], edges: [] };
        const prev = new Map();
        const queue = [from];
        const seen = new Set(strict ? [] : [from]);
        for (let h = 0; h < queue.length; h++) {
            const v = queue[h];
            for (let e = off[v]; e < off[v + 1]; e++) {
                const w = dst.a[e];
                if (seen.has(w) || !allowed(w))
                    continue;
                seen.add(w);
                prev.set(w, { node: v, edge: e });
                if (target(w)) {
                    const nodes = [w];
                    const edges = [];
                    for (let x = w;;) {
                        const p = prev.get(x);
                        edges.push(p.edge);
                        nodes.push(p.node);
                        x = p.node;
                        if (x === from && nodes.length > 1)
                            break;
                    }
                    return { nodes: nodes.reverse(), edges: edges.reverse() };
                }
                queue.push(w);
            }
        }
        throw new Error('internal: no path inside a component that should have one');
    }
    /** Fair strongly connected components among `nodes` (stutter loops count): comp[] and comps get them. */
    function fairComponents(nodes, comp, comps) {
        const pending = [nodes];
        while (pending.length) {
            const set = pending.pop();
            for (const c of sccs(set)) {
                const inC = c.length === 1 ? { has: (x) => x === c[0] } : new Set(c);
                let fair = true;
                const drop = [];
                for (let u = 0; u < U; u++) {
                    let en = 0;
                    let taken = false;
                    for (const v of c) {
                        if (enabled[u][v])
                            en++;
                        if (!taken)
                            for (let e = off[v]; e < off[v + 1]; e++)
                                if (unitOfEdge.a[e] === u && inC.has(dst.a[e]))
                                    taken = true;
                    }
                    if (taken || en === 0)
                        continue;
                    if (unitKind[u] === 'weak') {
                        if (en === c.length)
                            fair = false;
                    }
                    else {
                        drop.push(u);
                    }
                    if (!fair)
                        break;
                }
                if (!fair)
                    continue;
                if (drop.length) {
                    const rest = c.filter((v) => !drop.some((u) => enabled[u][v]));
                    if (rest.length)
                        pending.push(Int32Array.from(rest));
                    continue;
                }
                const id = comps.length;
                const members = Int32Array.from(c);
                comps.push(members);
                for (const v of members)
                    comp[v] = id;
            }
        }
    }
    /** Tarjan's strongly connected components of the subgraph induced by `set` (iterative, typed scratch). */
    function sccs(set) {
        // members of this search carry the stamp; index -1 = not visited yet
        stamp++;
        for (const v of set) {
            mark[v] = stamp;
            index[v] = -1;
        }
        const stack = [];
        const out = [];
        const workV = [];
        const workE = [];
        let counter = 0;
        for (const root of set) {
            if (index[root] >= 0)
                continue;
            workV.push(root);
            workE.push(off[root]);
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = 1;
            while (workV.length) {
                const t = workV.length - 1;
                const v = workV[t];
                if (workE[t] < off[v + 1]) {
                    const w = dst.a[workE[t]++];
                    if (mark[w] !== stamp)
                        continue;
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = 1;
                        workV.push(w);
                        workE.push(off[w]);
                    }
                    else if (onStack[w] && index[w] < low[v])
                        low[v] = index[w];
                    continue;
                }
                workV.pop();
                workE.pop();
                if (workV.length) {
                    const p = workV[workV.length - 1];
                    if (low[v] < low[p])
                        low[p] = low[v];
                }
                if (low[v] === index[v]) {
                    const c = [];
                    for (;;) {
                        const w = stack.pop();
                        onStack[w] = 0;
                        c.push(w);
                        if (w === v)
                            break;
                    }
                    out.push(c.sort((a, b) => a - b));
                }
            }
        }
        return out;
    }
}
//# sourceMappingURL=liveness.js.map