"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.putBits = exports.getBits = exports.clearBits = exports.sliceKeyParts = exports.canonicalizer = exports.makeStep = exports.val = exports.toJSON = exports.tagOf = exports.setIn = exports.setHas = exports.setFromArray = exports.ord = exports.equals = exports.enumerate = exports.compare = exports.EvalError = void 0;
exports.div = div;
exports.mod = mod;
exports.assignedTwice = assignedTwice;
exports.idx = idx;
exports.stored = stored;
exports.storedOrd = storedOrd;
exports.seqAt = seqAt;
exports.head = head;
exports.tail = tail;
exports.unionField = unionField;
exports.range = range;
exports.setUnion = setUnion;
exports.setInter = setInter;
exports.setMinus = setMinus;
exports.subseteq = subseteq;
exports.mapSet = mapSet;
exports.inType = inType;
exports.intern = intern;
exports.noMatch = noMatch;
// The small runtime that generated checkers call (SPIN-style: the verifier
// is generated, the runtime stays small). Everything here is a pure function
// on values of src/runtime/values.ts.
const types_1 = require("./types");
const values_1 = require("./values");
Object.defineProperty(exports, "EvalError", { enumerable: true, get: function () { return values_1.EvalError; } });
Object.defineProperty(exports, "compare", { enumerable: true, get: function () { return values_1.compare; } });
Object.defineProperty(exports, "enumerate", { enumerable: true, get: function () { return values_1.enumerate; } });
Object.defineProperty(exports, "equals", { enumerable: true, get: function () { return values_1.equals; } });
Object.defineProperty(exports, "ord", { enumerable: true, get: function () { return values_1.ord; } });
Object.defineProperty(exports, "setFromArray", { enumerable: true, get: function () { return values_1.setFromArray; } });
Object.defineProperty(exports, "setHas", { enumerable: true, get: function () { return values_1.setHas; } });
Object.defineProperty(exports, "setIn", { enumerable: true, get: function () { return values_1.setIn; } });
Object.defineProperty(exports, "tagOf", { enumerable: true, get: function () { return values_1.tagOf; } });
Object.defineProperty(exports, "toJSON", { enumerable: true, get: function () { return values_1.toJSON; } });
Object.defineProperty(exports, "val", { enumerable: true, get: function () { return values_1.val; } });
var step_1 = require("./step");
Object.defineProperty(exports, "makeStep", { enumerable: true, get: function () { return step_1.makeStep; } });
var symmetry_1 = require("./symmetry");
Object.defineProperty(exports, "canonicalizer", { enumerable: true, get: function () { return symmetry_1.canonicalizer; } });
Object.defineProperty(exports, "sliceKeyParts", { enumerable: true, get: function () { return symmetry_1.sliceKeyParts; } });
var bits_1 = require("./bits");
Object.defineProperty(exports, "clearBits", { enumerable: true, get: function () { return bits_1.clearBits; } });
Object.defineProperty(exports, "getBits", { enumerable: true, get: function () { return bits_1.getBits; } });
Object.defineProperty(exports, "putBits", { enumerable: true, get: function () { return bits_1.putBits; } });
function div(a, b) {
    if (b === 0)
        throw new values_1.EvalError('division by zero');
    return Math.trunc(a / b);
}
function mod(a, b) {
    if (b === 0)
        throw new values_1.EvalError('division by zero');
    return a % b;
}
/** bounds-checked position in a map's domain of `n` values */
/** two assignments of one step wrote the same part of variable `name` (their run-time indices were equal) */
function assignedTwice(name) {
    throw new values_1.EvalError(`${name} is assigned twice in one step`);
}
function idx(i, n, shown) {
    if (!(i >= 0 && i < n) || !Number.isInteger(i))
        throw new values_1.EvalError(`index ${JSON.stringify(shown)} is outside the map's domain`);
    return i;
}
/** bounds-checked ordinal of the value `shown` stored in variable `name` of type `type` (state encoding) */
function stored(i, n, shown, name, type) {
    if (!(i >= 0 && i < n) || !Number.isInteger(i))
        throw new values_1.EvalError(`variable ${name}: value ${JSON.stringify(shown)} is outside ${type}`);
    return i;
}
/** ord() for a value stored in variable `name`, its errors naming the variable */
function storedOrd(t, v, name) {
    try {
        return (0, values_1.ord)(t, v);
    }
    catch (e) {
        if (e instanceof values_1.EvalError)
            throw new values_1.EvalError(`variable ${name}: ${e.message}`);
        throw e;
    }
}
function seqAt(s, i) {
    if (i < 0 || i >= s.length)
        throw new values_1.EvalError(`index ${i} is outside a sequence of length ${s.length}`);
    return s[i];
}
function head(s) {
    if (s.length === 0)
        throw new values_1.EvalError('head of an empty sequence');
    return s[0];
}
function tail(s) {
    if (s.length === 0)
        throw new values_1.EvalError('tail of an empty sequence');
    return s.slice(1);
}
function unionField(v, f) {
    if (typeof v === 'string' || !(f in v))
        throw new values_1.EvalError(`${(0, values_1.tagOf)(v)} has no field ${f}`);
    return v[f];
}
function range(lo, hi) {
    if (hi - lo + 1 > values_1.MAX_ENUMERATED)
        throw new values_1.EvalError(`cannot enumerate ${lo}..${hi}: ${hi - lo + 1} values, at most ${values_1.MAX_ENUMERATED}`);
    const out = [];
    for (let i = lo; i <= hi; i++)
        out.push(i);
    return out;
}
function setUnion(a, b) {
    return (0, values_1.setFromArray)([...a, ...b]);
}
function setInter(a, b) {
    return a.filter((x) => (0, values_1.setHas)(b, x));
}
function setMinus(a, b) {
    return a.filter((x) => !(0, values_1.setHas)(b, x));
}
function subseteq(a, b) {
    return a.every((x) => (0, values_1.setHas)(b, x));
}
function mapSet(m, i, v) {
    const c = m.slice();
    c[i] = v;
    return c;
}
function inType(t, v) {
    try {
        (0, values_1.ord)(t, v);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Every value of `t` once, by ordinal, each object among them (a set, map,
 * record or tag with fields) carrying its ordinal under `key`, a symbol of
 * this table alone (not enumerable: spreads, JSON and comparisons do not see
 * it). Generated code reads the ordinal of such a value in one load instead
 * of walking it, and builds values of small types by indexing this table, so
 * the values a step makes are shared and allocation-free. The key is per
 * table, so a value of another type (an int range of another width) is never
 * read with this table's ordinals.
 */
function intern(t) {
    const values = (0, values_1.enumerate)(t);
    const key = Symbol((0, types_1.typeToString)(t));
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== null && typeof v === 'object')
            Object.defineProperty(v, key, { value: i });
    }
    return { values, key };
}
function noMatch(v) {
    throw new values_1.EvalError(`no match arm for ${(0, values_1.tagOf)(v)}`);
}
//# sourceMappingURL=ops.js.map