"use strict";
// Finite types of the language, after resolution. Every type of a state
// variable is finite; `int` with infinite bounds exists only for intermediate
// arithmetic results (checked against a range when stored).
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_FIELD = exports.INT = exports.BOOL = void 0;
exports.isFinite = isFinite;
exports.size = size;
exports.packable = packable;
exports.packedWidth = packedWidth;
exports.typeToString = typeToString;
exports.assignable = assignable;
exports.join = join;
exports.findTag = findTag;
exports.BOOL = { k: 'bool' };
exports.INT = { k: 'int', lo: -Infinity, hi: Infinity };
function isFinite(t) {
    return Number.isFinite(size(t));
}
/** Number of values of a type (Infinity for unbounded ints or beyond 2^53). */
function size(t) {
    switch (t.k) {
        case 'bool':
            return 2;
        case 'int':
            return t.hi - t.lo + 1;
        case 'union':
            return t.tags.reduce((n, tag) => n + tag.fields.reduce((m, f) => m * size(f.type), 1), 0);
        case 'record':
            return t.fields.reduce((m, f) => m * size(f.type), 1);
        case 'map':
            return Math.pow(size(t.rng), size(t.dom));
        case 'set':
            return Math.pow(2, size(t.elem));
        case 'seq': {
            // (a sum of cap + 1 powers: a capacity of 10^11, which a typo makes, must not take minutes)
            const e = size(t.elem);
            if (e <= 1)
                return e === 1 ? t.cap + 1 : 1;
            let n = 0;
            for (let l = 0; l <= t.cap && n !== Infinity; l++)
                n += Math.pow(e, l);
            return n;
        }
    }
}
/** The most values a packed field may have: its ordinal must be exact in a double. */
exports.MAX_FIELD = 2 ** 52;
/**
 * Whether a variable of this type can be packed: its values number at most
 * MAX_FIELD, or it is a map whose values can be packed (then each entry is a
 * field of its own, so a map over many keys is no limit).
 */
function packable(t) {
    return size(t) <= exports.MAX_FIELD || (t.k === 'map' && packable(t.rng));
}
/** The bits a value of a packable type takes: one field, or one per map entry. */
function packedWidth(t) {
    const n = size(t);
    if (n <= exports.MAX_FIELD)
        return n <= 1 ? 0 : Math.ceil(Math.log2(n));
    if (t.k !== 'map')
        throw new Error(`${typeToString(t)} cannot be packed`);
    return size(t.dom) * packedWidth(t.rng);
}
function typeToString(t) {
    switch (t.k) {
        case 'bool':
            return 'bool';
        case 'int':
            return Number.isFinite(t.lo) ? `${t.lo}..${t.hi}` : 'int';
        case 'union':
            return t.name;
        case 'record':
            return `{ ${t.fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ')} }`;
        case 'map':
            return `[${typeToString(t.dom)}] -> ${typeToString(t.rng)}`;
        case 'set':
            return `set<${typeToString(t.elem)}>`;
        case 'seq':
            return `seq<${typeToString(t.elem)}, ${t.cap}>`;
    }
}
/** Whether a value of type `src` may be used where `dst` is expected.
 *  Integer ranges are compatible with each other: bounds are checked when a
 *  value is stored, as in TLA+ where a type is an invariant. */
function assignable(dst, src) {
    if (dst.k !== src.k)
        return false;
    switch (dst.k) {
        case 'bool':
        case 'int':
            return true;
        case 'union':
            return dst.name === src.name;
        case 'record': {
            const s = src;
            return (s.fields.length === dst.fields.length &&
                dst.fields.every((f) => {
                    const g = s.fields.find((x) => x.name === f.name);
                    return g !== undefined && assignable(f.type, g.type);
                }));
        }
        case 'map': {
            const s = src;
            return assignable(dst.dom, s.dom) && assignable(s.dom, dst.dom) && assignable(dst.rng, s.rng);
        }
        case 'set':
            return assignable(dst.elem, src.elem);
        case 'seq':
            return assignable(dst.elem, src.elem);
    }
}
/** The common type of two compatible types (for if/then/else, set literals, ==). */
function join(a, b) {
    if (!assignable(a, b) && !assignable(b, a))
        return null;
    if (a.k === 'int' && b.k === 'int')
        return { k: 'int', lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
    if (a.k === 'set' && b.k === 'set') {
        const e = join(a.elem, b.elem);
        return e ? { k: 'set', elem: e } : null;
    }
    if (a.k === 'seq' && b.k === 'seq') {
        const e = join(a.elem, b.elem);
        return e ? { k: 'seq', elem: e, cap: Math.max(a.cap, b.cap) } : null;
    }
    return a;
}
function findTag(t, tag) {
    return t.k === 'union' ? t.tags.find((x) => x.name === tag) : undefined;
}
//# sourceMappingURL=types.js.map