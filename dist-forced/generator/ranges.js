"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wide = wide;
exports.intRange = intRange;
exports.joined = joined;
exports.narrowed = narrowed;
const types_1 = require("../src/runtime/types");
/** an int of no (or infinite) bounds, or a set or sequence of them: the types narrowed() improves on */
function wide(t) {
    if (t.k === 'int')
        return !Number.isFinite(t.lo) || !Number.isFinite(t.hi);
    if (t.k === 'set' || t.k === 'seq')
        return wide(t.elem);
    if (t.k === 'record')
        return t.fields.some((f) => wide(f.type));
    if (t.k === 'map')
        return wide(t.rng);
    return false;
}
function ofType(t) {
    return t && t.k === 'int' && Number.isFinite(t.lo) && Number.isFinite(t.hi) ? [t.lo, t.hi] : null;
}
function hull(a, b) {
    return a && b ? [Math.min(a[0], b[0]), Math.max(a[1], b[1])] : null;
}
/** the least and greatest value of the int expression e, where both are finite and known; else null */
function intRange(e, sc) {
    const own = ofType(e.ty);
    if (own)
        return own;
    switch (e.k) {
        case 'lit':
            return typeof e.v === 'number' ? [e.v, e.v] : null;
        case 'var':
            return ofType(sc.variable(e.index));
        case 'local':
            return ofType(sc.local(e.slot));
        case 'neg': {
            const r = intRange(e.e, sc);
            return r && [-r[1], -r[0]];
        }
        case 'bin':
            return binRange(e, sc);
        case 'call':
            return callRange(e, sc);
        case 'if':
            return hull(intRange(e.a, sc), intRange(e.b, sc));
        case 'let':
            return intRange(e.body, within(e, sc));
        case 'match':
            return e.arms.reduce((r, arm, i) => (i === 0 ? intRange(arm.body, sc) : hull(r, intRange(arm.body, sc))), null);
        default:
            return null;
    }
}
/**
 * the scope of a let's body: its name of the type its value is held in, whether
 * or not the word code has bound it yet (an action's statements after a choice
 * are compiled once per branch, and their types must come out the same each time)
 */
function within(e, sc) {
    return { local: (slot) => (slot === e.slot ? narrowed(e.v, sc) : sc.local(slot)), variable: sc.variable };
}
function binRange(e, sc) {
    const a = intRange(e.a, sc);
    const b = intRange(e.b, sc);
    if (!a || !b)
        return null;
    switch (e.op) {
        case '+':
            return [a[0] + b[0], a[1] + b[1]];
        case '-':
            return [a[0] - b[1], a[1] - b[0]];
        case '*': {
            const ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
            return [Math.min(...ps), Math.max(...ps)];
        }
        case '/': {
            // truncated toward zero (rt.div); a divisor is at least 1 in size, so |a / b| <= |a|
            if (b[0] === b[1] && b[0] !== 0) {
                const qs = [Math.trunc(a[0] / b[0]), Math.trunc(a[1] / b[0])];
                return [Math.min(...qs), Math.max(...qs)];
            }
            const m = Math.max(Math.abs(a[0]), Math.abs(a[1]));
            // of the dividend's sign where no divisor is negative
            return b[0] >= 0 ? [a[0] >= 0 ? 0 : -m, a[1] <= 0 ? 0 : m] : [-m, m];
        }
        case '%': {
            // the remainder takes the dividend's sign (rt.mod) and is smaller in size than both operands
            const m = Math.min(Math.max(Math.abs(b[0]), Math.abs(b[1])) - 1, Math.max(Math.abs(a[0]), Math.abs(a[1])));
            if (m < 0)
                return null; // a divisor of 0 only: the value path raises the error
            return [a[0] >= 0 ? 0 : -m, a[1] <= 0 ? 0 : m];
        }
        default:
            return null;
    }
}
function callRange(e, sc) {
    switch (e.fn) {
        case 'min':
        case 'max': {
            const a = intRange(e.args[0], sc);
            const b = intRange(e.args[1], sc);
            if (!a || !b)
                return null;
            const f = e.fn === 'min' ? Math.min : Math.max;
            return [f(a[0], b[0]), f(a[1], b[1])];
        }
        case 'card': {
            const t = narrowed(e.args[0], sc);
            return t.k === 'set' && Number.isFinite((0, types_1.size)(t.elem)) ? [0, (0, types_1.size)(t.elem)] : null;
        }
        case 'len': {
            const t = narrowed(e.args[0], sc);
            return t.k === 'seq' ? [0, t.cap] : null;
        }
        case 'head': {
            const t = narrowed(e.args[0], sc);
            return t.k === 'seq' ? ofType(t.elem) : null;
        }
        default:
            return null;
    }
}
/** two types of one kind made one that holds the values of both, where ints are what differ */
function join(a, b) {
    if (a.k === 'int' && b.k === 'int') {
        const r = hull(ofType(a), ofType(b));
        return r && { k: 'int', lo: r[0], hi: r[1] };
    }
    if (a.k === 'set' && b.k === 'set') {
        const elem = join(a.elem, b.elem);
        return elem && { k: 'set', elem };
    }
    if (a.k === 'seq' && b.k === 'seq') {
        const elem = join(a.elem, b.elem);
        return elem && { k: 'seq', elem, cap: Math.max(a.cap, b.cap) };
    }
    if (a.k === 'record' && b.k === 'record' && a.fields.length === b.fields.length) {
        // (fields by name: two literals may list them in other orders)
        const fields = [];
        for (const f of a.fields) {
            const g = b.fields.find((x) => x.name === f.name);
            const type = g && join(f.type, g.type);
            if (!type)
                return null;
            fields.push({ name: f.name, type });
        }
        return { k: 'record', fields };
    }
    if ((0, types_1.typeToString)(a) === (0, types_1.typeToString)(b))
        return a;
    return null;
}
function empty(e) {
    return (e.k === 'setlit' || e.k === 'seqlit') && e.elems.length === 0;
}
/**
 * One type that holds the values of a and of b (two sets or two sequences, or
 * two ints), or null: an empty literal takes the other side's type.
 */
