"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.conjuncts = conjuncts;
exports.closed = closed;
exports.indentAll = indentAll;
exports.assignedVars = assignedVars;
exports.branches = branches;
exports.slotsOf = slotsOf;
/** The conjuncts of a guard: `a && b && c` as [a, b, c]. */
function conjuncts(e) {
    return e.k === 'bin' && e.op === '&&' ? [...conjuncts(e.a), ...conjuncts(e.b)] : [e];
}
/** An expression that binds and reads no local name (no parameter, let, quantifier, comprehension or match): it can be emitted anywhere `s` is in scope. */
function closed(e) {
    return !/"k":"(local|let|quant|maplit|match)"/.test(JSON.stringify(e));
}
/** every non-empty line two spaces further in */
function indentAll(s) {
    return s
        .split('\n')
        .map((l) => (l.length ? '  ' + l : l))
        .join('\n');
}
/** the state variables assigned anywhere in `stmts`, on any path */
function assignedVars(stmts, into = new Set()) {
    for (const st of stmts) {
        switch (st.k) {
            case 'assign':
                into.add(st.index);
                break;
            case 'if':
                assignedVars(st.then, into);
                assignedVars(st.else, into);
                break;
            case 'with':
            case 'for':
                assignedVars(st.body, into);
                break;
            case 'either':
                for (const b of st.branches)
                    assignedVars(b, into);
                break;
            case 'await':
            case 'let':
                break;
            default: {
                const never = st;
                throw new Error(`emit: unknown statement ${never.k}`);
            }
        }
    }
    return into;
}
/** whether statements can branch: make a choice (with, either), here or in a nested block */
function branches(stmts) {
    return stmts.some((s) => s.k === 'with' || s.k === 'either' || (s.k === 'if' && (branches(s.then) || branches(s.else))) || (s.k === 'for' && branches(s.body)));
}
/** The locals an expression or statements read (`reads`) and bind (`binds`: let, quantifier, comprehension, match arm, with, for), by slot, with their names. */
function slotsOf(e, reads, binds) {
    if (e === null || typeof e !== 'object')
        return;
    if (Array.isArray(e)) {
        for (const x of e)
            slotsOf(x, reads, binds);
        return;
    }
    const o = e;
    if (o.k === 'lit')
        return;
    if (o.k === 'local')
        reads.set(o.slot, o.name);
    else if ((o.k === 'let' || o.k === 'quant' || o.k === 'maplit' || o.k === 'with' || o.k === 'for') && typeof o.slot === 'number')
        binds.set(o.slot, o.name);
    if (o.k === 'match')
        for (const arm of o.arms)
            for (const b of arm.binds)
                binds.set(b.slot, b.name);
    for (const key in o)
        if (key !== 'ty' && key !== 'span' && key !== 'type')
            slotsOf(o[key], reads, binds);
}
//# sourceMappingURL=shape.js.map