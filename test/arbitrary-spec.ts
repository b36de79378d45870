// A fast-check arbitrary of small, well-typed spec texts (docs/language.md),
// used to hold the generated checker against the reference interpreter.
//
// The generator is driven by a list of natural numbers ("choices"): each
// decision takes the next number modulo its number of options, and an
// exhausted list answers 0. Option 0 is always the simplest one (a literal,
// no statement, no process...), so fast-check's shrinking of the list
// (dropping elements, moving values toward 0) shrinks the spec text too.
//
// Every generated spec is meant to be free of evaluation errors: integer
// results are kept in range with `%`, min/max or `if`; head/tail only when
// len > 0, append only when len < capacity; union fields are read in match
// arms or after `is`; a variable (or a part of it) is assigned at most once
// on every path through a step, map entries at most once per path.
import * as fc from 'fast-check';

/** The types the generator knows; every one is a finite type of the language. */
type GT =
  | { k: 'bool' }
  | { k: 'int'; hi: number } // 0..hi
  | { k: 'color' } // enum Color { Red, Green, Blue }
  | { k: 'rec' } // { a: 0..2, b: bool }
  | { k: 'map' } // [0..1] -> 0..2
  | { k: 'set' } // set<0..2>
  | { k: 'seq' } // seq<0..1, 2>
  | { k: 'opt' }; // union Opt { NoVal, Val { v: 0..2 } }

const BOOL: GT = { k: 'bool' };
const COLORS = ['Red', 'Green', 'Blue'];

function typeText(t: GT): string {
  switch (t.k) {
    case 'bool':
      return 'bool';
    case 'int':
      return `0..${t.hi}`;
    case 'color':
      return 'Color';
    case 'rec':
      return '{ a: 0..2, b: bool }';
    case 'map':
      return '[0..1] -> 0..2';
    case 'set':
      return 'set<0..2>';
    case 'seq':
      return 'seq<0..1, 2>';
    case 'opt':
      return 'Opt';
  }
}

interface Named {
  name: string;
  t: GT;
}

interface Ctx {
  /** state variables that may be read (none in init) */
  vars: Named[];
  /** bound names: parameters, with/let/quantifier bindings, self, process locals */
  locals: Named[];
  /** the indexed process, when the spec has one and state may be read */
  proc?: { labels: string[] };
  depth: number;
}

/** What a path through a step has assigned so far. */
interface Assigned {
  whole: Set<string>;
  /** record fields / union field assigned (name.field), map or seq entries (name[]) */
  parts: Set<string>;
  goto: boolean;
}

const cloneA = (a: Assigned): Assigned => ({ whole: new Set(a.whole), parts: new Set(a.parts), goto: a.goto });
function mergeInto(into: Assigned, ...xs: Assigned[]) {
  for (const x of xs) {
    x.whole.forEach((v) => into.whole.add(v));
    x.parts.forEach((v) => into.parts.add(v));
    into.goto ||= x.goto;
  }
}
const touched = (a: Assigned, v: string) => a.whole.has(v) || [...a.parts].some((p) => p.startsWith(v + '.') || p.startsWith(v + '['));

export class SpecGen {
  private i = 0;
  private fresh = 0;
  constructor(private readonly xs: number[]) {}

  /** the next choice among n options (0 when the list is exhausted) */
  pick(n: number): number {
    if (n <= 1) return 0;
    const x = this.i < this.xs.length ? this.xs[this.i] : 0;
    this.i++;
    return x % n;
  }
  chance(oneIn: number): boolean {
    return this.pick(oneIn) === oneIn - 1;
  }
  name(prefix: string): string {
    return `${prefix}${this.fresh++}`;
  }

  // ---------- expressions ----------

  private sources(ctx: Ctx, pred: (t: GT) => boolean): Named[] {
    return [...ctx.vars, ...ctx.locals].filter((x) => pred(x.t));
  }

