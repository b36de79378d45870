// Steps that work on the packed words (issue 14, item 1). An action whose
// statements and expressions all have a small finite type is compiled a second
// time, to code that reads its variables' fields from the pre-state's words,
// computes the next value of each variable it assigns as an ordinal, and
// writes the successor's words: no value is built, looked up or packed.
//
// Values are held as numbers: a bool as a JS boolean, an int as itself, any
// other value as its ordinal in its type (src/runtime/values.ts `ord`: the
// packed field's bits). A set's ordinal is a bitset, a map's the mixed-radix
// number of its entries, a union's its tag's offset plus its fields'.
//
// Where the value path raises an error (an int outside the variable's type, a
// key outside a map's domain), the word code does not: it hands that one
// choice of parameters to the value step (`step<i>`), which raises it with its
// span. Everything else the word code evaluates is total and pure, so it may
// evaluate eagerly what the value path would skip (`a && forall ...`).
//
// An action that uses anything else (a process step, sequences, records,
// `with`/`either`, division) stays on the value path; the module says which
// and why.
import type { IAction, IDomain, IExpr, IInvariant, IStmt, Model } from '../dsl/ir';
import { miniscope } from './miniscope';
import { size, typeToString, type Type } from '../src/runtime/types';
import { ord } from '../src/runtime/values';
import { hexMask, pieces, type FieldLayout } from './layout';

/** ordinals are combined with 32-bit integer operations */
const MAX_ORD = 2 ** 31;
/** a set is a bitset of at most this many elements (1 << k stays positive) */
const MAX_SET_ELEMS = 30;
/** quantifier and `for` domains iterated in place */
const MAX_LOOP = 1 << 12;
/** stands for "hand this choice of parameters to the value step", replaced once the action is written */
const DELEGATE = '@DELEGATE@';

class Unsupported extends Error {}

export interface WordHost {
  /** a module-level constant, shared by identical text (emit.ts) */
  hoist(prefix: string, code: string, comment?: string): string;
  /** the hoisted array of a type's values in ordinal order */
  domainValues(t: Type): string;
}

export type WordAction = { code: string } | { why: string };

export class WordSteps {
  private tmp = 0;
  /** per local slot: its JS name and the type whose ordinal (or int, bool) it holds */
  private locals = new Map<number, { id: string; type: Type; proven: boolean }>();
  /** variables read or assigned by the action being compiled */
  private used = new Set<number>();

  constructor(
    private readonly model: Model,
    private readonly fields: FieldLayout[],
    private readonly words: number,
    private readonly host: WordHost,
  ) {}

  /**
   * `waction<ai>(s, emit)`: every successor of the state whose words are in
   * BASE_W (s is that state, decoded), or why the action cannot be compiled.
   */
  action(a: IAction, ai: number): WordAction {
    if (a.process) return { why: 'a process step' };
    if (this.model.symmetric) return { why: 'symmetric declared' };
    this.tmp = 0;
    this.locals = new Map();
    this.used = new Set();
    try {
      return { code: this.compile(a, ai) };
    } catch (e) {
      if (e instanceof Unsupported) return { why: e.message };
      throw e;
    }
  }

  /** `winv<i>(B)`: invariant i of the state whose words are B, or why it cannot be compiled */
  invariant(inv: IInvariant, i: number): WordAction {
    if (this.model.symmetric) return { why: 'symmetric declared' };
    this.tmp = 0;
    this.locals = new Map();
    this.used = new Set();
    try {
      const pre: string[] = [];
      const code = this.ex(inv.expr, pre);
      // an invariant that can raise an error is left to the value path, which raises it
      if (pre.some((l) => l.includes(DELEGATE))) return { why: 'it can raise an evaluation error' };
      const reads = [...this.used].sort((x, y) => x - y).map((k) => `const v${k} = ${this.readVar(k)}; // ${this.model.vars[k].name}`);
      const bound = [...this.locals.values()].map((l) => l.id);
      const lines = [...reads, ...(bound.length ? [`let ${bound.join(', ')};`] : []), ...pre, `return ${code};`];
      return { code: `/** invariant ${inv.name} on the packed words B */\nfunction winv${i}(B: Uint32Array): boolean {\n${indent(lines.join('\n'))}\n}\n` };
    } catch (e) {
      if (e instanceof Unsupported) return { why: e.message };
      throw e;
    }
  }

