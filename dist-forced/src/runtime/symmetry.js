"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_SYMMETRIC = void 0;
exports.permutations = permutations;
exports.containsSym = containsSym;
exports.permute = permute;
exports.permuteState = permuteState;
exports.canonicalizer = canonicalizer;
exports.sliceKeyParts = sliceKeyParts;
exports.sortedSlices = sortedSlices;
exports.canonicalByKey = canonicalByKey;
// Symmetry reduction (`symmetric X`, docs/language.md "Symmetry"): the
// values of X are interchangeable, so the states of one orbit under the
// permutations of X's values are explored once, as the orbit's canonical
// representative. This file moves a value by a permutation, type-directed
// (every int of the type marked `sym: X` is mapped, every map over X has its
// entries moved, every set re-sorted), and picks the representative; the
// front end (dsl/symmetry.ts) proves that the spec cannot tell the
// permuted states apart. Shared by the reference interpreter and the
// generated checkers (through ops.ts), so both reduce to the same orbits.
const bits_1 = require("./bits");
const types_1 = require("./types");
const values_1 = require("./values");
/** The most values a symmetric set may have: 8! = 40320 permutations per state is already slow. */
exports.MAX_SYMMETRIC = 8;
/** Every permutation of 0..n-1 (perm[i] = π(i)), the identity first, in lexicographic order. */
function permutations(n) {
    const out = [];
    const cur = [];
    const used = new Array(n).fill(false);
    const rec = () => {
        if (cur.length === n) {
            out.push(Int32Array.from(cur));
            return;
        }
        for (let i = 0; i < n; i++) {
            if (used[i])
                continue;
            used[i] = true;
            cur.push(i);
            rec();
            cur.pop();
            used[i] = false;
        }
    };
    rec();
    return out;
}
const holds = new WeakMap();
/** Whether a value of `t` can contain a value of the symmetric type `name`. */
function containsSym(t, name) {
    const known = holds.get(t);
    if (known !== undefined)
        return known;
    let r;
    switch (t.k) {
        case 'bool':
            r = false;
            break;
        case 'int':
            r = t.sym === name;
            break;
        case 'union':
            r = t.tags.some((tag) => tag.fields.some((f) => containsSym(f.type, name)));
            break;
        case 'record':
            r = t.fields.some((f) => containsSym(f.type, name));
            break;
        case 'map':
            r = containsSym(t.dom, name) || containsSym(t.rng, name);
            break;
        case 'set':
        case 'seq':
            r = containsSym(t.elem, name);
            break;
    }
    holds.set(t, r);
    return r;
}
/**
 * `v` (of type `t`) with every value of the symmetric set moved by `perm`
 * (perm[i] = π(i), on ordinals): a map over the set has new[π(i)] = π(old[i]),
 * a set is mapped and sorted again. Pure: `v` is not changed; parts without
 * a value of the set are shared, not copied.
 */
