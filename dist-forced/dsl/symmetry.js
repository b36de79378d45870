"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SymmetryFail = void 0;
exports.declareSymmetry = declareSymmetry;
exports.symmetryOf = symmetryOf;
exports.checkSymmetric = checkSymmetric;
const diagnostics_1 = require("./diagnostics");
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const symmetry_1 = require("../src/runtime/symmetry");
const values_1 = require("../src/runtime/values");
/**
 * Before types are resolved: mark what each `symmetric` declaration names (a
 * type alias, or an indexed process's index: its alias, or the range written
 * in place), so that resolution marks X wherever a declared type uses it.
 */
function declareSymmetry(res, decls, source, diags) {
    let first;
    for (const d of decls) {
        if (d.kind !== 'Symmetric')
            continue;
        const name = d.target.name;
        if (first) {
            diags.push((0, diagnostics_1.report)(messages_1.M.SymmetricTwice, [name, first.target.name], d.target.span, source));
            continue;
        }
        first = d;
        const proc = decls.find((x) => x.kind === 'Process' && x.name.name === name);
        if (proc) {
            if (!proc.index)
                diags.push((0, diagnostics_1.report)(messages_1.M.SymmetricNotRange, [name, `process ${name} has a single instance`], d.target.span, source));
            else if (proc.index.domain.kind === 'NamedType')
                res.symmetricAliases.add(proc.index.domain.name.name);
            else
                res.symmetricProcesses.add(name);
            continue;
        }
        const td = res.typeDecls.get(name);
        if (td) {
            if (td.kind === 'Union')
                diags.push((0, diagnostics_1.report)(messages_1.M.SymmetricNotRange, [name, `${name} is ${td.isEnum ? 'an enum' : 'a union'}`], d.target.span, source));
            else
                res.symmetricAliases.add(name);
            continue;
        }
        const g = res.globals.get(name);
        diags.push(g ? (0, diagnostics_1.report)(messages_1.M.SymmetricNotRange, [name, `${name} is ${g.kind === 'var' || g.kind === 'action' || g.kind === 'invariant' ? 'an' : 'a'} ${g.kind}`], d.target.span, source) : (0, diagnostics_1.report)(messages_1.M.SymmetricUnknown, [name], d.target.span, source));
    }
}
/** After processes are declared: the symmetric set, its marked type and its values (or a located error). */
function symmetryOf(res, decls, source) {
    const d = decls.find((x) => x.kind === 'Symmetric');
    if (!d)
        return undefined;
    const name = d.target.name;
    const proc = res.procs.get(name);
    const type = proc ? proc.proc.domain : res.namedType(name, d.target.span);
    if (type.k !== 'int' || type.sym === undefined) {
        throw new SymmetryFail((0, diagnostics_1.report)(messages_1.M.SymmetricNotRange, [name, `${proc ? `the index of process ${name}` : name} is ${(0, types_1.typeToString)(type)}, not an integer range`], d.target.span, source));
    }
    const n = type.hi - type.lo + 1;
    if (n > symmetry_1.MAX_SYMMETRIC)
        throw new SymmetryFail((0, diagnostics_1.report)(messages_1.M.SymmetricTooLarge, [name, n, symmetry_1.MAX_SYMMETRIC], d.target.span, source));
    const values = [];
    for (let v = type.lo; v <= type.hi; v++)
        values.push(v);
    return { name: type.sym, type, values, span: d.target.span };
}
/** A declaration error of symmetryOf, carried to the driver. */
class SymmetryFail extends Error {
    d;
    constructor(d) {
        super(d.message);
        this.d = d;
    }
}
exports.SymmetryFail = SymmetryFail;
const PLAIN_INT = { k: 'int', lo: -Infinity, hi: Infinity };
/** Every place where the model tells the values of its symmetric set apart, located (none: it is symmetric). */
function checkSymmetric(model, sym) {
    return new Prover(model, sym).run();
}
class Prover {
    model;
    sym;
    diags = [];
    X;
    set;
    /** generators of the permutation group: the transpositions (0 i) */
    gens;
    env = new Map();
    /** the innermost located node around what is being checked */
    at;
    constructor(model, sym) {
        this.model = model;
        this.sym = sym;
        this.X = sym.name;
        this.set = { name: sym.name, lo: sym.type.lo, size: sym.values.length };
        const n = sym.values.length;
        this.gens = Array.from({ length: Math.max(0, n - 1) }, (_, i) => {
            const p = Int32Array.from({ length: n }, (_, k) => k);
            p[0] = i + 1;
            p[i + 1] = 0;
            return p;
        });
        this.at = sym.span;
    }
    run() {
        const m = this.model;
        this.frame(m.initSpan, () => this.stmts(m.init));
        for (const a of m.actions) {
            this.frame(a.span, () => {
                for (const p of a.params)
                    this.env.set(p.slot, p.type);
                this.stmts(a.body);
            });
        }
        for (const inv of m.invariants)
            this.frame(inv.span, () => this.infer(inv.expr));
        for (const l of m.liveness) {
            this.frame(l.span, () => {
                for (const b of l.bound)
                    this.env.set(b.slot, b.type);
                if (l.p)
                    this.infer(l.p);
                this.infer(l.q);
            });
        }
        // one report per place and kind
        const seen = new Set();
        return this.diags.filter((d) => {
            const k = `${d.code}:${d.span?.start}:${d.span?.end}:${d.message}`;
            if (seen.has(k))
                return false;
            seen.add(k);
            return true;
        });
    }
    frame(span, f) {
        this.env = new Map();
        this.at = span;
        f();
    }
    located(span, f) {
        if (!span)
            return f();
        const was = this.at;
        this.at = span;
        try {
            return f();
        }
        finally {
            this.at = was;
        }
    }
    fail(msg, args) {
        this.diags.push((0, diagnostics_1.report)(msg, [this.X, ...args], this.at, this.model.source));
    }
    /** the source text of the innermost located node, for messages */
    here() {
        const src = this.at.src ?? this.model.source;
        if (!src)
            return '';
        return src.text.slice(src.base + this.at.start, src.base + this.at.end).replace(/\s+/g, ' ').trim();
    }
    isX(t) {
        return t.k === 'int' && t.sym === this.X;
    }
    hasX(t) {
        return (0, symmetry_1.containsSym)(t, this.X);
    }
    // ---------- statements
    stmts(ss) {
        for (const s of ss)
            this.stmt(s);
    }
    stmt(s) {
        switch (s.k) {
            case 'assign':
                this.located(s.span, () => {
                    let t = this.model.vars[s.index].type;
                    for (const p of s.path)
                        t = this.pathElem(t, p);
                    this.expect(s.v, t);
                });
                return;
            case 'await':
                this.located(s.span, () => this.infer(s.c));
                return;
            case 'if':
                this.infer(s.c);
                this.stmts(s.then);
                this.stmts(s.else);
                return;
            case 'let':
                this.env.set(s.slot, this.infer(s.v));
                return;
            case 'with':
                this.env.set(s.slot, this.domain(s.dom));
                this.stmts(s.body);
                return;
            case 'either':
                for (const b of s.branches)
                    this.stmts(b);
                return;
            case 'for': {
                const t = this.domain(s.dom);
                this.env.set(s.slot, t);
                if (this.hasX(t))
                    this.forIndependent(s);
                this.stmts(s.body);
                return;
            }
        }
    }
    pathElem(t, p) {
        switch (p.k) {
            case 'field':
                return this.fieldType(t, p.name) ?? PLAIN_INT;
            case 'mapIndex':
                if (t.k !== 'map')
                    return PLAIN_INT;
                this.expect(p.i, t.dom);
                return t.rng;
            case 'seqIndex':
                this.notOrdered(p.i, 'a sequence position');
                return t.k === 'seq' ? t.elem : PLAIN_INT;
        }
    }
    /**
     * `for u in X { body }`: the iterations commute when each writes only
     * entries var[u]... and reads no entry of a variable it writes except its
     * own (and the loop is over X itself, so u is a value of X).
     */
    forIndependent(s) {
        const own = (e) => e.k === 'local' && e.slot === s.slot;
        const written = new Set();
        let ok = true;
        const walkStmts = (ss) => {
            for (const x of ss) {
                if (x.k === 'assign') {
                    const p0 = x.path[0];
                    if (!p0 || p0.k !== 'mapIndex' || !own(p0.i))
                        ok = false;
                    written.add(x.index);
                }
                else if (x.k === 'if') {
                    walkStmts(x.then);
                    walkStmts(x.else);
                }
                else if (x.k === 'with' || x.k === 'for')
                    walkStmts(x.body);
                else if (x.k === 'either')
                    x.branches.forEach(walkStmts);
            }
        };
        walkStmts(s.body);
        if (ok) {
            // reads of a written variable must be var[u]
            const reads = (e, parent) => {
                if (!e || typeof e !== 'object')
                    return;
                const x = e;
                if (x.k === 'var' && written.has(x.index)) {
                    const p = parent;
                    if (!(p && p.k === 'mapIndex' && p.e === x && own(p.i)))
                        ok = false;
                }
                for (const v of Object.values(e)) {
                    if (Array.isArray(v))
                        v.forEach((c) => reads(c, e));
                    else
                        reads(v, e);
                }
            };
            reads(s.body);
        }
        // the for has no span of its own: its first located statement stands for it
        const first = s.body.find((x) => 'span' in x);
        if (!ok)
            this.located(first?.span, () => this.fail(messages_1.M.SymmetryForOrder, [s.name, 'an iteration writes or reads an entry of another']));
    }
    // ---------- expressions
    /** Check `e` where a value of shape `t` is expected. */
    expect(e, t) {
        if (e.k === 'lit')
            return this.literal(e, t);
        if (isEmpty(e))
            return;
        const s = this.infer(e);
        this.located(spanOf(e), () => this.conform(s, t));
    }
    /** A literal (or constant) where `t` is expected: symmetric when no permutation changes it. */
    literal(e, t) {
        if (!this.hasX(t))
            return;
        let v;
        try {
            v = e.v;
            for (const g of this.gens) {
                if (!(0, values_1.equals)((0, symmetry_1.permute)(t, v, this.set, g), v)) {
                    const what = e.name ? `the constant ${e.name}` : `the literal ${JSON.stringify(v)}`;
                    this.fail(messages_1.M.SymmetryLiteral, [what, this.here()]);
                    return;
                }
            }
        }
        catch {
            this.fail(messages_1.M.SymmetryLiteral, [`the literal ${JSON.stringify(e.v)}`, this.here()]);
        }
    }
    /** An inferred shape `s` flowing where `t` is expected: the marks must agree. */
    conform(s, t) {
        const bad = this.mismatch(s, t);
        if (bad === 'plainAsX')
            this.fail(messages_1.M.SymmetryLiteral, ['a plain integer', this.here()]);
        else if (bad === 'xAsPlain')
            this.fail(messages_1.M.SymmetryEscapes, [this.here()]);
    }
    mismatch(s, t) {
        if (s.k === 'int' && t.k === 'int') {
            if (this.isX(t) && !this.isX(s))
                return 'plainAsX';
            if (!this.isX(t) && this.isX(s))
                return 'xAsPlain';
            return null;
        }
        if (s.k !== t.k)
            return null;
        switch (t.k) {
            case 'map': {
                const u = s;
                return this.mismatch(u.dom, t.dom) ?? this.mismatch(u.rng, t.rng);
            }
            case 'set':
            case 'seq':
                return this.mismatch(s.elem, t.elem);
            case 'record': {
                const u = s;
                for (const f of t.fields) {
                    const g = u.fields.find((x) => x.name === f.name);
                    const r = g ? this.mismatch(g.type, f.type) : null;
                    if (r)
                        return r;
                }
                return null;
            }
            default:
                return null;
        }
    }
    /** An ordered use (a position, a bound): a value of X there tells the values apart. */
    notOrdered(e, what) {
        const s = this.infer(e);
        if (this.hasX(s))
            this.located(spanOf(e), () => this.fail(messages_1.M.SymmetryOrder, [what]));
    }
    /** Two expressions whose values meet (==, branches, set elements): the marks of one apply to the other. */
    unify(a, b) {
        if (a.k === 'lit' && b.k === 'lit')
            return plain(a.ty);
        if (isEmpty(a))
            return this.infer(b);
        if (isEmpty(b))
            return this.infer(a);
        if (a.k === 'lit') {
            const sb = this.infer(b);
            this.literal(a, sb);
            return sb;
        }
        if (b.k === 'lit') {
            const sa = this.infer(a);
            this.literal(b, sa);
            return sa;
        }
        const sa = this.infer(a);
        const sb = this.infer(b);
        if (this.hasX(sa)) {
            this.located(spanOf(b), () => this.conform(sb, sa));
            return sa;
        }
        if (this.hasX(sb))
            this.located(spanOf(a), () => this.conform(sa, sb));
        return sb;
    }
    unifyAll(es) {
        if (es.length === 0)
            return undefined;
        let shape;
        const shapes = es.map((e) => (e.k === 'lit' ? undefined : this.infer(e)));
        shape = shapes.find((s) => s && this.hasX(s)) ?? shapes.find((s) => s);
        if (!shape)
            return plain(es[0].ty);
        for (let i = 0; i < es.length; i++) {
            const e = es[i];
            if (e.k === 'lit')
                this.literal(e, shape);
            else
                this.located(spanOf(e), () => this.conform(shapes[i], shape));
        }
        return shape;
    }
    domain(d) {
        switch (d.k) {
            case 'type':
                return d.type;
            case 'range':
                this.notOrdered(d.lo, 'a range bound');
                this.notOrdered(d.hi, 'a range bound');
                return PLAIN_INT;
            case 'set': {
                const s = this.infer(d.e);
                return s.k === 'set' ? s.elem : PLAIN_INT;
            }
        }
    }
    fieldType(t, name) {
        if (t.k === 'record')
            return t.fields.find((f) => f.name === name)?.type;
        if (t.k === 'union') {
            for (const tag of t.tags) {
                const f = tag.fields.find((x) => x.name === name);
                if (f)
                    return f.type;
            }
        }
        return undefined;
    }
    /** The shape of `e`'s values: its type with X marked where its values are values of X. */
    infer(e) {
        return this.located(spanOf(e), () => this.inferHere(e));
    }
    inferHere(e) {
        switch (e.k) {
            case 'lit':
                // a constant declared of a marked type: a value of X only if no permutation changes it
                this.literal(e, e.ty);
                return plain(e.ty);
            case 'var':
                return this.model.vars[e.index].type;
            case 'local':
                return this.env.get(e.slot) ?? plain(e.ty);
            case 'not':
                this.infer(e.e);
                return e.ty;
            case 'neg':
                this.notOrdered(e.e, 'negation');
                return PLAIN_INT;
            case 'bin':
                return this.bin(e);
            case 'inType': {
                const s = this.infer(e.e);
                if (this.hasX(s) && (0, types_1.typeToString)(plain(s)) !== (0, types_1.typeToString)(plain(e.type)))
                    this.fail(messages_1.M.SymmetryOrder, [`membership in ${(0, types_1.typeToString)(e.type)}`]);
                return e.ty;
            }
            case 'inRange': {
                const s = this.infer(e.e);
                const whole = e.lo.k === 'lit' && e.hi.k === 'lit' && e.lo.v === this.sym.type.lo && e.hi.v === this.sym.type.hi;
                if (this.hasX(s) && !whole)
                    this.fail(messages_1.M.SymmetryOrder, ['membership in a range']);
                this.notOrdered(e.lo, 'a range bound');
                this.notOrdered(e.hi, 'a range bound');
                return e.ty;
            }
            case 'tag': {
                const info = (0, types_1.findTag)(e.ty, e.tag);
                for (const f of e.fields) {
                    const ft = info?.fields.find((x) => x.name === f.name)?.type;
                    if (ft)
                        this.expect(f.e, ft);
                    else
                        this.infer(f.e);
                }
                return e.ty;
            }
            case 'record':
                return { k: 'record', fields: e.fields.map((f) => ({ name: f.name, type: f.e.k === 'lit' ? plain(f.e.ty) : this.infer(f.e) })) };
            case 'setlit': {
                const s = this.unifyAll(e.elems);
                return s ? { k: 'set', elem: s } : plain(e.ty);
            }
            case 'seqlit': {
                const s = this.unifyAll(e.elems);
                return s ? { k: 'seq', elem: s, cap: e.ty.k === 'seq' ? e.ty.cap : e.elems.length } : plain(e.ty);
            }
            case 'rangeSet':
                this.notOrdered(e.lo, 'a range bound');
                this.notOrdered(e.hi, 'a range bound');
                return { k: 'set', elem: PLAIN_INT };
            case 'maplit': {
                this.env.set(e.slot, e.dom);
                return { k: 'map', dom: e.dom, rng: this.infer(e.body) };
            }
            case 'field': {
                const s = this.infer(e.e);
                return this.fieldType(s, e.field) ?? e.ty;
            }
            case 'mapIndex': {
                const s = this.infer(e.e);
                if (s.k !== 'map')
                    return e.ty;
                this.expect(e.i, s.dom);
                return s.rng;
            }
            case 'seqIndex': {
                const s = this.infer(e.e);
                this.notOrdered(e.i, 'a sequence position');
                return s.k === 'seq' ? s.elem : e.ty;
            }
            case 'recUpdate': {
                const s = this.infer(e.e);
                for (const f of e.fields) {
                    const ft = this.fieldType(s, f.name);
                    if (ft)
                        this.expect(f.e, ft);
                    else
                        this.infer(f.e);
                }
                return s;
            }
            case 'mapUpdate': {
                const s = this.infer(e.e);
                if (s.k !== 'map')
                    return e.ty;
                this.expect(e.i, s.dom);
                this.expect(e.v, s.rng);
                return s;
            }
            case 'call':
                return this.call(e);
            case 'if':
                this.infer(e.c);
                return this.unify(e.a, e.b);
            case 'let':
                this.env.set(e.slot, e.v.k === 'lit' ? plain(e.v.ty) : this.infer(e.v));
                return this.infer(e.body);
            case 'quant':
                this.env.set(e.slot, this.domain(e.dom));
                this.infer(e.body);
                return e.ty;
            case 'match': {
                const s = this.infer(e.e);
                const bodies = [];
                for (const arm of e.arms) {
                    const tag = arm.tag !== null ? (0, types_1.findTag)(s, arm.tag) : undefined;
                    for (const b of arm.binds)
                        this.env.set(b.slot, tag?.fields.find((f) => f.name === b.field)?.type ?? PLAIN_INT);
                    bodies.push(arm.body);
                }
                return this.unifyAll(bodies) ?? e.ty;
            }
            case 'is':
                this.infer(e.e);
                return e.ty;
        }
    }
    bin(e) {
        switch (e.op) {
            case '=>':
            case '||':
            case '&&':
                this.infer(e.a);
                this.infer(e.b);
                return e.ty;
            case '==':
            case '!=':
                this.unify(e.a, e.b);
                return e.ty;
            case '<':
            case '<=':
            case '>':
            case '>=':
            case '+':
            case '-':
            case '*':
            case '/':
            case '%': {
                const sa = this.infer(e.a);
                const sb = this.infer(e.b);
                if (this.hasX(sa) || this.hasX(sb))
                    this.fail(messages_1.M.SymmetryOrder, [`${e.op}`]);
                return e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=' ? e.ty : PLAIN_INT;
            }
            case 'in':
            case 'notin': {
                // the element meets the set's elements
                if (e.b.k === 'lit') {
                    const sa = this.infer(e.a);
                    this.literal(e.b, { k: 'set', elem: sa });
                    return e.ty;
                }
                const sb = this.infer(e.b);
                const elem = sb.k === 'set' ? sb.elem : PLAIN_INT;
                if (e.a.k === 'lit')
                    this.literal(e.a, elem);
                else {
                    const sa = this.infer(e.a);
                    if (this.hasX(elem))
                        this.located(spanOf(e.a), () => this.conform(sa, elem));
                    else if (this.hasX(sa))
                        this.located(spanOf(e.b), () => this.conform(sb, { k: 'set', elem: sa }));
                }
                return e.ty;
            }
            case 'subseteq':
                this.unify(e.a, e.b);
                return e.ty;
            case 'union':
            case 'inter':
            case '\\':
                return this.unify(e.a, e.b);
        }
    }
    call(e) {
        const [a, b] = e.args;
        switch (e.fn) {
            case 'len':
            case 'card':
                this.infer(a);
                return PLAIN_INT;
            case 'head': {
                const s = this.infer(a);
                return s.k === 'seq' ? s.elem : e.ty;
            }
            case 'tail':
                return this.infer(a);
            case 'append': {
                const s = this.infer(a);
                if (s.k === 'seq')
                    this.expect(b, s.elem);
                else
                    this.infer(b);
                return s;
            }
            case 'min':
            case 'max': {
                const sa = this.infer(a);
                const sb = this.infer(b);
                if (this.hasX(sa) || this.hasX(sb))
                    this.fail(messages_1.M.SymmetryOrder, [e.fn]);
                return PLAIN_INT;
            }
        }
    }
}
/** `{}` or `<<>>`: no value at all, so of any shape. */
function isEmpty(e) {
    return (e.k === 'setlit' || e.k === 'seqlit') && e.elems.length === 0;
}
/** The span an IR expression carries, if any (literals, names and some others have none: their parent's is used). */
function spanOf(e) {
    return 'span' in e ? e.span : undefined;
}
const plainCache = new WeakMap();
/** `t` without marks (the shape of a literal's type: a literal is no value of X). */
function plain(t) {
    const c = plainCache.get(t);
    if (c)
        return c;
    let r;
    switch (t.k) {
        case 'int':
            r = t.sym === undefined ? t : { k: 'int', lo: t.lo, hi: t.hi };
            break;
        case 'map':
            r = { k: 'map', dom: plain(t.dom), rng: plain(t.rng) };
            break;
        case 'set':
            r = { k: 'set', elem: plain(t.elem) };
            break;
        case 'seq':
            r = { k: 'seq', elem: plain(t.elem), cap: t.cap };
            break;
        case 'record':
            r = { k: 'record', fields: t.fields.map((f) => ({ name: f.name, type: plain(f.type) })) };
            break;
        default:
            r = t;
    }
    plainCache.set(t, r);
    return r;
}
//# sourceMappingURL=symmetry.js.map