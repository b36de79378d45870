"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StepWriter = void 0;
exports.partialKeys = partialKeys;
exports.nondet = nondet;
const values_1 = require("../runtime/values");
const types_1 = require("../runtime/types");
const tla_expr_1 = require("./tla-expr");
const tla_formula_1 = require("./tla-formula");
const tla_names_1 = require("./tla-names");
const tla_values_1 = require("./tla-values");
class StepWriter {
    model;
    base;
    mode;
    constructor(model, base, mode) {
        this.model = model;
        this.base = base;
        this.mode = mode;
    }
    ctx(env) {
        return { ...this.base, env };
    }
    formula(body, env) {
        return this.cps([{ stmts: body, i: 0, env }], []);
    }
    cps(frames, upd) {
        const fs = frames.slice();
        while (fs.length && fs[fs.length - 1].i >= fs[fs.length - 1].stmts.length)
            fs.pop();
        if (fs.length === 0)
            return this.emit(upd);
        const top = fs[fs.length - 1];
        if (top.guard !== undefined) {
            const inside = [...fs.slice(0, -1), { ...top, guard: undefined }];
            return { k: 'if', c: top.guard, a: this.cps(inside, upd), b: this.cps(fs.slice(0, -1), upd) };
        }
        const s = top.stmts[top.i];
        const rest = [...fs.slice(0, -1), { ...top, i: top.i + 1 }];
        const c = this.ctx(top.env);
        switch (s.k) {
            case 'with': {
                const name = this.base.names.fresh(s.name);
                const dom = (0, tla_expr_1.domain)(s.dom, c);
                const env = new Map(top.env).set(s.slot, name);
                return { k: 'exists', name, dom, body: this.cps([...rest, { stmts: s.body, i: 0, env }], upd) };
            }
            case 'either':
                return (0, tla_formula_1.or)(s.branches.map((b) => this.cps([...rest, { stmts: b, i: 0, env: new Map(top.env) }], upd)));
            case 'let': {
                const name = this.base.names.fresh(s.name);
                const def = (0, tla_expr_1.expr)(s.v, c);
                const env = new Map(top.env).set(s.slot, name);
                const after = [...fs.slice(0, -1), { ...top, i: top.i + 1, env }];
                return { k: 'let', name, def, body: this.cps(after, upd) };
            }
            case 'if':
                if (nondet(s.then) || nondet(s.else) || partialKeys(s.then) || partialKeys(s.else)) {
                    return {
                        k: 'if',
                        c: (0, tla_expr_1.expr)(s.c, c),
                        a: this.cps([...rest, { stmts: s.then, i: 0, env: new Map(top.env) }], upd),
                        b: this.cps([...rest, { stmts: s.else, i: 0, env: new Map(top.env) }], upd),
                    };
                }
                break;
            case 'for':
                if (nondet(s.body) || (s.dom.k !== 'type' && partialKeys(s.body))) {
                    // the iterations as frames, the first on top: each runs, then the next, then the rest
                    const its = this.iterations(s, top.env).map(({ env, guard }) => ({ stmts: s.body, i: 0, env, guard }));
                    return this.cps([...rest, ...its.reverse()], upd);
                }
                break;
        }
        const u = upd.slice();
        const prefix = [];
        this.collect([s], top.env, null, u, prefix);
        // a let of the collected statement scopes over the rest of its block
        return wrap(prefix, () => this.cps(rest, u));
    }
    /** Deterministic statements (no with, no either): guards, LETs and guarded updates, on one path. */
    collect(stmts, env0, cond, upd, out) {
        const env = new Map(env0);
        for (const s of stmts) {
            const c = this.ctx(env);
            switch (s.k) {
                case 'await': {
                    const g = (0, tla_expr_1.expr)(s.c, c);
                    out.push({ guard: cond ? `(${cond}) => (${g})` : g });
                    break;
                }
                case 'assign':
                    upd.push({ index: s.index, keys: this.keys(s.path, c), value: (0, tla_expr_1.expr)(s.v, c), cond });
                    break;
                case 'let': {
                    const name = this.base.names.fresh(s.name);
                    out.push({ let: name, def: (0, tla_expr_1.expr)(s.v, c) });
                    env.set(s.slot, name);
                    break;
                }
                case 'if': {
                    const x = (0, tla_expr_1.expr)(s.c, c);
                    this.collect(s.then, env, cond ? `${cond} /\\ (${x})` : `(${x})`, upd, out);
                    this.collect(s.else, env, cond ? `${cond} /\\ ~(${x})` : `~(${x})`, upd, out);
                    break;
                }
                case 'for': {
                    const whole = this.wholeMap(s, c);
                    if (whole) {
                        for (const w of whole)
                            upd.push({ ...w, cond });
                        break;
                    }
                    for (const it of this.iterations(s, env)) {
                        const g = it.guard === undefined ? cond : cond ? `${cond} /\\ (${it.guard})` : `(${it.guard})`;
                        this.collect(s.body, it.env, g, upd, out);
                    }
                    break;
                }
                case 'with':
                case 'either':
                    throw new Error('internal: a nondeterministic statement on a deterministic path');
            }
        }
    }
    /** `for x in T { m[x] := e; ... }` over all of m's domain T: each map as one function. */
    wholeMap(s, c) {
        if (s.dom.k !== 'type' || s.body.length === 0)
            return null;
        const domText = (0, tla_values_1.typeSet)(s.dom.type);
        for (const b of s.body) {
            if (b.k !== 'assign' || b.path.length !== 1)
                return null;
            const p = b.path[0];
            if (p.k !== 'mapIndex' || p.i.k !== 'local' || p.i.slot !== s.slot)
                return null;
            const vt = this.model.vars[b.index].type;
            if (vt.k !== 'map' || (0, tla_values_1.typeSet)(vt.dom) !== domText)
                return null;
        }
        return s.body.map((b) => {
            const a = b;
            const name = this.base.names.fresh(s.name);
            const env = new Map(c.env).set(s.slot, name);
            return { index: a.index, keys: '', value: `[${name} \\in ${domText} |-> ${(0, tla_expr_1.expr)(a.v, this.ctx(env))}]` };
        });
    }
    /** The iterations of a for: the loop variable bound to each value's text, with a membership guard where the domain depends on the state. */
    iterations(s, env) {
        const c = this.ctx(env);
        const { values, type, guarded } = staticDomain(s.dom);
        const dom = guarded ? (0, tla_expr_1.domain)(s.dom, c) : undefined;
        return values.map((v) => {
            const text = (0, tla_values_1.tlaValue)(type, v);
            return { env: new Map(env).set(s.slot, text), guard: dom === undefined ? undefined : `${text} \\in ${dom}` };
        });
    }
    keys(path, c) {
        return path
            .map((p) => {
            if (p.k === 'field')
                return `.${p.name}`;
            if (p.k === 'mapIndex')
                return `[${(0, tla_expr_1.expr)(p.i, c)}]`;
            return `[${(0, tla_expr_1.seqPos)(p.i, c)}]`;
        })
            .join('');
    }
    /** The end of a path: each assigned variable's new value, UNCHANGED for the rest (Init: each variable's value). */
    emit(upd0) {
        let upd = upd0;
        if (this.mode.k === 'next' && this.mode.action.process) {
            const p = this.mode.action.process;
            const gotos = upd.filter((u) => u.index === p.pcVar);
            if (!gotos.some((u) => u.cond === null)) {
                upd = [{ index: p.pcVar, keys: this.mode.pcKeys, value: (0, tla_values_1.str)(p.next), cond: null }, ...upd];
            }
        }
        const items = [];
        const unchanged = [];
        this.model.vars.forEach((v, i) => {
            const mine = upd.filter((u) => u.index === i);
            const name = this.base.vars[i];
            if (mine.length === 0) {
                if (this.mode.k === 'init')
                    throw new tla_names_1.ExportError(`init does not assign ${v.name}`);
                unchanged.push(name);
                return;
            }
            const start = this.mode.k === 'init' ? (0, tla_values_1.firstValue)(v.type, (b) => this.base.names.fresh(b)) : name;
            items.push((0, tla_formula_1.atom)(`${name}${this.mode.k === 'init' ? '' : "'"} = ${compose(start, mine)}`));
        });
        if (unchanged.length)
            items.push((0, tla_formula_1.atom)(`UNCHANGED <<${unchanged.join(', ')}>>`));
        return (0, tla_formula_1.and)(items);
    }
}
exports.StepWriter = StepWriter;
/** A variable's new value: `start` with the updates of one path applied in order. */
function compose(start, upd) {
    let cur = start;
    let excepts = [];
    const flush = () => {
        if (excepts.length)
            cur = `[${paren(cur)} EXCEPT ${excepts.map((x) => `!${x.keys} = ${x.value}`).join(', ')}]`;
        excepts = [];
    };
    for (const u of upd) {
        if (u.keys === '') {
            flush();
            cur = u.cond ? `IF ${u.cond} THEN ${u.value} ELSE ${paren(cur)}` : u.value;
            continue;
        }
        const last = excepts[excepts.length - 1];
        if (last && last.keys === u.keys && u.cond)
            last.value = `IF ${u.cond} THEN ${u.value} ELSE ${paren(last.value)}`;
        else
            excepts.push({ keys: u.keys, value: u.cond ? `IF ${u.cond} THEN ${u.value} ELSE @` : u.value });
    }
    flush();
    return cur;
}
function paren(t) {
    return /^[A-Za-z_][A-Za-z0-9_]*$|^"[^"]*"$|^-?\d+$|^\[.*\]$|^<<.*>>$/.test(t) && !/^IF /.test(t) ? t : `(${t})`;
}
function wrap(prefix, rest) {
    const go = (i) => {
        if (i === prefix.length)
            return rest();
        const p = prefix[i];
        if ('guard' in p)
            return (0, tla_formula_1.and)([(0, tla_formula_1.atom)(p.guard), go(i + 1)]);
        return { k: 'let', name: p.let, def: p.def, body: go(i + 1) };
    };
    return go(0);
}
/**
 * Whether an assignment in these statements has an index that may fail to
 * evaluate (a field of a union, an index, a call, a division). Such an
 * assignment cannot be written as a guarded EXCEPT, whose paths TLA+
 * evaluates whether the guard holds or not: its `if` becomes an IF over the
 * rest of the step instead, as the interpreter evaluates it only on its path.
 */