function permute(t, v, sym, perm) {
    if (!containsSym(t, sym.name))
        return v;
    switch (t.k) {
        case 'int':
            return sym.lo + perm[v - sym.lo];
        case 'union': {
            if (typeof v === 'string')
                return v;
            const o = v;
            const out = { $: o.$ };
            for (const f of (0, types_1.findTag)(t, o.$).fields)
                out[f.name] = permute(f.type, o[f.name], sym, perm);
            return out;
        }
        case 'record': {
            const o = v;
            const out = {};
            for (const f of t.fields)
                out[f.name] = permute(f.type, o[f.name], sym, perm);
            return out;
        }
        case 'map': {
            const arr = v;
            const out = new Array(arr.length);
            if (t.dom.k === 'int' && t.dom.sym === sym.name) {
                for (let i = 0; i < arr.length; i++)
                    out[perm[i]] = permute(t.rng, arr[i], sym, perm);
            }
            else if (containsSym(t.dom, sym.name)) {
                // a domain that holds values of the set (a record, a tag): entry k moves to the ordinal of its permuted key
                for (let i = 0; i < arr.length; i++)
                    out[(0, values_1.ord)(t.dom, permute(t.dom, (0, values_1.val)(t.dom, i), sym, perm))] = permute(t.rng, arr[i], sym, perm);
            }
            else {
                for (let i = 0; i < arr.length; i++)
                    out[i] = permute(t.rng, arr[i], sym, perm);
            }
            return out;
        }
        case 'set':
            return (0, values_1.setFromArray)(v.map((x) => permute(t.elem, x, sym, perm)));
        case 'seq':
            return v.map((x) => permute(t.elem, x, sym, perm));
        case 'bool':
            return v;
    }
}
/** A state (one value per variable) moved by `perm`; the variables without a value of the set are shared. */
function permuteState(types, s, sym, perm) {
    const out = new Array(s.length);
    for (let i = 0; i < s.length; i++)
        out[i] = permute(types[i], s[i], sym, perm);
    return out;
}
/**
 * The canonical representative of a state's orbit, for the generated
 * checkers. When the set's values occur only as indices (every variable
 * that holds one is a map over the set whose entries hold none: a process's
 * pcs and locals, per-thread flags), a permutation only reorders the
 * indices' slices (the entries at one index across those maps), so the
 * states of an orbit have the same slices, and sorting them gives one
 * representative in n log n comparisons; this is done on the packed words
 * (sortedSlices). Otherwise (values of the set stored in variables, sets or
 * sequences of them) each of the n! permutations is applied and the state
 * whose packed words are smallest (most significant word first) is kept;
 * `encode` is the module's own. Either way the state given is not changed;
 * the function returned packs its representative into w[o..].
 */
function canonicalizer(types, sym, words, encode, fields, 
/** the module's own slice sort, specialised to its layout (generator/emit.ts sliceSort), where it has one */
sortSlices) {
    const sort = sortSlices ?? sortedSlices(types, sym, fields);
    if (sort)
        return (n, w, o) => {
            encode(n, w, o);
            sort(w, o);
        };
    const smallest = smallestWords(types, sym, words, encode);
    return (n, w, o) => encode(smallest(n), w, o);
}
/**
 * A generated slice sort's table for one map of `radix`-valued entries over
 * k indices, packed as one field (generator/emit.ts sliceSort): at x·k + j,
 * digit j of the field value x times the map's weight in a slice's key.
 */
function sliceKeyParts(radix, k, weight, int) {
    const n = radix ** k;
    const parts = int ? new Int32Array(n * k) : new Float64Array(n * k);
    for (let x = 0; x < n; x++)
        for (let j = 0, y = x; j < k; j++, y = Math.floor(y / radix))
            parts[x * k + j] = (y % radix) * weight;
    return parts;
}
/**
 * The slice sort on packed words, when the set's values occur only as map
 * indices (else null): it puts the slices in order and says whether it moved
 * any. A slice is compared as the list of its entries' bits, variable by
 * variable: any total order of slices gives one representative per orbit,
 * and this one needs no values. A map packed as one field holds its entries
 * as digits of radix |range| (values.ts `ord`), entry i the i-th digit; a map
 * too large for one field (emit.ts) holds entry i at its own bits, read here
 * in pieces of at most 32 bits.
 */