  private compile(a: IAction, ai: number): string {
    const sizes = a.params.map((p) => size(p.type));
    for (const p of a.params) {
      this.checkType(p.type);
      if (size(p.type) > MAX_LOOP) throw new Unsupported(`parameter ${p.name} ranges over ${size(p.type)} values`);
      this.bind(p.slot, p.name, p.type, true);
    }
    const params = a.params.map((p) => this.locals.get(p.slot)!.id);
    // the leading awaits' conjuncts that read no parameter: tested once, before the loops
    let lead = 0;
    while (lead < a.body.length && a.body[lead].k === 'await') lead++;
    const once: string[] = [];
    const inner: IStmt[] = [];
    for (const st of a.body.slice(0, lead)) {
      for (const c of conjuncts((st as Extract<IStmt, { k: 'await' }>).c)) {
        const pre: string[] = [];
        const code = closedOf(c) && a.params.length > 0 ? this.ex(c, pre) : null;
        if (code !== null && !pre.some((l) => l.includes(DELEGATE))) once.push(...pre, `if (!(${code})) return;`);
        else inner.push({ k: 'await', c, span: (st as Extract<IStmt, { k: 'await' }>).span });
      }
    }
    const body: string[] = [];
    this.block([...inner, ...a.body.slice(lead)], body);
    const assigned = [...assignedVars(a.body)].sort((x, y) => x - y);
    for (const i of assigned) this.used.add(i);
    const combo = params.length === 0 ? '0' : params.map((_, i) => (i === 0 ? 'i0' : `i${i} * ${sizes.slice(0, i).reduce((x, y) => x * y, 1)}`)).join(' + ');
    const valueArgs = a.params.map((p, i) => `, ${this.host.domainValues(p.type)}[i${i}]`).join('');
    const delegate = `{ step${ai}(s, emit, ${combo}${valueArgs}); continue L; }`;
    const unchanged = assigned.length ? `if (${assigned.map((i) => `n${i} === v${i}`).join(' && ')}) { emit(${ai}, ${combo}, s); continue L; }` : `emit(${ai}, ${combo}, s); continue L;`;
    const write: string[] = [];
    for (let k = 0; k < this.words; k++) write.push(`WN[${k}] = B[${k}];`);
    for (const i of assigned) write.push(...this.writeVar(i));
    const bound = [...this.locals.values()].filter((l) => !params.includes(l.id)).map((l) => l.id);
    const perCombo = [
      ...a.params.map((p, i) => `const ${params[i]} = ${this.fromOrd(`i${i}`, p.type)};`),
      ...(bound.length ? [`let ${bound.join(', ')};`] : []),
      ...assigned.map((i) => `let n${i} = v${i};`),
      ...body,
      unchanged,
      ...write,
      'LZ_STALE = true;',
      `emit(${ai}, ${combo}, LZ);`,
    ].map((l) => l.replace(/@DELEGATE@/g, delegate));
    // the choices in the value steps' order (action<i>): the first parameter in the outermost loop
    const last = params.length - 1;
    let loop = `L: ${params.length ? `for (let i${last} = 0; i${last} < ${sizes[last]}; i${last}++)` : 'do'} {\n${indent(perCombo.join('\n'))}\n}${params.length ? '' : ' while (false);'}`;
    for (let i = last - 1; i >= 0; i--) loop = `for (let i${i} = 0; i${i} < ${sizes[i]}; i${i}++) {\n${indent(loop)}\n}`;
    const reads = [...this.used].sort((x, y) => x - y).map((i) => `const v${i} = ${this.readVar(i)}; // ${this.model.vars[i].name}`);
    const doc = `/** ${a.name} on the packed words of the state being expanded (BASE_W; s is that state, decoded) */\n`;
    return `${doc}function waction${ai}(s: any[], emit: Emit): void {\n${indent(['const B = BASE_W;', ...reads, ...once, loop].join('\n'))}\n}\n`;
  }

