"use strict";
// Identifiers of the TLA+ export: the spec's names made legal and unique in
// a TLA+ module. A name that is a TLA+ keyword, an operator of the standard
// modules the export extends, or one of the export's own definitions gets a
// trailing underscore (until it is free); a process variable `Proc.x`
// becomes `Proc_x`. Bound names (parameters, let, with, quantifiers) must
// not shadow any name in scope (SANY rejects a redefinition), so each
// definition draws them fresh from a Names scope.
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExportError = exports.Names = void 0;
exports.legal = legal;
exports.fieldName = fieldName;
/** TLA+ keywords (the language's reserved words, proof language included). */
const KEYWORDS = [
    'ASSUME', 'ASSUMPTION', 'AXIOM', 'BOOLEAN', 'CASE', 'CHOOSE', 'CONSTANT', 'CONSTANTS', 'DOMAIN', 'ELSE', 'ENABLED',
    'EXCEPT', 'EXTENDS', 'IF', 'IN', 'INSTANCE', 'LET', 'LOCAL', 'MODULE', 'OTHER', 'STRING', 'SUBSET', 'THEN', 'THEOREM',
    'UNCHANGED', 'UNION', 'VARIABLE', 'VARIABLES', 'WITH', 'TRUE', 'FALSE', 'ACTION', 'BY', 'COROLLARY', 'DEF', 'DEFINE',
    'DEFS', 'HAVE', 'HIDE', 'LAMBDA', 'LEMMA', 'NEW', 'OBVIOUS', 'OMITTED', 'ONLY', 'PICK', 'PROOF', 'PROPOSITION',
    'PROVE', 'QED', 'RECURSIVE', 'STATE', 'SUFFICES', 'TAKE', 'TEMPORAL', 'USE', 'WITNESS', 'SF_', 'WF_',
];
/** What Integers, Sequences, FiniteSets define, and the export's own definitions. */
const TAKEN = [
    'Nat', 'Int', 'Seq', 'Len', 'Head', 'Tail', 'Append', 'SubSeq', 'SelectSeq', 'Cardinality', 'IsFiniteSet',
    'Init', 'Next', 'Spec', 'vars', 'TypeOK', 'Terminating', 'Min', 'Max', 'Quot', 'Rem', 'BSeq', 'Abs',
];
const RESERVED = new Set([...KEYWORDS, ...TAKEN]);
/** A TLA+ identifier for `name` (letters, digits and _ with at least one letter; no keyword). */
function legal(name) {
    let n = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/[A-Za-z]/.test(n))
        n = `x${n}`;
    while (RESERVED.has(n))
        n += '_';
    return n;
}
/** A record field name: only keywords are a problem (fields live apart from operators). */
function fieldName(name) {
    return KEYWORDS.includes(name) ? `${name}_` : name;
}
/** The names taken in a scope; `fresh` gives a bound name taken by nobody in it. */
class Names {
    used;
    constructor(used = []) {
        this.used = new Set(used);
    }
    /** a name free in this scope, marked taken (so nested and later bindings differ from it) */
    fresh(base) {
        const b = legal(base);
        let n = b;
        for (let i = 1; this.used.has(n); i++)
            n = `${b}_${i}`;
        this.used.add(n);
        return n;
    }
    /** take a global name as it is (throws if two globals map to one identifier) */
    take(name, what) {
        const n = legal(name);
        if (this.used.has(n))
            throw new ExportError(`${what} ${name} and another name both become the TLA+ identifier ${n}`);
        this.used.add(n);
        return n;
    }
    child() {
        return new Names(this.used);
    }
}
exports.Names = Names;
/** A spec the export cannot render faithfully: said in one line, never rendered wrong. */
class ExportError extends Error {
}
exports.ExportError = ExportError;
//# sourceMappingURL=tla-names.js.map