"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Lowerer = void 0;
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const symbols_1 = require("./symbols");
const assign_once_1 = require("./assign-once");
class Lowerer {
    res;
    typer;
    constructor(res) {
        this.res = res;
        this.typer = res.typer;
    }
    fail(msg, args, span) {
        (0, symbols_1.fail)(this.res.source, msg, args, span);
    }
    /** `self` bound in `scope` (and the process's own name for its index aliased to it). */
    bindSelf(sym, scope) {
        const domain = sym.proc.domain;
        if (!domain)
            return { sym, selfSlot: null };
        const selfSlot = scope.bind('self', domain);
        scope.alias(sym.decl.index.name.name, { slot: selfSlot, type: domain });
        return { sym, selfSlot };
    }
    /** The path from a process-indexed variable to the instance's own entry. */
    selfPath(ctx) {
        const p = ctx.proc.sym.proc;
        return p.domain ? [{ k: 'mapIndex', i: this.typer.selfExpr(ctx), dom: p.domain }] : [];
    }
    init(d) {
        const root = symbols_1.Scope.root();
        const ctx = { scope: root, state: false, what: 'init', expanding: [] };
        const body = d ? this.block(d.body, ctx, (0, assign_once_1.nothingAssigned)()) : [];
        // each process instance starts at its first label, its locals at their initial values
        for (const p of this.res.processes) {
            const sym = this.res.procs.get(p.name);
            const scope = root.child();
            const pctx = { scope, state: false, what: `initial value of a local of ${p.name}`, expanding: [], proc: this.bindSelf(sym, scope) };
            const stmts = [];
            stmts.push({ k: 'assign', index: p.pcVar, path: this.selfPath(pctx), v: { k: 'lit', v: p.labels[0], ty: (0, symbols_1.pcUnion)(p) }, span: sym.decl.name.span });
            for (const l of sym.decl.locals) {
                const lt = sym.localTypes.get(l.name.name);
                const v = this.typer.expr(l.init, pctx, lt.type);
                this.typer.expectType(lt.type, v.ty, l.init.span, `initial value of ${l.name.name}`);
                stmts.push({ k: 'assign', index: lt.varIndex, path: this.selfPath(pctx), v, span: l.span });
            }
            if (p.domain)
                body.push({ k: 'for', slot: pctx.proc.selfSlot, name: 'self', dom: { k: 'type', type: p.domain }, body: stmts });
            else
                body.push(...stmts);
        }
        return { body, slots: root.slots };
    }
    action(d) {
        const scope = symbols_1.Scope.root();
        const params = d.params.map((p) => {
            const type = this.res.domainType(p.type);
            // no type is empty: ranges, enums and unions are checked non-empty where declared
            if ((0, types_1.size)(type) === 0)
                throw new Error(`internal: parameter ${p.name.name} has an empty domain`);
            return { name: p.name.name, type, slot: scope.bind(p.name.name, type) };
        });
        const body = this.block(d.body, { scope, state: true, what: `action ${d.name.name}`, expanding: [] }, (0, assign_once_1.nothingAssigned)());
        return { name: d.name.name, span: d.name.span, params, body, slots: scope.slots, doc: d.doc };
    }
    processSteps(d) {
        const sym = this.res.procs.get(d.name.name);
        const p = sym.proc;
        const pcTy = (0, symbols_1.pcUnion)(p);
        return d.steps.map((step, i) => {
            const scope = symbols_1.Scope.root();
            const proc = this.bindSelf(sym, scope);
            const params = p.domain ? [{ name: 'self', type: p.domain, slot: proc.selfSlot }] : [];
            const ctx = { scope, state: true, what: `${d.name.name}:${step.label.name}`, proc, expanding: [] };
            const pcRead = p.domain
                ? { k: 'mapIndex', e: { k: 'var', index: p.pcVar, ty: p.pcType }, i: this.typer.selfExpr(ctx), dom: p.domain, ty: pcTy, span: step.label.span }
                : { k: 'var', index: p.pcVar, ty: pcTy };
            const guard = {
                k: 'await',
                c: { k: 'bin', op: '==', a: pcRead, b: { k: 'lit', v: step.label.name, ty: pcTy }, ty: types_1.BOOL, span: step.label.span },
                span: step.label.span,
            };
            const body = this.block(step.body, ctx, (0, assign_once_1.nothingAssigned)());
            const next = i + 1 < d.steps.length ? d.steps[i + 1].label.name : 'Done';
            return {
                name: `${d.name.name}:${step.label.name}`,
                span: step.label.span,
                params,
                body: [guard, ...body],
                slots: scope.slots,
                doc: step.doc,
                process: { name: d.name.name, label: step.label.name, pcVar: p.pcVar, indexed: p.domain !== null, next },
            };
        });
    }
    invariant(d) {
        const scope = symbols_1.Scope.root();
        const e = this.typer.expr(d.expr, { scope, state: true, what: `invariant ${d.name.name}`, expanding: [] }, types_1.BOOL);
        this.typer.expectType(types_1.BOOL, e.ty, d.expr.span, `invariant ${d.name.name}`);
        return { name: d.name.name, expr: e, span: d.name.span, slots: scope.slots, doc: d.doc };
    }
    /**
     * A def is checked where it is declared, with its parameters bound to their
     * types, so an unused def is checked too and an error is reported once, at
     * the def, rather than at each use.
     */
    def(d, owner) {
        const scope = symbols_1.Scope.root();
        const proc = owner ? this.bindSelf(owner, scope) : undefined;
        const seen = new Set();
        for (const p of d.params) {
            if (seen.has(p.name.name))
                this.fail(messages_1.M.DefParamTwice, [p.name.name], p.name.span);
            seen.add(p.name.name);
            scope.bind(p.name.name, this.res.resolveType(p.type));
        }
        const ctx = { scope, state: true, what: `def ${d.name.name}`, proc, expanding: [d.name.name] };
        if (d.form === 'stmt') {
            this.block(d.body, ctx, (0, assign_once_1.nothingAssigned)());
            return;
        }
        const rt = this.res.resolveType(d.result);
        const e = this.typer.expr(d.value, ctx, rt);
        this.typer.expectType(rt, e.ty, d.value.span, `def ${d.name.name}`);
    }
    // ---------- statements
    /** `assigned` tracks, along the current path, which variables were assigned whole or in part. */
    block(stmts, ctx, assigned) {
        const out = [];
        let scope = ctx.scope;
        for (const s of stmts) {
            const c = { ...ctx, scope };
            switch (s.kind) {
                case 'Skip':
                    break;
                case 'Await': {
                    const cond = this.typer.expr(s.cond, c, types_1.BOOL);
                    this.typer.expectType(types_1.BOOL, cond.ty, s.cond.span, 'await condition');
                    out.push({ k: 'await', c: cond, span: s.span });
                    break;
                }
                case 'Assign':
                    out.push(this.assign(s, c, assigned));
                    break;
                case 'Goto': {
                    if (!ctx.proc)
                        this.fail(messages_1.M.GotoOutsideProcess, [], s.span);
                    const p = ctx.proc.sym.proc;
                    if (!p.labels.includes(s.label.name) && s.label.name !== 'Done')
                        this.fail(messages_1.M.GotoNoLabel, [p.name, s.label.name, p.labels.join(', ')], s.label.span);
                    (0, assign_once_1.recordGoto)(assigned, p.pcVar, s.span, this.res.source);
                    out.push({ k: 'assign', index: p.pcVar, path: this.selfPath(c), v: { k: 'lit', v: s.label.name, ty: (0, symbols_1.pcUnion)(p) }, span: s.span });
                    break;
                }
                case 'If': {
                    const cond = this.typer.expr(s.cond, c, types_1.BOOL);
                    this.typer.expectType(types_1.BOOL, cond.ty, s.cond.span, 'if condition');
                    const a1 = (0, assign_once_1.branch)(assigned);
                    const a2 = (0, assign_once_1.branch)(assigned);
                    const th = this.block(s.then, { ...c, scope: scope.child() }, a1);
                    const el = s.else ? this.block(s.else, { ...c, scope: scope.child() }, a2) : [];
                    (0, assign_once_1.join)(assigned, a1, a2);
                    out.push({ k: 'if', c: cond, then: th, else: el });
                    break;
                }
                case 'LetStmt': {
                    const v = this.typer.expr(s.value, c);
                    scope = scope.child();
                    const slot = scope.bind(s.name.name, v.ty);
                    out.push({ k: 'let', slot, name: s.name.name, v });
                    break;
                }
                case 'With':
                case 'For': {
                    const { dom, elemTy } = this.typer.domain(s.domain, c);
                    const inner = scope.child();
                    const slot = inner.bind(s.name.name, elemTy);
                    if (s.kind === 'With') {
                        const body = this.block(s.body, { ...c, scope: inner }, assigned);
                        out.push({ k: 'with', slot, name: s.name.name, dom, body });
                    }
                    else {
                        const a = (0, assign_once_1.branch)(assigned);
                        const body = this.block(s.body, { ...c, scope: inner }, a);
                        (0, assign_once_1.checkForBody)(assigned, a, (v) => this.res.vars[v].name, s.name.name, s.span, this.res.source);
                        (0, assign_once_1.join)(assigned, a);
                        out.push({ k: 'for', slot, name: s.name.name, dom, body });
                    }
                    break;
                }
                case 'Either': {
                    const results = [];
                    const branches = s.branches.map((b) => {
                        const a = (0, assign_once_1.branch)(assigned);
                        results.push(a);
                        return this.block(b, { ...c, scope: scope.child() }, a);
                    });
                    (0, assign_once_1.join)(assigned, ...results);
                    out.push({ k: 'either', branches });
                    break;
                }
                case 'Call':
                    out.push(...this.expandStmtDef(s, c, assigned));
                    break;
            }
        }
        return out;
    }
    /** A statement def, expanded in place: its arguments as lets, then its body, in the same step and the same assign-once path. */
    expandStmtDef(s, ctx, assigned) {
        const name = s.fn.name;
        const def = ctx.scope.lookup(name) ? undefined : this.typer.lookupDef(name, ctx);
        if (!def) {
            const g = this.res.globals.get(name);
            if (g && !ctx.scope.lookup(name))
                this.fail(messages_1.M.NotCallable, [name, (0, symbols_1.aKind)(g.kind)], s.fn.span);
            this.fail(messages_1.M.UnknownName, [name], s.fn.span);
        }
        if (def.decl.form !== 'stmt')
            this.fail(messages_1.M.DefIsExpression, [name], s.span);
        const { inner, binds } = this.typer.enterDef(def, s.args, s.span, ctx);
        const lets = binds.map((b) => ({ k: 'let', slot: b.slot, name: b.name, v: b.v }));
        return [...lets, ...this.block(def.decl.body, inner, assigned)];
    }
    assign(s, ctx, assigned) {
        const root = s.target.root.name;
        let index;
        let ty;
        const path = [];
        const procLocal = ctx.proc?.sym.localTypes.get(root);
        if (ctx.scope.lookup(root))
            this.fail(messages_1.M.BoundNotAssignable, [root], s.target.root.span);
        if (procLocal) {
            index = procLocal.varIndex;
            ty = procLocal.type;
            path.push(...this.selfPath(ctx));
        }
        else {
            index = this.res.varIndex.get(root);
            if (index === undefined || this.res.vars[index].process) {
                const g = this.res.globals.get(root);
                if (g)
                    this.fail(messages_1.M.NotAssignable, [root, (0, symbols_1.aKind)(g.kind)], s.target.root.span);
                this.fail(messages_1.M.UnknownVariable, [root], s.target.root.span);
            }
            ty = this.res.vars[index].type;
        }
        for (const el of s.target.path) {
            if (el.kind === 'Field') {
                const r = this.typer.fieldType(ty, el.name.name, el.name.span);
                path.push({ k: 'field', name: el.name.name, onUnion: ty.k === 'union' });
                ty = r;
            }
            else if (ty.k === 'map') {
                const i = this.typer.expr(el.index, ctx, ty.dom);
                this.typer.expectType(ty.dom, i.ty, el.index.span, 'index');
                path.push({ k: 'mapIndex', i, dom: ty.dom });
                ty = ty.rng;
            }
            else if (ty.k === 'seq') {
                const i = this.typer.expr(el.index, ctx, types_1.INT);
                this.typer.expectType(types_1.INT, i.ty, el.index.span, 'index');
                path.push({ k: 'seqIndex', i });
                ty = ty.elem;
            }
            else {
                this.fail(messages_1.M.CannotIndex, [(0, types_1.typeToString)(ty)], el.span);
            }
        }
        const own = procLocal !== undefined && ctx.proc.sym.proc.domain !== null ? 1 : 0;
        (0, assign_once_1.recordAssign)(assigned, index, path, path.length === own, own, root, s.target.span, this.res.source);
        const v = this.typer.expr(s.value, ctx, ty);
        this.typer.expectType(ty, v.ty, s.value.span, `value assigned to ${root}`);
        return { k: 'assign', index, path, v, span: s.span };
    }
}
exports.Lowerer = Lowerer;
//# sourceMappingURL=lower.js.map