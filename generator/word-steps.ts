// Steps that work on the packed words (issue 14, item 1). Each action is
// compiled a second time, to code that reads its variables' fields from the
// words of the state being expanded, computes the next value of each variable
// it assigns as an ordinal, and writes the successor's words: no value is
// built, looked up or packed. The invariants likewise, on a successor's words.
//
// Values are held as numbers: a bool as a JS boolean, an int as itself, any
// other value as its ordinal in its type (src/runtime/values.ts `ord`: the
// packed field's bits). A set's ordinal is a bitset, a map's the mixed-radix
// number of its entries, a union's its tag's offset plus its fields', a
// record's its fields', a sequence's the number of shorter sequences plus its
// elements' digits (first element lowest).
//
// Where the value path raises an error (an int outside the variable's type, a
// key outside a map's domain, a field the tag does not carry, a match with no
// arm, a division by zero, the head, tail or a position of a sequence too
// short), the word code does not: it hands that choice of
// parameters to the value step (`step<i>`), which raises it with its span.
// Everything else it evaluates is total and pure; `&&`, `||`, `=>` and `if`
// evaluate their right side only where the value path does, so that hand-over
// happens only where the value path would raise the error.
//
// A `for` whose body makes a choice has its iterations written out (unroll.ts):
// one per value its domain could hold, each under the test that it does where
// the domain is computed in the step. A set, sequence, record or map of
// computed ints is held in the type their bounds give (ranges.ts). A map of
// more than 2^52 values (a field per entry) is read entry by entry and its
// writes logged (entries()). An action that uses anything else (such a `for`
// over more than 64 possible values, such a map read or assigned whole, any
// other value of more than 2^52 values) stays on the value path; the module
// says which and why.
import type { IAction, IDomain, IExpr, IInvariant, IPathElem, IStmt, Model } from '../dsl/ir';
import { miniscope } from './miniscope';
import { MAX_FIELD, packedWidth, size, typeToString, type Type } from '../src/runtime/types';
import { enumerate, ord } from '../src/runtime/values';
import { hexMask, pieces, writeField, type FieldLayout } from './layout';
import { MAX_ORD, quotient } from './quotient';
import { assignedVars, branches, closed, conjuncts, indentAll } from './shape';
import { OverlapCode, overlapPlan } from './overlap';
import { writtenOut } from './unroll';
import { joined, narrowed, wide, type RangeScope } from './ranges';

/** a set is a bitset of at most this many elements (1 << k stays positive) */
const MAX_SET_ELEMS = 30;
/** a value of another type than the one wanted is converted through a table of its type's values, of at most this many */
const MAX_CONVERT = 1 << 12;
/** quantifier and `for` domains iterated in place */
const MAX_LOOP = 1 << 12;
/**
 * statements compiled for one action at most: a choice writes the rest of the
 * step once per arm of an either or branch of an if, so the for loops written
 * out (unroll.ts) could make the code grow exponentially
 */
const MAX_WORK = 20000;
/** stands for "hand this choice of parameters to the value step", replaced once the action is written */
const DELEGATE = '@DELEGATE@';

class Unsupported extends Error {}

