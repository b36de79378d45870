"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_UNROLL = void 0;
exports.fixedDomain = fixedDomain;
exports.evaluatedDomain = evaluatedDomain;
exports.writtenOut = writtenOut;
exports.unrolled = unrolled;
const shape_1 = require("./shape");
const ranges_1 = require("./ranges");
const types_1 = require("../src/runtime/types");
const values_1 = require("../src/runtime/values");
/** iterations written out at most (more: the action stays on the value path) */
exports.MAX_UNROLL = 64;
/** the values of a domain fixed before the run, each with the type of its literal; else why not */
function fixedDomain(d) {
    if (d.k === 'type') {
        const n = (0, types_1.size)(d.type);
        if (n > exports.MAX_UNROLL)
            return { why: `over ${n} values (at most ${exports.MAX_UNROLL} iterations are written out)` };
        return { values: (0, values_1.enumerate)(d.type).map((v) => ({ v, ty: d.type })) };
    }
    if (d.k === 'range') {
        // (the front end folds constant arithmetic: a bound fixed before the run is a literal, dsl/evaluate.ts foldConst)
        const lo = d.lo.k === 'lit' && typeof d.lo.v === 'number' ? d.lo.v : null;
        const hi = d.hi.k === 'lit' && typeof d.hi.v === 'number' ? d.hi.v : null;
        if (lo === null || hi === null)
            return { why: 'over a range whose bounds are not constants' };
        const n = Math.max(0, hi - lo + 1);
        if (n > exports.MAX_UNROLL)
            return { why: `over ${n} values (at most ${exports.MAX_UNROLL} iterations are written out)` };
        // (each literal's type is its value alone: what the word code knows of it)
        return { values: Array.from({ length: n }, (_, j) => ({ v: lo + j, ty: { k: 'int', lo: lo + j, hi: lo + j } })) };
    }
    return { why: 'over a set' };
}
const BOOL = { k: 'bool' };
/** (the tests written here raise no error: no span of theirs is ever shown) */
const NOWHERE = { start: 0, end: 0 };
const lit = (v, ty) => ({ k: 'lit', v, ty });
const local = (slot, name, ty) => ({ k: 'local', slot, name, ty });
/**
 * A domain evaluated in the step (a set, a range of computed bounds): lets
 * binding it to new locals, then per value it could take, the test that it
 * does; else why not
 */
function evaluatedDomain(d, name, fresh, sc) {
    if (d.k === 'set') {
        const elem = domainType(d, sc);
        if (!elem || !Number.isFinite((0, types_1.size)(elem)))
            return { why: 'over a set of unbounded ints' };
        const n = (0, types_1.size)(elem);
        if (n > exports.MAX_UNROLL)
            return { why: `over a set of ${n} possible elements (at most ${exports.MAX_UNROLL} iterations are written out)` };
        const slot = fresh();
        const dom = local(slot, `${name}_set`, d.e.ty);
        return {
            lets: [{ k: 'let', slot, name: `${name}_set`, v: d.e }],
            values: (0, values_1.enumerate)(elem)
                .sort(values_1.compare)
                .map((v) => ({ v, ty: elem, test: { k: 'bin', op: 'in', a: lit(v, elem), b: dom, ty: BOOL, span: NOWHERE } })),
        };
    }
    // a range of computed bounds
    const lo = (0, ranges_1.intRange)(d.lo, sc);
    const hi = (0, ranges_1.intRange)(d.hi, sc);
    if (!lo || !hi)
        return { why: 'over a range whose bounds have no known bounds' };
    const n = Math.max(0, hi[1] - lo[0] + 1);
    if (n > exports.MAX_UNROLL)
        return { why: `over a range of up to ${n} values (at most ${exports.MAX_UNROLL} iterations are written out)` };
    const [ls, hs] = [fresh(), fresh()];
    const L = local(ls, `${name}_lo`, d.lo.ty);
    const H = local(hs, `${name}_hi`, d.hi.ty);
    return {
        lets: [
            { k: 'let', slot: ls, name: `${name}_lo`, v: d.lo },
            { k: 'let', slot: hs, name: `${name}_hi`, v: d.hi },
        ],
        values: Array.from({ length: n }, (_, j) => {
            const v = lo[0] + j;
            const x = lit(v, { k: 'int', lo: v, hi: v });
            const test = {
                k: 'bin', op: '&&', ty: BOOL, span: NOWHERE,
                a: { k: 'bin', op: '<=', a: L, b: x, ty: BOOL, span: NOWHERE },
                b: { k: 'bin', op: '<=', a: x, b: H, ty: BOOL, span: NOWHERE },
            };
            return { v, ty: { k: 'int', lo: v, hi: v }, test };
        }),
    };
}
/** the type of the values a domain's variable takes, where known */
function domainType(d, sc) {
    if (d.k === 'type')
        return d.type;
    if (d.k === 'set') {
        const t = (0, ranges_1.narrowed)(d.e, sc);
        return t.k === 'set' ? t.elem : null;
    }
    const lo = (0, ranges_1.intRange)(d.lo, sc);
    const hi = (0, ranges_1.intRange)(d.hi, sc);
    return lo && hi ? { k: 'int', lo: lo[0], hi: Math.max(lo[0], hi[1]) } : null;
}
/**
 * `body` with every for that makes a choice written out (nested ones too), or
 * why it cannot be: a domain with too many possible values, or more than
 * `most` statements in all. `sc`: the bounds of the action's variables (ranges.ts)
 */
