"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lowerProperty = lowerProperty;
exports.lowerFairness = lowerFairness;
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const values_1 = require("../src/runtime/values");
const symbols_1 = require("./symbols");
function lowerProperty(res, d) {
    const name = d.name.name;
    const scope = symbols_1.Scope.root();
    const bound = [];
    let f = d.formula;
    while (f.kind === 'TForall') {
        const type = boundType(res, name, f.domain, scope);
        bound.push({ slot: scope.bind(f.name.name, type), name: f.name.name, type });
        f = f.body;
    }
    const ctx = { scope, state: true, what: `property ${name}`, expanding: [] };
    const pred = (e) => res.typer.expr(e, ctx, types_1.BOOL);
    const text = (t) => textOf(res, t.span);
    const common = { name, span: d.name.span, doc: d.doc, slots: 0, bound, instances: instancesOf(bound) };
    const done = (x) => ({ ...x, slots: scope.slots });
    if (f.kind === 'TLeadsTo')
        return { liveness: done({ ...common, kind: 'leadsTo', p: pred(f.p), q: pred(f.q), text: text(d.formula) }) };
    if (f.kind === 'TAlways' && f.body.kind === 'TLeadsTo') {
        return { liveness: done({ ...common, kind: 'leadsTo', p: pred(f.body.p), q: pred(f.body.q), text: text(d.formula) }) };
    }
    const ev = f.kind === 'TEventually' ? stateOf(f.body) : null;
    if (ev)
        return { liveness: done({ ...common, kind: 'eventually', q: pred(ev), text: text(d.formula) }) };
    const inf = f.kind === 'TAlways' && f.body.kind === 'TEventually' ? stateOf(f.body.body) : null;
    if (inf)
        return { liveness: done({ ...common, kind: 'infinitelyOften', q: pred(inf), text: text(d.formula) }) };
    const always = f.kind === 'TAlways' ? stateOf(f.body) : null;
    if (always) {
        // a safety property: forall x in D: P  as an invariant
        let e = pred(always);
        for (let i = bound.length - 1; i >= 0; i--) {
            const b = bound[i];
            const dom = { k: 'type', type: b.type };
            e = { k: 'quant', q: 'forall', slot: b.slot, name: b.name, dom, body: e, ty: types_1.BOOL };
        }
        return { invariant: { name, expr: e, span: d.name.span, slots: scope.slots, doc: d.doc } };
    }
    if (f.kind === 'TState')
        (0, symbols_1.fail)(res.source, messages_1.M.TemporalForm, [name, `${text(f)} (a state predicate: write always ... for an invariant)`], f.span);
    (0, symbols_1.fail)(res.source, messages_1.M.TemporalForm, [name, text(f)], f.span);
}
/**
 * A formula without temporal operators as the state predicate it is: the parser
 * reads `(forall x in D: P)` under a temporal operator as a temporal forall.
 */
function stateOf(t) {
    if (t.kind === 'TState')
        return t.expr;
    if (t.kind === 'TForall') {
        const body = stateOf(t.body);
        return body ? { kind: 'Quant', span: t.span, quant: 'forall', name: t.name, domain: t.domain, body } : null;
    }
    return null;
}
/** The index set of a forall: a type, a process (its instances) or a constant range. */
function boundType(res, prop, d, scope) {
    if (d.kind === 'ExprDomain' && d.expr.kind === 'Name') {
        const p = res.procs.get(d.expr.name);
        if (p) {
            if (!p.proc.domain)
                (0, symbols_1.fail)(res.source, messages_1.M.TemporalBound, [prop, `process ${p.proc.name}, which has a single instance`], d.span);
            return p.proc.domain;
        }
    }
    const { dom } = res.typer.domain(d, { scope, state: false, what: `property ${prop}`, expanding: [] });
    if (dom.k !== 'type')
        (0, symbols_1.fail)(res.source, messages_1.M.TemporalBound, [prop, textOf(res, d.span)], d.span);
    return dom.type;
}
function instancesOf(bound) {
    let out = [[]];
    for (const b of bound)
        out = out.flatMap((t) => (0, values_1.enumerate)(b.type).map((v) => [...t, v]));
    return out;
}
function textOf(res, span) {
    const src = span.src ?? res.source;
    if (!src)
        return '';
    return src.text.slice(src.base + span.start, src.base + span.end).replace(/\s+/g, ' ').trim();
}
function lowerFairness(res, d, actions) {
    const n = d.target.name;
    if (res.procs.has(n))
        return { strength: d.strength, process: n, span: d.span };
    if (actions.includes(n))
        return { strength: d.strength, action: n, span: d.span };
    (0, symbols_1.fail)(res.source, messages_1.M.FairnessTarget, [n], d.target.span);
}
//# sourceMappingURL=temporal.js.map