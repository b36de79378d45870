// A step (an action, a process step, or init) as a TLA+ formula, following
// the reference interpreter (src/reference/interpreter.ts) exactly:
//
// - every expression reads the state before the step; a step's assignments
//   are collected along one path through its statements and applied at the
//   end, so each variable gets one primed equation per path
//   (x' = [x EXCEPT !...] for parts; UNCHANGED for the rest);
// - `await c` is a conjunct; under an `if` it is `cond => c`;
// - `with x in D` is \E x \in D over the rest of the step, `either` a
//   disjunction of the branches each followed by the rest (the interpreter's
//   continuation), an `if` containing either of them an IF whose branches
//   each carry the rest; an `if` without them stays one path, its updates
//   guarded (IF cond THEN v ELSE @);
// - `for` runs every iteration in the same step: unrolled over its domain's
//   values (a domain that is a set or a range of state-dependent bounds is
//   unrolled over the values of its type, each iteration guarded by
//   membership), or, when it assigns a map at the loop index over the map's
//   whole domain, one function [x \in D |-> e];
// - `let` is a LET over the rest of the step (TLA+'s LET is lazy, so a let
//   under a condition is not evaluated where the condition is false);
// - a process step ends at the next label in text order unless a `goto`
//   on its path said otherwise (the interpreter's fallthrough).
import type { IAction, IDomain, IExpr, IPathElem, IStmt, Model } from '../../dsl/ir';
import { type Value, enumerate } from '../runtime/values';
import { INT, type Type } from '../runtime/types';
import { type ExprCtx, domain, expr, seqPos } from './tla-expr';
import { type F, and, atom, or } from './tla-formula';
import { ExportError } from './tla-names';
import { firstValue, str, tlaValue, typeSet } from './tla-values';

interface Upd {
  index: number;
  /** the EXCEPT path (`[self].f`), '' for the whole variable */
  keys: string;
  value: string;
  /** the condition on the path under which it happens (deterministic ifs), null: always */
  cond: string | null;
}

interface Frame {
  stmts: IStmt[];
  i: number;
  env: Map<number, string>;
  /** an unrolled iteration of a for over a set: it runs only where this holds */
  guard?: string;
}

/** What a deterministic statement contributes before the primed equations: a guard, or a LET. */
type Prefix = { guard: string } | { let: string; def: string };

/** Init, or a step; `pcKeys` is the EXCEPT path of a process step's own pc entry (`[self]`, or '' for one instance). */
export type Mode = { k: 'init' } | { k: 'next'; action: IAction; pcKeys: string };

export class StepWriter {
  constructor(
    private readonly model: Model,
    private readonly base: Omit<ExprCtx, 'env'>,
    private readonly mode: Mode,
  ) {}

  private ctx(env: Map<number, string>): ExprCtx {
    return { ...this.base, env };
  }

  formula(body: IStmt[], env: Map<number, string>): F {
    return this.cps([{ stmts: body, i: 0, env }], []);
  }

