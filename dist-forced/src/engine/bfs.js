"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stateForms = stateForms;
exports.formsOfWords = formsOfWords;
exports.lazyJson = lazyJson;
exports.generatedSpace = generatedSpace;
exports.exploreGenerated = exploreGenerated;
// The generated checker as a state space for explore(): states packed into
// WORDS 32-bit words, kept in full (packed-store.ts) or as fingerprints
// (fingerprint-store.ts).
const explore_1 = require("./explore");
const packed_store_1 = require("./packed-store");
const symmetry_use_1 = require("./symmetry-use");
const fingerprint_store_1 = require("./fingerprint-store");
// (a module binding: conformance steps a module state by state, and under jest, in a vm
// context, each lookup of a global such as Object goes through the context's interceptor)
const { Proxy, Map, String } = globalThis;
const objectPrototype = Object.prototype;
/**
 * For code that steps a generated checker by hand instead of through
 * explore() (the conformance spec target, tests): a state the module
 * emitted, in its three forms. The module may reuse the array it emits, so
 * the decoded form is a copy, made through the packed encoding.
 */
function stateForms(m) {
    const words = new Uint32Array(m.WORDS);
    return (s) => {
        m.encode(s, words, 0);
        return { s: m.decode(words, 0), json: m.toJSON(s), key: keyOf(words) };
    };
}
/**
 * The three forms of a state given by its packed words (which it keeps): decoded on
 * first use, and its JSON made variable by variable as they are read, so a reader
 * of a few variables of a large state (the conformance binding) converts only those.
 */
function formsOfWords(m, words) {
    let s;
    const decoded = () => (s ??= m.decode(words, 0));
    return {
        get s() {
            return decoded();
        },
        json: lazyJson(m, decoded),
        key: keyOf(words),
    };
}
/** the words as text, "w0,w1,...": a state's identity in the conformance engine (a loop: Array.from and join made an array per state) */
function keyOf(words) {
    let key = words.length > 0 ? String(words[0]) : '';
    for (let i = 1; i < words.length; i++)
        key += ',' + words[i];
    return key;
}
/**
 * Per checker: the maker of its states' lazy JSON. A proxy is one
 * object per state; defining an accessor per variable on each (as this did)
 * gave every object a map of its own in V8: 1.7 s of a 10 s model-based test.
 * The target holds the variables read so far; the names (ownKeys) and
 * descriptors make it enumerate, spread and stringify as a plain object.
 */
const makers = new WeakMap();
function lazyMaker(m) {
    const made = makers.get(m);
    if (made)
        return made;
    const names = m.META.vars.map((v) => v.name);
    const index = new Map(names.map((n, i) => [n, i]));
    /** the variable a property key names, or undefined */
    const varOf = (key) => (typeof key === 'string' ? index.get(key) : undefined);
    const read = (t, i) => {
        if (t.values[i] === undefined)
            t.values[i] = m.varToJSON(t.state(), i);
        return t.values[i];
    };
    const handler = {
        get: (t, key) => {
            const i = varOf(key);
            return i === undefined ? objectPrototype[key] : read(t, i);
        },
        has: (_t, key) => varOf(key) !== undefined,
        ownKeys: () => names.slice(),
        getOwnPropertyDescriptor: (t, key) => {
            const i = varOf(key);
            return i === undefined ? undefined : { value: read(t, i), writable: false, enumerable: true, configurable: true };
        },
        set: () => false,
        defineProperty: () => false,
        deleteProperty: () => false,
    };
    const make = (state) => new Proxy({ state, values: [] }, handler);
    makers.set(m, make);
    return make;
}
/**
 * A state's JSON whose variables are converted as they are read (each once), from the
 * decoded state `state()` gives: readers of a few variables of a large state convert
 * only those. Read-only.
 */
function lazyJson(m, state) {
    return lazyMaker(m)(state);
}
/**
 * The generated checker's states: exact (every state packed, identified by its
 * words: packed-store.ts) or, with `fingerprintOnly`, 64-bit fingerprints and
 * the frontier (fingerprint-store.ts). `statesHint` sizes the table up front.
 */
function generatedSpace(m, opts = {}) {
    // fingerprint-only leaves liveness unchecked (it keeps no graph): its safety run may reduce
    const sym = (0, symmetry_use_1.symmetryUse)(m.META.symmetric, opts, (m.META.liveness?.length ?? 0) > 0 && !opts.fingerprintOnly);
    // a reduced run files each state under its orbit's representative: the stores encode that one,
    // and counterexamples are rebuilt by replay (the stored states are not the ones the steps made)
    const canon = sym?.reduced ? m.encodeCanonical?.bind(m) : undefined;
    const codec = canon ? { WORDS: m.WORDS, encode: canon, decode: (w, o) => m.decode(w, o), ...(m.expandOf ? { expandOf: m.expandOf.bind(m) } : {}) } : m;
    const words = new Uint32Array(m.WORDS);
    return {
        spec: m.META.spec,
        constants: m.META.constants,
        engine: 'generated',
        actions: m.META.actions.map((a) => a.name),
        invariants: m.META.invariants,
        store: opts.fingerprintOnly
            ? new fingerprint_store_1.FingerprintStore(codec, { statesHint: opts.statesHint, frontierBytes: opts.frontierBytes })
            : new packed_store_1.PackedStore(codec, opts.statesHint, undefined, !!canon),
        ...(sym ? { symmetry: sym } : {}),
        init: (emit) => m.init(emit),
        successors: (s, emit) => m.successors(s, emit),
        invariant: (i, s) => m.INVARIANTS[i](s),
        // (a reduced run files representatives: dsl/symmetry.ts proves every invariant symmetric, so
        // a representative satisfies one exactly when the states of its orbit do)
        ...(m.invariantOfWords ? { invariantOfWords: m.invariantOfWords.bind(m) } : {}),
        terminated: (s) => m.terminated(s),
        toJSON: (s) => m.toJSON(s),
        stepOf: (a, c) => m.stepOf(a, c),
        // through the packed form: the module may reuse what it emits
        copy: (s) => {
            m.encode(s, words, 0);
            return m.decode(words, 0);
        },
        liveness: m.META.liveness?.length
            ? {
                props: m.META.liveness.map((p) => ({ name: p.name, kind: p.kind, instances: p.instances })),
                holds: (i, which, k, s) => m.LIVENESS[i][which](s, k),
                fairness: m.META.fairness ?? [],
            }
            : undefined,
    };
}
/** Explore a generated checker module. */
function exploreGenerated(m, opts = {}, atLevel) {
    // explore() encodes each successor and tests it right away: no allocation per successor
    m.reuseNext?.(true);
    try {
        const space = generatedSpace(m, opts);
        const store = space.store;
        // (the exact store only: a fingerprint-only run is never handed over)
        return (0, explore_1.explore)(space, opts, atLevel && store instanceof packed_store_1.PackedStore ? (b) => atLevel(b, store) : undefined);
    }
    finally {
        m.reuseNext?.(false);
    }
}
//# sourceMappingURL=bfs.js.map