  /** an integer expression whose value is always in 0..hi */
  int(ctx: Ctx, hi: number): string {
    const d = ctx.depth;
    const sub: Ctx = { ...ctx, depth: d - 1 };
    // fit an expression with values in 0..m into 0..hi
    const fit = (e: string, m: number) => (m <= hi ? e : this.pick(2) === 0 ? `min(${e}, ${hi})` : `(${e} % ${hi + 1})`);
    const n = d <= 0 ? 2 : 16;
    switch (this.pick(n)) {
      case 0:
        return String(this.pick(hi + 1));
      case 1: {
        const ints = this.sources(ctx, (t) => t.k === 'int');
        if (!ints.length) return String(this.pick(hi + 1));
        const x = ints[this.pick(ints.length)];
        return fit(x.name, (x.t as { hi: number }).hi);
      }
      case 2:
        return `((${this.int(sub, hi)} + ${this.int(sub, hi)}) % ${hi + 1})`;
      case 3:
        return `max(${this.int(sub, hi)} - ${this.int(sub, hi)}, 0)`;
      case 4:
        return `${this.pick(2) ? 'min' : 'max'}(${this.int(sub, hi)}, ${this.int(sub, hi)})`;
      case 5:
        return `(if ${this.bool(sub)} then ${this.int(sub, hi)} else ${this.int(sub, hi)})`;
      case 6: {
        const m = this.sources(ctx, (t) => t.k === 'map');
        if (!m.length) return this.int(sub, hi);
        return fit(`${m[this.pick(m.length)].name}[${this.int(sub, 1)}]`, 2);
      }
      case 7: {
        const r = this.sources(ctx, (t) => t.k === 'rec');
        if (!r.length) return `((${this.int(sub, hi)} * ${this.int(sub, hi)}) % ${hi + 1})`;
        return fit(`${r[this.pick(r.length)].name}.a`, 2);
      }
      case 8:
        return fit(`card(${this.set(sub, false)})`, 3);
      case 9:
        return fit(`len(${this.seq(sub, false)})`, 2);
      case 10: {
        const q = this.seq(sub, false);
        return fit(`(if len(${q}) > 0 then head(${q}) else 0)`, 1);
      }
      case 11:
        return fit(`(match ${this.opt(sub)} { Val { v } => v, NoVal => ${this.int(sub, 2)} })`, 2);
      case 12: {
        const arms = COLORS.map((c) => `${c} => ${this.int(sub, hi)}`);
        if (this.pick(2)) return `(match ${this.color(sub)} { ${arms[0]}, _ => ${this.int(sub, hi)} })`;
        return `(match ${this.color(sub)} { ${arms.join(', ')} })`;
      }
      case 13: {
        const x = this.name('x');
        const inner: Ctx = { ...sub, locals: [...sub.locals, { name: x, t: { k: 'int', hi } }] };
        return `(let ${x} = ${this.int(sub, hi)} in ${this.int(inner, hi)})`;
      }
      case 14:
        return `(${this.int(sub, hi)} / ${1 + this.pick(2)})`;
      default: {
        const procs = ctx.proc ? this.procLocalRead(ctx) : null;
        return procs ?? fit(`(${this.int(sub, 3)} * ${this.int(sub, 3)})`, 9);
      }
    }
  }

  private procLocalRead(ctx: Ctx): string | null {
    if (!ctx.proc) return null;
    return `P[${this.pick(2)}].l`;
  }