  private cps(frames: Frame[], upd: Upd[]): F {
    const fs = frames.slice();
    while (fs.length && fs[fs.length - 1].i >= fs[fs.length - 1].stmts.length) fs.pop();
    if (fs.length === 0) return this.emit(upd);
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
        const dom = domain(s.dom, c);
        const env = new Map(top.env).set(s.slot, name);
        return { k: 'exists', name, dom, body: this.cps([...rest, { stmts: s.body, i: 0, env }], upd) };
      }
      case 'either':
        return or(s.branches.map((b) => this.cps([...rest, { stmts: b, i: 0, env: new Map(top.env) }], upd)));
      case 'let': {
        const name = this.base.names.fresh(s.name);
        const def = expr(s.v, c);
        const env = new Map(top.env).set(s.slot, name);
        const after = [...fs.slice(0, -1), { ...top, i: top.i + 1, env }];
        return { k: 'let', name, def, body: this.cps(after, upd) };
      }
      case 'if':
        if (nondet(s.then) || nondet(s.else) || partialKeys(s.then) || partialKeys(s.else)) {
          return {
            k: 'if',
            c: expr(s.c, c),
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
    const prefix: Prefix[] = [];
    this.collect([s], top.env, null, u, prefix);
    // a let of the collected statement scopes over the rest of its block
    return wrap(prefix, () => this.cps(rest, u));
  }

  /** Deterministic statements (no with, no either): guards, LETs and guarded updates, on one path. */
  private collect(stmts: IStmt[], env0: Map<number, string>, cond: string | null, upd: Upd[], out: Prefix[]): void {
    const env = new Map(env0);
    for (const s of stmts) {
      const c = this.ctx(env);
      switch (s.k) {
        case 'await': {
          const g = expr(s.c, c);
          out.push({ guard: cond ? `(${cond}) => (${g})` : g });
          break;
        }
        case 'assign':
          upd.push({ index: s.index, keys: this.keys(s.path, c), value: expr(s.v, c), cond });
          break;
        case 'let': {
          const name = this.base.names.fresh(s.name);
          out.push({ let: name, def: expr(s.v, c) });
          env.set(s.slot, name);
          break;
        }
        case 'if': {
          const x = expr(s.c, c);
          this.collect(s.then, env, cond ? `${cond} /\\ (${x})` : `(${x})`, upd, out);
          this.collect(s.else, env, cond ? `${cond} /\\ ~(${x})` : `~(${x})`, upd, out);
          break;
        }
        case 'for': {
          const whole = this.wholeMap(s, c);
          if (whole) {
            for (const w of whole) upd.push({ ...w, cond });
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
  private wholeMap(s: Extract<IStmt, { k: 'for' }>, c: ExprCtx): Omit<Upd, 'cond'>[] | null {
    if (s.dom.k !== 'type' || s.body.length === 0) return null;
    const domText = typeSet(s.dom.type);
    for (const b of s.body) {
      if (b.k !== 'assign' || b.path.length !== 1) return null;
      const p = b.path[0];
      if (p.k !== 'mapIndex' || p.i.k !== 'local' || p.i.slot !== s.slot) return null;
      const vt = this.model.vars[b.index].type;
      if (vt.k !== 'map' || typeSet(vt.dom) !== domText) return null;
    }
    return s.body.map((b) => {
      const a = b as Extract<IStmt, { k: 'assign' }>;
      const name = this.base.names.fresh(s.name);
      const env = new Map(c.env).set(s.slot, name);
      return { index: a.index, keys: '', value: `[${name} \\in ${domText} |-> ${expr(a.v, this.ctx(env))}]` };
    });
  }

  /** The iterations of a for: the loop variable bound to each value's text, with a membership guard where the domain depends on the state. */
  private iterations(s: Extract<IStmt, { k: 'for' }>, env: Map<number, string>): { env: Map<number, string>; guard?: string }[] {
    const c = this.ctx(env);
    const { values, type, guarded } = staticDomain(s.dom);
    const dom = guarded ? domain(s.dom, c) : undefined;
    return values.map((v) => {
      const text = tlaValue(type, v);
      return { env: new Map(env).set(s.slot, text), guard: dom === undefined ? undefined : `${text} \\in ${dom}` };
    });
  }

  private keys(path: IPathElem[], c: ExprCtx): string {
    return path
      .map((p) => {
        if (p.k === 'field') return `.${p.name}`;
        if (p.k === 'mapIndex') return `[${expr(p.i, c)}]`;
        return `[${seqPos(p.i, c)}]`;
      })
      .join('');
  }

  /** The end of a path: each assigned variable's new value, UNCHANGED for the rest (Init: each variable's value). */
  private emit(upd0: Upd[]): F {
    let upd = upd0;
    if (this.mode.k === 'next' && this.mode.action.process) {
      const p = this.mode.action.process;
      const gotos = upd.filter((u) => u.index === p.pcVar);
      if (!gotos.some((u) => u.cond === null)) {
        upd = [{ index: p.pcVar, keys: this.mode.pcKeys, value: str(p.next), cond: null }, ...upd];
      }
    }
    const items: F[] = [];
    const unchanged: string[] = [];
    this.model.vars.forEach((v, i) => {
      const mine = upd.filter((u) => u.index === i);
      const name = this.base.vars[i];
      if (mine.length === 0) {
        if (this.mode.k === 'init') throw new ExportError(`init does not assign ${v.name}`);
        unchanged.push(name);
        return;
      }
      const start = this.mode.k === 'init' ? firstValue(v.type, (b) => this.base.names.fresh(b)) : name;
      items.push(atom(`${name}${this.mode.k === 'init' ? '' : "'"} = ${compose(start, mine)}`));
    });
    if (unchanged.length) items.push(atom(`UNCHANGED <<${unchanged.join(', ')}>>`));
    return and(items);
  }
}

/** A variable's new value: `start` with the updates of one path applied in order. */
function compose(start: string, upd: Upd[]): string {
  let cur = start;
  let excepts: { keys: string; value: string }[] = [];
  const flush = () => {
    if (excepts.length) cur = `[${paren(cur)} EXCEPT ${excepts.map((x) => `!${x.keys} = ${x.value}`).join(', ')}]`;
    excepts = [];
  };
  for (const u of upd) {
    if (u.keys === '') {
      flush();
      cur = u.cond ? `IF ${u.cond} THEN ${u.value} ELSE ${paren(cur)}` : u.value;
      continue;
    }
    const last = excepts[excepts.length - 1];
    if (last && last.keys === u.keys && u.cond) last.value = `IF ${u.cond} THEN ${u.value} ELSE ${paren(last.value)}`;
    else excepts.push({ keys: u.keys, value: u.cond ? `IF ${u.cond} THEN ${u.value} ELSE @` : u.value });
  }
  flush();
  return cur;
}

function paren(t: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$|^"[^"]*"$|^-?\d+$|^\[.*\]$|^<<.*>>$/.test(t) && !/^IF /.test(t) ? t : `(${t})`;
}

function wrap(prefix: Prefix[], rest: () => F): F {
  const go = (i: number): F => {
    if (i === prefix.length) return rest();
    const p = prefix[i];
    if ('guard' in p) return and([atom(p.guard), go(i + 1)]);
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
export function partialKeys(stmts: IStmt[]): boolean {
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
function total(e: IExpr): boolean {
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
export function nondet(stmts: IStmt[]): boolean {
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
function staticDomain(d: IDomain): { values: Value[]; type: Type; guarded: boolean } {
  switch (d.k) {
    case 'type':
      return { values: enumerate(d.type), type: d.type, guarded: false };
    case 'range': {
      if (d.lo.k === 'lit' && d.hi.k === 'lit') return { values: range(d.lo.v as number, d.hi.v as number), type: INT, guarded: false };
      const lo = bound(d.lo, 'lo');
      const hi = bound(d.hi, 'hi');
      return { values: range(lo, hi), type: INT, guarded: true };
    }
    case 'set': {
      const t = d.e.ty;
      if (t.k !== 'set') throw new Error('internal: a for over a non-set');
      return { values: enumerate(t.elem), type: t.elem, guarded: true };
    }
  }
}

function bound(e: IExpr, which: 'lo' | 'hi'): number {
  const t = e.ty;
  const n = t.k === 'int' ? t[which] : NaN;
  if (!Number.isFinite(n)) throw new ExportError('a for over a range whose bounds depend on the state and have no finite type cannot be unrolled');
  return n;
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}
