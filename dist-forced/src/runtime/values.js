"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ENUMERATED = exports.EvalError = void 0;
exports.equals = equals;
exports.compare = compare;
exports.setFromArray = setFromArray;
exports.setHas = setHas;
exports.tagOf = tagOf;
exports.ord = ord;
exports.val = val;
exports.enumerate = enumerate;
exports.toJSON = toJSON;
exports.show = show;
exports.setIn = setIn;
// The run-time representation of values, shared by the reference interpreter
// and the generated checkers, and the bijection between the values of a
// finite type and 0..size-1 (ordinals) used to pack states into integers.
//
// Representation: bool → boolean; int → number; nullary tag → its name
// (string); tag with fields → { $: tag, field: value, ... }; record → object;
// map → array indexed by the ordinal of the domain value; set → array sorted
// by compare(); seq → array.
const types_1 = require("./types");
/** A failure while evaluating a spec (a value out of its type, a bad index...). */
class EvalError extends Error {
    constructor(message) {
        super(message);
        this.name = 'EvalError';
    }
}
exports.EvalError = EvalError;
function equals(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!equals(a[i], b[i]))
                return false;
        return true;
    }
    if (Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length)
        return false;
    for (const k of ka)
        if (!(k in b) || !equals(a[k], b[k]))
            return false;
    return true;
}
function kindRank(v) {
    if (typeof v === 'boolean')
        return 0;
    if (typeof v === 'number')
        return 1;
    if (typeof v === 'string')
        return 2;
    if (Array.isArray(v))
        return 3;
    return 4;
}
/** A total order on values, used to keep sets canonical (sorted, no duplicates). */
function compare(a, b) {
    const ra = kindRank(a);
    const rb = kindRank(b);
    if (ra !== rb)
        return ra - rb;
    switch (ra) {
        case 0:
            return (a ? 1 : 0) - (b ? 1 : 0);
        case 1:
            return a - b;
        case 2:
            return a < b ? -1 : a > b ? 1 : 0;
        case 3: {
            const x = a;
            const y = b;
            if (x.length !== y.length)
                return x.length - y.length;
            for (let i = 0; i < x.length; i++) {
                const c = compare(x[i], y[i]);
                if (c !== 0)
                    return c;
            }
            return 0;
        }
        default: {
            const x = a;
            const y = b;
            const kx = Object.keys(x).sort();
            const ky = Object.keys(y).sort();
            if (kx.length !== ky.length)
                return kx.length - ky.length;
            for (let i = 0; i < kx.length; i++) {
                if (kx[i] !== ky[i])
                    return kx[i] < ky[i] ? -1 : 1;
                const c = compare(x[kx[i]], y[ky[i]]);
                if (c !== 0)
                    return c;
            }
            return 0;
        }
    }
}
function setFromArray(xs) {
    const s = xs.slice().sort(compare);
    const out = [];
    for (const x of s)
        if (out.length === 0 || compare(out[out.length - 1], x) !== 0)
            out.push(x);
    return out;
}
function setHas(s, x) {
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = compare(s[mid], x);
        if (c === 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}
function tagOf(v) {
    return typeof v === 'string' ? v : v.$;
}
/** Ordinal of `v` in type `t`; throws EvalError when `v` is not a value of `t`. */
function ord(t, v) {
    switch (t.k) {
        case 'bool':
            return v ? 1 : 0;
        case 'int': {
            const n = v;
            if (n < t.lo || n > t.hi || !Number.isInteger(n))
                throw new EvalError(`value ${n} is outside ${(0, types_1.typeToString)(t)}`);
            return n - t.lo;
        }
        case 'union': {
            const tag = tagOf(v);
            let offset = 0;
            for (const ti of t.tags) {
                if (ti.name === tag) {
                    let o = 0;
                    let radix = 1;
                    for (const f of ti.fields) {
                        o += ord(f.type, v[f.name]) * radix;
                        radix *= (0, types_1.size)(f.type);
                    }
                    return offset + o;
                }
                offset += ti.fields.reduce((m, f) => m * (0, types_1.size)(f.type), 1);
            }
            throw new EvalError(`${String(tag)} is not a tag of ${t.name}`);
        }
        case 'record': {
            let o = 0;
            let radix = 1;
            for (const f of t.fields) {
                o += ord(f.type, v[f.name]) * radix;
                radix *= (0, types_1.size)(f.type);
            }
            return o;
        }
        case 'map': {
            const arr = v;
            const r = (0, types_1.size)(t.rng);
            let o = 0;
            let radix = 1;
            for (let i = 0; i < arr.length; i++) {
                o += ord(t.rng, arr[i]) * radix;
                radix *= r;
            }
            return o;
        }
        case 'set': {
            let o = 0;
            for (const e of v)
                o += Math.pow(2, ord(t.elem, e));
            return o;
        }
        case 'seq': {
            const arr = v;
            if (arr.length > t.cap)
                throw new EvalError(`sequence of length ${arr.length} exceeds its capacity ${t.cap}`);
            const e = (0, types_1.size)(t.elem);
            let offset = 0;
            for (let l = 0; l < arr.length; l++)
                offset += Math.pow(e, l);
            let o = 0;
            let radix = 1;
            for (const x of arr) {
                o += ord(t.elem, x) * radix;
                radix *= e;
            }
            return offset + o;
        }
    }
}
/** The value of ordinal `i` in type `t` (inverse of ord). */
function val(t, i) {
    switch (t.k) {
        case 'bool':
            return i === 1;
        case 'int':
            return t.lo + i;
        case 'union': {
            for (const ti of t.tags) {
                const n = ti.fields.reduce((m, f) => m * (0, types_1.size)(f.type), 1);
                if (i < n) {
                    if (ti.fields.length === 0)
                        return ti.name;
                    const o = { $: ti.name };
                    for (const f of ti.fields) {
                        const s = (0, types_1.size)(f.type);
                        o[f.name] = val(f.type, i % s);
                        i = Math.floor(i / s);
                    }
                    return o;
                }
                i -= n;
            }
            throw new EvalError(`ordinal out of range for ${t.name}`);
        }
        case 'record': {
            const o = {};
            for (const f of t.fields) {
                const s = (0, types_1.size)(f.type);
                o[f.name] = val(f.type, i % s);
                i = Math.floor(i / s);
            }
            return o;
        }
        case 'map': {
            const n = (0, types_1.size)(t.dom);
            const r = (0, types_1.size)(t.rng);
            const arr = new Array(n);
            for (let k = 0; k < n; k++) {
                arr[k] = val(t.rng, i % r);
                i = Math.floor(i / r);
            }
            return arr;
        }
        case 'set': {
            const out = [];
            const n = (0, types_1.size)(t.elem);
            for (let k = 0; k < n; k++) {
                if (Math.floor(i / Math.pow(2, k)) % 2 === 1)
                    out.push(val(t.elem, k));
            }
            return setFromArray(out);
        }
        case 'seq': {
            const e = (0, types_1.size)(t.elem);
            let len = 0;
            while (i >= Math.pow(e, len)) {
                i -= Math.pow(e, len);
                len++;
            }
            const arr = [];
            for (let k = 0; k < len; k++) {
                arr.push(val(t.elem, i % e));
                i = Math.floor(i / e);
            }
            return arr;
        }
    }
}
/** Every value of a finite type, in ordinal order. */
/** The most values a type or range may have to be enumerated one by one. */
exports.MAX_ENUMERATED = 1 << 20;
function enumerate(t) {
    const n = (0, types_1.size)(t);
    if (!Number.isFinite(n) || n > exports.MAX_ENUMERATED)
        throw new EvalError(`cannot enumerate ${(0, types_1.typeToString)(t)}: ${Number.isFinite(n) ? n : 'too many'} values, at most ${exports.MAX_ENUMERATED}`);
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(val(t, i));
    return out;
}
/** Plain JSON form used in traces and --json output. */
function toJSON(t, v) {
    switch (t.k) {
        case 'bool':
        case 'int':
            return v;
        case 'union': {
            if (typeof v === 'string')
                return v;
            const ti = t.tags.find((x) => x.name === v.$);
            const o = { tag: ti.name };
            for (const f of ti.fields)
                o[f.name] = toJSON(f.type, v[f.name]);
            return o;
        }
        case 'record': {
            const o = {};
            for (const f of t.fields)
                o[f.name] = toJSON(f.type, v[f.name]);
            return o;
        }
        case 'map': {
            const o = {};
            const arr = v;
            const keys = domainKeys(t.dom, arr.length);
            for (let i = 0; i < arr.length; i++)
                o[keys[i]] = toJSON(t.rng, arr[i]);
            return o;
        }
        case 'set':
        case 'seq':
            return v.map((x) => toJSON(t.elem, x));
    }
}
/**
 * The JSON keys of a map's domain, built once per domain type: the conformance
 * spec target turns every successor state into JSON, and making each key again
 * (a value, then its string) was a fifth of that run's time.
 */
const keysOf = new WeakMap();
function domainKeys(dom, n) {
    let keys = keysOf.get(dom);
    if (!keys || keys.length < n) {
        keys = Array.from({ length: n }, (_, i) => keyString(val(dom, i)));
        keysOf.set(dom, keys);
    }
    return keys;
}
function keyString(v) {
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
/** TLA+-like text form used in human-readable traces. */
function show(t, v) {
    switch (t.k) {
        case 'bool':
        case 'int':
            return String(v);
        case 'union': {
            if (typeof v === 'string')
                return v;
            const ti = t.tags.find((x) => x.name === v.$);
            return `${ti.name}{${ti.fields.map((f) => `${f.name}: ${show(f.type, v[f.name])}`).join(', ')}}`;
        }
        case 'record':
            return `{${t.fields.map((f) => `${f.name}: ${show(f.type, v[f.name])}`).join(', ')}}`;
        case 'map': {
            const arr = v;
            return `[${arr.map((x, i) => `${show(t.dom, val(t.dom, i))} |-> ${show(t.rng, x)}`).join(', ')}]`;
        }
        case 'set':
            return `{${v.map((x) => show(t.elem, x)).join(', ')}}`;
        case 'seq':
            return `<<${v.map((x) => show(t.elem, x)).join(', ')}>>`;
    }
}
/** Copy-on-write update of the part of `v` at `keys` (field names, ordinals,
 *  sequence positions). Missing containers are created (init has no previous
 *  value to update). */
function setIn(v, keys, x, t, from = 0) {
    if (from === keys.length)
        return x;
    const k = keys[from];
    if (typeof k === 'number') {
        const arr = v === undefined ? new Array(t.k === 'map' ? (0, types_1.size)(t.dom) : 0).fill(undefined) : v.slice();
        if (t.k === 'seq' && (k < 0 || k >= arr.length))
            throw new EvalError(`index ${k} is outside a sequence of length ${arr.length}`);
        const inner = t.k === 'map' ? t.rng : t.k === 'seq' ? t.elem : t;
        arr[k] = setIn(arr[k], keys, x, inner, from + 1);
        return arr;
    }
    const obj = v === undefined ? {} : { ...v };
    let inner = t;
    if (t.k === 'record')
        inner = t.fields.find((f) => f.name === k).type;
    else if (t.k === 'union') {
        const tag = t.tags.find((tg) => tg.name === obj.$);
        const f = tag?.fields.find((ff) => ff.name === k);
        if (!f)
            throw new EvalError(`${String(obj.$ ?? v)} has no field ${k}`);
        inner = f.type;
    }
    obj[k] = setIn(obj[k], keys, x, inner, from + 1);
    return obj;
}
//# sourceMappingURL=values.js.map