  bool(ctx: Ctx): string {
    const d = ctx.depth;
    const sub: Ctx = { ...ctx, depth: d - 1 };
    const n = d <= 0 ? 2 : 18;
    switch (this.pick(n)) {
      case 0:
        return this.pick(2) ? 'true' : 'false';
      case 1: {
        const bs = this.sources(ctx, (t) => t.k === 'bool');
        const rs = this.sources(ctx, (t) => t.k === 'rec');
        if (rs.length && this.pick(2)) return `${rs[this.pick(rs.length)].name}.b`;
        if (!bs.length) return this.pick(2) ? 'true' : 'false';
        return bs[this.pick(bs.length)].name;
      }
      case 2:
        return `(${this.int(sub, 3)} ${['<', '<=', '==', '!=', '>', '>='][this.pick(6)]} ${this.int(sub, 3)})`;
      case 3:
        return `${this.pick(2) ? '!' : 'not '}(${this.bool(sub)})`;
      case 4:
        return `(${this.bool(sub)} ${['&&', '||', 'and', 'or', '=>'][this.pick(5)]} ${this.bool(sub)})`;
      case 5:
        return `(${this.int(sub, 3)} ${this.pick(2) ? 'in' : 'notin'} ${this.set(sub, false)})`;
      case 6:
        return `(${this.set(sub, false)} subseteq ${this.set(sub, true)})`;
      case 7:
        return `(${this.opt(sub)} is ${this.pick(2) ? 'Val' : 'NoVal'})`;
      case 8:
        return `(${this.color(sub)} ${this.pick(2) ? '==' : '!='} ${this.color(sub)})`;
      case 9: {
        // equality on a structured type; only the right operand may be an empty literal
        const k = this.pick(4);
        if (k === 0) return `(${this.seq(sub, false)} == ${this.seq(sub, true)})`;
        if (k === 1) return `(${this.set(sub, false)} == ${this.set(sub, true)})`;
        if (k === 2) return `(${this.map(sub)} != ${this.map(sub)})`;
        return `(${this.rec(sub)} == ${this.rec(sub)})`;
      }
      case 10: {
        const x = this.name('x');
        const doms: [string, GT][] = [
          ['0..2', { k: 'int', hi: 2 }],
          ['Color', { k: 'color' }],
          [this.set(sub, false), { k: 'int', hi: 2 }],
        ];
        const [dom, t] = doms[this.pick(3)];
        const inner: Ctx = { ...sub, locals: [...sub.locals, { name: x, t }] };
        return `(${this.pick(2) ? 'forall' : 'exists'} ${x} in ${dom}: ${this.bool(inner)})`;
      }
      case 11:
        return `(if ${this.bool(sub)} then ${this.bool(sub)} else ${this.bool(sub)})`;
      case 12:
        return `(${this.int(sub, 3)} in ${this.pick(2)}..${1 + this.pick(3)})`;
      case 13:
        if (ctx.proc) return `(P[${this.pick(2)}] at ${[...ctx.proc.labels, 'Done'][this.pick(ctx.proc.labels.length + 1)]})`;
        return `(${this.seq(sub, false)} != << >>)`;
      case 14:
        return `(match ${this.opt(sub)} { Val { v } => (v > ${this.pick(3)}), NoVal => ${this.bool(sub)} })`;
      case 15: {
        const x = this.name('x');
        const inner: Ctx = { ...sub, locals: [...sub.locals, { name: x, t: BOOL }] };
        return `(let ${x} = ${this.bool(sub)} in ${this.bool(inner)})`;
      }
      case 16:
        return `(${this.opt(sub)} == ${this.opt(sub)})`;
      default:
        return `(len(${this.seq(sub, false)}) ${this.pick(2) ? '<' : '>'} ${this.pick(3)})`;
    }
  }

  color(ctx: Ctx): string {
    const sub: Ctx = { ...ctx, depth: ctx.depth - 1 };
    const k = this.pick(ctx.depth <= 0 ? 2 : 4);
    if (k === 1) {
      const cs = this.sources(ctx, (t) => t.k === 'color');
      if (cs.length) return cs[this.pick(cs.length)].name;
    }
    if (k === 2) return `(if ${this.bool(sub)} then ${this.color(sub)} else ${this.color(sub)})`;
    if (k === 3) return `(match ${this.opt(sub)} { NoVal => ${this.color(sub)}, Val { v } => (if v == 0 then Red else ${this.color(sub)}) })`;
    return COLORS[this.pick(3)];
  }

  rec(ctx: Ctx): string {
    const sub: Ctx = { ...ctx, depth: ctx.depth - 1 };
    const k = this.pick(ctx.depth <= 0 ? 2 : 4);
    if (k === 1) {
      const rs = this.sources(ctx, (t) => t.k === 'rec');
      if (rs.length) return rs[this.pick(rs.length)].name;
    }
    if (k === 2) return `(${this.rec(sub)} with { ${this.pick(2) ? `a: ${this.int(sub, 2)}` : `b: ${this.bool(sub)}`} })`;
    if (k === 3) return `(if ${this.bool(sub)} then ${this.rec(sub)} else ${this.rec(sub)})`;
    // field order does not matter in a record literal
    return this.pick(2) ? `{ a: ${this.int(sub, 2)}, b: ${this.bool(sub)} }` : `{ b: ${this.bool(sub)}, a: ${this.int(sub, 2)} }`;
  }