function joined(a, b, sc) {
    if (empty(b))
        return narrowed(a, sc);
    if (empty(a))
        return narrowed(b, sc);
    return join(narrowed(a, sc), narrowed(b, sc));
}
/**
 * A type that holds every value e can take: e's own unless that is an
 * unbounded int, or a set or sequence of them (wide()), whose bounds are known
 * here. A local's is the type its binding was held in.
 */
function narrowed(e, sc) {
    if (e.k === 'local')
        return sc.local(e.slot) ?? e.ty;
    if (e.k === 'var')
        return sc.variable(e.index);
    if (!wide(e.ty))
        return e.ty;
    if (e.ty.k === 'int') {
        const r = intRange(e, sc);
        return r ? { k: 'int', lo: r[0], hi: r[1] } : e.ty;
    }
    let t = null;
    switch (e.k) {
        case 'setlit':
        case 'seqlit': {
            const r = e.elems.reduce((acc, x, i) => (i === 0 ? intRange(x, sc) : hull(acc, intRange(x, sc))), null);
            const elem = r && { k: 'int', lo: r[0], hi: r[1] };
            if (elem && e.ty.k === 'set')
                t = { k: 'set', elem };
            else if (elem && e.ty.k === 'seq')
                t = { k: 'seq', elem, cap: e.ty.cap };
            break;
        }
        case 'maplit':
            t = { k: 'map', dom: e.dom, rng: narrowed(e.body, sc) };
            break;
        case 'record':
            t = { k: 'record', fields: e.fields.map((f) => ({ name: f.name, type: narrowed(f.e, sc) })) };
            break;
        case 'bin':
            // a union holds both sides' ints, an intersection or difference only the left side's (the word
            // code computes those in one type that holds both sides, then takes the left side's bits)
            if (e.op === 'union')
                t = joined(e.a, e.b, sc);
            else if (e.op === 'inter' || e.op === '\\')
                t = narrowed(e.a, sc);
            break;
        case 'if':
            t = joined(e.a, e.b, sc);
            break;
        case 'let':
            t = narrowed(e.body, within(e, sc));
            break;
        case 'recUpdate':
        case 'mapUpdate':
            // of the updated value's type (a field or entry outside it is handed to the value path)
            t = narrowed(e.e, sc);
            break;
        case 'call':
            // a tail is of its argument's type; an append of a wider element is handed to the value path
            if (e.fn === 'tail' || e.fn === 'append')
                t = narrowed(e.args[0], sc);
            break;
    }
    return t && t.k === e.ty.k && !wide(t) ? t : e.ty;
}
//# sourceMappingURL=ranges.js.map