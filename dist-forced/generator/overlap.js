"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OverlapCode = void 0;
exports.overlapPlan = overlapPlan;
function overlapPlan(body) {
    const against = new Map();
    const pair = (later, earlier) => {
        const list = against.get(later) ?? [];
        if (!list.includes(earlier))
            list.push(earlier);
        against.set(later, list);
    };
    const inFor = new Set();
    // `before`: the assignments that may have run on a path reaching here; returned: the same after stmts.
    // `later`: the slot of the loop variable when the body of a for is walked as its later iterations
    const walk = (stmts, before, looped, later = null) => {
        let now = new Set(before);
        for (const st of stmts) {
            switch (st.k) {
                case 'assign':
                    if (st.path.length > 0) {
                        for (const e of now)
                            if (e.index === st.index && mayOverlap(e.path, st.path) && !(later !== null && byLoop(e.path, st.path, later)))
                                pair(st, e);
                        now.add(st);
                        if (looped)
                            inFor.add(st);
                    }
                    break;
                case 'if':
                    now = union(walk(st.then, now, looped, later), walk(st.else, now, looped, later));
                    break;
                case 'with':
                    now = walk(st.body, now, looped, later);
                    break;
                case 'either':
                    now = union(...st.branches.map((b) => walk(b, now, looped, later)));
                    break;
                case 'for': {
                    // an iteration runs after the ones before it: the body is walked again from where it ends
                    // (parts indexed by the loop variable at one place are apart between two iterations)
                    const once = walk(st.body, now, true);
                    now = walk(st.body, once, true, st.slot);
                    break;
                }
                default:
                    break;
            }
        }
        return now;
    };
    walk(body, new Set(), false);
    const recorded = new Map();
    for (const list of against.values())
        for (const e of list)
            if (!recorded.has(e))
                recorded.set(e, recorded.size);
    return { against, recorded, repeated: new Set([...recorded.keys()].filter((e) => inFor.has(e))) };
}
/**
 * The code the emitters write for a plan, in their own variables: `ov<n>`
 * counts the runs of recorded assignment n on the current path and
 * `ov<n>_<j>` holds its j-th index, or, for one inside a `for`, `ovs<n>`
 * lists the indices of every run.
 */
class OverlapCode {
    plan;
    constructor(plan) {
        this.plan = plan;
    }
    /** declarations, at the start of a choice of parameters */
    declare() {
        return [...this.plan.recorded].map(([a, n]) => this.plan.repeated.has(a) ? `const ovs${n}: number[] = [];` : `let ov${n} = 0${indexPositions(a.path).map((_, j) => `, ov${n}_${j} = 0`).join('')};`);
    }
    /** what a choice point saves before its choices (`w`: its name) and restores at the start of each */
    save(w) {
        const save = [];
        const restore = [];
        for (const [a, n] of this.plan.recorded) {
            const [x, len] = this.plan.repeated.has(a) ? [`ovs${n}.length`, `${w}_ovs${n}`] : [`ov${n}`, `${w}_ov${n}`];
            save.push(`const ${len} = ${x};`);
            restore.push(`${x} = ${len};`);
        }
        return { save, restore };
    }
    /** whether assignment `a` is compared with earlier ones or recorded: its indices must be evaluated into names */
    involved(a) {
        return this.plan.against.has(a) || this.plan.recorded.has(a);
    }
    /**
     * After assignment `a` whose index values are the names `keys` (one per
     * index position of its path): compare with the earlier assignments
     * (`clash`: the statement run when one wrote the same part), then record.
     */
    after(a, keys, clash) {
        const out = [];
        for (const e of this.plan.against.get(a) ?? []) {
            const n = this.plan.recorded.get(e);
            const shared = sharedIndices(e.path, a.path);
            if (this.plan.repeated.has(e)) {
                const stride = indexPositions(e.path).length;
                const same = keys.slice(0, shared).map((k, j) => `ovs${n}[q + ${j}] === ${k}`).join(' && ') || 'true';
                out.push(`for (let q = 0; q < ovs${n}.length; q += ${stride}) if (${same}) ${clash}`);
            }
            else {
                const same = keys.slice(0, shared).map((k, j) => `ov${n}_${j} === ${k}`).join(' && ');
                out.push(`if (ov${n} > 0${same ? ` && ${same}` : ''}) ${clash}`);
            }
        }
        const n = this.plan.recorded.get(a);
        if (n !== undefined) {
            if (this.plan.repeated.has(a))
                out.push(`ovs${n}.push(${keys.join(', ')});`);
            else
                out.push(`ov${n} = 1;${keys.map((k, j) => ` ov${n}_${j} = ${k};`).join('')}`);
        }
        return out;
    }
}
exports.OverlapCode = OverlapCode;
/** the positions of a path that are indices (their values are what the run-time comparison records) */
function indexPositions(path) {
    return path.flatMap((p, i) => (p.k === 'field' ? [] : [i]));
}
/**
 * The index positions two paths share before they part or one ends: the
 * indices compared at run time (fields and literal indices there are equal,
 * or mayOverlap would have told them apart).
 */
function sharedIndices(a, b) {
    const n = Math.min(a.length, b.length);
    return indexPositions(a.slice(0, n)).length;
}
/** whether two paths into one variable may name overlapping parts: no field or literal index tells them apart */
function mayOverlap(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        if (x.k === 'field' || y.k === 'field') {
            if (x.k !== y.k || x.name !== y.name)
                return false;
            continue;
        }
        if (x.i.k === 'lit' && y.i.k === 'lit' && JSON.stringify(x.i.v) !== JSON.stringify(y.i.v))
            return false;
    }
    return true;
}
/** whether both paths index by the loop variable (slot) at one place they share: two iterations write apart there */
function byLoop(a, b, slot) {
    const n = Math.min(a.length, b.length);
    const loop = (p) => p.k !== 'field' && p.i.k === 'local' && p.i.slot === slot;
    for (let i = 0; i < n; i++)
        if (loop(a[i]) && loop(b[i]))
            return true;
    return false;
}
function union(...sets) {
    const out = new Set();
    for (const s of sets)
        for (const x of s)
            out.add(x);
    return out;
}
//# sourceMappingURL=overlap.js.map