  map(ctx: Ctx): string {
    const sub: Ctx = { ...ctx, depth: ctx.depth - 1 };
    const k = this.pick(ctx.depth <= 0 ? 2 : 4);
    if (k === 1) {
      const ms = this.sources(ctx, (t) => t.k === 'map');
      if (ms.length) return ms[this.pick(ms.length)].name;
    }
    if (k === 2) return `(${this.map(sub)} with [${this.int(sub, 1)}] = (${this.int(sub, 2)}))`;
    if (k === 3) return `(if ${this.bool(sub)} then ${this.map(sub)} else ${this.map(sub)})`;
    const x = this.name('x');
    const inner: Ctx = { ...sub, locals: [...sub.locals, { name: x, t: { k: 'int', hi: 1 } }] };
    return `[${x} in 0..1 |-> ${this.int(inner, 2)}]`;
  }

  /** a set<0..2> expression; `{}` only where the expected type is known */
  set(ctx: Ctx, emptyOk: boolean): string {
    const sub: Ctx = { ...ctx, depth: ctx.depth - 1 };
    const k = this.pick(ctx.depth <= 0 ? 2 : 5);
    if (k === 0 && emptyOk && this.pick(2)) return '{}';
    if (k === 1) {
      const ss = this.sources(ctx, (t) => t.k === 'set');
      if (ss.length) return ss[this.pick(ss.length)].name;
    }
    if (k === 2) return `(${this.set(sub, false)} ${['union', 'inter', '\\'][this.pick(3)]} ${this.set(sub, true)})`;
    if (k === 3) return `(if ${this.bool(sub)} then ${this.set(sub, emptyOk)} else ${this.set(sub, true)})`;
    if (k === 4) return `{${this.int(sub, 2)}, ${this.int(sub, 2)}}`;
    return `{${this.int(sub, 2)}}`;
  }

  /** a seq<0..1, 2> expression (length at most 2); `<< >>` only where the expected type is known */
  seq(ctx: Ctx, emptyOk: boolean): string {
    const sub: Ctx = { ...ctx, depth: ctx.depth - 1 };
    const k = this.pick(ctx.depth <= 0 ? 2 : 6);
    if (k === 0 && emptyOk && this.pick(2)) return '<< >>';
    if (k === 1) {
      const ss = this.sources(ctx, (t) => t.k === 'seq');
      if (ss.length) return ss[this.pick(ss.length)].name;
    }
    if (k === 2) {
      const q = this.seq(sub, false);
      return `(if len(${q}) > 0 then tail(${q}) else ${q})`;
    }
    if (k === 3) {
      const q = this.seq(sub, false);
      return `(if len(${q}) < 2 then append(${q}, ${this.int(sub, 1)}) else ${q})`;
    }
    if (k === 4) return `(if ${this.bool(sub)} then ${this.seq(sub, emptyOk)} else ${this.seq(sub, true)})`;
    if (k === 5) return `<<${this.int(sub, 1)}, ${this.int(sub, 1)}>>`;
    return `<<${this.int(sub, 1)}>>`;
  }

  opt(ctx: Ctx): string {
    const sub: Ctx = { ...ctx, depth: ctx.depth - 1 };
    const k = this.pick(ctx.depth <= 0 ? 2 : 4);
    if (k === 1) {
      const os = this.sources(ctx, (t) => t.k === 'opt');
      if (os.length) return os[this.pick(os.length)].name;
    }
    if (k === 2) return `Val { v: ${this.int(sub, 2)} }`;
    if (k === 3) return `(if ${this.bool(sub)} then ${this.opt(sub)} else ${this.opt(sub)})`;
    return this.pick(2) ? 'NoVal' : `Val { v: ${this.pick(3)} }`;
  }

  /** an expression of type t, for the right-hand side of an assignment (empty literals allowed) */
  value(ctx: Ctx, t: GT): string {
    switch (t.k) {
      case 'bool':
        return this.bool(ctx);
      case 'int':
        return this.int(ctx, t.hi);
      case 'color':
        return this.color(ctx);
      case 'rec':
        return this.rec(ctx);
      case 'map':
        return this.map(ctx);
      case 'set':
        return this.set(ctx, true);
      case 'seq':
        return this.seq(ctx, true);
      case 'opt':
        return this.opt(ctx);
    }
  }

  // ---------- statements ----------

  /** a block of statements for an action or process step; `targets` are the assignable variables */
  block(ctx: Ctx, targets: Named[], a: Assigned, n: number, inProc: string[] | null, nested: number): string[] {
    const out: string[] = [];
    let c = ctx;
    for (let i = 0; i < n; i++) {
      const s = this.stmt(c, targets, a, inProc, nested);
      out.push(s.text);
      if (s.bind) c = { ...c, locals: [...c.locals, s.bind] };
    }
    return out;
  }