/** a sequence's ordinal o (an identifier) and the code of its length */
interface Seq {
  t: Type & { k: 'seq' };
  o: string;
  len: string;
}

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
  /** statements compiled so far for this action (MAX_WORK) */
  private work = 0;
  /** loops over a literal set of ints so far in this module, each with a scratch array of its own */
  private sites = 0;

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
    this.reset();
    try {
      return { code: this.compile(a, ai) };
    } catch (e) {
      if (e instanceof Unsupported) return { why: e.message };
      throw e;
    }
  }

  /** a new action or invariant: no temporaries, locals or variables used yet */
  private reset(): void {
    this.tmp = 0;
    this.locals = new Map();
    this.used = new Set();
    this.work = 0;
  }

  /** `winv<i>(B)`: invariant i of the state whose words are B, or why it cannot be compiled */
  invariant(inv: IInvariant, i: number): WordAction {
    this.reset();
    try {
      const pre: string[] = [];
      const code = this.ex(inv.expr, pre);
      const reads = [...this.used].sort((x, y) => x - y).filter((k) => !this.perEntry(k)).map((k) => `const v${k} = ${this.readVar(k)}; // ${this.model.vars[k].name}`);
      const bound = [...this.locals.values()].map((l) => l.id);
      // where the value path could raise an error, null: inv<i> then evaluates it on values, which raises it
      const lines = [...reads, ...(bound.length ? [`let ${bound.join(', ')};`] : []), ...pre, `return ${code};`].map((l) => l.replace(/@DELEGATE@/g, 'return null;'));
      return { code: `/** invariant ${inv.name} on the packed words B (null: evaluate it on values) */\nfunction winv${i}(B: Uint32Array): boolean | null {\n${indentAll(lines.join('\n'))}\n}\n` };
    } catch (e) {
      if (e instanceof Unsupported) return { why: e.message };
      throw e;
    }
  }

  private compile(a: IAction, ai: number): string {
    // a for with a choice inside, its iterations written out (unroll.ts); the new names' slots follow the
    // action's (found only for an action that has one)
    let nextSlot = -1;
    const fresh = () => {
      if (nextSlot < 0) nextSlot = 1 + Math.max(0, ...[...JSON.stringify([a.params, a.body]).matchAll(/"slot":(\d+)/g)].map((m) => Number(m[1])));
      return nextSlot++;
    };
    const written = writtenOut(a.body, fresh, MAX_WORK, this.scope);
    if ('why' in written) throw new Unsupported(written.why);
    const actionBody = written.body;
    const sizes = a.params.map((p) => size(p.type));
    for (const p of a.params) {
      this.checkType(p.type);
      if (size(p.type) > MAX_LOOP) throw new Unsupported(`parameter ${p.name} ranges over ${size(p.type)} values`);
      this.bind(p.slot, p.name, p.type, true);
    }
    const params = a.params.map((p) => this.locals.get(p.slot)!.id);
    // the leading awaits' conjuncts that read no parameter: tested once, before the loops
    let lead = 0;
    while (lead < actionBody.length && actionBody[lead].k === 'await') lead++;
    const once: string[] = [];
    const inner: IStmt[] = [];
    for (const st of actionBody.slice(0, lead)) {
      for (const c of conjuncts((st as Extract<IStmt, { k: 'await' }>).c)) {
        const pre: string[] = [];
        const code = closed(c) && a.params.length > 0 ? this.ex(c, pre) : null;
        if (code !== null && !pre.some((l) => l.includes(DELEGATE))) once.push(...pre, `if (!(${code})) return;`);
        else inner.push({ k: 'await', c, span: (st as Extract<IStmt, { k: 'await' }>).span });
      }
    }
    const assignedSet = assignedVars(actionBody);
    if (a.process) assignedSet.add(a.process.pcVar);
    const assigned = [...assignedSet].sort((x, y) => x - y);
    for (const i of assigned) this.used.add(i);
    this.assigned = assigned;
    this.hasGoto = !!a.process;
    this.ov = new OverlapCode(overlapPlan(actionBody));
    const branching = branches(actionBody);
    const combo = params.length === 0 ? '0' : params.map((_, i) => (i === 0 ? 'i0' : `i${i} * ${sizes.slice(0, i).reduce((x, y) => x * y, 1)}`)).join(' + ');
    const valueArgs = a.params.map((p, i) => `, ${this.host.domainValues(p.type)}[i${i}]`).join('');
    // after a `with` or `either` has emitted some successors of this choice of parameters,
    // the value step emits them again first: SKIP passes over them
    const delegate = branching
      ? `{ real(s); SKIP = emitted_; SKIP_TO = emit; step${ai}(s, skipEmit, ${combo}${valueArgs}); continue L; }`
      : `{ real(s); step${ai}(s, emit, ${combo}${valueArgs}); continue L; }`;
    // the end of each path: a process step without a goto goes on at the next label (as action<i> does)
    const fin = (out: string[]): void => {
      if (a.process) {
        const p = a.process;
        const pt = this.model.vars[p.pcVar].type;
        if (p.indexed) {
          if (pt.k !== 'map' || !a.params[0]) throw new Unsupported('an indexed process whose pc is not a map');
          const self = a.params[0];
          const k = this.ordIn({ k: 'local', slot: self.slot, name: self.name, ty: self.type }, pt.dom, out);
          if (this.perEntry(p.pcVar)) out.push(`if (!goto_) n${p.pcVar} = ${this.entries(p.pcVar).put}(n${p.pcVar}, ${k}, ${ord(pt.rng, p.next)});`);
          else out.push(`if (!goto_) n${p.pcVar} = ${this.setDigit(pt, `n${p.pcVar}`, k, String(ord(pt.rng, p.next)))};`);
        } else out.push(`if (!goto_) n${p.pcVar} = ${ord(pt, p.next)};`);
      }
      const count = branching ? ' emitted_++;' : '';
      const same = (i: number) => (this.perEntry(i) ? `${this.entries(i).same}(B, n${i})` : `n${i} === v${i}`);
      if (assigned.length) out.push(`if (${assigned.map(same).join(' && ')}) {`, `  emit(${ai}, ${combo}, s);${count}`, '} else {');
      else out.push('{');
      for (let k = 0; k < this.words; k++) out.push(`  WN[${k}] = B[${k}];`);
      for (const i of assigned) out.push(...this.writeVar(i).map((l) => `  ${l}`));
      out.push('  LZ_STALE = true;', `  emit(${ai}, ${combo}, LZ);${count}`, '}');
    };
    const body: string[] = [];
    this.seq([...inner, ...actionBody.slice(lead)], body, fin, 'continue L;');
    const bound = [...this.locals.values()].filter((l) => !params.includes(l.id)).map((l) => l.id);
    const perCombo = [
      ...a.params.map((p, i) => `const ${params[i]} = ${this.fromOrd(`i${i}`, p.type)};`),
      ...(bound.length ? [`let ${bound.join(', ')};`] : []),
      // (a map packed per entry: n<i> counts the entries written, in its log)
      ...assigned.map((i) => (this.perEntry(i) ? `let n${i} = 0;` : `let n${i} = v${i};`)),
      ...(a.process ? ['let goto_ = false;'] : []),
      ...(branching ? ['let emitted_ = 0;'] : []),
      ...this.ov.declare(),
      ...body,
    ].map((l) => l.replace(/@DELEGATE@/g, delegate));
    // the choices in the value steps' order (action<i>): the first parameter in the outermost loop
    const last = params.length - 1;
    let loop = `L: ${params.length ? `for (let i${last} = 0; i${last} < ${sizes[last]}; i${last}++)` : 'do'} {\n${indentAll(perCombo.join('\n'))}\n}${params.length ? '' : ' while (false);'}`;
    for (let i = last - 1; i >= 0; i--) loop = `for (let i${i} = 0; i${i} < ${sizes[i]}; i${i}++) {\n${indentAll(loop)}\n}`;
    const reads = [...this.used].sort((x, y) => x - y).filter((i) => !this.perEntry(i)).map((i) => `const v${i} = ${this.readVar(i)}; // ${this.model.vars[i].name}`);
    const doc = `/** ${a.name} on the packed words of the state being expanded (BASE_W; s is that state, as values, read only through real()) */\n`;
    return `${doc}function waction${ai}(s: any[], emit: Emit): void {\n${indentAll(['const B = BASE_W;', ...reads, ...once, loop].join('\n'))}\n}\n`;
  }

  // ---------- types and fields ----------

  /** a type whose values this code holds as numbers */
  private checkType(t: Type): void {
    if (t.k === 'bool' || t.k === 'int') return;
    if (t.k === 'seq') {
      // (its table of offsets has an entry per length)
      if (t.cap > MAX_LOOP) throw new Unsupported(`${typeToString(t)}: a capacity of more than ${MAX_LOOP}`);
      this.checkType(t.elem);
    }
    // a set is a bitset in 32-bit operations; other ordinals are taken apart with arithmetic
    // (exact below 2^53) where they outgrow 32-bit operations
    if (t.k === 'set' && size(t.elem) > MAX_SET_ELEMS) throw new Unsupported(`${typeToString(t)}: more than ${MAX_SET_ELEMS} elements`);
    if (size(t) > MAX_FIELD) throw new Unsupported(`${typeToString(t)} has more than 2^52 values`);
  }

  /**
   * Whether variable i is a map packed as a field per entry (more than 2^52
   * values: no one ordinal holds it). Such a map is never held whole: an
   * index reads the entry's field from the words, and the entries a step
   * writes go to a log (key, ordinal; n<i> counts them), applied to the
   * successor's words in order.
   */
  private perEntry(i: number): boolean {
    const t = this.model.vars[i].type;
    return t.k === 'map' && size(t) > MAX_FIELD;
  }

  /** the per-entry map i's type, its entries within what this code handles */
  private entryMap(i: number): Type & { k: 'map' } {
    const t = this.model.vars[i].type as Type & { k: 'map' };
    this.checkType(t.rng);
    this.checkType(t.dom);
    return t;
  }

  /** the module-level code that reads and logs the entries of per-entry map i (hoisted once per variable) */
  private entries(i: number): { read: (B: string, k: string) => string; cur: string; put: string; same: string; apply: string } {
    const t = this.entryMap(i);
    const w = packedWidth(t.rng);
    const bit = this.fields[i].bit;
    const name = this.model.vars[i].name;
    const rd = this.host.hoist('F', '(B: Uint32Array, bit: number, w: number): number => { let x = 0; let s = 1; while (w > 0) { const off = bit & 31; const ch = Math.min(32 - off, w); const v = ch === 32 ? B[bit >>> 5] : (B[bit >>> 5] >>> off) & ((1 << ch) - 1); x += v * s; s *= 2 ** ch; bit += ch; w -= ch; } return x; }', 'the w-bit field at bit `bit` of the words B (w at most 52)');
    const wr = this.host.hoist('F', '(W: Uint32Array, bit: number, w: number, x: number): void => { while (w > 0) { const off = bit & 31; const ch = Math.min(32 - off, w); const p = 2 ** ch; const v = x % p; x = Math.floor(x / p); const i = bit >>> 5; W[i] = ch === 32 ? v >>> 0 : ((W[i] & ~(((1 << ch) - 1) << off)) | (v << off)) >>> 0; bit += ch; w -= ch; } }', 'x written into the w-bit field at bit `bit` of the words W, the other bits kept');
    const log = this.host.hoist('E', `{ v: ${i}, k: new Int32Array(16), x: new Float64Array(16) }`, `the entries of ${name} (a map packed per entry) a word step has written: keys and ordinals, in order`);
    const at = (k: string) => `${bit} + (${k}) * ${w}`;
    const cur = this.host.hoist('F', `(B: Uint32Array, n: number, k: number): number => { for (let j = n - 1; j >= 0; j--) if (${log}.k[j] === k) return ${log}.x[j]; return ${rd}(B, ${at('k')}, ${w}); }`, `entry k of ${name} as the step has written it so far (n entries logged)`);
    const put = this.host.hoist('F', `(n: number, k: number, x: number): number => { if (n === ${log}.k.length) { const k2 = new Int32Array(2 * n); k2.set(${log}.k); ${log}.k = k2; const x2 = new Float64Array(2 * n); x2.set(${log}.x); ${log}.x = x2; } ${log}.k[n] = k; ${log}.x[n] = x; return n + 1; }`, `entry k of ${name} written: logged; the new count`);
    const same = this.host.hoist('F', `(B: Uint32Array, n: number): boolean => { for (let j = 0; j < n; j++) if (${cur}(B, n, ${log}.k[j]) !== ${rd}(B, ${bit} + ${log}.k[j] * ${w}, ${w})) return false; return true; }`, `whether the n entries logged leave ${name} as it was`);
    const apply = this.host.hoist('F', `(W: Uint32Array, n: number): void => { for (let j = 0; j < n; j++) ${wr}(W, ${bit} + ${log}.k[j] * ${w}, ${w}, ${log}.x[j]); }`, `the n entries logged written into ${name}'s fields of the words W`);
    return { read: (B, k) => `${rd}(${B}, ${at(k)}, ${w})`, cur, put, same, apply };
  }

  /**
   * the one type two compared sides are held in where they are sets or
   * sequences of computed ints, or of ints of different types (<<1>> and
   * <<0, 1>>): one that holds both (ranges.ts); else null
   */
  private compared(a: IExpr, b: IExpr): Type | null {
    const [ta, tb] = [this.typeOf(a), this.typeOf(b)];
    const otherInts = ta.k === tb.k && (ta.k === 'set' || ta.k === 'seq') && (tb.k === 'set' || tb.k === 'seq') && ta.elem.k === 'int' && tb.elem.k === 'int' && typeToString(ta) !== typeToString(tb);
    return wide(a.ty) || wide(b.ty) || otherInts ? joined(a, b, this.scope) : null;
  }

  /** a set literal whose elements are ints of too wide a type for a bitset (computed: `{p - 1, p + 1}`) */
  private intsLiteral(e: IExpr): e is Extract<IExpr, { k: 'setlit' }> {
    // (by the front end's type: such a literal compared element by element, or its elements sorted into
    // a loop's array, needs no bitset, whatever bounds ranges.ts finds)
    return e.k === 'setlit' && e.ty.k === 'set' && e.ty.elem.k === 'int' && size(e.ty.elem) > MAX_SET_ELEMS;
  }

  private readVar(i: number): string {
    const t = this.model.vars[i].type;
    if (t.k === 'int' && !Number.isFinite(size(t))) throw new Unsupported(`variable ${this.model.vars[i].name} is an unbounded int`);
    if (size(t) > MAX_FIELD) throw new Unsupported(`variable ${this.model.vars[i].name} is packed as a field per entry`);
    const ps = pieces(this.fields[i]);
    if (ps.length === 0) return '0';
    return ps.map(({ w, off, chunk, scale }) => `((B[${w}] >>> ${off}) & ${hexMask(chunk)})${scale === 1 ? '' : ` * ${scale}`}`).join(' + ');
  }

  private writeVar(i: number): string[] {
    if (this.perEntry(i)) return [`${this.entries(i).apply}(WN, n${i}); // ${this.model.vars[i].name}: the entries written`];
    return writeField(this.fields[i], (k) => `WN[${k}]`, `n${i}`).map((l) => `${l.trimStart()} // ${this.model.vars[i].name}`);
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
    if (t.k === 'bool') {
      const b = this.ex(e, pre);
      return b === 'true' ? '1' : b === 'false' ? '0' : `(${b} ? 1 : 0)`;
    }
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
    if (e.k === 'seqlit' && t.k === 'seq') {
      if (e.elems.length > t.cap) throw new Unsupported(`a sequence literal longer than ${typeToString(t)}`);
      const base = size(t.elem);
      const parts = [String(seqOffset(base, e.elems.length)), ...e.elems.map((x, i) => `${this.ordIn(x, t.elem, pre)} * ${base ** i}`)];
      return parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`;
    }
    if (e.k === 'record' && t.k === 'record') {
      const parts: string[] = [];
      let radix = 1;
      for (const f of t.fields) {
        const fe = e.fields.find((x) => x.name === f.name);
        if (!fe) throw new Unsupported(`a record without field ${f.name}`);
        parts.push(`${this.ordIn(fe.e, f.type, pre)} * ${radix}`);
        radix *= size(f.type);
      }
      return `(${parts.join(' + ')})`;
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
    if (typeToString(own) !== typeToString(t)) {
      // the ordinal of a value of a narrower (or other) type: looked up in a table of its type's values,
      // -1 for those outside t, which go to the value step (an error there, or whatever it computes)
      if (size(own) > MAX_CONVERT) throw new Unsupported(`a ${typeToString(own)} used as a ${typeToString(t)}`);
      this.checkType(own);
      const table = enumerate(own).map((v) => {
        try {
          return ord(t, v);
        } catch {
          return -1;
        }
      });
      const conv = this.host.hoist('C', `[${table.join(', ')}]`, `the ordinal in ${typeToString(t)} of each ${typeToString(own)} (-1: not one)`);
      const x = this.temp(pre, `${conv}[${this.ex(e, pre)}]`);
      pre.push(`if (${x} < 0) ${DELEGATE}`);
      return x;
    }
    return this.ex(e, pre);
  }

  /**
   * the type e's code holds the ordinal of: a local's is its binding's; a
   * value of computed ints, the one their bounds give (ranges.ts)
   */
  private typeOf(e: IExpr): Type {
    return narrowed(e, this.scope);
  }

  private readonly scope: RangeScope = {
    local: (slot) => this.locals.get(slot)?.type,
    variable: (i) => this.model.vars[i].type,
  };

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
        if (this.perEntry(e.index)) throw new Unsupported(`variable ${this.model.vars[e.index].name}, packed as a field per entry, read whole`);
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
      case 'seqlit':
        return this.ordIn(e, this.typeOf(e), pre);
      case 'call':
        return this.call(e, pre);
      case 'seqIndex': {
        const st = this.typeOf(e.e);
        if (st.k !== 'seq') throw new Unsupported('an index into a non-sequence');
        const q = this.seqOf(st, this.ex(e.e, pre), pre);
        const i = this.seqPosition(q, e.i, pre);
        return this.fromOrd(this.seqDigit(q, i, pre), st.elem);
      }
      case 'mapIndex': {
        if (e.e.k === 'var' && this.perEntry(e.e.index)) {
          // an entry of the state's map, read from its field (reads are of the state being expanded)
          const mt = this.entryMap(e.e.index);
          const k = this.temp(pre, this.ordIn(e.i, mt.dom, pre));
          return this.fromOrd(this.entries(e.e.index).read('B', k), mt.rng);
        }
        const mt = this.typeOf(e.e);
        if (mt.k !== 'map') throw new Unsupported('an index into a non-map');
        this.checkType(mt);
        const m = this.ex(e.e, pre);
        const k = this.ordIn(e.i, mt.dom, pre);
        return this.fromOrd(this.digit(mt, m, k), mt.rng);
      }
      case 'mapUpdate': {
        const mt = this.typeOf(e.e);
        if (mt.k !== 'map' || typeToString(mt) !== typeToString(this.typeOf(e))) throw new Unsupported('a map update of another type');
        this.checkType(mt);
        const m = this.temp(pre, this.ex(e.e, pre));
        const k = this.temp(pre, this.ordIn(e.i, mt.dom, pre));
        return this.setDigit(mt, m, k, this.ordIn(e.v, mt.rng, pre));
      }
      case 'if': {
        const c = this.ex(e.c, pre);
        const pa: string[] = [];
        const pb: string[] = [];
        const t = this.typeOf(e);
        const prim = t.k === 'bool' || t.k === 'int';
        const a = prim ? this.ex(e.a, pa) : this.ordIn(e.a, t, pa);
        const b = prim ? this.ex(e.b, pb) : this.ordIn(e.b, t, pb);
        if (pa.length === 0 && pb.length === 0) return `((${c}) ? (${a}) : (${b}))`;
        const r = `r${this.tmp++}`;
        pre.push(`let ${r};`, `if (${c}) {`, ...pa.map((l) => `  ${l}`), `  ${r} = ${a};`, '} else {', ...pb.map((l) => `  ${l}`), `  ${r} = ${b};`, '}');
        return r;
      }
      case 'field': {
        const t = this.typeOf(e.e);
        const o = this.temp(pre, this.ex(e.e, pre));
        const f = this.fieldOf(t, e.field, o, pre);
        return this.fromOrd(f.get, f.type);
      }
      case 'record':
        return this.ordIn(e, this.typeOf(e), pre);
      case 'recUpdate': {
        const t = this.typeOf(e.e);
        if (t.k !== 'record' || typeToString(t) !== typeToString(this.typeOf(e))) throw new Unsupported('a record update of another type');
        let o = this.temp(pre, this.ex(e.e, pre));
        for (const fe of e.fields) {
          const f = this.fieldOf(t, fe.name, o, pre);
          o = this.temp(pre, `(${o} + ((${this.ordIn(fe.e, f.type, pre)}) - ${f.get}) * ${f.radix})`);
        }
        return o;
      }
      case 'maplit': {
        // [x in D |-> e]: entry k is the k-th digit, in key order
        const t = this.typeOf(e);
        if (t.k !== 'map') throw new Unsupported('a map literal of a non-map type');
        this.checkType(t);
        const m = `m${this.tmp++}`;
        const p = `${m}_p`;
        const inner: string[] = [];
        const head = this.loopOver({ k: 'type', type: e.dom }, e.slot, e.name, pre);
        const v = this.ordIn(e.body, t.rng, inner);
        pre.push(`let ${m} = 0;`, `let ${p} = 1;`, `${head} {`, ...inner.map((l) => `  ${l}`), `  ${m} += (${v}) * ${p};`, `  ${p} *= ${size(t.rng)};`, '}');
        return m;
      }
      case 'match': {
        const t = this.typeOf(e.e);
        if (t.k !== 'union') throw new Unsupported('a match on a non-union');
        this.checkType(t);
        const o = this.temp(pre, this.ex(e.e, pre));
        const r = `r${this.tmp++}`;
        const prim = e.ty.k === 'bool' || e.ty.k === 'int';
        pre.push(`let ${r};`);
        let open = 0;
        let catchAll = false;
        for (const arm of e.arms) {
          const body: string[] = [];
          let test = 'true';
          if (arm.tag !== null) {
            let offset = 0;
            const ti = t.tags.find((x) => {
              if (x.name === arm.tag) return true;
              offset += x.fields.reduce((m, f) => m * size(f.type), 1);
              return false;
            });
            if (!ti) throw new Unsupported(`${arm.tag} is not a tag of ${t.name}`);
            const n = ti.fields.reduce((m, f) => m * size(f.type), 1);
            test = n === 1 ? `${o} === ${offset}` : `${o} >= ${offset} && ${o} < ${offset + n}`;
            let radix = 1;
            for (const f of ti.fields) {
              const b = arm.binds.find((x) => x.field === f.name);
              if (b) body.push(`${this.bind(b.slot, b.name, f.type, true)} = ${this.fromOrd(`(${quotient(`(${o} - ${offset})`, radix, size(t))} % ${size(f.type)})`, f.type)};`);
              radix *= size(f.type);
            }
          }
          const v = prim ? this.ex(arm.body, body) : this.ordIn(arm.body, e.ty, body);
          pre.push(`${open ? '} else ' : ''}if (${test}) {`, ...body.map((l) => `  ${l}`), `  ${r} = ${v};`);
          open = 1;
          if (arm.tag === null) {
            catchAll = true;
            break;
          }
        }
        // no arm matches: the value path raises the error
        pre.push(...(catchAll ? ['}'] : ['} else {', `  ${DELEGATE}`, '}']));
        return r;
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
        const head = this.loopOver(e.dom, e.slot, e.name, pre);
        const c = this.ex(e.body, inner);
        pre.push(`let ${r} = ${all};`, `${head} {`, ...inner.map((l) => `  ${l}`), `  if (${all ? '!' : ''}(${c})) { ${r} = ${!all}; break; }`, '}');
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
      case '=>': {
        // b is evaluated only where the value path evaluates it (what it needs first may raise an error)
        const a = this.ex(e.a, pre);
        const pb: string[] = [];
        const b = this.ex(e.b, pb);
        const lhs = e.op === '=>' ? `!(${a})` : `(${a})`;
        const op = e.op === '&&' ? '&&' : '||';
        if (pb.length === 0) return `(${lhs} ${op} (${b}))`;
        const r = `r${this.tmp++}`;
        pre.push(`let ${r} = ${lhs};`, `if (${op === '&&' ? r : `!${r}`}) {`, ...pb.map((l) => `  ${l}`), `  ${r} = (${b});`, '}');
        return r;
      }
      case '==':
      case '!=': {
        const tb = this.typeOf(e.b);
        const op = e.op === '==' ? '===' : '!==';
        if ((ta.k === 'int' && tb.k === 'int') || (ta.k === 'bool' && tb.k === 'bool')) return `((${this.ex(e.a, pre)}) ${op} (${this.ex(e.b, pre)}))`;
        // compare ordinals in one type: a literal, set literal or tag is written in the other side's;
        // sets or sequences of computed ints, in one that holds both (ranges.ts)
        const t = this.compared(e.a, e.b) ?? (e.a.k === 'lit' || e.a.k === 'setlit' || e.a.k === 'seqlit' || e.a.k === 'tag' ? tb : ta);
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
      case '/':
      case '%': {
        // as rt.div and rt.mod: truncated toward zero; by zero, the value step raises the error
        if (ta.k !== 'int' || this.typeOf(e.b).k !== 'int') throw new Unsupported(`${e.op} on non-ints`);
        const a = this.ex(e.a, pre);
        const b = e.b.k === 'lit' && typeof e.b.v === 'number' && e.b.v !== 0 ? String(e.b.v) : this.temp(pre, this.ex(e.b, pre));
        if (!/^-?\d+$/.test(b)) pre.push(`if (${b} === 0) ${DELEGATE}`);
        return e.op === '%' ? `((${a}) % ${b})` : `Math.trunc((${a}) / ${b})`;
      }
      case 'in':
      case 'notin': {
        const st = this.typeOf(e.b);
        if (st.k !== 'set') throw new Unsupported('`in` on a non-set');
        if (this.intsLiteral(e.b)) {
          // a literal set of computed ints ({p - 1, p + 1}): no bitset, the element compared with each
          const x = this.temp(pre, this.ex(e.a, pre));
          const xs = e.b.elems.map((el) => this.temp(pre, this.ex(el, pre)));
          const test = xs.length ? `(${xs.map((v) => `${x} === ${v}`).join(' || ')})` : 'false';
          return e.op === 'in' ? test : `!${test}`;
        }
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
        const t = this.typeOf(e);
        if (t.k !== 'set') throw new Unsupported(`${e.op} on non-sets`);
        // sets of computed ints: in one type that holds both sides (the right side of an intersection or
        // difference may hold ints the left side's type does not), then taken to the result's
        const j = wide(e.a.ty) || wide(e.b.ty) ? joined(e.a, e.b, this.scope) : null;
        const w = j && j.k === 'set' && j.elem.k === 'int' && t.elem.k === 'int' && j.elem.lo <= t.elem.lo && j.elem.hi >= t.elem.hi ? j : t;
        const a = this.ordIn(e.a, w, pre);
        const b = this.ordIn(e.b, w, pre);
        const r = e.op === 'union' ? `((${a}) | (${b}))` : e.op === 'inter' ? `((${a}) & (${b}))` : `((${a}) & ~(${b}))`;
        if (w === t || typeToString(w) === typeToString(t)) return r;
        // (an intersection or difference holds only the left side's ints, all within t: the bits from t's lowest)
        this.checkType(t);
        const lo = (t.elem as Type & { k: 'int' }).lo - (w.elem as Type & { k: 'int' }).lo;
        return `((${r} >>> ${lo}) & ${hexMask(size(t.elem))})`;
      }
      case 'subseteq': {
        const t = this.compared(e.a, e.b) ?? this.typeOf(e.b);
        if (t.k !== 'set') throw new Unsupported('subseteq on non-sets');
        return `(((${this.ordIn(e.a, t, pre)}) & ~(${this.ordIn(e.b, t, pre)})) === 0)`;
      }
      default:
        throw new Unsupported(`operator ${e.op}`);
    }
  }

  /** len, head, tail, append, card, min, max: as the value path computes them (emit.ts, rt.head, rt.tail) */
  private call(e: Extract<IExpr, { k: 'call' }>, pre: string[]): string {
    switch (e.fn) {
      case 'min':
      case 'max':
        return `Math.${e.fn}(${this.ex(e.args[0], pre)}, ${this.ex(e.args[1], pre)})`;
      case 'card': {
        const st = this.typeOf(e.args[0]);
        if (st.k !== 'set') throw new Unsupported('card of a non-set');
        this.checkType(st);
        return `${this.popcount()}(${this.ex(e.args[0], pre)})`;
      }
    }
    const st = this.typeOf(e.args[0]);
    if (st.k !== 'seq') throw new Unsupported(`${e.fn} of a non-sequence`);
    this.checkType(st);
    const q = this.seqOf(st, this.ex(e.args[0], pre), pre);
    const base = size(st.elem);
    switch (e.fn) {
      case 'len':
        return q.len;
      case 'head':
        // of an empty sequence: the value path raises the error
        pre.push(`if (${q.len} === 0) ${DELEGATE}`);
        return this.fromOrd(`(${this.seqDigits(q, pre)} % ${base})`, st.elem);
      case 'tail':
        pre.push(`if (${q.len} === 0) ${DELEGATE}`);
        return `(${this.seqOffsets(st)}[${q.len} - 1] + ${quotient(this.seqDigits(q, pre), base, size(st))})`;
      case 'append': {
        if (typeToString(this.typeOf(e)) !== typeToString(st)) throw new Unsupported('an append of another type');
        // past the capacity the value is no longer one of the type: the value path decides what follows
        pre.push(`if (${q.len} === ${st.cap}) ${DELEGATE}`);
        const x = this.ordIn(e.args[1], st.elem, pre);
        return `(${this.seqOffsets(st)}[${q.len} + 1] + ${this.seqDigits(q, pre)} + (${x}) * ${this.seqPowers(st)}[${q.len}])`;
      }
      default:
        throw new Unsupported(`function ${e.fn}`);
    }
  }

  /**
   * A sequence's ordinal o taken apart (src/runtime/values.ts ord): its length
   * L is the last l with OFF[l] <= o, and o - OFF[L] the number whose base-|elem|
   * digits are its elements, first element lowest.
   */
  private seqOf(t: Type & { k: 'seq' }, code: string, pre: string[]): Seq {
    const o = /^[A-Za-z0-9_]+$/.test(code) ? code : this.temp(pre, code);
    const offs = Array.from({ length: t.cap + 1 }, (_, l) => seqOffset(size(t.elem), l));
    let len: string;
    if (t.cap <= 8) {
      len = String(t.cap);
      for (let l = t.cap; l >= 1; l--) len = `${o} < ${offs[l]} ? ${l - 1} : ${len}`;
      len = this.temp(pre, `(${len})`);
    } else {
      len = `L${this.tmp++}`;
      pre.push(`let ${len} = 0;`, `while (${len} < ${t.cap} && ${o} >= ${this.seqOffsets(t)}[${len} + 1]) ${len}++;`);
    }
    return { t, o, len };
  }

  /** the number whose digits are q's elements */
  private seqDigits(q: Seq, pre: string[]): string {
    return this.temp(pre, `(${q.o} - ${this.seqOffsets(q.t)}[${q.len}])`);
  }

  /** position i of sequence q, checked: outside it, the value path raises the error */
  private seqPosition(q: Seq, i: IExpr, pre: string[]): string {
    const k = this.temp(pre, this.ex(i, pre));
    pre.push(`if (!(${k} >= 0 && ${k} < ${q.len})) ${DELEGATE}`);
    return k;
  }

  /** the ordinal of element i (checked) of sequence q */
  private seqDigit(q: Seq, i: string, pre: string[]): string {
    return `(${quotient(this.seqDigits(q, pre), `${this.seqPowers(q.t)}[${i}]`, size(q.t))} % ${size(q.t.elem)})`;
  }

  private seqOffsets(t: Type & { k: 'seq' }): string {
    const offs = Array.from({ length: t.cap + 2 }, (_, l) => seqOffset(size(t.elem), l));
    return this.host.hoist('P', JSON.stringify(offs), `the ordinal of the first ${typeToString(t)} of each length`);
  }

  private seqPowers(t: Type & { k: 'seq' }): string {
    const p = Array.from({ length: t.cap + 1 }, (_, i) => size(t.elem) ** i);
    return this.host.hoist('P', JSON.stringify(p), `powers of ${size(t.elem)}: the radix of each element of a ${typeToString(t)}`);
  }

  private popcount(): string {
    return this.host.hoist('F', '(x: number): number => { x = x - ((x >>> 1) & 0x55555555); x = (x & 0x33333333) + ((x >>> 2) & 0x33333333); return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24; }', 'the number of elements of a set held as a bitset');
  }

  /** entry k (an ordinal of the domain) of map m: the ordinal of its value */
  private digit(t: Type & { k: 'map' }, m: string, k: string): string {
    const r = size(t.rng);
    const b = Math.log2(r);
    if (Number.isInteger(b) && size(t) <= MAX_ORD) return `((${m} >>> ((${k}) * ${b})) & ${r - 1})`;
    return `(${quotient(m, `${this.powers(t)}[${k}]`, size(t))} % ${r})`;
  }

  /** map m with entry k set to the value of ordinal v */
  private setDigit(t: Type & { k: 'map' }, m: string, k: string, v: string): string {
    const r = size(t.rng);
    const b = Math.log2(r);
    if (Number.isInteger(b) && size(t) <= MAX_ORD) return `((${m} & ~(${r - 1} << ((${k}) * ${b}))) | ((${v}) << ((${k}) * ${b})))`;
    return `(${m} + ((${v}) - ${this.digit(t, m, k)}) * ${this.powers(t)}[${k}])`;
  }

  private powers(t: Type & { k: 'map' }): string {
    const r = size(t.rng);
    const p = Array.from({ length: size(t.dom) }, (_, i) => r ** i);
    return this.host.hoist('P', JSON.stringify(p), `powers of ${r}: the radix of each entry of a ${typeToString(t)}`);
  }

  /** the head of a loop binding `slot` to each value of a domain; its body follows */
  private loopOver(d: IDomain, slot: number, name: string, pre: string[]): string {
    if (d.k === 'type') {
      this.checkType(d.type);
      if (size(d.type) > MAX_LOOP) throw new Unsupported(`a loop over ${typeToString(d.type)}`);
      const id = this.bind(slot, name, d.type, true);
      if (d.type.k === 'int') return `for (${id} = ${d.type.lo}; ${id} <= ${d.type.hi}; ${id}++)`;
      if (d.type.k === 'bool') return `for (const b of [false, true]) if ((${id} = b), true)`;
      return `for (${id} = 0; ${id} < ${size(d.type)}; ${id}++)`;
    }
    if (d.k === 'range') {
      const id = this.bind(slot, name, { k: 'int', lo: -Infinity, hi: Infinity }, false);
      const lo = this.temp(pre, this.ex(d.lo, pre));
      const hi = this.temp(pre, this.ex(d.hi, pre));
      // rt.range refuses a range of more than 2^20 values: so does this, through the value step
      pre.push(`if (${hi} - ${lo} + 1 > ${1 << 20}) ${DELEGATE}`);
      return `for (${id} = ${lo}; ${id} <= ${hi}; ${id}++)`;
    }
    const st = this.typeOf(d.e);
    if (st.k !== 'set') throw new Unsupported('a loop over a non-set');
    if (this.intsLiteral(d.e)) {
      // a literal set of computed ints: its elements in a scratch array of this site, in the order the
      // value path takes them (ascending, each once)
      // (held in the hull of its elements' bounds, where ranges.ts knows them: a literal of this local is a bitset)
      const id = this.bind(slot, name, wide(st.elem) ? { k: 'int', lo: -Infinity, hi: Infinity } : st.elem, false);
      const xs = d.e.elems.map((el) => this.temp(pre, this.ex(el, pre)));
      const arr = this.host.hoist('S', `new Float64Array(${xs.length}) /* site ${this.sites++} */`, 'the elements of a set literal of ints a loop ranges over');
      const sorted = this.host.hoist('F', '(a: Float64Array, n: number): number => { for (let i = 1; i < n; i++) { const v = a[i]; let j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; } let m = n > 0 ? 1 : 0; for (let i = 1; i < n; i++) if (a[i] !== a[m - 1]) a[m++] = a[i]; return m; }', 'a[0 .. n) sorted and each value kept once: how many are left');
      const m = `m${this.tmp++}`;
      pre.push(...xs.map((v, j) => `${arr}[${j}] = ${v};`), `const ${m} = ${sorted}(${arr}, ${xs.length});`);
      const b = `b${this.tmp++}`;
      return `for (let ${b} = 0; ${b} < ${m}; ${b}++) if (((${id} = ${arr}[${b}]), true))`;
    }
    this.checkType(st);
    const id = this.bind(slot, name, st.elem, true);
    const s = this.temp(pre, this.ex(d.e, pre));
    const b = `b${this.tmp++}`;
    return `for (let ${b} = 0; ${b} < ${size(st.elem)}; ${b}++) if (((${s} >>> ${b}) & 1) === 1 && ((${id} = ${this.fromOrd(b, st.elem)}), true))`;
  }

  // ---------- statements ----------

  /** variables the action being compiled assigns (n<i>), and whether it has a goto flag */
  private assigned: number[] = [];
  private hasGoto = false;
  /** the run-time comparison of the action's part assignments (overlap.ts) */
  private ov = new OverlapCode(overlapPlan([]));

  /** statements that cannot branch, and no continuation */
  private block(stmts: IStmt[], out: string[], reject: string): void {
    this.seq(stmts, out, () => {}, reject);
  }

  /**
   * `stmts`, then `k` (the rest of the step, written where each path ends):
   * a `with` or `either` writes the rest inside its loop over the choices, and
   * an `if` whose branches do writes it in each. `reject`: what a failed await
   * does (the next choice of the innermost loop).
   */
  private seq(stmts: IStmt[], out: string[], k: (out: string[]) => void, reject: string): void {
    this.work += stmts.length;
    if (this.work > MAX_WORK) throw new Unsupported(`its choices make more than ${MAX_WORK} statements of code`);
    for (let i = 0; i < stmts.length; i++) {
      const st = stmts[i];
      const rest = stmts.slice(i + 1);
      if (st.k === 'if' && branches([st])) {
        const pre: string[] = [];
        const c = this.ex(st.c, pre);
        const t: string[] = [];
        const f: string[] = [];
        this.seq([...st.then, ...rest], t, k, reject);
        this.seq([...st.else, ...rest], f, k, reject);
        out.push(...pre, `if (${c}) {`, ...t.map((l) => `  ${l}`), '} else {', ...f.map((l) => `  ${l}`), '}');
        return;
      }
      if (st.k === 'with' || st.k === 'either') {
        // each choice starts from the variables as they are before it
        const w = `W${this.tmp++}`;
        const saved = [...this.assigned.map((v) => `n${v}`), ...(this.hasGoto ? ['goto_'] : [])];
        // and from the part assignments recorded before it (overlap.ts)
        const ov = this.ov.save(w);
        const restore = [...saved.map((v) => `${v} = ${w}_${v};`), ...ov.restore];
        out.push(...saved.map((v) => `const ${w}_${v} = ${v};`), ...ov.save);
        const inner: string[] = [];
        let head: string;
        if (st.k === 'with') {
          const pre: string[] = [];
          head = this.loopOver(st.dom, st.slot, st.name, pre);
          out.push(...pre);
          this.seq([...st.body, ...rest], inner, k, `continue ${w};`);
        } else {
          head = `for (let ${w}_b = 0; ${w}_b < ${st.branches.length}; ${w}_b++)`;
          // arms that make no choice of their own share one copy of the rest, after them
          const shared = !st.branches.some((b) => branches(b));
          const arms = st.branches.map((b) => {
            const x: string[] = [];
            if (shared) this.block(b, x, `continue ${w};`);
            else this.seq([...b, ...rest], x, k, `continue ${w};`);
            return x;
          });
          arms.forEach((x, j) => inner.push(`${j === 0 ? '' : '} else '}if (${w}_b === ${j}) {`, ...x.map((l) => `  ${l}`)));
          inner.push('}');
          if (shared) this.seq(rest, inner, k, `continue ${w};`);
        }
        out.push(`${w}: ${head} {`, ...[...restore, ...inner].map((l) => `  ${l}`), '}');
        return;
      }
      this.stmt(st, out, reject);
    }
    k(out);
  }

  private stmt(st: IStmt, out: string[], reject: string): void {
    switch (st.k) {
      case 'await':
        for (const c of conjuncts(st.c)) {
          const pre: string[] = [];
          const code = this.ex(c, pre);
          out.push(...pre, `if (!(${code})) ${reject}`);
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
        const pre: string[] = [];
        // a goto: the process does not go on to the next label
        const goto = this.model.vars[st.index].process && this.model.vars[st.index].name.endsWith('.pc') ? ' goto_ = true;' : '';
        const keys: string[] = [];
        if (this.perEntry(st.index)) {
          // an entry (or a part of one) of a map packed per entry: logged
          const [p, ...more] = st.path;
          if (!p || p.k !== 'mapIndex') throw new Unsupported(`variable ${this.model.vars[st.index].name}, packed as a field per entry, assigned whole`);
          const mt = this.entryMap(st.index);
          const en = this.entries(st.index);
          const k = this.temp(pre, this.ordIn(p.i, mt.dom, pre));
          keys.push(k);
          const old = more.length ? this.temp(pre, `${en.cur}(B, n${st.index}, ${k})`) : '';
          const v = this.temp(pre, this.setPath(mt.rng, old, more, st.v, pre, keys));
          out.push(...pre, `n${st.index} = ${en.put}(n${st.index}, ${k}, ${v});${goto}`);
        } else {
          this.checkType(vt);
          const v = this.setPath(vt, `n${st.index}`, st.path, st.v, pre, keys);
          out.push(...pre, `n${st.index} = ${v};${goto}`);
        }
        // the same part written twice: the value step raises the error
        if (this.ov.involved(st)) out.push(...this.ov.after(st, keys, DELEGATE));
        return;
      }
      case 'if': {
        const pre: string[] = [];
        const c = this.ex(st.c, pre);
        const t: string[] = [];
        const f: string[] = [];
        this.block(st.then, t, reject);
        this.block(st.else, f, reject);
        out.push(...pre, `if (${c}) {`, ...t.map((l) => `  ${l}`), '} else {', ...f.map((l) => `  ${l}`), '}');
        return;
      }
      case 'for': {
        // (a for with a choice inside was written out before compile() began: unroll.ts)
        if (branches(st.body)) throw new Error('internal error: a for with a choice inside compiled as a loop');
        const pre: string[] = [];
        const head = this.loopOver(st.dom, st.slot, st.name, pre);
        const body: string[] = [];
        this.block(st.body, body, reject);
        out.push(...pre, `${head} {`, ...body.map((l) => `  ${l}`), '}');
        return;
      }
      default:
        throw new Unsupported(`a ${st.k} statement`);
    }
  }

  /** the ordinal of `base` (a value of t) with the part at `path` set to e's value */
  private setPath(t: Type, base: string, path: IPathElem[], e: IExpr, pre: string[], keys: string[] = []): string {
    if (path.length === 0) return this.ordIn(e, t, pre);
    const [p, ...more] = path;
    if (p.k === 'mapIndex') {
      if (t.k !== 'map') throw new Unsupported('an index into a non-map');
      this.checkType(t);
      const k = this.temp(pre, this.ordIn(p.i, t.dom, pre));
      keys.push(k);
      const old = more.length ? this.temp(pre, this.digit(t, base, k)) : '';
      const v = this.temp(pre, this.setPath(t.rng, old, more, e, pre, keys));
      return this.setDigit(t, base, k, v);
    }
    if (p.k === 'field') {
      const f = this.fieldOf(t, p.name, base, pre);
      const old = more.length ? this.temp(pre, f.get) : '';
      const v = this.temp(pre, this.setPath(f.type, old, more, e, pre, keys));
      return `(${base} + ((${v}) - (${f.get})) * ${f.radix})`;
    }
    if (t.k !== 'seq') throw new Unsupported('an index into a non-sequence');
    this.checkType(t);
    const q = this.seqOf(t, base, pre);
    const i = this.seqPosition(q, p.i, pre);
    keys.push(i);
    const old = this.temp(pre, this.seqDigit(q, i, pre));
    const v = this.temp(pre, this.setPath(t.elem, old, more, e, pre, keys));
    return `(${base} + ((${v}) - ${old}) * ${this.seqPowers(t)}[${i}])`;
  }

  /**
   * Field `name` of a record or union value o: its type, the code of its
   * ordinal, and the weight of that ordinal in o's. A union's field is read
   * only where o's tag carries it (else the value path raises the error).
   */
  private fieldOf(t: Type, name: string, o: string, pre: string[]): { type: Type; get: string; radix: string } {
    this.checkType(t);
    if (t.k === 'record') {
      let radix = 1;
      for (const f of t.fields) {
        if (f.name === name) return { type: f.type, get: `(${quotient(o, radix, size(t))} % ${size(f.type)})`, radix: String(radix) };
        radix *= size(f.type);
      }
      throw new Unsupported(`no field ${name}`);
    }
    if (t.k !== 'union') throw new Unsupported(`field ${name} of a ${typeToString(t)}`);
    let offset = 0;
    const having: { off: number; n: number; radix: number; type: Type }[] = [];
    for (const ti of t.tags) {
      const n = ti.fields.reduce((m, f) => m * size(f.type), 1);
      let radix = 1;
      for (const f of ti.fields) {
        if (f.name === name) having.push({ off: offset, n, radix, type: f.type });
        radix *= size(f.type);
      }
      offset += n;
    }
    if (having.length === 0) throw new Unsupported(`no field ${name}`);
    const ft = having[0].type;
    if (having.some((h) => typeToString(h.type) !== typeToString(ft))) throw new Unsupported(`field ${name} of several types`);
    if (having.length === 1) {
      const h = having[0];
      pre.push(`if (!(${o} >= ${h.off} && ${o} < ${h.off + h.n})) ${DELEGATE}`);
      return { type: ft, get: `(${quotient(`(${o} - ${h.off})`, h.radix, size(t))} % ${size(ft)})`, radix: String(h.radix) };
    }
    // several tags carry it: its place depends on o's tag
    const f = `f${this.tmp++}`;
    pre.push(`let ${f}, ${f}_r;`);
    having.forEach((h, j) => pre.push(`${j ? '} else ' : ''}if (${o} >= ${h.off} && ${o} < ${h.off + h.n}) {`, `  ${f}_r = ${h.radix};`, `  ${f} = ${quotient(`(${o} - ${h.off})`, h.radix, size(t))} % ${size(ft)};`));
    pre.push('} else {', `  ${DELEGATE}`, '}');
    return { type: ft, get: f, radix: `${f}_r` };
  }
}

/** the ordinal of the first sequence of length l over e values: e^0 + ... + e^(l-1) */
function seqOffset(e: number, l: number): number {
  let n = 0;
  for (let j = 0; j < l; j++) n += e ** j;
  return n;
}