  // ---------- types and fields ----------

  /** a type whose values this code holds as numbers */
  private checkType(t: Type): void {
    if (t.k === 'bool' || t.k === 'int') return;
    if (t.k === 'seq' || t.k === 'record') throw new Unsupported(`a value of ${typeToString(t)}`);
    if (size(t) > MAX_ORD) throw new Unsupported(`${typeToString(t)} has more than 2^31 values`);
    if (t.k === 'set' && size(t.elem) > MAX_SET_ELEMS) throw new Unsupported(`${typeToString(t)}: more than ${MAX_SET_ELEMS} elements`);
  }

  private readVar(i: number): string {
    const t = this.model.vars[i].type;
    if (t.k === 'int' && !Number.isFinite(size(t))) throw new Unsupported(`variable ${this.model.vars[i].name} is an unbounded int`);
    if (size(t) > MAX_ORD) throw new Unsupported(`variable ${this.model.vars[i].name} takes more than 31 bits`);
    const ps = pieces(this.fields[i]);
    if (ps.length === 0) return '0';
    return ps.map(({ w, off, chunk, scale }) => `((B[${w}] >>> ${off}) & ${hexMask(chunk)})${scale === 1 ? '' : ` * ${scale}`}`).join(' + ');
  }

  private writeVar(i: number): string[] {
    return pieces(this.fields[i]).map(({ w, off, chunk, scale }) => {
      const keep = `0x${(~((2 ** chunk - 1) * 2 ** off) >>> 0).toString(16)}`;
      const x = scale === 1 ? `n${i}` : `Math.floor(n${i} / ${scale})`;
      return `WN[${w}] = ((WN[${w}] & ${keep}) | ((${x} & ${hexMask(chunk)}) << ${off})) >>> 0; // ${this.model.vars[i].name}`;
    });
  }

  /** a variable's or a local's value from its ordinal `o` in type t */
  private fromOrd(o: string, t: Type): string {
    if (t.k === 'bool') return `(${o} !== 0)`;
    if (t.k === 'int') return t.lo === 0 ? o : `(${o} + ${t.lo})`;
    return o;
  }

  private bind(slot: number, name: string, type: Type, proven: boolean): string {
    const known = this.locals.get(slot);
    if (known) {
      if (typeToString(known.type) !== typeToString(type)) throw new Unsupported(`local ${name} holds values of two types`);
      return known.id;
    }
    const id = `${name.replace(/[^A-Za-z0-9_]/g, '_')}_w${slot}`;
    this.locals.set(slot, { id, type, proven });
    return id;
  }

  private temp(pre: string[], code: string): string {
    const t = `t${this.tmp++}`;
    pre.push(`const ${t} = ${code};`);
    return t;
  }

  // ---------- expressions ----------