  private stmt(ctx: Ctx, targets: Named[], a: Assigned, inProc: string[] | null, nested: number): { text: string; bind?: Named } {
    const e: Ctx = { ...ctx, depth: 2 };
    const free = targets.filter((t) => !touched(a, t.name));
    const k = this.pick(nested > 1 ? 4 : 9);
    switch (k) {
      case 0: {
        // whole assignment
        if (!free.length) return { text: 'skip' };
        const v = free[this.pick(free.length)];
        a.whole.add(v.name);
        const rhs = this.value(e, v.t);
        return { text: this.pick(4) === 0 && v.name !== 'l' ? `${v.name}' = ${rhs}` : `${v.name} := ${rhs}` };
      }
      case 1:
        return { text: this.part(e, targets, a) };
      case 2:
        return { text: `await ${this.bool(e)}` };
      case 3: {
        const x = this.name('x');
        const t: GT = [BOOL, { k: 'int', hi: 2 } as GT, { k: 'set' } as GT][this.pick(3)];
        return { text: `let ${x} = ${t.k === 'set' ? this.set(e, false) : this.value(e, t)}`, bind: { name: x, t } };
      }
      case 4: {
        const a1 = cloneA(a);
        const a2 = cloneA(a);
        const th = this.block(ctx, targets, a1, 1 + this.pick(2), inProc, nested + 1);
        const el = this.pick(2) ? this.block(ctx, targets, a2, 1 + this.pick(2), inProc, nested + 1) : null;
        mergeInto(a, a1, a2);
        return { text: `if ${this.bool(e)} {\n${th.join('\n')}\n}${el ? ` else {\n${el.join('\n')}\n}` : ''}` };
      }
      case 5: {
        const x = this.name('x');
        const doms: [string, GT][] = [
          ['0..1', { k: 'int', hi: 1 }],
          ['Color', { k: 'color' }],
          [this.set(e, false), { k: 'int', hi: 2 }],
          ['bool', BOOL],
        ];
        const [dom, t] = doms[this.pick(4)];
        const inner: Ctx = { ...ctx, locals: [...ctx.locals, { name: x, t }] };
        const body = this.block(inner, targets, a, 1 + this.pick(2), inProc, nested + 1);
        return { text: `with ${x} in ${dom} {\n${body.join('\n')}\n}` };
      }
      case 6: {
        const branches: string[][] = [];
        const as: Assigned[] = [];
        for (let b = 0, nb = 2 + this.pick(2); b < nb; b++) {
          const ab = cloneA(a);
          branches.push(this.block(ctx, targets, ab, 1 + this.pick(2), inProc, nested + 1));
          as.push(ab);
        }
        mergeInto(a, ...as);
        return { text: `either {\n${branches.map((b) => b.join('\n')).join('\n} or {\n')}\n}` };
      }
      case 7: {
        // all entries of an untouched map in one step
        const ms = free.filter((t) => t.t.k === 'map');
        if (!ms.length) return { text: 'skip' };
        const m = ms[this.pick(ms.length)].name;
        a.whole.add(m);
        const x = this.name('x');
        const inner: Ctx = { ...e, locals: [...e.locals, { name: x, t: { k: 'int', hi: 1 } }] };
        // a choice in each iteration, now and then (the word code writes such a loop out), over 0..1 or
        // over a set or a range computed in the step (an iteration per value it could hold, each tested)
        const choice = this.pick(5);
        if (choice === 3) return { text: `for ${x} in (${this.set(e, false)} inter {0, 1}) { either { ${m}[${x}] := ${this.int(inner, 2)} } or { skip } }` };
        if (choice === 4) return { text: `for ${x} in (${this.int(e, 1)})..(${this.int(e, 1)}) { either { ${m}[${x}] := ${this.int(inner, 2)} } or { skip } }` };
        if (choice === 1) return { text: `for ${x} in 0..1 { either { ${m}[${x}] := ${this.int(inner, 2)} } or { ${m}[${x}] := ${this.int(inner, 2)} } }` };
        if (choice === 2) {
          const y = this.name('y');
          const inY: Ctx = { ...inner, locals: [...inner.locals, { name: y, t: { k: 'int', hi: 1 } }] };
          return { text: `for ${x} in 0..1 { with ${y} in 0..1 { await ${this.bool(inY)}; ${m}[${x}] := ${this.int(inY, 2)} } }` };
        }
        return { text: `for ${x} in 0..1 { ${m}[${x}] := ${this.int(inner, 2)} }` };
      }
      default:
        return { text: 'skip' };
    }
  }