function writtenOut(body, fresh, most, sc) {
    let n = 0;
    // the types of the names the step binds before a loop (nothing is bound yet where this runs): a
    // bound of a range may be one
    const bound = new Map();
    const scope = { local: (slot) => bound.get(slot) ?? sc.local(slot), variable: sc.variable };
    const walk = (stmts) => {
        const out = [];
        for (const st of stmts) {
            if (st.k === 'let')
                bound.set(st.slot, (0, ranges_1.narrowed)(st.v, scope));
            if (st.k === 'with' || st.k === 'for') {
                const t = domainType(st.dom, scope);
                if (t)
                    bound.set(st.slot, t);
            }
            if (st.k === 'for' && (0, shape_1.branches)(st.body)) {
                const d = fixedDomain(st.dom);
                if (!('why' in d)) {
                    out.push(...walk(unrolled(st, d.values, fresh)));
                    continue;
                }
                const e = st.dom.k === 'type' ? d : evaluatedDomain(st.dom, st.name, fresh, scope);
                if ('why' in e)
                    throw new NotWritten(`a with or either inside a for ${e.why}`);
                // each iteration under the test that the domain holds its value
                const its = iterations(st, e.values, fresh);
                out.push(...e.lets, ...walk(e.values.map((x, j) => guarded(x.test, its[j]))));
                continue;
            }
            n++;
            if (n > most)
                throw new NotWritten(`its for loops written out make more than ${most} statements`);
            if (st.k === 'if')
                out.push({ ...st, then: walk(st.then), else: walk(st.else) });
            else if (st.k === 'with')
                out.push({ ...st, body: walk(st.body) });
            else if (st.k === 'either')
                out.push({ ...st, branches: st.branches.map(walk) });
            else
                out.push(st);
        }
        return out;
    };
    try {
        return { body: walk(body) };
    }
    catch (e) {
        if (e instanceof NotWritten)
            return { why: e.message };
        throw e;
    }
}
class NotWritten extends Error {
}
/**
 * An iteration run only where `test` holds. Where its one choice is an
 * either whose arms make none of their own, one such either: the test and the
 * iteration's other statements in each arm, and an arm for the test failing,
 * which makes no successor of its own but lets the rest of the step go on. The
 * word code writes the rest once after such an either, where it writes it in
 * both branches of an `if` (2^n copies for n iterations). Otherwise an `if`.
 */
function guarded(test, it) {
    const at = it.findIndex((s) => (0, shape_1.branches)([s]));
    const st = it[at];
    const alone = it.every((s, i) => i === at || !(0, shape_1.branches)([s]));
    if (st && st.k === 'either' && alone && !st.branches.some((b) => (0, shape_1.branches)(b))) {
        const holds = { k: 'await', c: test, span: NOWHERE };
        const fails = { k: 'await', c: { k: 'not', e: test, ty: BOOL }, span: NOWHERE };
        const [pre, post] = [it.slice(0, at), it.slice(at + 1)];
        return { k: 'either', branches: [...st.branches.map((b) => [holds, ...pre, ...b, ...post]), [fails]] };
    }
    return { k: 'if', c: test, then: it, else: [] };
}
/**
 * The iterations of `st` over `values`, one after another: per value, a let
 * binding the loop variable to it, then the body; the names bound in each
 * copy (the loop variable's included) on slots from `fresh`.
 */
function unrolled(st, values, fresh) {
    return iterations(st, values, fresh).flat();
}
/** the iterations of `st` over `values`, each on its own */
function iterations(st, values, fresh) {
    return values.map(({ v, ty }) => {
        const copy = renamed(st, fresh);
        return [{ k: 'let', slot: copy.slot, name: copy.name, v: lit(v, ty) }, ...copy.body];
    });
}
/** keys that hold no binding or use of a name (types, source spans): shared, not copied */
const OPAQUE = new Set(['ty', 'type', 'span']);
/**
 * A copy of `root` whose binders (let, with, for, quantifier, comprehension,
 * match binds: shape.ts slotsOf) take new slots, and the uses of those names
 * with them. A use of a slot bound inside refers to that binding: the front
 * end gives a name in scope a slot no binding inside it reuses.
 */
function renamed(root, fresh) {
    const binds = new Map();
    (0, shape_1.slotsOf)(root, new Map(), binds);
    const map = new Map([...binds.keys()].map((slot) => [slot, fresh()]));
    const copy = (x) => {
        if (Array.isArray(x))
            return x.map(copy);
        if (x === null || typeof x !== 'object')
            return x;
        const o = x;
        if (o.k === 'lit')
            return o;
        const c = {};
        for (const key of Object.keys(o)) {
            if (OPAQUE.has(key))
                c[key] = o[key];
            else if (key === 'slot' && typeof o.slot === 'number')
                c[key] = map.get(o.slot) ?? o.slot;
            else
                c[key] = copy(o[key]);
        }
        return c;
    };
    return copy(root);
}
//# sourceMappingURL=unroll.js.map