  /**
   * The ordinal of e's value in type `t`, which it must be a value of (an int
   * that may not be one hands the step to the value path).
   */
  private ordIn(e: IExpr, t: Type, pre: string[]): string {
    this.checkType(t);
    if (t.k === 'bool') return `(${this.ex(e, pre)} ? 1 : 0)`;
    if (t.k === 'int') {
      const v = this.ex(e, pre);
      if (!this.provenWithin(e, t)) {
        const x = /^[A-Za-z0-9_]+$/.test(v) ? v : this.temp(pre, v);
        pre.push(`if (!(${x} >= ${t.lo} && ${x} <= ${t.hi})) ${DELEGATE}`);
        return t.lo === 0 ? x : `(${x} - ${t.lo})`;
      }
      if (/^-?\d+$/.test(v)) return String(Number(v) - t.lo);
      return t.lo === 0 ? v : `(${v} - ${t.lo})`;
    }
    if (e.k === 'lit') {
      try {
        return String(ord(t, e.v));
      } catch {
        throw new Unsupported(`a literal outside ${typeToString(t)}`);
      }
    }
    if (e.k === 'setlit' && t.k === 'set') {
      if (e.elems.length === 0) return '0';
      return `(${e.elems.map((x) => `(1 << ${this.ordIn(x, t.elem, pre)})`).join(' | ')})`;
    }
    if (e.k === 'tag' && t.k === 'union') {
      let offset = 0;
      for (const ti of t.tags) {
        if (ti.name === e.tag) {
          const parts = [String(offset)];
          let radix = 1;
          for (const f of ti.fields) {
            const fe = e.fields.find((x) => x.name === f.name);
            if (!fe) throw new Unsupported(`tag ${e.tag} without field ${f.name}`);
            parts.push(`${this.ordIn(fe.e, f.type, pre)} * ${radix}`);
            radix *= size(f.type);
          }
          return parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`;
        }
        offset += ti.fields.reduce((m, f) => m * size(f.type), 1);
      }
      throw new Unsupported(`${e.tag} is not a tag of ${t.name}`);
    }
    const own = this.typeOf(e);
    if (typeToString(own) !== typeToString(t)) throw new Unsupported(`a ${typeToString(own)} used as a ${typeToString(t)}`);
    return this.ex(e, pre);
  }

  /** the type e's code holds the ordinal of: a local's is its binding's */
  private typeOf(e: IExpr): Type {
    if (e.k === 'local') return this.locals.get(e.slot)?.type ?? e.ty;
    if (e.k === 'var') return this.model.vars[e.index].type;
    return e.ty;
  }

  /** whether an int expression is known to lie in t */
  private provenWithin(e: IExpr, t: Type & { k: 'int' }): boolean {
    if (e.k === 'lit') return typeof e.v === 'number' && e.v >= t.lo && e.v <= t.hi;
    let own: Type | undefined;
    if (e.k === 'var') own = this.model.vars[e.index].type;
    else if (e.k === 'local') {
      const l = this.locals.get(e.slot);
      if (l?.proven) own = l.type;
    } else if (e.k === 'mapIndex' && e.e.ty.k === 'map') own = e.e.ty.rng;
    return own !== undefined && own.k === 'int' && own.lo >= t.lo && own.hi <= t.hi;
  }

  /** e's value: a boolean, an int, or the ordinal in e's type */
  private ex(e: IExpr, pre: string[]): string {
    switch (e.k) {
      case 'lit':
        if (e.ty.k === 'bool' || e.ty.k === 'int' || typeof e.v === 'boolean' || typeof e.v === 'number') {
          if (typeof e.v !== 'boolean' && typeof e.v !== 'number') throw new Unsupported('a literal of an unexpected kind');
          return String(e.v);
        }
        return this.ordIn(e, e.ty, pre);
      case 'var': {
        const t = this.model.vars[e.index].type;
        this.checkType(t);
        this.used.add(e.index);
        return this.fromOrd(`v${e.index}`, t);
      }
      case 'local': {
        const l = this.locals.get(e.slot);
        if (!l) throw new Unsupported(`local ${e.name} bound where this code does not follow`);
        return l.id;
      }
      case 'not':
        return `!(${this.ex(e.e, pre)})`;
      case 'neg':
        return `(-(${this.ex(e.e, pre)}))`;
      case 'bin':
        return this.bin(e, pre);
      case 'tag':
      case 'setlit':
        return this.ordIn(e, e.ty, pre);
      case 'mapIndex': {
        const mt = this.typeOf(e.e);
        if (mt.k !== 'map') throw new Unsupported('an index into a non-map');
        this.checkType(mt);
        const m = this.ex(e.e, pre);
        const k = this.ordIn(e.i, mt.dom, pre);
        return this.fromOrd(this.digit(mt, m, k), mt.rng);
      }
      case 'mapUpdate': {
        const mt = this.typeOf(e.e);
        if (mt.k !== 'map' || typeToString(mt) !== typeToString(e.ty)) throw new Unsupported('a map update of another type');
        this.checkType(mt);
        const m = this.temp(pre, this.ex(e.e, pre));
        const k = this.temp(pre, this.ordIn(e.i, mt.dom, pre));
        return this.setDigit(mt, m, k, this.ordIn(e.v, mt.rng, pre));
      }
      case 'if': {
        const c = this.ex(e.c, pre);
        if (e.ty.k === 'bool' || e.ty.k === 'int') return `((${c}) ? (${this.ex(e.a, pre)}) : (${this.ex(e.b, pre)}))`;
        return `((${c}) ? (${this.ordIn(e.a, e.ty, pre)}) : (${this.ordIn(e.b, e.ty, pre)}))`;
      }
      case 'let': {
        const t = this.typeOf(e.v);
        this.checkType(t);
        const id = this.bind(e.slot, e.name, t, t.k === 'int' && this.provenWithin(e.v, t));
        pre.push(`${id} = ${this.ex(e.v, pre)};`);
        return this.ex(e.body, pre);
      }
      case 'quant': {
        const narrowed = miniscope(e);
        if (narrowed !== e) return this.ex(narrowed, pre);
        const r = `q${this.tmp++}`;
        const all = e.q === 'forall';
        const inner: string[] = [];
        const { head, id } = this.loopOver(e.dom, e.slot, e.name, pre);
        const c = this.ex(e.body, inner);
        pre.push(`let ${r} = ${all};`, `${head} {`, ...inner.map((l) => `  ${l}`), `  if (${all ? '!' : ''}(${c})) { ${r} = ${!all}; break; }`, '}');
        void id;
        return r;
      }
      case 'is': {
        const t = this.typeOf(e.e);
        if (t.k !== 'union') throw new Unsupported('`is` on a non-union');
        this.checkType(t);
        let offset = 0;
        for (const ti of t.tags) {
          const n = ti.fields.reduce((m, f) => m * size(f.type), 1);
          if (ti.name === e.tag) {
            const o = this.temp(pre, this.ex(e.e, pre));
            return n === 1 ? `(${o} === ${offset})` : `(${o} >= ${offset} && ${o} < ${offset + n})`;
          }
          offset += n;
        }
        throw new Unsupported(`${e.tag} is not a tag of ${t.name}`);
      }
      case 'inRange': {
        const x = this.temp(pre, this.ex(e.e, pre));
        return `(${x} >= (${this.ex(e.lo, pre)}) && ${x} <= (${this.ex(e.hi, pre)}))`;
      }
      default:
        throw new Unsupported(`an expression of kind ${e.k}`);
    }
  }

  private bin(e: Extract<IExpr, { k: 'bin' }>, pre: string[]): string {
    const ta = this.typeOf(e.a);
    switch (e.op) {
      case '&&':
      case '||':
        return `((${this.ex(e.a, pre)}) ${e.op} (${this.ex(e.b, pre)}))`;
      case '=>':
        return `(!(${this.ex(e.a, pre)}) || (${this.ex(e.b, pre)}))`;
      case '==':
      case '!=': {
        const tb = this.typeOf(e.b);
        const op = e.op === '==' ? '===' : '!==';
        if ((ta.k === 'int' && tb.k === 'int') || (ta.k === 'bool' && tb.k === 'bool')) return `((${this.ex(e.a, pre)}) ${op} (${this.ex(e.b, pre)}))`;
        // compare ordinals in one type: a literal, set literal or tag is written in the other side's
        const t = e.a.k === 'lit' || e.a.k === 'setlit' || e.a.k === 'tag' ? tb : ta;
        return `((${this.ordIn(e.a, t, pre)}) ${op} (${this.ordIn(e.b, t, pre)}))`;
      }
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '+':
      case '-':
      case '*':
        if (ta.k !== 'int' || this.typeOf(e.b).k !== 'int') throw new Unsupported(`${e.op} on non-ints`);
        return `((${this.ex(e.a, pre)}) ${e.op} (${this.ex(e.b, pre)}))`;
      case 'in':
      case 'notin': {
        const st = this.typeOf(e.b);
        if (st.k !== 'set') throw new Unsupported('`in` on a non-set');
        this.checkType(st);
        const s = this.ex(e.b, pre);
        let test: string;
        if (st.elem.k === 'int' && !this.provenWithin(e.a, st.elem)) {
          // an int outside the element type is simply not in the set
          const x = this.temp(pre, this.ex(e.a, pre));
          test = `(${x} >= ${st.elem.lo} && ${x} <= ${st.elem.hi} && ((${s} >>> (${x} - ${st.elem.lo})) & 1) === 1)`;
        } else test = `((((${s}) >>> (${this.ordIn(e.a, st.elem, pre)})) & 1) === 1)`;
        return e.op === 'in' ? test : `!${test}`;
      }
      case 'union':
      case 'inter':
      case '\\': {
        const t = e.ty;
        if (t.k !== 'set') throw new Unsupported(`${e.op} on non-sets`);
        const a = this.ordIn(e.a, t, pre);
        const b = this.ordIn(e.b, t, pre);
        return e.op === 'union' ? `((${a}) | (${b}))` : e.op === 'inter' ? `((${a}) & (${b}))` : `((${a}) & ~(${b}))`;
      }
      case 'subseteq': {
        const t = this.typeOf(e.b);
        if (t.k !== 'set') throw new Unsupported('subseteq on non-sets');
        return `(((${this.ordIn(e.a, t, pre)}) & ~(${this.ordIn(e.b, t, pre)})) === 0)`;
      }
      default:
        throw new Unsupported(`operator ${e.op}`);
    }
  }

  /** entry k (an ordinal of the domain) of map m: the ordinal of its value */
  private digit(t: Type & { k: 'map' }, m: string, k: string): string {
    const r = size(t.rng);
    const b = Math.log2(r);
    if (Number.isInteger(b)) return `((${m} >>> ((${k}) * ${b})) & ${r - 1})`;
    return `(Math.floor(${m} / ${this.powers(t)}[${k}]) % ${r})`;
  }

  /** map m with entry k set to the value of ordinal v */
  private setDigit(t: Type & { k: 'map' }, m: string, k: string, v: string): string {
    const r = size(t.rng);
    const b = Math.log2(r);
    if (Number.isInteger(b)) return `((${m} & ~(${r - 1} << ((${k}) * ${b}))) | ((${v}) << ((${k}) * ${b})))`;
    return `(${m} + ((${v}) - ${this.digit(t, m, k)}) * ${this.powers(t)}[${k}])`;
  }

  private powers(t: Type & { k: 'map' }): string {
    const r = size(t.rng);
    const p = Array.from({ length: size(t.dom) }, (_, i) => r ** i);
    return this.host.hoist('P', JSON.stringify(p), `powers of ${r}: the radix of each entry of a ${typeToString(t)}`);
  }

  /** the loop head binding slot over a domain; its body follows */
  private loopOver(d: IDomain, slot: number, name: string, pre: string[]): { head: string; id: string } {
    if (d.k === 'type') {
      this.checkType(d.type);
      if (size(d.type) > MAX_LOOP) throw new Unsupported(`a loop over ${typeToString(d.type)}`);
      const id = this.bind(slot, name, d.type, true);
      if (d.type.k === 'int') return { head: `for (${id} = ${d.type.lo}; ${id} <= ${d.type.hi}; ${id}++)`, id };
      if (d.type.k === 'bool') return { head: `for (const b of [false, true]) if ((${id} = b), true)`, id };
      return { head: `for (${id} = 0; ${id} < ${size(d.type)}; ${id}++)`, id };
    }
    if (d.k === 'range') {
      const id = this.bind(slot, name, { k: 'int', lo: -Infinity, hi: Infinity }, false);
      const lo = this.temp(pre, this.ex(d.lo, pre));
      const hi = this.temp(pre, this.ex(d.hi, pre));
      // rt.range refuses a range of more than 2^20 values: so does this, through the value step
      pre.push(`if (${hi} - ${lo} + 1 > ${1 << 20}) ${DELEGATE}`);
      return { head: `for (${id} = ${lo}; ${id} <= ${hi}; ${id}++)`, id };
    }
    const st = this.typeOf(d.e);
    if (st.k !== 'set') throw new Unsupported('a loop over a non-set');
    this.checkType(st);
    const id = this.bind(slot, name, st.elem, true);
    const s = this.temp(pre, this.ex(d.e, pre));
    const b = `b${this.tmp++}`;
    return { head: `for (let ${b} = 0; ${b} < ${size(st.elem)}; ${b}++) if (((${s} >>> ${b}) & 1) === 1 && ((${id} = ${this.fromOrd(b, st.elem)}), true))`, id };
  }

  // ---------- statements ----------

  private block(stmts: IStmt[], out: string[]): void {
    for (const st of stmts) this.stmt(st, out);
  }

  private stmt(st: IStmt, out: string[]): void {
    switch (st.k) {
      case 'await':
        for (const c of conjuncts(st.c)) {
          const pre: string[] = [];
          const code = this.ex(c, pre);
          out.push(...pre, `if (!(${code})) continue L;`);
        }
        return;
      case 'let': {
        const t = this.typeOf(st.v);
        this.checkType(t);
        const id = this.bind(st.slot, st.name, t, t.k === 'int' && this.provenWithin(st.v, t));
        const pre: string[] = [];
        const v = this.ex(st.v, pre);
        out.push(...pre, `${id} = ${v};`);
        return;
      }
      case 'assign': {
        const vt = this.model.vars[st.index].type;
        this.checkType(vt);
        if (size(vt) > MAX_ORD) throw new Unsupported('a variable of more than 31 bits');
        const pre: string[] = [];
        if (st.path.length === 0) {
          const v = this.ordIn(st.v, vt, pre);
          out.push(...pre, `n${st.index} = ${v};`);
          return;
        }
        const p0 = st.path[0];
        if (st.path.length !== 1 || p0.k !== 'mapIndex' || vt.k !== 'map') throw new Unsupported('an assignment to a path other than one map entry');
        const k = this.temp(pre, this.ordIn(p0.i, vt.dom, pre));
        const v = this.ordIn(st.v, vt.rng, pre);
        out.push(...pre, `n${st.index} = ${this.setDigit(vt, `n${st.index}`, k, v)};`);
        return;
      }
      case 'if': {
        const pre: string[] = [];
        const c = this.ex(st.c, pre);
        const t: string[] = [];
        const f: string[] = [];
        this.block(st.then, t);
        this.block(st.else, f);
        out.push(...pre, `if (${c}) {`, ...t.map((l) => `  ${l}`), '} else {', ...f.map((l) => `  ${l}`), '}');
        return;
      }
      case 'for': {
        const pre: string[] = [];
        const { head } = this.loopOver(st.dom, st.slot, st.name, pre);
        const body: string[] = [];
        this.block(st.body, body);
        out.push(...pre, `${head} {`, ...body.map((l) => `  ${l}`), '}');
        return;
      }
      default:
        throw new Unsupported(`a ${st.k} statement`);
    }
  }
}

/** the state variables assigned anywhere in `stmts` */
function assignedVars(stmts: IStmt[], into = new Set<number>()): Set<number> {
  for (const st of stmts) {
    if (st.k === 'assign') into.add(st.index);
    else if (st.k === 'if') {
      assignedVars(st.then, into);
      assignedVars(st.else, into);
    } else if (st.k === 'for' || st.k === 'with') assignedVars(st.body, into);
    else if (st.k === 'either') for (const b of st.branches) assignedVars(b, into);
  }
  return into;
}

function conjuncts(e: IExpr): IExpr[] {
  return e.k === 'bin' && e.op === '&&' ? [...conjuncts(e.a), ...conjuncts(e.b)] : [e];
}

/** an expression that reads no local */
function closedOf(e: IExpr): boolean {
  return !/"k":"(local|let|quant|maplit|match)"/.test(JSON.stringify(e));
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l.length ? '  ' + l : l))
    .join('\n');
}