  /** an assignment to a part of a variable: a map entry, a record field, a union field, a sequence element */
  private part(e: Ctx, targets: Named[], a: Assigned): string {
    const opts: string[] = [];
    for (const t of targets) {
      if (a.whole.has(t.name)) continue;
      const has = (p: string) => a.parts.has(p);
      if (t.t.k === 'map' && !has(`${t.name}[`)) opts.push(`${t.name}[`);
      if (t.t.k === 'seq' && !has(`${t.name}[`)) opts.push(`${t.name}[`);
      if (t.t.k === 'rec' && !has(`${t.name}.a`)) opts.push(`${t.name}.a`);
      if (t.t.k === 'rec' && !has(`${t.name}.b`)) opts.push(`${t.name}.b`);
      if (t.t.k === 'opt' && !has(`${t.name}.v`)) opts.push(`${t.name}.v`);
    }
    if (!opts.length) return 'skip';
    const p = opts[this.pick(opts.length)];
    a.parts.add(p);
    const name = p.replace(/[.[].*$/, '');
    const t = targets.find((x) => x.name === name)!.t;
    if (t.k === 'map') return `${name}[${this.int(e, 1)}] := ${this.int(e, 2)}`;
    if (t.k === 'seq') {
      const i = this.pick(2);
      return `if len(${name}) > ${i} { ${name}[${i}] := ${this.int(e, 1)} }`;
    }
    if (t.k === 'opt') return `if ${name} is Val { ${name}.v := ${this.int(e, 2)} }`;
    return p.endsWith('.a') ? `${p} := ${this.int(e, 2)}` : `${p} := ${this.bool(e)}`;
  }

  // ---------- declarations ----------

  spec(): string {
    const ALL: GT[] = [BOOL, { k: 'int', hi: 1 + this.pick(3) }, { k: 'color' }, { k: 'rec' }, { k: 'map' }, { k: 'set' }, { k: 'seq' }, { k: 'opt' }];
    const nv = 1 + this.pick(4);
    const vars: Named[] = [];
    for (let i = 0; i < nv; i++) vars.push({ name: `g${i}`, t: ALL[this.pick(ALL.length)] });
    const hasProc = this.chance(3);
    const labels = hasProc ? ['s0', 's1', 's2'].slice(0, 2 + this.pick(2)) : [];
    const proc = hasProc ? { labels } : undefined;
    const out: string[] = [];
    out.push('enum Color { Red, Green, Blue }');
    out.push('union Opt { NoVal, Val { v: 0..2 } }');
    for (const v of vars) out.push(`var ${v.name}: ${typeText(v.t)}`);

    // init: every variable on every path, reading only init-bound names
    const initCtx: Ctx = { vars: [], locals: [], depth: 1 };
    const init: string[] = [];
    const initVar = (ctx: Ctx, v: Named): string => {
      const k = this.pick(4);
      if (k === 1) {
        const x = this.name('x');
        const dom = this.pick(2) ? '0..1' : 'Color';
        const t: GT = dom === 'Color' ? { k: 'color' } : { k: 'int', hi: 1 };
        const inner: Ctx = { ...ctx, locals: [...ctx.locals, { name: x, t }] };
        const guard = this.chance(4) ? `await ${this.bool(inner)}; ` : '';
        return `with ${x} in ${dom} { ${guard}${v.name} := ${this.value(inner, v.t)} }`;
      }
      if (k === 2) return `either { ${v.name} := ${this.value(ctx, v.t)} } or { ${v.name} := ${this.value(ctx, v.t)} }`;
      return `${v.name} := ${this.value(ctx, v.t)}`;
    };
    for (const v of vars) init.push(initVar(initCtx, v));
    out.push(`init {\n${init.join('\n')}\n}`);

    const stateCtx: Ctx = { vars, locals: [], proc, depth: 2 };
    const na = 1 + this.pick(5) - (hasProc ? 1 : 0);
    for (let i = 0; i < na; i++) {
      const params: Named[] = [];
      const np = this.pick(3);
      for (let j = 0; j < np; j++) {
        const t: GT = [{ k: 'int', hi: 1 } as GT, { k: 'color' } as GT, BOOL][this.pick(3)];
        params.push({ name: this.name('p'), t });
      }
      const ctx: Ctx = { ...stateCtx, locals: params };
      const body = this.block(ctx, vars, { whole: new Set(), parts: new Set(), goto: false }, 1 + this.pick(3), null, 0);
      const ps = params.length ? `(${params.map((p) => `${p.name}: ${p.t.k === 'int' ? '0..1' : typeText(p.t)}`).join(', ')})` : '';
      out.push(`action A${i}${ps} {\n${body.join(this.pick(2) ? '\n' : '; ')}\n}`);
    }

    if (hasProc) {
      const self: Named[] = [
        { name: 'self', t: { k: 'int', hi: 1 } },
        { name: 'i', t: { k: 'int', hi: 1 } },
        { name: 'l', t: { k: 'int', hi: 2 } },
      ];
      const steps = labels.map((lab, li) => {
        const ctx: Ctx = { ...stateCtx, locals: self };
        const a: Assigned = { whole: new Set(), parts: new Set(), goto: false };
        const targets = [...vars, { name: 'l', t: { k: 'int', hi: 2 } as GT }];
        const body = this.block(ctx, targets, a, 1 + this.pick(2), labels, 0);
        const g = this.pick(4);
        if (g === 1) body.push(`goto ${labels[this.pick(labels.length)]}`);
        if (g === 2) body.push(`if ${this.bool({ ...ctx, depth: 1 })} { goto ${labels[this.pick(labels.length)]} }`);
        if (g === 3 && li === labels.length - 1) body.push(`goto ${labels[0]}`);
        return `  ${lab}: ${body.join('\n    ')}`;
      });
      const linit = this.pick(3) === 0 ? 'i' : String(this.pick(3));
      out.push(`process P[i in 0..1] {\n  var l: 0..2 = ${linit}\n${steps.join('\n')}\n}`);
    }

    const ni = this.pick(3);
    for (let i = 0; i < ni; i++) {
      const k = this.pick(3);
      const body = k === 0 ? this.bool({ ...stateCtx, depth: 2 }) : k === 1 ? `${this.pick(2) ? 'forall' : 'exists'} y in 0..1: ${this.bool({ ...stateCtx, locals: [{ name: 'y', t: { k: 'int', hi: 1 } }], depth: 2 })}` : this.bool({ ...stateCtx, depth: 3 });
      out.push(`invariant Inv${i}: ${body}`);
    }
    // liveness: each form, sometimes under a forall prefix; fairness of the process and of actions
    const nl = this.pick(3);
    for (let i = 0; i < nl; i++) {
      const bound = this.chance(3);
      const ctx: Ctx = { ...stateCtx, locals: bound ? [{ name: 'y', t: { k: 'int', hi: 1 } }] : [], depth: 2 };
      const k = this.pick(3);
      const body = k === 0 ? `${this.bool(ctx)} leads_to ${this.bool(ctx)}` : k === 1 ? `eventually ${this.bool(ctx)}` : `always eventually ${this.bool(ctx)}`;
      out.push(`property L${i}: ${bound ? 'forall y in 0..1: ' : ''}${body}`);
    }
    if (nl > 0) {
      if (hasProc && this.pick(3) > 0) out.push(`fairness ${this.pick(2) ? 'weak' : 'strong'} P`);
      for (let i = 0; i < na; i++) if (this.chance(2)) out.push(`fairness ${this.pick(2) ? 'weak' : 'strong'} A${i}`);
    }
    return out.join('\n') + '\n';
  }
}

/** The spec text a list of choices describes. */
export function specFromChoices(xs: number[]): string {
  return new SpecGen(xs).spec();
}

/** Random well-typed spec texts; shrinking shortens the choice list and so the spec. */
export const arbitrarySpec: fc.Arbitrary<string> = fc
  .array(fc.nat({ max: 1 << 16 }), { minLength: 100, maxLength: 400, size: 'max' })
  .map(specFromChoices);

/** The tokens of a spec text (for token-level mutations); whitespace runs are tokens too. */
export function tokens(text: string): string[] {
  return text.match(/\s+|[A-Za-z_][A-Za-z0-9_]*|\d+|:=|\.\.|->|=>|\|->|<<|>>|&&|\|\||[<>=!]=|\/\/|\/\*|\*\/|[^\s]/g) ?? [];
}