function partialKeys(stmts) {
    return stmts.some((s) => {
        switch (s.k) {
            case 'assign':
                return s.path.some((p) => p.k !== 'field' && !total(p.i));
            case 'if':
                return partialKeys(s.then) || partialKeys(s.else);
            case 'for':
            case 'with':
                return partialKeys(s.body);
            case 'either':
                return s.branches.some(partialKeys);
            default:
                return false;
        }
    });
}
/** An expression whose evaluation cannot fail. */
function total(e) {
    switch (e.k) {
        case 'lit':
        case 'local':
        case 'var':
            return true;
        case 'not':
        case 'neg':
            return total(e.e);
        case 'bin':
            return e.op !== '/' && e.op !== '%' && total(e.a) && total(e.b);
        case 'if':
            return total(e.c) && total(e.a) && total(e.b);
        default:
            return false;
    }
}
/** Whether statements choose (with, either), directly or inside if/for. */
function nondet(stmts) {
    return stmts.some((s) => {
        switch (s.k) {
            case 'with':
            case 'either':
                return true;
            case 'if':
                return nondet(s.then) || nondet(s.else);
            case 'for':
                return nondet(s.body);
            default:
                return false;
        }
    });
}
/** The values a for's domain may take, known before the step; `guarded` when the actual domain depends on the state. */
function staticDomain(d) {
    switch (d.k) {
        case 'type':
            return { values: (0, values_1.enumerate)(d.type), type: d.type, guarded: false };
        case 'range': {
            if (d.lo.k === 'lit' && d.hi.k === 'lit')
                return { values: range(d.lo.v, d.hi.v), type: types_1.INT, guarded: false };
            const lo = bound(d.lo, 'lo');
            const hi = bound(d.hi, 'hi');
            return { values: range(lo, hi), type: types_1.INT, guarded: true };
        }
        case 'set': {
            const t = d.e.ty;
            if (t.k !== 'set')
                throw new Error('internal: a for over a non-set');
            return { values: (0, values_1.enumerate)(t.elem), type: t.elem, guarded: true };
        }
    }
}
function bound(e, which) {
    const t = e.ty;
    const n = t.k === 'int' ? t[which] : NaN;
    if (!Number.isFinite(n))
        throw new tla_names_1.ExportError('a for over a range whose bounds depend on the state and have no finite type cannot be unrolled');
    return n;
}
function range(lo, hi) {
    const out = [];
    for (let i = lo; i <= hi; i++)
        out.push(i);
    return out;
}
//# sourceMappingURL=tla-step.js.map