"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Interpreter = void 0;
exports.interpretedSpace = interpretedSpace;
exports.interpretCheck = interpretCheck;
const evaluate_1 = require("../../dsl/evaluate");
const values_1 = require("../runtime/values");
const step_1 = require("../runtime/step");
const explore_1 = require("../engine/explore");
const symmetry_use_1 = require("../engine/symmetry-use");
const symmetry_1 = require("../runtime/symmetry");
const diagnostics_1 = require("../../dsl/diagnostics");
class Interpreter {
    model;
    constructor(model) {
        this.model = model;
    }
    evalErr(e, span, what) {
        if (e instanceof values_1.EvalError)
            throw new diagnostics_1.SpecError([(0, diagnostics_1.diag)('eval', `${what}: ${e.message}`, span, this.model.source)]);
        throw e;
    }
    initialStates() {
        const out = [];
        const frame = new Array(this.model.initSlots);
        this.exec(this.model.init, 0, { state: null, frame }, [], (upd) => {
            const s = new Array(this.model.vars.length).fill(undefined);
            this.apply(s, upd);
            this.model.vars.forEach((v, i) => {
                try {
                    (0, values_1.ord)(v.type, s[i]);
                }
                catch (e) {
                    const why = s[i] === undefined || (e instanceof TypeError) ? 'init does not assign it' : e.message;
                    throw new diagnostics_1.SpecError([(0, diagnostics_1.diag)('eval', `initial value of ${v.name}: ${why}`, this.model.initSpan, this.model.source)]);
                }
            });
            out.push(s);
        }, 'init');
        return out;
    }
    /** every successor of `state`, with the step that produced it */
    successors(state, emit) {
        this.model.actions.forEach((a, ai) => {
            const paramValues = a.params.map((p) => (0, values_1.enumerate)(p.type));
            const frame = new Array(a.slots);
            const choose = (k) => {
                if (k === a.params.length) {
                    this.exec(a.body, 0, { state, frame }, [], (upd) => {
                        const next = state.slice();
                        if (a.process && !upd.some((u) => u.index === a.process.pcVar)) {
                            upd = [...upd, this.fallthrough(a, frame)];
                        }
                        this.apply(next, upd);
                        this.model.vars.forEach((v, i) => {
                            if (next[i] !== state[i]) {
                                try {
                                    (0, values_1.ord)(v.type, next[i]);
                                }
                                catch (e) {
                                    this.evalErr(e, a.span, `step ${a.name}: variable ${v.name}`);
                                }
                            }
                        });
                        emit(ai, this.stepOf(a, frame), next);
                    }, `step ${a.name}`);
                    return;
                }
                for (const v of paramValues[k]) {
                    frame[a.params[k].slot] = v;
                    choose(k + 1);
                }
            };
            choose(0);
        });
    }
    fallthrough(a, frame) {
        const p = a.process;
        const proc = this.model.processes.find((x) => x.name === p.name);
        const keys = p.indexed ? [(0, values_1.ord)(proc.domain, frame[a.params[0].slot])] : [];
        return { index: p.pcVar, keys, path: [], v: p.next, span: a.span };
    }
    /** the step of action `a` with the parameter values bound in `frame` */
    stepOf(a, frame) {
        return (0, step_1.makeStep)(a, a.params.map((p) => (0, values_1.toJSON)(p.type, frame[p.slot])));
    }
    exec(stmts, i, env, upd, k, what) {
        if (i === stmts.length)
            return k(upd);
        const s = stmts[i];
        const next = (u) => this.exec(stmts, i + 1, env, u, k, what);
        const ev = (e, span) => {
            try {
                return (0, evaluate_1.evaluate)(e, env);
            }
            catch (err) {
                return this.evalErr(err, span ?? this.model.initSpan, what);
            }
        };
        switch (s.k) {
            case 'await':
                if (ev(s.c, s.span) === true)
                    next(upd);
                return;
            case 'assign': {
                const keys = [];
                for (const p of s.path) {
                    if (p.k === 'field')
                        keys.push(p.name);
                    else if (p.k === 'mapIndex') {
                        const kv = ev(p.i, s.span);
                        try {
                            keys.push((0, values_1.ord)(p.dom, kv));
                        }
                        catch (err) {
                            this.evalErr(err, s.span, what);
                        }
                    }
                    else
                        keys.push(ev(p.i, s.span));
                }
                const u = { index: s.index, keys, path: s.path, v: ev(s.v, s.span), span: s.span };
                for (const o of upd) {
                    if (o.index === u.index && prefix(o.keys, u.keys)) {
                        throw new diagnostics_1.SpecError([(0, diagnostics_1.diag)('eval', `${what}: ${this.model.vars[u.index].name} is assigned twice in one step`, s.span, this.model.source)]);
                    }
                }
                next([...upd, u]);
                return;
            }
            case 'if':
                if (ev(s.c) === true)
                    this.exec(s.then, 0, env, upd, next, what);
                else
                    this.exec(s.else, 0, env, upd, next, what);
                return;
            case 'let':
                env.frame[s.slot] = ev(s.v);
                next(upd);
                return;
            case 'with': {
                const vals = this.domain(s.dom, env, what);
                // each choice starts from the bindings made before it: the rest of the step, which the
                // choice runs, may rebind them (the next iteration of an enclosing for binds its variable anew)
                const bound = env.frame.slice();
                for (const v of vals) {
                    rebind(env.frame, bound);
                    env.frame[s.slot] = v;
                    this.exec(s.body, 0, env, upd, next, what);
                }
                return;
            }
            case 'either': {
                const bound = env.frame.slice();
                for (const b of s.branches) {
                    rebind(env.frame, bound);
                    this.exec(b, 0, env, upd, next, what);
                }
                return;
            }
            case 'for': {
                const vals = this.domain(s.dom, env, what);
                const iter = (j, u) => {
                    if (j === vals.length)
                        return next(u);
                    env.frame[s.slot] = vals[j];
                    this.exec(s.body, 0, env, u, (u2) => iter(j + 1, u2), what);
                };
                iter(0, upd);
                return;
            }
        }
    }
    domain(d, env, what) {
        try {
            return (0, evaluate_1.domainValues)(d, env);
        }
        catch (err) {
            return this.evalErr(err, this.model.initSpan, what);
        }
    }
    apply(state, upd) {
        for (const u of upd) {
            const t = this.model.vars[u.index].type;
            state[u.index] = (0, values_1.setIn)(state[u.index], u.keys, u.v, t);
        }
    }
    stateToJSON(s) {
        const o = {};
        this.model.vars.forEach((v, i) => (o[v.name] = (0, values_1.toJSON)(v.type, s[i])));
        return o;
    }
    /** whether invariant `i` holds in `s`; an evaluation error is located at the invariant */
    invariantHolds(i, s) {
        const inv = this.model.invariants[i];
        try {
            return (0, evaluate_1.evaluate)(inv.expr, { state: s, frame: new Array(inv.slots) }) === true;
        }
        catch (err) {
            return this.evalErr(err, inv.span, `invariant ${inv.name}`);
        }
    }
    /** p (leadsTo's premise) or q (the goal) of liveness property i, its forall names bound to instance k */
    livenessHolds(i, which, k, s) {
        const l = this.model.liveness[i];
        const frame = new Array(l.slots);
        l.bound.forEach((b, j) => (frame[b.slot] = l.instances[k][j]));
        const e = which === 'p' ? l.p : l.q;
        try {
            return (0, evaluate_1.evaluate)(e, { state: s, frame }) === true;
        }
        catch (err) {
            return this.evalErr(err, l.span, `property ${l.name}`);
        }
    }
    terminated(s) {
        if (this.model.processes.length === 0)
            return false;
        return this.model.processes.every((p) => {
            const pc = s[p.pcVar];
            return Array.isArray(pc) ? pc.every((x) => x === 'Done') : pc === 'Done';
        });
    }
}
exports.Interpreter = Interpreter;
/** the local slots as they were bound (with, either: before each choice) */
function rebind(frame, bound) {
    for (let i = 0; i < bound.length; i++)
        frame[i] = bound[i];
}
function prefix(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** States as plain values, keyed by their canonical JSON text. */
class ValueStore {
    it;
    seen = new Map();
    states = [];
    /** set when states are filed under their orbit's representative (symmetry) */
    tracesByReplay;
    canonical;
    constructor(it, sym) {
        this.it = it;
        // `symmetric X`: the state of the orbit with the smallest key stands for the orbit
        if (sym)
            this.canonical = (0, symmetry_1.canonicalByKey)(sym.types, sym.set, (s) => this.keyOf(s));
        this.tracesByReplay = !!sym;
    }
    keyOf(s) {
        // the plain-JSON form is canonical (record fields in type order, sets
        // sorted); the values themselves are not: { b: x, a: y } == { a: y, b: x }
        return JSON.stringify(this.it.stateToJSON(s));
    }
    filed(s) {
        return this.canonical ? this.canonical(s) : { s, key: this.keyOf(s) };
    }
    add(n) {
        const { s, key } = this.filed(n);
        const old = this.seen.get(key);
        if (old !== undefined)
            return ~old;
        this.seen.set(key, this.states.length);
        this.states.push(s);
        return this.states.length - 1;
    }
    get(i) {
        return this.states[i];
    }
    indexOf(s) {
        return this.seen.get(this.filed(s).key) ?? -1;
    }
}
/** The interpreter as a state space for explore(). */
function interpretedSpace(model, opts = {}) {
    const it = new Interpreter(model);
    const ms = model.symmetric;
    const sym = (0, symmetry_use_1.symmetryUse)(ms ? { name: ms.name, size: ms.values.length } : undefined, opts, model.liveness.length > 0);
    // the interpreter makes steps as it runs them; the engine keeps a number per
    // step (its `combo`) and asks for the step back by it. A step's text
    // identifies it (stepText is one-to-one), so it is the key.
    const steps = [];
    const numbers = new Map();
    return {
        spec: model.name,
        constants: Object.fromEntries(model.constants.map((c) => [c.name, c.value])),
        engine: 'interpreter',
        actions: model.actions.map((a) => a.name),
        invariants: model.invariants.map((i) => i.name),
        store: new ValueStore(it, sym?.reduced && ms ? { types: model.vars.map((v) => v.type), set: { name: ms.name, lo: ms.type.lo, size: ms.values.length } } : undefined),
        ...(sym ? { symmetry: sym } : {}),
        init: (emit) => it.initialStates().forEach((s) => emit(s)),
        successors: (s, emit) => it.successors(s, (ai, step, next) => {
            const text = (0, step_1.stepText)(step);
            let k = numbers.get(text);
            if (k === undefined) {
                k = steps.length;
                steps.push(step);
                numbers.set(text, k);
            }
            emit(ai, k, next);
        }),
        invariant: (i, s) => it.invariantHolds(i, s),
        terminated: (s) => it.terminated(s),
        toJSON: (s) => it.stateToJSON(s),
        stepOf: (_a, combo) => steps[combo],
        liveness: model.liveness.length
            ? {
                props: model.liveness.map((p) => ({
                    name: p.name,
                    kind: p.kind,
                    instances: p.instances.map((t) => Object.fromEntries(p.bound.map((b, i) => [b.name, (0, values_1.toJSON)(b.type, t[i])]))),
                })),
                holds: (i, which, k, s) => it.livenessHolds(i, which, k, s),
                fairness: model.fairness.map((f) => ({ strength: f.strength, ...(f.process ? { process: f.process } : {}), ...(f.action ? { action: f.action } : {}) })),
            }
            : undefined,
    };
}
/** Breadth-first exploration with the interpreter (reference semantics). */
function interpretCheck(model, opts = {}) {
    return (0, explore_1.explore)(interpretedSpace(model, opts), opts);
}
//# sourceMappingURL=interpreter.js.map