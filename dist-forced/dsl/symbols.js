"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Scope = exports.Fail = void 0;
exports.fail = fail;
exports.aKind = aKind;
exports.pcUnion = pcUnion;
exports.showType = showType;
const diagnostics_1 = require("./diagnostics");
const types_1 = require("../src/runtime/types");
/** An error that aborts the analysis of one declaration; the driver collects it and moves on. */
class Fail extends Error {
    d;
    /** `d` null: a consequence of an error already reported (nothing more to say) */
    constructor(d) {
        super(d?.message ?? 'already reported');
        this.d = d;
    }
}
exports.Fail = Fail;
/** Throw the located diagnostic `msg` with its arguments. */
function fail(source, msg, args, span) {
    throw new Fail((0, diagnostics_1.report)(msg, args, span, source));
}
/**
 * Bound names (parameters, let, with, for, quantifiers, match arms, a def's
 * parameters), lexically nested. Every scope of one action shares a slot
 * counter, so slots are unique within the action's frame.
 */
class Scope {
    parent;
    counter;
    names = new Map();
    constructor(parent, counter) {
        this.parent = parent;
        this.counter = counter;
    }
    /** The outermost scope of an action, invariant or init: a fresh frame. */
    static root() {
        return new Scope(null, { n: 0 });
    }
    /** Number of slots the frame needs so far. */
    get slots() {
        return this.counter.n;
    }
    child() {
        return new Scope(this, this.counter);
    }
    /**
     * A scope in the same frame that sees none of this scope's names: where a
     * def's body is expanded, so the names bound at the use site cannot leak
     * into it (defs are lexically scoped).
     */
    detached() {
        return new Scope(null, this.counter);
    }
    bind(name, type) {
        const slot = this.counter.n++;
        this.names.set(name, { slot, type });
        return slot;
    }
    /** A second name for an existing slot (a process's declared index name for `self`). */
    alias(name, local) {
        this.names.set(name, local);
    }
    lookup(name) {
        return this.names.get(name) ?? this.parent?.lookup(name);
    }
}
exports.Scope = Scope;
/** 'a var', 'an action': a kind of declaration in a message. */
function aKind(kind) {
    return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}
/** The pc's enum of a process (the range of the pc map for an indexed process). */
function pcUnion(p) {
    return p.domain && p.pcType.k === 'map' ? p.pcType.rng : p.pcType;
}
/** An expression's type in messages: a literal's one-value range (`1..1` for `1`) is just int. */
function showType(t) {
    return t.k === 'int' && t.lo === t.hi ? 'int' : (0, types_1.typeToString)(t);
}
//# sourceMappingURL=symbols.js.map