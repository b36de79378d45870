"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.miniscope = miniscope;
exports.inDomain = inDomain;
const types_1 = require("../src/runtime/types");
const BOOL = { k: 'bool' };
/** `e` with its quantifiers narrowed; `e` itself when none was. */
function miniscope(e) {
    if (e.k !== 'quant')
        return e;
    const body = miniscope(e.body);
    const q = body === e.body ? e : { ...e, body };
    return narrow(q) ?? q;
}
function narrow(e) {
    if (e.dom.k !== 'type' || (0, types_1.size)(e.dom.type) === 0)
        return null;
    const join = e.q === 'forall' ? '||' : '&&';
    const parts = split(e.body, join);
    if (!parts)
        return null;
    const [a, b] = parts;
    const inner = (body) => miniscope({ ...e, body });
    if (!mentions(a, e.slot))
        return bin(join, a, inner(b));
    if (!mentions(b, e.slot) && cannotFail(a, new Map([[e.slot, e.dom.type]])))
        return bin(join, inner(a), b);
    return null;
}
/** `e` as `a op b`, reading `!(x && y)` as `!x || !y` and `x => y` as `!x || y` */
function split(e, op) {
    if (e.k === 'bin' && e.op === op)
        return [e.a, e.b];
    if (op === '||' && e.k === 'bin' && e.op === '=>')
        return [not(e.a), e.b];
    if (op === '||' && e.k === 'not' && e.e.k === 'bin' && e.e.op === '&&')
        return [not(e.e.a), not(e.e.b)];
    if (op === '&&' && e.k === 'not' && e.e.k === 'bin' && e.e.op === '||')
        return [not(e.e.a), not(e.e.b)];
    return null;
}
function not(e) {
    return { k: 'not', e, ty: BOOL };
}
function bin(op, a, b) {
    // the emitter reads no span; the rewritten text is the quantifier's own, which has none
    return { k: 'bin', op, a, b, ty: BOOL, span: { start: 0, end: 0 } };
}
/** whether local `slot` occurs in `e` (any binder of the same slot inside counts too: conservative) */
function mentions(e, slot) {
    if (e === null || typeof e !== 'object')
        return false;
    if (Array.isArray(e))
        return e.some((x) => mentions(x, slot));
    const o = e;
    if (typeof o.k === 'string' && o.slot === slot)
        return true;
    for (const key in o)
        if (key !== 'ty' && key !== 'span' && key !== 'dom' && key !== 'type' && mentions(o[key], slot))
            return true;
    // a domain holds expressions (ranges, sets) as well as types
    return o.dom !== undefined && typeof o.dom === 'object' && mentions(domainExprs(o.dom), slot);
}
function domainExprs(d) {
    if ('k' in d && d.k === 'range')
        return [d.lo, d.hi];
    if ('k' in d && d.k === 'set' && 'e' in d)
        return [d.e];
    return [];
}
/**
 * Whether evaluating `e` can never raise an error: reads of variables and
 * of locals bound over a type (`typed`: their domains), literals, logic,
 * comparisons, `+ - *`, tag tests, and map reads whose index is one of those
 * locals or a literal within the map's domain. Conservative: anything else
 * (division, sequences, union fields, matches, sets...) counts as failing.
 */
function cannotFail(e, typed) {
    switch (e.k) {
        case 'lit':
        case 'var':
            return true;
        case 'local':
            return typed.has(e.slot);
        case 'not':
        case 'neg':
            return cannotFail(e.e, typed);
        case 'is':
            return cannotFail(e.e, typed);
        case 'if':
            return cannotFail(e.c, typed) && cannotFail(e.a, typed) && cannotFail(e.b, typed);
        case 'bin':
            return ['=>', '||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*'].includes(e.op) && cannotFail(e.a, typed) && cannotFail(e.b, typed);
        case 'mapIndex':
            return cannotFail(e.e, typed) && inDomain(e.i, e.dom, typed);
        case 'quant': {
            if (e.dom.k !== 'type')
                return false;
            const inner = new Map(typed);
            inner.set(e.slot, e.dom.type);
            return cannotFail(e.body, inner);
        }
        default:
            return false;
    }
}
/**
 * An index that is always a key of a map over `dom`: a literal key, or a
 * local bound over a type within `dom` (`typed`: such locals' types, by
 * slot). The emitter reads such an index without a bounds check.
 */
function inDomain(i, dom, typed) {
    if (i.k === 'lit')
        return dom.k === 'int' ? typeof i.v === 'number' && Number.isInteger(i.v) && i.v >= dom.lo && i.v <= dom.hi : false;
    if (i.k !== 'local')
        return false;
    const t = typed.get(i.slot);
    if (!t)
        return false;
    if (dom.k === 'int' && t.k === 'int')
        return t.lo >= dom.lo && t.hi <= dom.hi;
    return JSON.stringify(t) === JSON.stringify(dom);
}
//# sourceMappingURL=miniscope.js.map