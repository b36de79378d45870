"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Typer = exports.ReadsState = void 0;
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const values_1 = require("../src/runtime/values");
const evaluate_1 = require("./evaluate");
const symbols_1 = require("./symbols");
const operators_1 = require("./operators");
/** Thrown while probing whether a nullary def is a derived constant: it reads the state. */
class ReadsState extends Error {
}
exports.ReadsState = ReadsState;
class Typer {
    sym;
    constructor(sym) {
        this.sym = sym;
    }
    fail(msg, args, span) {
        (0, symbols_1.fail)(this.sym.source, msg, args, span);
    }
    expectType(want, got, span, what = 'expression') {
        if (!(0, types_1.assignable)(want, got))
            this.fail(messages_1.M.TypeMismatch, [what, (0, symbols_1.showType)(got), (0, types_1.typeToString)(want)], span);
    }
    /** The context of a constant expression: no state, no process. */
    constCtx() {
        return { scope: symbols_1.Scope.root(), state: false, what: 'a constant expression', expanding: [] };
    }
    evalConst(e, span) {
        try {
            return (0, evaluate_1.evaluate)(e, { state: null, frame: new Array(64) });
        }
        catch (err) {
            if (err instanceof values_1.EvalError)
                this.fail(messages_1.M.ConstEvalFails, [err.message], span);
            throw err;
        }
    }
    constInt(e) {
        const ie = this.expr(e, this.constCtx(), types_1.INT);
        this.expectType(types_1.INT, ie.ty, e.span);
        return this.evalConst(ie, e.span);
    }
    expr(e, ctx, expected) {
        return (0, evaluate_1.foldConst)(this.expr1(e, ctx, expected));
    }
    expr1(e, ctx, expected) {
        switch (e.kind) {
            case 'Int':
                return { k: 'lit', v: e.value, ty: { k: 'int', lo: e.value, hi: e.value } };
            case 'Bool':
                return { k: 'lit', v: e.value, ty: types_1.BOOL };
            case 'Name':
                return this.name(e, ctx);
            case 'TagCons': {
                const t = this.sym.tags.get(e.tag.name);
                if (!t)
                    this.fail(messages_1.M.UnknownTag, [e.tag.name], e.tag.span);
                const union = this.sym.namedType(t.union, e.tag.span);
                const given = new Map(e.fields.map((f) => [f.name.name, f]));
                for (const f of e.fields)
                    if (!t.info.fields.some((x) => x.name === f.name.name))
                        this.fail(messages_1.M.TagHasNoField, [e.tag.name, f.name.name], f.name.span);
                const fields = t.info.fields.map((fi) => {
                    const g = given.get(fi.name);
                    if (!g)
                        this.fail(messages_1.M.TagNeedsField, [e.tag.name, fi.name], e.span);
                    const v = this.expr(g.value, ctx, fi.type);
                    this.expectType(fi.type, v.ty, g.value.span, `field ${fi.name}`);
                    return { name: fi.name, e: v };
                });
                return { k: 'tag', tag: e.tag.name, fields, ty: union };
            }
            case 'Record': {
                const seen = new Set();
                const exp = expected?.k === 'record' ? expected : undefined;
                const fields = e.fields.map((f) => {
                    if (seen.has(f.name.name))
                        this.fail(messages_1.M.FieldGivenTwice, [f.name.name], f.name.span);
                    seen.add(f.name.name);
                    return { name: f.name.name, e: this.expr(f.value, ctx, exp?.fields.find((x) => x.name === f.name.name)?.type) };
                });
                return { k: 'record', fields, ty: { k: 'record', fields: fields.map((f) => ({ name: f.name, type: f.e.ty })) } };
            }
            case 'SetLit':
            case 'SeqLit': {
                const isSet = e.kind === 'SetLit';
                const expElem = isSet ? (expected?.k === 'set' ? expected.elem : undefined) : expected?.k === 'seq' ? expected.elem : undefined;
                const elems = e.elems.map((x) => this.expr(x, ctx, expElem));
                let elem = expElem;
                if (elems.length) {
                    elem = elems[0].ty;
                    for (let i = 1; i < elems.length; i++) {
                        elem = (0, types_1.join)(elem, elems[i].ty);
                        if (!elem)
                            this.fail(isSet ? messages_1.M.SetElementsDiffer : messages_1.M.SeqElementsDiffer, [], e.elems[i].span);
                    }
                    if (expElem && (0, types_1.assignable)(expElem, elem))
                        elem = expElem;
                }
                if (!elem)
                    this.fail(isSet ? messages_1.M.EmptySetType : messages_1.M.EmptySeqType, [], e.span);
                if (isSet)
                    return { k: 'setlit', elems, ty: { k: 'set', elem } };
                return { k: 'seqlit', elems, ty: { k: 'seq', elem, cap: Math.max(elems.length, expected?.k === 'seq' ? expected.cap : 0) } };
            }
            case 'MapLit': {
                const { dom, elemTy } = this.domain(e.domain, ctx);
                if (dom.k !== 'type')
                    this.fail(messages_1.M.MapLiteralDomain, [], e.domain.span);
                const inner = ctx.scope.child();
                const slot = inner.bind(e.name.name, elemTy);
                const body = this.expr(e.body, { ...ctx, scope: inner }, expected?.k === 'map' ? expected.rng : undefined);
                let rng = body.ty;
                if (expected?.k === 'map' && (0, types_1.assignable)(expected.rng, rng))
                    rng = expected.rng;
                return { k: 'maplit', slot, name: e.name.name, dom: dom.type, body, ty: { k: 'map', dom: dom.type, rng } };
            }
            case 'Range': {
                const lo = this.expr(e.lo, ctx, types_1.INT);
                const hi = this.expr(e.hi, ctx, types_1.INT);
                this.expectType(types_1.INT, lo.ty, e.lo.span);
                this.expectType(types_1.INT, hi.ty, e.hi.span);
                const elem = lo.k === 'lit' && hi.k === 'lit' ? { k: 'int', lo: lo.v, hi: Math.max(lo.v, hi.v) } : types_1.INT;
                return { k: 'rangeSet', lo, hi, ty: { k: 'set', elem } };
            }
            case 'Unary': {
                if (e.op === '!') {
                    const x = this.expr(e.operand, ctx, types_1.BOOL);
                    this.expectType(types_1.BOOL, x.ty, e.operand.span, 'operand of !');
                    return { k: 'not', e: x, ty: types_1.BOOL };
                }
                const x = this.expr(e.operand, ctx, types_1.INT);
                this.expectType(types_1.INT, x.ty, e.operand.span, 'operand of -');
                return { k: 'neg', e: x, ty: types_1.INT };
            }
            case 'Binary':
                return (0, operators_1.binary)(this, e, ctx);
            case 'Is': {
                const x = this.expr(e.operand, ctx);
                if (x.ty.k !== 'union')
                    this.fail(messages_1.M.IsNeedsUnion, [(0, types_1.typeToString)(x.ty)], e.operand.span);
                if (!(0, types_1.findTag)(x.ty, e.tag.name))
                    this.fail(messages_1.M.NotATag, [e.tag.name, x.ty.name], e.tag.span);
                return { k: 'is', e: x, tag: e.tag.name, ty: types_1.BOOL };
            }
            case 'Field': {
                // P[i].x / P.x: a process-local of another instance
                const pl = this.procLocalRef(e, ctx);
                if (pl)
                    return pl;
                const x = this.expr(e.operand, ctx);
                const ty = this.fieldType(x.ty, e.field.name, e.field.span);
                return { k: 'field', e: x, field: e.field.name, onUnion: x.ty.k === 'union', ty, span: e.span };
            }
            case 'Index': {
                const x = this.expr(e.operand, ctx);
                if (x.ty.k === 'map') {
                    const i = this.expr(e.index, ctx, x.ty.dom);
                    this.expectType(x.ty.dom, i.ty, e.index.span, 'index');
                    return { k: 'mapIndex', e: x, i, dom: x.ty.dom, ty: x.ty.rng, span: e.span };
                }
                if (x.ty.k === 'seq') {
                    const i = this.expr(e.index, ctx, types_1.INT);
                    this.expectType(types_1.INT, i.ty, e.index.span, 'index');
                    return { k: 'seqIndex', e: x, i, ty: x.ty.elem, span: e.span };
                }
                return this.fail(messages_1.M.CannotIndex, [(0, types_1.typeToString)(x.ty)], e.operand.span);
            }
            case 'RecordUpdate': {
                const x = this.expr(e.operand, ctx, expected);
                const fields = e.fields.map((f) => {
                    const ft = this.fieldType(x.ty, f.name.name, f.name.span);
                    if (x.ty.k !== 'record')
                        this.fail(messages_1.M.RecordUpdateNeedsRecord, [], e.span);
                    const v = this.expr(f.value, ctx, ft);
                    this.expectType(ft, v.ty, f.value.span, `field ${f.name.name}`);
                    return { name: f.name.name, e: v };
                });
                return { k: 'recUpdate', e: x, fields, ty: x.ty };
            }
            case 'MapUpdate': {
                const x = this.expr(e.operand, ctx, expected);
                if (x.ty.k !== 'map')
                    this.fail(messages_1.M.MapUpdateNeedsMap, [(0, types_1.typeToString)(x.ty)], e.operand.span);
                const i = this.expr(e.index, ctx, x.ty.dom);
                this.expectType(x.ty.dom, i.ty, e.index.span, 'index');
                const v = this.expr(e.value, ctx, x.ty.rng);
                this.expectType(x.ty.rng, v.ty, e.value.span, 'value');
                return { k: 'mapUpdate', e: x, i, v, dom: x.ty.dom, ty: x.ty, span: e.span };
            }
            case 'Call': {
                if (!ctx.scope.lookup(e.fn.name)) {
                    const def = this.lookupDef(e.fn.name, ctx);
                    if (def)
                        return this.useExprDef(def, e.args, e.span, ctx);
                }
                return (0, operators_1.call)(this, e, ctx, expected);
            }
            case 'IfExpr': {
                const c = this.expr(e.cond, ctx, types_1.BOOL);
                this.expectType(types_1.BOOL, c.ty, e.cond.span, 'condition');
                const a = this.expr(e.then, ctx, expected);
                const b = this.expr(e.else, ctx, expected ?? a.ty);
                const ty = (0, types_1.join)(a.ty, b.ty);
                if (!ty)
                    this.fail(messages_1.M.BranchesDiffer, [(0, types_1.typeToString)(a.ty), (0, types_1.typeToString)(b.ty)], e.span);
                return { k: 'if', c, a, b, ty };
            }
            case 'LetExpr': {
                const v = this.expr(e.value, ctx);
                const inner = ctx.scope.child();
                const slot = inner.bind(e.name.name, v.ty);
                const body = this.expr(e.body, { ...ctx, scope: inner }, expected);
                return { k: 'let', slot, name: e.name.name, v, body, ty: body.ty };
            }
            case 'Quant': {
                const { dom, elemTy } = this.domain(e.domain, ctx);
                const inner = ctx.scope.child();
                const slot = inner.bind(e.name.name, elemTy);
                const body = this.expr(e.body, { ...ctx, scope: inner }, types_1.BOOL);
                this.expectType(types_1.BOOL, body.ty, e.body.span, `body of ${e.quant}`);
                return { k: 'quant', q: e.quant, slot, name: e.name.name, dom, body, ty: types_1.BOOL };
            }
            case 'Match':
                return (0, operators_1.match)(this, e, ctx, expected);
            case 'At': {
                const pd = this.sym.procs.get(e.process.name);
                if (!pd && ctx.probing && this.sym.globals.get(e.process.name)?.kind === 'process')
                    throw new ReadsState();
                if (!pd)
                    this.fail(messages_1.M.NotAProcess, [e.process.name], e.process.span);
                const p = pd.proc;
                this.readsState(ctx, messages_1.M.ProcessStateUnreadable, [ctx.what], e.span);
                if (e.label.name !== 'Done' && !p.labels.includes(e.label.name))
                    this.fail(messages_1.M.AtNoLabel, [p.name, e.label.name], e.label.span);
                const pcTy = (0, symbols_1.pcUnion)(p);
                let pc = { k: 'var', index: p.pcVar, ty: p.pcType };
                if (p.domain) {
                    if (!e.index)
                        this.fail(messages_1.M.SeveralInstances, [p.name, `${p.name}[i] at ${e.label.name}`], e.span);
                    const i = this.expr(e.index, ctx, p.domain);
                    this.expectType(p.domain, i.ty, e.index.span, 'process index');
                    pc = { k: 'mapIndex', e: pc, i, dom: p.domain, ty: pcTy, span: e.span };
                }
                else if (e.index)
                    this.fail(messages_1.M.SingleInstance, [p.name], e.index.span);
                return { k: 'bin', op: '==', a: pc, b: { k: 'lit', v: e.label.name, ty: pcTy }, ty: types_1.BOOL, span: e.span };
            }
            case 'ProcLocal':
                // the parser never produces it (procLocalRef recognises P[i].x instead)
                throw new Error(`internal: ProcLocal node at ${e.span.start}`);
        }
    }
    /** Reading the state where there is none is an error, or, when probing for a derived constant, the answer. */
    readsState(ctx, msg, args, span) {
        if (ctx.state)
            return;
        if (ctx.probing)
            throw new ReadsState();
        this.fail(msg, args, span);
    }
    procLocalRef(e, ctx) {
        let procName;
        let index;
        if (e.operand.kind === 'Name' && this.sym.procs.has(e.operand.name) && !ctx.scope.lookup(e.operand.name))
            procName = e.operand.name;
        else if (e.operand.kind === 'Index' && e.operand.operand.kind === 'Name' && this.sym.procs.has(e.operand.operand.name)) {
            procName = e.operand.operand.name;
            index = e.operand.index;
        }
        if (!procName)
            return undefined;
        const pd = this.sym.procs.get(procName);
        const lt = pd.localTypes.get(e.field.name);
        if (!lt)
            this.fail(messages_1.M.NoSuchLocal, [procName, e.field.name], e.field.span);
        this.readsState(ctx, messages_1.M.ProcessStateUnreadable, [ctx.what], e.span);
        const v = { k: 'var', index: lt.varIndex, ty: this.sym.vars[lt.varIndex].type };
        if (pd.proc.domain) {
            if (!index)
                this.fail(messages_1.M.SeveralInstances, [procName, `${procName}[i].${e.field.name}`], e.span);
            const i = this.expr(index, ctx, pd.proc.domain);
            this.expectType(pd.proc.domain, i.ty, index.span, 'process index');
            return { k: 'mapIndex', e: v, i, dom: pd.proc.domain, ty: lt.type, span: e.span };
        }
        if (index)
            this.fail(messages_1.M.SingleInstance, [procName], index.span);
        return v;
    }
    /** `self` of the context's process (which must have instances). */
    selfExpr(ctx) {
        const p = ctx.proc;
        return { k: 'local', slot: p.selfSlot, name: 'self', ty: p.sym.proc.domain };
    }
    name(e, ctx) {
        const n = e.name;
        const local = ctx.scope.lookup(n);
        if (local)
            return { k: 'local', slot: local.slot, name: n, ty: local.type };
        if (n === 'self') {
            if (ctx.proc && ctx.proc.selfSlot !== null)
                return this.selfExpr(ctx);
            this.fail(messages_1.M.SelfOutsideProcess, [], e.span);
        }
        const pl = ctx.proc?.sym.localTypes.get(n);
        if (pl) {
            this.readsState(ctx, messages_1.M.LocalUnreadable, [n, ctx.what], e.span);
            const p = ctx.proc.sym.proc;
            const v = { k: 'var', index: pl.varIndex, ty: this.sym.vars[pl.varIndex].type };
            if (!p.domain)
                return v;
            return { k: 'mapIndex', e: v, i: this.selfExpr(ctx), dom: p.domain, ty: pl.type, span: e.span };
        }
        const vi = this.sym.varIndex.get(n);
        if (vi !== undefined && !this.sym.vars[vi].process) {
            this.readsState(ctx, messages_1.M.VariableUnreadable, [n, ctx.what], e.span);
            return { k: 'var', index: vi, ty: this.sym.vars[vi].type };
        }
        const c = this.sym.constants.get(n);
        if (c)
            return { k: 'lit', v: c.value, ty: c.type, name: n };
        if (this.sym.failedConsts.has(n))
            throw new symbols_1.Fail(null);
        if (this.sym.constDecls.has(n))
            this.fail(messages_1.M.ConstBeforeDecl, [n], e.span);
        const t = this.sym.tags.get(n);
        if (t) {
            const union = this.sym.namedType(t.union, e.span);
            if (t.info.fields.length)
                this.fail(messages_1.M.TagCarriesFields, [n, t.info.fields.map((f) => `${f.name}: ...`).join(', ')], e.span);
            return { k: 'lit', v: n, ty: union };
        }
        const def = this.lookupDef(n, ctx);
        if (def) {
            if (def.decl.parens)
                this.fail(messages_1.M.DefNeedsArgs, [n], e.span);
            return this.useExprDef(def, [], e.span, ctx);
        }
        const g = this.sym.globals.get(n);
        // while constants are probed, variables and processes are not declared yet
        if (ctx.probing && (g?.kind === 'var' || g?.kind === 'process'))
            throw new ReadsState();
        if (g)
            this.fail(messages_1.M.NotAValue, [n, (0, symbols_1.aKind)(g.kind)], e.span);
        return this.fail(messages_1.M.UnknownName, [n], e.span);
    }
    // ---------- defs ----------
    /** The def a name denotes here: the context's process's own defs first, then the spec's. */
    lookupDef(name, ctx) {
        const own = ctx.proc?.sym.defs.get(name);
        if (own)
            return { decl: own, owner: ctx.proc.sym };
        const top = this.sym.defs.get(name);
        return top ? { decl: top } : undefined;
    }
    /**
     * The context a def's body is analysed in, with its parameters bound in a
     * scope that sees nothing of the use site; and the arguments, typed at the
     * use site against the parameter types (evaluated once, as lets).
     */
    enterDef(def, args, span, ctx) {
        const d = def.decl;
        const name = d.name.name;
        const at = ctx.expanding.indexOf(name);
        if (at >= 0)
            this.fail(messages_1.M.DefRecursive, [name, [...ctx.expanding.slice(at), name].join(' -> ')], span);
        if (args.length !== d.params.length) {
            this.fail(messages_1.M.DefArity, [name, `${d.params.length} argument${d.params.length === 1 ? '' : 's'}`, args.length], span);
        }
        const values = args.map((a, i) => {
            const pt = this.sym.resolveType(d.params[i].type);
            const v = this.expr(a, ctx, pt);
            this.expectType(pt, v.ty, a.span, `argument ${d.params[i].name.name} of ${name}`);
            return { v, pt };
        });
        const scope = ctx.scope.detached();
        const binds = d.params.map((p, i) => ({ slot: scope.bind(p.name.name, values[i].pt), name: p.name.name, v: values[i].v }));
        // a process's def runs as part of that process's step: same self, same locals
        const proc = def.owner ? ctx.proc : undefined;
        if (proc?.selfSlot != null)
            scope.alias('self', { slot: proc.selfSlot, type: proc.sym.proc.domain });
        if (proc && def.owner?.decl.index)
            scope.alias(def.owner.decl.index.name.name, { slot: proc.selfSlot, type: proc.sym.proc.domain });
        return { inner: { ...ctx, scope, proc, expanding: [...ctx.expanding, name] }, binds };
    }
    useExprDef(def, args, span, ctx) {
        const d = def.decl;
        if (d.form !== 'expr')
            this.fail(messages_1.M.DefIsStatement, [d.name.name], span);
        const { inner, binds } = this.enterDef(def, args, span, ctx);
        const rt = this.sym.resolveType(d.result);
        let body = this.expr(d.value, inner, rt);
        this.expectType(rt, body.ty, d.value.span, `def ${d.name.name}`);
        for (let i = binds.length - 1; i >= 0; i--)
            body = { k: 'let', ...binds[i], body, ty: body.ty };
        return body;
    }
    // ---------- fields and domains ----------
    fieldType(ty, field, span) {
        if (ty.k === 'record') {
            const f = ty.fields.find((x) => x.name === field);
            if (!f)
                this.fail(messages_1.M.RecordNoField, [(0, types_1.typeToString)(ty), field], span);
            return f.type;
        }
        if (ty.k === 'union') {
            let found;
            for (const t of ty.tags) {
                const f = t.fields.find((x) => x.name === field);
                if (f) {
                    if (found && !(0, types_1.assignable)(found, f.type))
                        this.fail(messages_1.M.FieldTypesDiffer, [field, ty.name], span);
                    found = found ?? f.type;
                }
            }
            if (!found)
                this.fail(messages_1.M.NoTagHasField, [ty.name, field], span);
            return found;
        }
        return this.fail(messages_1.M.NoFields, [(0, types_1.typeToString)(ty)], span);
    }
    /** A domain for with/for/quantifiers/map literals, and the type of its elements. */
    domain(d, ctx) {
        if (d.kind === 'TypeDomain') {
            const t = this.sym.domainType(d.type);
            return { dom: { k: 'type', type: t }, elemTy: t };
        }
        const e = d.expr;
        if (e.kind === 'Name' && !ctx.scope.lookup(e.name) && this.sym.typeDecls.has(e.name)) {
            const t = this.sym.enumerable(this.sym.namedType(e.name, e.span), e.span);
            return { dom: { k: 'type', type: t }, elemTy: t };
        }
        if (e.kind === 'Range') {
            const lo = this.expr(e.lo, ctx, types_1.INT);
            const hi = this.expr(e.hi, ctx, types_1.INT);
            this.expectType(types_1.INT, lo.ty, e.lo.span);
            this.expectType(types_1.INT, hi.ty, e.hi.span);
            if (lo.k === 'lit' && hi.k === 'lit') {
                const t = { k: 'int', lo: lo.v, hi: hi.v };
                if (hi.v < lo.v)
                    return { dom: { k: 'range', lo, hi }, elemTy: types_1.INT };
                return { dom: { k: 'type', type: this.sym.enumerable(t, e.span) }, elemTy: t };
            }
            return { dom: { k: 'range', lo, hi }, elemTy: types_1.INT };
        }
        const s = this.expr(e, ctx);
        if (s.ty.k !== 'set')
            this.fail(messages_1.M.NotADomain, [(0, types_1.typeToString)(s.ty)], e.span);
        return { dom: { k: 'set', e: s }, elemTy: s.ty.elem };
    }
}
exports.Typer = Typer;
//# sourceMappingURL=typecheck.js.map