function sortedSlices(types, sym, fields) {
    const k = sym.size;
    // one key per (map, piece): a digit of a one-field map, or a piece of an entry's own bits
    const digit = [];
    const piece = [];
    for (let i = 0; i < types.length; i++) {
        const t = types[i];
        if (!containsSym(t, sym.name))
            continue;
        if (t.k !== 'map' || !(t.dom.k === 'int' && t.dom.sym === sym.name) || containsSym(t.rng, sym.name))
            return null;
        const f = fields[i];
        if (f.width === 0)
            continue; // one value: every slice has the same entry
        if ((0, types_1.size)(t) <= types_1.MAX_FIELD) {
            const radix = (0, types_1.size)(t.rng);
            digit.push({ bit: f.bit, width: f.width, radix, pow: Array.from({ length: k }, (_, j) => radix ** j) });
        }
        else {
            const stride = (0, types_1.packedWidth)(t.rng);
            for (let b = 0; b < stride; b += 32)
                piece.push({ bit: f.bit + b, stride, width: Math.min(32, stride - b) });
        }
    }
    const C = digit.length + piece.length;
    const key = new Float64Array(k * C);
    const order = new Int32Array(k);
    const less = (a, b) => {
        for (let c = 0; c < C; c++) {
            const d = key[a * C + c] - key[b * C + c];
            if (d !== 0)
                return d < 0;
        }
        return false;
    };
    return (w, o) => {
        for (let c = 0; c < digit.length; c++) {
            const d = digit[c];
            let x = (0, bits_1.getBits)(w, o, d.bit, d.width);
            for (let j = 0; j < k; j++) {
                key[j * C + c] = x % d.radix;
                x = Math.floor(x / d.radix);
            }
        }
        for (let c = 0; c < piece.length; c++) {
            const p = piece[c];
            for (let j = 0; j < k; j++)
                key[j * C + digit.length + c] = (0, bits_1.getBits)(w, o, p.bit + j * p.stride, p.width);
        }
        // already in order: the state is its own representative (the common case is cheap)
        let sorted = true;
        for (let j = 1; j < k && sorted; j++)
            if (less(j, j - 1))
                sorted = false;
        if (sorted)
            return false;
        // insertion sort of at most MAX_SYMMETRIC indices; equal slices keep their order, which does not matter
        for (let j = 0; j < k; j++)
            order[j] = j;
        for (let j = 1; j < k; j++) {
            const cur = order[j];
            let i = j - 1;
            for (; i >= 0 && less(cur, order[i]); i--)
                order[i + 1] = order[i];
            order[i + 1] = cur;
        }
        for (let c = 0; c < digit.length; c++) {
            const d = digit[c];
            let x = 0;
            for (let j = 0; j < k; j++)
                x += key[order[j] * C + c] * d.pow[j];
            (0, bits_1.clearBits)(w, o, d.bit, d.width);
            (0, bits_1.putBits)(w, o, d.bit, d.width, x);
        }
        for (let c = 0; c < piece.length; c++) {
            const p = piece[c];
            for (let j = 0; j < k; j++) {
                (0, bits_1.clearBits)(w, o, p.bit + j * p.stride, p.width);
                (0, bits_1.putBits)(w, o, p.bit + j * p.stride, p.width, key[order[j] * C + digit.length + c]);
            }
        }
        return true;
    };
}
/** The representative with the smallest packed words, over all n! permutations. */
function smallestWords(types, sym, words, encode) {
    const perms = permutations(sym.size);
    const moving = types.map((t) => containsSym(t, sym.name));
    const best = new Uint32Array(words);
    const cand = new Uint32Array(words);
    return (n) => {
        encode(n, best, 0);
        let out = n;
        for (let p = 1; p < perms.length; p++) {
            const perm = perms[p];
            const m = new Array(n.length);
            for (let i = 0; i < n.length; i++)
                m[i] = moving[i] ? permute(types[i], n[i], sym, perm) : n[i];
            encode(m, cand, 0);
            let c = 0;
            for (let w = 0; w < words && c === 0; w++)
                c = cand[w] - best[w];
            if (c < 0) {
                best.set(cand);
                out = m;
            }
        }
        return out;
    };
}
/**
 * The same for the reference interpreter, whose states are keyed by their
 * JSON text: the permuted state with the smallest key, and that key.
 */
function canonicalByKey(types, sym, key) {
    const perms = permutations(sym.size);
    return (s) => {
        let bestS = s;
        let bestK = key(s);
        for (let p = 1; p < perms.length; p++) {
            const m = permuteState(types, s, sym, perms[p]);
            const k = key(m);
            if (k < bestK) {
                bestK = k;
                bestS = m;
            }
        }
        return { s: bestS, key: bestK };
    };
}
//# sourceMappingURL=symmetry.js.map