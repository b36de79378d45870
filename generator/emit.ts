// IR → TypeScript source of a checker specialised to one spec and one choice
// of constants: a packed state layout (bit fields in 32-bit words), one
// successor function per action/label with guards and updates inlined,
// invariant predicates and a pretty printer. The module imports nothing: its
// `create(rt)` receives the small runtime (src/runtime/ops.ts), so the file
// can live in a build folder and be loaded from anywhere.
import type { IAction, IDomain, IExpr, IStmt, Model } from '../dsl/ir';
import { inDomain, miniscope } from './miniscope';
import { containsSym, permutations } from '../src/runtime/symmetry';
import { MAX_FIELD, Type, packedWidth, size, typeToString } from '../src/runtime/types';
import { Value, enumerate, toJSON } from '../src/runtime/values';
import { FieldLayout, layout, readField, writeField } from './layout';
import { WordSteps } from './word-steps';
import { quotient } from './quotient';
import { callEach, labelTests } from './dispatch';
import { assignedVars, closed, conjuncts, indentAll, slotsOf } from './shape';
import { OverlapCode, overlapPlan } from './overlap';

export { layout } from './layout';
export type { FieldLayout } from './layout';

/** types of at most this many values are enumerated once, their objects interned (rt.intern) */
const INTERNED = 1 << 16;
/** a map's slice-key table (sliceSort) has at most this many entries (a 12-bit field of three entries: 26 KiB) */
const SLICE_TABLE = 1 << 13;
/** a slice sort of this many indices or fewer names each permutation (k! cases); more sort an array */
const SLICE_SWITCH = 4;

/** A sorting network for k ≤ SLICE_SWITCH values: the pairs to compare and exchange, in order (Knuth 5.3.4). */
function sortingNetwork(k: number): [number, number][] {
  const nets: Record<number, [number, number][]> = {
    2: [[0, 1]],
    3: [[0, 1], [1, 2], [0, 1]],
    4: [[0, 1], [2, 3], [0, 2], [1, 3], [1, 2]],
  };
  return nets[k];
}

class Emitter {
  private consts: string[] = [];
  private constIds = new Map<string, string>();
  private slotNames = new Map<number, string>();
  /** per action: the state variables it may assign (its pc first), for its own encoder (codec) */
  private touchedBy: number[][] = [];

  constructor(private model: Model) {}

  /** the hoisted list of the entries the step being emitted may write (nextOf's second argument) */
  private touchedId = '';
  /** the run-time comparison of the step's part assignments (overlap.ts) */
  private ov = new OverlapCode(overlapPlan([]));

  /** A module-level constant for a value/type, shared by identical text. */
  private hoist(prefix: string, code: string, comment?: string): string {
    const key = prefix + code;
    const known = this.constIds.get(key);
    if (known) return known;
    const id = `${prefix}${this.constIds.size}`;
    this.constIds.set(key, id);
    this.consts.push(`${comment ? `// ${comment}\n` : ''}const ${id} = ${code};`);
    return id;
  }

  private typeRef(t: Type): string {
    return this.hoist('T', typeLiteral(t), typeToString(t));
  }

  private valueCode(v: Value): string {
    if (typeof v === 'object') return this.hoist('C', JSON.stringify(v));
    return JSON.stringify(v);
  }

  /**
   * The intern table (rt.intern) of a type whose values include objects and
   * that is small enough to enumerate: its values by ordinal and the key under
   * which each object knows its ordinal. Null for primitive and large types.
   */
  private internOf(t: Type): { values: string; key: string } | null {
    if (this.isPrimitive(t) || size(t) > INTERNED) return null;
    const table = this.hoist('I', `rt.intern(${this.typeRef(t)})`, `every ${typeToString(t)} by ordinal, each object knowing its ordinal`);
    return { values: this.hoist('V', `${table}.values`), key: this.hoist('K', `${table}.key`) };
  }

  /**
   * A map type too large to intern but packed as one field: its arrays made
   * by decode or by an entry update carry their ordinal under a symbol of the
   * type's own (not enumerable by spreads or JSON; per type, so an array
   * read as another type is walked). An entry update computes the new
   * ordinal from the old one, and encode reads it instead of walking every
   * entry. Null for other types.
   */
  private carriedKey(t: Type): string | null {
    if (t.k !== 'map' || size(t) <= INTERNED || size(t) > MAX_FIELD) return null;
    return this.hoist('K', `Symbol(${JSON.stringify(typeToString(t))})`, `the ordinal a ${typeToString(t)} array carries`);
  }

  /**
   * A small set type whose ordinal is its membership bitmask in one int32 (at
   * most 16 possible elements): its intern table, set operations become bit
   * operations on ordinals.
   */
  private bitSet(t: Type): { values: string; key: string } | null {
    if (t.k !== 'set' || !(size(t.elem) >= 1 && size(t.elem) <= 16)) return null;
    return this.internOf(t);
  }

  /** `a op b` on two sets of one small type: the interned result of a bit operation, else the runtime's */
  private setOpCode(e: Extract<IExpr, { k: 'bin' }>, a: string, b: string, fn: string): string {
    const t = e.ty;
    const same = typeToString(e.a.ty) === typeToString(t) && typeToString(e.b.ty) === typeToString(t);
    const bits = same ? this.bitSet(t) : null;
    if (!bits) return `rt.${fn}(${a} as any[], ${b} as any[])`;
    const f = this.ordFn(t);
    const op = fn === 'setUnion' ? 'x | y' : fn === 'setInter' ? 'x & y' : 'x & ~y';
    const h = this.hoist('B', `(a: any[], b: any[]): any[] => { const x = ${f}(a); const y = ${f}(b); return x >= 0 && y >= 0 ? ${bits.values}[${op}] : rt.${fn}(a, b); }`, `${fn} on ${typeToString(t)}, as bits`);
    return `${h}(${a} as any[], ${b} as any[])`;
  }

  private domainValues(t: Type): string {
    return this.hoist('D', `rt.enumerate(${this.typeRef(t)})`, `the values of ${typeToString(t)}`);
  }

  private local(slot: number, name: string): string {
    // one JS name per slot: a process's index name and `self` share a slot
    const known = this.slotNames.get(slot);
    if (known) return known;
    const id = `${name.replace(/[^A-Za-z0-9_]/g, '_')}_${slot}`;
    this.slotNames.set(slot, id);
    return id;
  }

  /** code for the ordinal of value code `v` in type `t` (a map index) */
  /** the locals of the function being emitted that always hold a value of a type (bound over it), by slot */
  private typed = new Map<number, Type>();

  /** start a function: its locals bound over a type (parameters, and every quantifier, map literal, with or for over one in `root`) */
  private bindTyped(root: unknown, params: { slot: number; type: Type }[] = []): void {
    this.typed = new Map(params.map((p) => [p.slot, p.type]));
    const walk = (o: unknown): void => {
      if (o === null || typeof o !== 'object') return;
      if (Array.isArray(o)) return o.forEach(walk);
      const x = o as Record<string, any>;
      if ((x.k === 'quant' || x.k === 'with' || x.k === 'for') && x.dom?.k === 'type') this.typed.set(x.slot, x.dom.type);
      if (x.k === 'maplit') this.typed.set(x.slot, x.dom);
      for (const key in x) if (key !== 'ty' && key !== 'type' && key !== 'span') walk(x[key]);
    };
    walk(root);
  }

  /**
   * The ordinal of index `i` in a map over `dom`. A literal key is folded; a
   * local bound over a type within `dom` needs no bounds check (rt.idx), the
   * other indices get one.
   */
  private indexCode(dom: Type, i: IExpr): string {
    if (dom.k === 'int' && inDomain(i, dom, this.typed)) {
      if (i.k === 'lit') return String((i.v as number) - dom.lo);
      const l = this.expr(i);
      return dom.lo === 0 ? `(${l} as number)` : `((${l} as number) - ${dom.lo})`;
    }
    return this.ordCode(dom, this.expr(i));
  }

  private ordCode(t: Type, v: string): string {
    const n = size(t);
    if (t.k === 'int') return `rt.idx((${v}) - ${t.lo}, ${n}, ${v})`;
    if (t.k === 'bool') return `((${v}) ? 1 : 0)`;
    if (t.k === 'union' && t.isEnum) {
      // a tag written in the spec is its ordinal; any other value goes through the switch of
      // ordFn (a keyed lookup in an object by a string that varies is a dictionary probe)
      const lit = /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(v) ? t.tags.findIndex((tg) => tg.name === JSON.parse(v)) : -1;
      if (lit >= 0) return String(lit);
      return `${this.ordFn(t)}(${v})`;
    }
    return `rt.ord(${this.typeRef(t)}, ${v})`;
  }

  /**
   * `x in S`. For elements that are objects (tags with fields, records...),
   * rt.setHas's binary search calls rt.compare, which sorts object keys on
   * every comparison; instead compare ordinals in the element type (a
   * bijection on its values). When x is not a value of that type the fast
   * path cannot decide, so rt.setHas does.
   */
  private setHasCode(st: Type, b: string, a: string): string {
    const bits = this.bitSet(st);
    if (bits) {
      const fs = this.ordFn(st);
      const fe = this.ordFn((st as Extract<Type, { k: 'set' }>).elem);
      const fn = this.hoist('H', `(s: any[], x: any): boolean => { const m = ${fs}(s); const k = ${fe}(x); return m >= 0 && k >= 0 ? ((m >>> k) & 1) === 1 : rt.setHas(s, x); }`, `x in S for S: ${typeToString(st)}, as a bit test`);
      return `${fn}(${b} as any[], ${a})`;
    }
    if (st.k !== 'set' || this.isPrimitive(st.elem) || size(st.elem) > 1 << 20) return `rt.setHas(${b} as any[], ${a})`;
    const f = this.ordFn(st.elem);
    const fn = this.hoist('H', `(s: any[], x: any): boolean => { const k = ${f}(x); if (!(k >= 0)) return rt.setHas(s, x); for (let i = 0; i < s.length; i++) if (${f}(s[i]) === k) return true; return false; }`, `x in S for S: ${typeToString(st)}`);
    return `${fn}(${b} as any[], ${a})`;
  }

  /**
   * A function building tag `e.tag` of a small union from its field values:
   * the interned value of that ordinal (allocation-free), or a new object
   * when a field is not a value of its declared type (encode then reports it).
   */
  private tagMaker(e: Extract<IExpr, { k: 'tag' }>): string | null {
    const t = e.ty;
    if (t.k !== 'union') return null;
    const table = this.internOf(t);
    if (!table) return null;
    let offset = 0;
    let tag: (typeof t.tags)[number] | undefined;
    for (const tg of t.tags) {
      if (tg.name === e.tag) {
        tag = tg;
        break;
      }
      offset += tg.fields.reduce((r, f) => r * size(f.type), 1);
    }
    if (!tag || tag.fields.length !== e.fields.length || tag.fields.some((f, i) => f.name !== e.fields[i].name)) return null;
    const ps = tag.fields.map((_, i) => `f${i}`);
    const ks = tag.fields.map((f, i) => `const k${i} = ${this.ordFn(f.type)}(f${i});`).join(' ');
    let radix = 1;
    const sum = tag.fields.map((f, i) => {
      const term = `k${i} * ${radix}`;
      radix *= size(f.type);
      return term;
    });
    const ok = tag.fields.map((_, i) => `k${i} >= 0`).join(' && ');
    const obj = `{ $: ${JSON.stringify(e.tag)}, ${e.fields.map((f, i) => `${f.name}: f${i}`).join(', ')} }`;
    return this.hoist('M', `(${ps.map((p) => `${p}: any`).join(', ')}): any => { ${ks} return ${ok} ? ${table.values}[${offset} + ${sum.join(' + ')}] : ${obj}; }`, `${e.tag} { ... } of ${typeToString(t)}, interned`);
  }

  /**
   * Code for map `m` (of type `t`) with entry `k` (an ordinal) set to `v`: for a
   * map type small enough to intern, the interned map of the new ordinal,
   * computed from the old one (no copy, no walk); else a copy.
   */
  private mapSetCode(t: Type, m: string, k: string, v: string): string {
    if (t.k !== 'map') return `rt.setIn(${m}, [${k}], ${v}, ${this.typeRef(t)})`;
    const table = this.internOf(t);
    const tr = this.typeRef(t);
    const carried = this.carriedKey(t);
    if (!table && carried) {
      const fr = this.ordFn(t.rng);
      const r = size(t.rng);
      const pow = this.hoist('P', JSON.stringify(Array.from({ length: size(t.dom) }, (_, i) => r ** i)), `powers of ${r}: the radix of each entry of a ${typeToString(t)}`);
      const fn = this.hoist(
        'W',
        `(m: any[], k: number, v: any): any[] => { if (m === undefined) return rt.setIn(m, [k], v, ${tr}); const out = rt.mapSet(m, k, v); const o = (m as any)[${carried}]; if (o !== undefined) { const x = ${fr}(v); const y = ${fr}(m[k]); if (x >= 0 && y >= 0) (out as any)[${carried}] = o + (x - y) * ${pow}[k]; } return out; }`,
        `one entry of a ${typeToString(t)} set, its ordinal carried along`,
      );
      return `${fn}(${m}, ${k}, ${v})`;
    }
    if (!table) return this.hoist('W', `(m: any[], k: number, v: any): any[] => { if (m === undefined) return rt.setIn(m, [k], v, ${tr}); return rt.mapSet(m, k, v); }`, `one entry of a ${typeToString(t)} set`) + `(${m}, ${k}, ${v})`;
    const fm = this.ordFn(t);
    const fr = this.ordFn(t.rng);
    const r = size(t.rng);
    const pow = this.hoist('P', JSON.stringify(Array.from({ length: size(t.dom) }, (_, i) => r ** i)), `powers of ${r}: the radix of each entry of a ${typeToString(t)}`);
    const fn = this.hoist(
      'W',
      // the old entry's ordinal is digit k of the map's, so the entry itself is not read
      `(m: any[], k: number, v: any): any[] => { if (m === undefined) return rt.setIn(m, [k], v, ${tr}); const o = ${fm}(m); const x = ${fr}(v); if (o >= 0 && x >= 0) { const p = ${pow}[k]; return ${table.values}[o + (x - (${quotient('o', 'p', size(t))} % ${r})) * p]; } return rt.mapSet(m, k, v); }`,
      `one entry of a ${typeToString(t)} set, interned`,
    );
    return `${fn}(${m}, ${k}, ${v})`;
  }

  private isPrimitive(t: Type): boolean {
    return t.k === 'bool' || t.k === 'int' || (t.k === 'union' && t.isEnum);
  }

  expr(e: IExpr): string {
    switch (e.k) {
      case 'lit':
        return this.valueCode(e.v);
      case 'var':
        return `s[${e.index}]`;
      case 'local':
        return this.local(e.slot, e.name);
      case 'not':
        return `!(${this.expr(e.e)})`;
      case 'neg':
        return `-(${this.expr(e.e)} as number)`;
      case 'bin': {
        const a = this.expr(e.a);
        const b = this.expr(e.b);
        switch (e.op) {
          case '=>':
            return `(!(${a}) || (${b}))`;
          case '&&':
          case '||':
            return `((${a}) ${e.op} (${b}))`;
          case '==':
          case '!=': {
            const prim = this.isPrimitive(e.a.ty) && this.isPrimitive(e.b.ty);
            const eq = prim ? `((${a}) === (${b}))` : `rt.equals(${a}, ${b})`;
            return e.op === '==' ? eq : `!${eq}`;
          }
          case '<':
          case '<=':
          case '>':
          case '>=':
          case '+':
          case '-':
          case '*':
            return `((${a} as number) ${e.op} (${b} as number))`;
          case '/':
            return `rt.div(${a} as number, ${b} as number)`;
          case '%':
            return `rt.mod(${a} as number, ${b} as number)`;
          case 'in':
            return this.setHasCode(e.b.ty, b, a);
          case 'notin':
            return `!${this.setHasCode(e.b.ty, b, a)}`;
          case 'subseteq':
            return `rt.subseteq(${a} as any[], ${b} as any[])`;
          case 'union':
            return this.setOpCode(e, a, b, 'setUnion');
          case 'inter':
            return this.setOpCode(e, a, b, 'setInter');
          case '\\':
            return this.setOpCode(e, a, b, 'setMinus');
        }
        throw new Error(`emit: operator ${e.op}`);
      }
      case 'inType':
        return `rt.inType(${this.typeRef(e.type)}, ${this.expr(e.e)})`;
      case 'inRange': {
        return this.hoistClosed('J', e, 'x: number', `return x >= (${this.expr(e.lo)} as number) && x <= (${this.expr(e.hi)} as number);`, `${this.expr(e.e)} as number`, 'a range test');
      }
      case 'tag': {
        if (e.fields.length === 0) return JSON.stringify(e.tag);
        const args = e.fields.map((f) => this.expr(f.e));
        const made = this.tagMaker(e);
        if (made) return `${made}(${args.join(', ')})`;
        return `{ $: ${JSON.stringify(e.tag)}, ${e.fields.map((f, i) => `${f.name}: ${args[i]}`).join(', ')} }`;
      }
      case 'record':
        return `{ ${e.fields.map((f) => `${f.name}: ${this.expr(f.e)}`).join(', ')} }`;
      case 'setlit': {
        const elems = `[${e.elems.map((x) => this.expr(x)).join(', ')}]`;
        const bits = this.bitSet(e.ty);
        if (!bits) return `rt.setFromArray(${elems})`;
        const fe = this.ordFn((e.ty as Extract<Type, { k: 'set' }>).elem);
        const fn = this.hoist('L', `(xs: any[]): any[] => { let m = 0; for (let i = 0; i < xs.length; i++) { const k = ${fe}(xs[i]); if (!(k >= 0)) return rt.setFromArray(xs); m |= 1 << k; } return ${bits.values}[m]; }`, `a ${typeToString(e.ty)} literal, interned`);
        return `${fn}(${elems})`;
      }
      case 'rangeSet':
        return `rt.range(${this.expr(e.lo)} as number, ${this.expr(e.hi)} as number)`;
      case 'seqlit':
        return `[${e.elems.map((x) => this.expr(x)).join(', ')}]`;
      case 'maplit': {
        const l = this.local(e.slot, e.name);
        return this.hoistClosed('Y', e, 'd: any[]', `const out = new Array(d.length); for (let i = 0; i < d.length; i++) { ${l} = d[i]; out[i] = ${this.expr(e.body)}; } return out;`, this.domainValues(e.dom), 'a map comprehension');
      }
      case 'field':
        return e.onUnion ? `rt.unionField(${this.expr(e.e)}, ${JSON.stringify(e.field)})` : `(${this.expr(e.e)} as any).${e.field}`;
      case 'mapIndex':
        return `(${this.expr(e.e)} as any[])[${this.indexCode(e.dom, e.i)}]`;
      case 'seqIndex':
        return `rt.seqAt(${this.expr(e.e)} as any[], ${this.expr(e.i)} as number)`;
      case 'recUpdate':
        return `{ ...(${this.expr(e.e)} as any), ${e.fields.map((f) => `${f.name}: ${this.expr(f.e)}`).join(', ')} }`;
      case 'mapUpdate':
        return `rt.mapSet(${this.expr(e.e)} as any[], ${this.indexCode(e.dom, e.i)}, ${this.expr(e.v)})`;
      case 'call': {
        const args = e.args.map((a) => this.expr(a));
        switch (e.fn) {
          case 'len':
          case 'card':
            return `(${args[0]} as any[]).length`;
          case 'head':
            return `rt.head(${args[0]} as any[])`;
          case 'tail':
            return `rt.tail(${args[0]} as any[])`;
          case 'append':
            return `[...(${args[0]} as any[]), ${args[1]}]`;
          case 'min':
            return `Math.min(${args[0]} as number, ${args[1]} as number)`;
          case 'max':
            return `Math.max(${args[0]} as number, ${args[1]} as number)`;
        }
        throw new Error(`emit: function ${e.fn}`);
      }
      case 'if':
        return `((${this.expr(e.c)}) ? (${this.expr(e.a)}) : (${this.expr(e.b)}))`;
      case 'let':
        return `((${this.local(e.slot, e.name)} = ${this.expr(e.v)}), ${this.expr(e.body)})`;
      case 'quant': {
        const narrowed = miniscope(e);
        if (narrowed !== e) return this.expr(narrowed);
        const l = this.local(e.slot, e.name);
        // a loop in a function of the module: no callback per element, and no closure
        const all = e.q === 'forall';
        return this.hoistClosed('E', e, 'd: any[]', `for (let i = 0; i < d.length; i++) { ${l} = d[i]; if ((${this.expr(e.body)} === true) !== ${all}) return ${!all}; } return ${all};`, this.domainCode(e.dom), `${e.q} ${e.name}`);
      }
      case 'match': {
        const m = `m`;
        const arms = e.arms.map((arm) => {
          const binds = arm.binds.map((b) => `${this.local(b.slot, b.name)} = (${m} as any).${b.field}; `).join('');
          const body = `{ ${binds}return ${this.expr(arm.body)}; }`;
          return arm.tag === null ? body : `if (t === ${JSON.stringify(arm.tag)}) ${body}`;
        });
        return this.hoistClosed('R', e, `${m}: any`, `const t = rt.tagOf(${m}); ${arms.join(' ')} return rt.noMatch(${m});`, this.expr(e.e), 'a match');
      }
      case 'is': {
        const t = e.e.ty;
        if (t.k === 'union' && t.isEnum) return `((${this.expr(e.e)}) === ${JSON.stringify(e.tag)})`;
        return `(rt.tagOf(${this.expr(e.e)}) === ${JSON.stringify(e.tag)})`;
      }
    }
  }

  /**
   * The code of a quantifier, a match, a range test or a map comprehension as
   * a function of the module, called with `arg`, the state and the locals it
   * reads from outside; the locals it binds are declared inside it (the
   * function being emitted declares them too, unused). An arrow called in place would close over
   * the step's locals and its `s`, and a function whose locals are closed over
   * keeps them in a context allocated at every call.
   */
  private hoistClosed(prefix: string, e: IExpr, param: string, body: string, arg: string, what: string): string {
    const reads = new Map<number, string>();
    const binds = new Map<number, string>();
    slotsOf(e, reads, binds);
    const free = [...reads.keys()].filter((k) => !binds.has(k)).sort((a, b) => a - b).map((k) => this.local(k, reads.get(k)!));
    const own = [...binds.keys()].sort((a, b) => a - b).map((k) => this.local(k, binds.get(k)!));
    const fn = this.hoist(prefix, `(${param}, s: any[]${free.map((f) => `, ${f}: any`).join('')}): any => { ${own.length ? `let ${own.join(', ')}: any; ` : ''}${body} }`, what);
    return `${fn}(${arg}, s${free.map((f) => `, ${f}`).join('')})`;
  }

  private domainCode(d: IDomain): string {
    if (d.k === 'type') return this.domainValues(d.type);
    if (d.k === 'range') return `rt.range(${this.expr(d.lo)} as number, ${this.expr(d.hi)} as number)`;
    return `(${this.expr(d.e)} as any[])`;
  }

  // ---------- statements ----------

  private kcount = 0;

  /** Whether a statement list can branch (and so needs continuations). */
  private branches(stmts: IStmt[]): boolean {
    return stmts.some((s) => s.k === 'with' || s.k === 'either' || (s.k === 'if' && (this.branches(s.then) || this.branches(s.else))) || (s.k === 'for' && this.branches(s.body)));
  }

  /**
   * Code for `stmts` run on the next-state array `n`, ending with `k(n)`.
   * Reads see the pre-state `s`. A failed await returns (disables this branch).
   * Branching statements get the rest of the block as a continuation closure
   * and give each branch its own copy of `n` (values are never mutated).
   */
  block(stmts: IStmt[], k: string, indent: string): string {
    const out: string[] = [];
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i];
      const rest = stmts.slice(i + 1);
      const needsK = s.k === 'with' || s.k === 'either' || (s.k === 'if' && this.branches([s])) || (s.k === 'for' && this.branches(s.body));
      if (!needsK) {
        out.push(this.simple(s, indent));
        continue;
      }
      const kn = `k${this.kcount++}`;
      out.push(`${indent}const ${kn} = (n: any[]): void => {\n${this.block(rest, k, indent + '  ')}${indent}};`);
      switch (s.k) {
        case 'with': {
          const l = this.local(s.slot, s.name);
          // the body's leading awaits read the pre-state and the chosen value: a choice
          // they refuse is skipped before the next-state copy is made
          let lead = 0;
          while (lead < s.body.length && s.body[lead].k === 'await') lead++;
          const guards = s.body.slice(0, lead).map((g) => `${indent}  if (${this.expr((g as Extract<IStmt, { k: 'await' }>).c)} !== true) continue;\n`).join('');
          const w = this.choice(`c${kn}`);
          out.push(...w.save.map((x) => `${indent}${x}`));
          const restore = w.restore.map((x) => `${indent}  ${x}\n`).join('');
          out.push(`${indent}for (const v of ${this.domainCode(s.dom)}) {\n${restore}${indent}  ${l} = v;\n${guards}${indent}  ((n: any[]): void => {\n${this.block(s.body.slice(lead), kn, indent + '    ')}${indent}  })(n.slice());\n${indent}}`);
          break;
        }
        case 'either': {
          const w = this.choice(`c${kn}`);
          out.push(...w.save.map((x) => `${indent}${x}`));
          const restore = w.restore.map((x) => `${indent}${x}\n`).join('');
          for (const b of s.branches) out.push(`${restore}${indent}((n: any[]): void => {\n${this.block(b, kn, indent + '  ')}${indent}})(n.slice());`);
          break;
        }
        case 'if':
          out.push(`${indent}if (${this.expr(s.c)}) {\n${this.block(s.then, kn, indent + '  ')}${indent}} else {\n${this.block(s.else, kn, indent + '  ')}${indent}}`);
          break;
        case 'for': {
          const l = this.local(s.slot, s.name);
          this.forDepth++;
          const body = this.block(s.body, `((n: any[]) => it${kn}(j + 1, n))`, indent + '  ');
          this.forDepth--;
          out.push(
            `${indent}const vals${kn} = ${this.domainCode(s.dom)};\n` +
              `${indent}const it${kn} = (j: number, n: any[]): void => {\n` +
              `${indent}  if (j === vals${kn}.length) return ${kn}(n);\n` +
              `${indent}  ${l} = vals${kn}[j];\n${body}` +
              `${indent}};\n${indent}it${kn}(0, n);`,
          );
          break;
        }
        default:
          throw new Error('emit: unexpected branching statement');
      }
      out.push(`${indent}return;`);
      return out.join('\n') + '\n';
    }
    out.push(`${indent}${k}(n);`);
    return out.join('\n') + '\n';
  }

  /** `for` bodies being emitted around the statement at hand */
  private forDepth = 0;

  /**
   * What a choice point (with, either; `w` its name) saves before its choices
   * and restores before each: the part assignments recorded so far
   * (overlap.ts), and inside a `for` the locals bound so far, as the rest of
   * the step, which each choice runs, includes the loop's later iterations,
   * which bind the same locals anew (the loop variable first).
   */
  private choice(w: string): { save: string[]; restore: string[] } {
    const { save, restore } = this.ov.save(w);
    if (this.forDepth === 0) return { save, restore };
    const ids = [...this.slotNames.values()];
    return { save: [...save, ...ids.map((id) => `const ${w}_${id} = ${id};`)], restore: [...restore, ...ids.map((id) => `${id} = ${w}_${id};`)] };
  }

  /** an assignment to a process's pc (a goto): it also sets the flag that the step chose its next label */
  private isGoto(s: Extract<IStmt, { k: 'assign' }>): boolean {
    const v = this.model.vars[s.index];
    return !!v.process && v.name.endsWith('.pc');
  }

  /** the variable's new value after an assignment (reading its current value from `n`) */
  private assignValue(s: Extract<IStmt, { k: 'assign' }>, indices = this.indexCodes(s)): string {
    const v = this.model.vars[s.index];
    if (s.path.length === 0) return this.expr(s.v);
    const p0 = s.path[0];
    if (s.path.length === 1 && p0.k === 'mapIndex' && v.type.k === 'map') return this.mapSetCode(v.type, `n[${s.index}]`, indices[0], this.expr(s.v));
    let j = 0;
    const keys = s.path.map((p) => (p.k === 'field' ? JSON.stringify(p.name) : indices[j++]));
    // an entry of a map of maps (pte[mm][pg] := ...): one entry set per level, each the
    // interned map of its new value where the level's type is interned, as a hoisted function
    // (the keys and the value are evaluated once, in the order rt.setIn would evaluate them)
    const types: Type[] = [];
    for (let t: Type = v.type, i = 0; i < s.path.length && t.k === 'map' && s.path[i].k === 'mapIndex'; t = t.rng, i++) types.push(t);
    if (types.length === s.path.length) {
      const ks = types.map((_, i) => `k${i}`);
      let body = 'v';
      for (let i = types.length - 1; i >= 0; i--) {
        let m = 'm';
        for (let j = 0; j < i; j++) m = `(${m} === undefined ? undefined : ${m}[k${j}])`;
        body = this.mapSetCode(types[i], m, ks[i], body);
      }
      const fn = this.hoist('W', `(m: any[], ${ks.map((k) => `${k}: number`).join(', ')}, v: any): any[] => ${body}`, `one entry of a ${typeToString(v.type)} set, level by level`);
      return `${fn}(n[${s.index}], ${keys.join(', ')}, ${this.expr(s.v)})`;
    }
    return `rt.setIn(n[${s.index}], [${keys.join(', ')}], ${this.expr(s.v)}, ${this.typeRef(v.type)})`;
  }

  /** a statement that cannot branch, inline */
  private simple(s: IStmt, indent: string): string {
    switch (s.k) {
      case 'await':
        return `${indent}if (${this.expr(s.c)} !== true) return;`;
      case 'let':
        return `${indent}${this.local(s.slot, s.name)} = ${this.expr(s.v)};`;
      case 'assign': {
        const v = this.model.vars[s.index];
        const check = this.ov.involved(s) ? this.overlapCheck(s) : null;
        const line = `n[${s.index}] = ${this.assignValue(s, check?.names)};${this.isGoto(s) ? ` n[${this.model.vars.length}] = true;` : ''} // ${v.name}`;
        if (!check) return `${indent}${line}`;
        const { keys, after } = check;
        return [`${indent}{`, ...keys, `  ${line}`, ...after, '}'].map((x, i) => (i === 0 ? x : `${indent}${x}`)).join('\n');
      }
      case 'if':
        return `${indent}if (${this.expr(s.c)}) {\n${s.then.map((x) => this.simple(x, indent + '  ')).join('\n')}\n${indent}} else {\n${s.else.map((x) => this.simple(x, indent + '  ')).join('\n')}\n${indent}}`;
      case 'for': {
        const l = this.local(s.slot, s.name);
        return `${indent}for (const v of ${this.domainCode(s.dom)}) {\n${indent}  ${l} = v;\n${s.body.map((x) => this.simple(x, indent + '  ')).join('\n')}\n${indent}}`;
      }
      default:
        throw new Error(`emit: ${s.k} is not a simple statement`);
    }
  }

  /**
   * A body that cannot branch, as simple() emits it, with the copy of the
   * pre-state made before the first assignment on each path rather than
   * before the body: `n` is `s` until then (reads see `s` either way).
   * `copied`: whether the copy is made on no path reaching here (0), on some
   * (1: tested where needed) or on every path (2); returned: the same after
   * these statements.
   */
  private lazy(stmts: IStmt[], indent: string, copied: 0 | 1 | 2): { code: string; copied: 0 | 1 | 2 } {
    let code = '';
    for (const st of stmts) {
      if (st.k === 'await' || st.k === 'let') {
        code += this.simple(st, indent) + '\n';
        continue;
      }
      if (st.k === 'if' && copied !== 2) {
        const t = this.lazy(st.then, indent + '  ', copied);
        const e = this.lazy(st.else, indent + '  ', copied);
        code += `${indent}if (${this.expr(st.c)}) {\n${t.code}${indent}} else {\n${e.code}${indent}}\n`;
        copied = t.copied === e.copied ? t.copied : 1;
        continue;
      }
      if (st.k === 'assign' && !this.isGoto(st)) {
        // the new value first: when it is the very value there (interned, or the same object),
        // the state is neither copied nor changed, and a step that changes nothing costs no copy
        const v = this.model.vars[st.index];
        const check = this.ov.involved(st) ? this.overlapCheck(st) : null;
        if (check) code += `${indent}{\n${check.keys.map((x) => `${indent}${x}\n`).join('')}`;
        code += `${indent}$v = ${this.assignValue(st, check?.names)};\n${indent}if ($v !== n[${st.index}]) {\n`;
        if (copied !== 2) code += `${indent}  if (n === s) n = nextOf(s, ${this.touchedId});\n`;
        code += `${indent}  n[${st.index}] = $v; // ${v.name}\n${indent}}\n`;
        if (check) code += `${check.after.map((x) => `${indent}${x}\n`).join('')}${indent}}\n`;
        if (copied === 0) copied = 1;
        continue;
      }
      if (copied === 0) code += `${indent}n = nextOf(s, ${this.touchedId});\n`;
      if (copied === 1) code += `${indent}if (n === s) n = nextOf(s, ${this.touchedId});\n`;
      copied = 2;
      code += this.simple(st, indent) + '\n';
    }
    return { code, copied };
  }

  /**
   * For an assignment compared at run time with earlier ones (overlap.ts):
   * its indices evaluated into names first, and after it the comparison
   * (the same part written twice is an evaluation error) and its record.
   */
  private overlapCheck(s: Extract<IStmt, { k: 'assign' }>): { keys: string[]; names: string[]; after: string[] } {
    const codes = this.indexCodes(s);
    const names = codes.map((_, j) => `q${j}`);
    const keys = codes.map((c, j) => `  const ${names[j]} = ${c};`);
    const after = this.ov.after(s, names, `rt.assignedTwice(${JSON.stringify(this.model.vars[s.index].name)});`).map((x) => `  ${x}`);
    return { keys, names, after };
  }

  /** the code of each index of an assignment's path, in order (a map key's ordinal, a sequence position) */
  private indexCodes(s: Extract<IStmt, { k: 'assign' }>): string[] {
    return s.path.flatMap((p) => (p.k === 'field' ? [] : [p.k === 'mapIndex' ? this.indexCode(p.dom, p.i) : `(${this.expr(p.i)} as number)`]));
  }

  private declareLocals(from: number): string {
    const ids = [...this.slotNames.values()].slice(from);
    return ids.length ? `  let ${ids.join(', ')}: any;\n` : '';
  }

  action(a: IAction, ai: number): string {
    this.slotNames = new Map();
    this.ov = new OverlapCode(overlapPlan(a.body));
    this.bindTyped(a.body, a.params);
    const nv = this.model.vars.length;
    // A step that leaves every variable it assigns the very same value (a message received
    // again, a flag set that was set) leads back to the state it came from: it emits `s`
    // itself, which the engines count without looking it up (the state being expanded is
    // stored already). Values of small types are interned, so an unchanged one is the same
    // object; an equal value built anew is just looked up as before.
    // (the pc first: a process step that changes anything most often moves it)
    const touched = [...assignedVars(a.body)].filter((k) => k !== a.process?.pcVar).sort((x, y) => x - y);
    if (a.process) touched.unshift(a.process.pcVar);
    const unchanged = touched.length && touched.length <= 12 ? `if (${touched.map((k) => `n[${k}] === s[${k}]`).join(' && ')}) n = s; ` : '';
    this.touchedBy[ai] = touched;
    // every entry of the next state this step may write (a goto also sets the flag): nextOf restores them
    this.touchedId = this.hoist('U', JSON.stringify(a.process ? [...touched, nv] : touched), `the entries ${a.name} may write`);
    // encode packs only what this step may have assigned (codec: encodeAfter)
    const emitCall = `ENC_N = n; ENC_F = encodeAfter${ai}; emit(${ai}, combo, n);`;
    let finCode = `${unchanged}${emitCall}`;
    // the end of a straight body, where `n` may still be `s` (nothing assigned, or nothing changed)
    let lazyFin = finCode;
    if (a.process) {
      const p = a.process;
      const proc = this.model.processes.find((x) => x.name === p.name)!;
      const self = a.params[0] ? this.local(a.params[0].slot, 'self') : '';
      // self is a parameter: a value of the process's domain, no bounds check
      const nextPc = p.indexed
        ? this.mapSetCode(this.model.vars[p.pcVar].type, `n[${p.pcVar}]`, (proc.domain!.k === 'int' ? (proc.domain!.lo === 0 ? `(${self} as number)` : `((${self} as number) - ${proc.domain!.lo})`) : this.ordCode(proc.domain!, self)), JSON.stringify(p.next))
        : JSON.stringify(p.next);
      // without a goto, a step continues at the next label in text order
      finCode = `if (!n[${nv}]) n[${p.pcVar}] = ${nextPc}; ${unchanged}${emitCall}`;
      // (a goto copied the state and set the flag; else n[nv] reads the pre-state's false)
      lazyFin = `if (!n[${nv}]) {\n    $v = ${nextPc};\n    if ($v !== n[${p.pcVar}]) {\n      if (n === s) n = nextOf(s, ${this.touchedId});\n      n[${p.pcVar}] = $v;\n    }\n  }\n  ${unchanged}${emitCall}`;
    }
    // the leading awaits read only the pre-state and the parameters: test them before
    // copying the state, so a disabled step costs no allocation
    let lead = 0;
    while (lead < a.body.length && a.body[lead].k === 'await') lead++;
    const guards = a.body.slice(0, lead).map((g) => this.simple(g, '  ')).join('\n');
    // a body that cannot branch ends in one place: the end of the step is written there,
    // with no continuation closure to allocate per step
    const straight = !this.branches(a.body.slice(lead));
    let body: string;
    if (straight) {
      // and the state is copied only where the first assignment is reached, so an await
      // inside an if (a step that tests its guard per branch) also costs no allocation
      const lazy = this.lazy(a.body.slice(lead), '  ', 0);
      body = `  let n: any[] = s;\n  let $v: any;\n  void $v;\n${lazy.code}  ${lazyFin}\n`;
    } else body = `  const n = s.slice();\n  const fin = (n: any[]) => { ${finCode} };\n${this.block(a.body.slice(lead), 'fin', '  ')}`;
    const params = a.params.map((p) => this.local(p.slot, p.name));
    const locals = [...this.slotNames.values()].filter((id) => !params.includes(id));
    const doc = `/** ${a.name}${a.params.length ? `(${a.params.map((p) => `${p.name}: ${typeToString(p.type)}`).join(', ')})` : ''}: one step with given parameters */\n`;
    const step =
      `${doc}function step${ai}(s: any[], emit: Emit, combo: number${params.map((p) => `, ${p}: any`).join('')}): void {\n` +
      (locals.length ? `  let ${locals.join(', ')}: any;\n` : '') +
      this.ov.declare().map((x) => `  ${x}\n`).join('') +
      (guards ? `${guards}\n` : '') +
      `${body}}\n`;
    // parameter loops; combo numbers the choice of parameters (for trace names)
    let loops = `step${ai}(s, emit, ${a.params.map((_, i) => (i === 0 ? 'i0' : `i${i} * ${a.params.slice(0, i).map((p) => size(p.type)).reduce((x, y) => x * y, 1)}`)).join(' + ') || '0'}${a.params.map((p, i) => `, ${this.domainValues(p.type)}[i${i}]`).join('')});`;
    for (let i = a.params.length - 1; i >= 0; i--) {
      loops = `for (let i${i} = 0; i${i} < ${this.domainValues(a.params[i].type)}.length; i${i}++) {\n${loops.replace(/^/gm, '  ')}\n}`;
    }
    // the parts of the leading awaits that read no parameter (a constant, the pre-state)
    // are tested once, before the parameter loops: a disabled action costs one test
    const once = a.params.length === 0 ? [] : a.body.slice(0, lead).flatMap((g) => conjuncts((g as Extract<IStmt, { k: 'await' }>).c)).filter(closed);
    const pre = once.map((c) => `  if (${this.expr(c)} !== true) return;\n`).join('');
    return `${step}\n/** ${a.name}: every choice of parameters */\nfunction action${ai}(s: any[], emit: Emit): void {\n${pre}${loops.replace(/^/gm, '  ')}\n}\n`;
  }

  init(): string {
    this.slotNames = new Map();
    this.bindTyped(this.model.init);
    this.ov = new OverlapCode(overlapPlan(this.model.init));
    const code = this.block(this.model.init, 'fin', '  ');
    return `/** the initial states */\nfunction init(emit: (n: any[]) => void): void {\n  const s: any[] = [];\n  void s;\n${this.declareLocals(0)}${this.ov.declare().map((x) => `  ${x}\n`).join('')}  const n: any[] = new Array(${this.model.vars.length + 1}).fill(undefined);\n  const fin = (n: any[]) => emit(n);\n${code}}\n`;
  }

  invariants(): string {
    const parts = this.model.invariants.map((inv, i) => {
      this.slotNames = new Map();
      this.bindTyped(inv.expr);
      const e = this.expr(inv.expr);
      return `/** invariant ${inv.name} */\nfunction inv${i}(s: any[]): boolean {\n${this.words ? (this.wordInvariants[i] ? `  if (s === LZ) {\n    const w = winv${i}(WN);\n    if (w !== null) return w;\n    real(s);\n  }\n` : '  real(s);\n') : ''}${this.declareLocals(0)}  return ${e} === true;\n}\n`;
    });
    const check = `/** the invariants by index, each checked on its own */\nconst INVARIANTS: ((s: any[]) => boolean)[] = [${this.model.invariants.map((_, i) => `inv${i}`).join(', ')}];\n`;
    return parts.join('\n') + '\n' + check;
  }

  /** each liveness property's premise and goal, its forall names bound to instance k */
  liveness(): string {
    const parts = this.model.liveness.map((l, i) => {
      const fn = (which: 'p' | 'q', e: IExpr) => {
        this.slotNames = new Map();
        this.bindTyped(e, l.bound);
        const binds = l.bound.map((b, j) => `  ${this.local(b.slot, b.name)} = LIVE${i}_INSTANCES[k][${j}];\n`).join('');
        const code = this.expr(e);
        return `function live${i}${which}(s: any[], k: number): boolean {\n${this.words ? '  real(s);\n' : ''}${this.declareLocals(0)}${binds}  return ${code} === true;\n}\n`;
      };
      const instances = `const LIVE${i}_INSTANCES: any[][] = [${l.instances.map((t) => `[${t.map((v) => this.valueCode(v)).join(', ')}]`).join(', ')}];\n`;
      return `/** property ${l.name}: ${l.text} */\n${instances}${l.p ? fn('p', l.p) : ''}${fn('q', l.q)}`;
    });
    const table = `/** the liveness properties by index: premise p (leads_to) and goal q */\nconst LIVENESS = [${this.model.liveness.map((l, i) => `{ ${l.p ? `p: live${i}p, ` : ''}q: live${i}q }`).join(', ')}];\n`;
    return parts.join('\n') + '\n' + table;
  }

  codec(): string {
    const { fields, words } = layout(this.model);
    const dec: string[] = [];
    // per variable: the code packing it, run only when it differs from the last decoded state's
    const encOf: string[][] = [];
    fields.forEach((f, i) => {
      const v = this.model.vars[i];
      const enc: string[] = [];
      encOf.push(enc);
      if (f.width === 0) {
        dec.push(`  s[${i}] = ${this.valueCode(enumerate(v.type)[0])}; // ${v.name} (one value)`);
        enc.push(`  if (!(${this.ordFn(v.type)}(n[${i}]) >= 0)) rt.storedOrd(${this.typeRef(v.type)}, n[${i}], ${JSON.stringify(v.name)}); // ${v.name} (one value: checked only)`);
        return;
      }
      if (size(v.type) > MAX_FIELD) {
        // a map too large for one ordinal: a field per entry, in loops
        enc.push(`  rt.clearBits(w, o, ${f.bit}, ${f.width});`, this.encodeEntries(v.type, `n[${i}]`, `${f.bit}`, v.name, 1));
        dec.push(`  s[${i}] = ${this.decodeEntries(v.type, `${f.bit}`, 1)}; // ${v.name}: bits ${f.bit}..${f.bit + f.width - 1}, a field per entry`);
        return;
      }
      const prim = this.primitiveOrd(v.type, `n[${i}]`, v.name);
      if (prim) enc.push(`  x = ${prim}; // ${v.name}: bits ${f.bit}..${f.bit + f.width - 1}`);
      else enc.push(`  x = ${this.ordFn(v.type)}(n[${i}]); // ${v.name}: bits ${f.bit}..${f.bit + f.width - 1}\n  if (!(x >= 0)) x = rt.storedOrd(${this.typeRef(v.type)}, n[${i}], ${JSON.stringify(v.name)}); // not a value of its type: throws the error`);
      dec.push(`  x = 0;`, ...readField(f));
      enc.push(...writeField(f));
      dec.push(`  s[${i}] = ${this.primitiveVal(v.type, 'x') ?? this.valCode(v.type, 'x')};`);
    });
    const enc = encOf.map((lines, i) => `  if (p === null || n[${i}] !== p[${i}]) {\n${lines.map((l) => l.replace(/^/gm, '  ')).join('\n')}\n  }`);
    const after = this.model.actions.map((a, ai) => {
      const vars = this.touchedBy[ai];
      const body = vars.map((i) => `  if (n[${i}] !== p[${i}]) {\n${encOf[i].map((l) => l.replace(/^/gm, '  ')).join('\n')}\n  }`);
      return `/** encode after ${a.name}, which assigns ${vars.length ? vars.map((i) => this.model.vars[i].name).join(', ') : 'nothing'}: every other variable is the pre-state's, whose words w holds */\nfunction encodeAfter${ai}(n: any[], w: Uint32Array, o: number): void {\n  let x: number;\n  void x;\n  const p = PREV as any[];\n  void p;\n${body.join('\n')}\n}\n`;
    });
    return (
      `// The last decoded state (a private copy) and its words. A successor shares every value\n` +
      `// its step did not assign with the state it came from (and values of small types are\n` +
      `// interned), so encode starts from these words and packs only the variables whose value\n` +
      `// is not the very same: the same value has the same bits.\n` +
      `let PREV: any[] | null = null;\nconst PREV_W = new Uint32Array(${words});\n\n` +
      `// A step's successor, while the state it came from is the last decoded one (BASE_GEN, set\n` +
      `// as successors() starts), differs from it only in what that step assigns: the step names\n` +
      `// its successor (ENC_N) and its own encoder (ENC_F), which packs those variables alone.\n` +
      `let ENC_N: any[] | null = null;\nlet ENC_F: ((n: any[], w: Uint32Array, o: number) => void) | null = null;\n` +
      `/** decodes so far (PREV's generation) */\nlet DEC_GEN = 0;\n/** the generation whose PREV the state being expanded equals, or -1 */\nlet BASE_GEN = -1;\n` +
      `/** DEC_GEN when s holds the very values of the last decoded state, else -1 */\nfunction baseOf(s: any[]): number {\n  const p = PREV;\n  if (p === null) return -1;\n  for (let i = 0; i < ${this.model.vars.length + 1}; i++) if (s[i] !== p[i]) return -1;\n  return DEC_GEN;\n}\n\n` +
      `/** pack the next-state values \`n\` into words[o .. o+${words}); throws when a value is outside its type */\n` +
      `function encode(n: any[], w: Uint32Array, o: number): void {\n${this.words ? `  if (n === LZ) {\n    for (let i = 0; i < ${words}; i++) w[o + i] = WN[i];\n    return;\n  }\n` : ''}  let x: number;\n  const p = PREV;\n  for (let i = 0; i < ${words}; i++) w[o + i] = p === null ? 0 : PREV_W[i];\n  if (n === ENC_N && BASE_GEN === DEC_GEN) {\n    ENC_F!(n, w, o);\n    return;\n  }\n${enc.join('\n')}\n}\n\n${after.join('\n')}\n` +
      `/** unpack words[o .. o+${words}) into the values s */\nfunction unpack(w: Uint32Array, o: number, s: any[]): void {\n  let x: number;\n${dec.join('\n')}\n  s[${this.model.vars.length}] = false;\n}\n\n` +
      `/** unpack words[o .. o+${words}) into values */\nfunction decode(w: Uint32Array, o: number): any[] {\n  const s: any[] = new Array(${this.model.vars.length + 1});\n  unpack(w, o, s);\n  PREV = s.slice();\n  DEC_GEN++;\n  for (let i = 0; i < ${words}; i++) PREV_W[i] = w[o + i];\n  return s;\n}\n`
    );
  }

  /**
   * `symmetric X` whose values occur only as map indices, every such map one
   * field and a slice (the entries at one index across the maps) of at most
   * 2^52 values: the slice sort of src/runtime/symmetry.ts `sortedSlices`,
   * specialised to this layout (the same order, so the same representative).
   * Each slice becomes one number, its digits variable by variable, the first
   * variable most significant. Null when the runtime's generic sort applies.
   */
  sliceSort(): string | null {
    const sym = this.model.symmetric;
    if (!sym) return null;
    const k = sym.values.length;
    const { fields } = layout(this.model);
    const maps: { f: FieldLayout; r: number }[] = [];
    for (let i = 0; i < fields.length; i++) {
      const t = this.model.vars[i].type;
      if (!containsSym(t, sym.name)) continue;
      if (t.k !== 'map' || !(t.dom.k === 'int' && t.dom.sym === sym.name) || containsSym(t.rng, sym.name)) return null;
      if (fields[i].width === 0) continue;
      if (size(t) > MAX_FIELD) return null;
      maps.push({ f: fields[i], r: size(t.rng) });
    }
    // a slice's key is below the product of the ranges
    const keyMax = maps.reduce((a, m) => a * m.r, 1);
    if (keyMax > MAX_FIELD) return null;
    if (k < 2 || maps.length === 0) return `/** symmetric ${sym.name}: one value, or no map over it packed: every state is its own representative */\nfunction sortSlices(_w: Uint32Array, _o: number): boolean {\n  return false;\n}\n`;
    const V = maps.length;
    // a slice's key: its digits, the first map's most significant (the order of the runtime's sort)
    const weight: number[] = [];
    for (let c = V - 1, m = 1; c >= 0; m *= maps[c].r, c--) weight[c] = m;
    const intKeys = keyMax <= 2 ** 31;
    const lines: string[] = [];
    const e = (c: number, j: number) => `e${c}_${j}`;
    // Most states are their own representative (73% of the calls on the shmem spec, PAGES=3 THREADS=3):
    // their keys come from a table per map, indexed by the field (a slice's part of the key at each
    // index), where the table is small enough to stay in the processor's cache; else from the digits
    const keyParts = maps.map(({ f, r }, c) => {
      lines.push(`  // ${f.name}: bits ${f.bit}..${f.bit + f.width - 1}, entry j the j-th digit of radix ${r}`, '  x = 0;', ...readField(f), `  const x${c} = x;`);
      if (r ** k * k > SLICE_TABLE) return null;
      return this.hoist('SK', `rt.sliceKeyParts(${r}, ${k}, ${weight[c]}, ${intKeys})`, `${f.name}: per field value x, at x * ${k} + j its digit j times ${weight[c]}`);
    });
    // a field of at most 31 bits is a small integer: "x % r" and "(x / r) | 0" stay integer operations, "(x - d) / r" would not
    const digits = (c: number) => {
      const { f, r } = maps[c];
      const out = [`  x = x${c};`];
      for (let j = 0; j < k - 1; j++) out.push(f.width <= 31 ? `  const ${e(c, j)} = x % ${r}; x = (x / ${r}) | 0;` : `  const ${e(c, j)} = x % ${r}; x = (x - ${e(c, j)}) / ${r};`);
      out.push(`  const ${e(c, k - 1)} = x;`);
      return out;
    };
    for (let c = 0; c < V; c++) if (!keyParts[c]) lines.push(...digits(c));
    for (let j = 0; j < k; j++) {
      const terms = maps.map((_, c) => (keyParts[c] ? `${keyParts[c]}[x${c} * ${k} + ${j}]` : weight[c] === 1 ? e(c, j) : `${e(c, j)} * ${weight[c]}`));
      lines.push(`  const k${j} = ${terms.join(' + ')};`);
    }
    lines.push(`  if (${Array.from({ length: k - 1 }, (_, j) => `k${j} <= k${j + 1}`).join(' && ')}) return false;`);
    for (let c = 0; c < V; c++) if (keyParts[c]) lines.push(...digits(c));
    // the field of map c with its entries in the order p (p[j]: the index whose slice goes j-th)
    const rebuilt = (c: number, p: (j: number) => string) =>
      `  x = ${Array.from({ length: k }, (_, j) => (j === 0 ? p(0) : `${p(j)} * ${maps[c].r ** j}`)).join(' + ')};`;
    if (k <= SLICE_SWITCH) {
      // a sorting network on (key, index) in registers, then one case per permutation, its digits named
      for (let j = 0; j < k; j++) lines.push(`  let a${j} = k${j};`, `  let i${j} = ${j};`);
      lines.push('  let t: number;');
      for (const [x, y] of sortingNetwork(k)) lines.push(`  if (a${x} > a${y}) { t = a${x}; a${x} = a${y}; a${y} = t; t = i${x}; i${x} = i${y}; i${y} = t; }`);
      lines.push(`  switch (${Array.from({ length: k }, (_, j) => (j === 0 ? 'i0' : `i${j} * ${k ** j}`)).join(' + ')}) {`);
      for (const perm of permutations(k)) {
        if (perm.every((x, j) => x === j)) continue; // (sorted: returned above)
        lines.push(`    case ${perm.reduce((a, x, j) => a + x * k ** j, 0)}:`);
        for (let c = 0; c < V; c++) lines.push(`    ${rebuilt(c, (j) => e(c, perm[j]))}`, ...writeField(maps[c].f).map((l) => `    ${l}`));
        lines.push('      return true;');
      }
      lines.push('  }', '  throw new Error("internal error: a slice sort without a permutation");');
    } else {
      for (let c = 0; c < V; c++) lines.push(`  ${Array.from({ length: k }, (_, j) => `E[${c * k + j}] = ${e(c, j)};`).join(' ')}`);
      lines.push(`  ${Array.from({ length: k }, (_, j) => `K[${j}] = k${j};`).join(' ')}`);
      lines.push(`  for (let j = 0; j < ${k}; j++) ORDER[j] = j;`);
      lines.push(`  for (let j = 1; j < ${k}; j++) {`, `    const cur = ORDER[j];`, `    let i = j - 1;`, `    for (; i >= 0 && K[cur] < K[ORDER[i]]; i--) ORDER[i + 1] = ORDER[i];`, `    ORDER[i + 1] = cur;`, `  }`);
      maps.forEach(({ f }, c) => lines.push(rebuilt(c, (j) => `E[${c * k} + ORDER[${j}]]`), ...writeField(f)));
      lines.push('  return true;');
    }
    const body = lines.join('\n').replace(/\bE\[/g, 'SLICE_E[').replace(/\bK\[/g, 'SLICE_K[').replace(/\bORDER\[/g, 'SLICE_ORDER[');
    const arrays =
      k <= SLICE_SWITCH
        ? ''
        : `const SLICE_E = new ${maps.every((m) => m.r <= 2 ** 31) ? 'Int32Array' : 'Float64Array'}(${V * k});\nconst SLICE_K = new ${intKeys ? 'Int32Array' : 'Float64Array'}(${k});\nconst SLICE_ORDER = new Int32Array(${k});\n`;
    return (
      `/** symmetric ${sym.name}: put the slices of the ${V} map(s) over ${sym.name} in order in the packed words; true when any moved */\n` +
      arrays +
      `function sortSlices(w: Uint32Array, o: number): boolean {\n  let x: number;\n${body}\n}\n`
    );
  }

  /** Encode a map of more than 2^52 values entry by entry: each entry's fields at `bit + k * width(rng)`. */
  private encodeEntries(t: Type, v: string, bit: string, name: string, depth: number): string {
    if (size(t) <= MAX_FIELD) {
      const prim = this.primitiveOrd(t, v, name);
      const x = prim ?? `${this.ordFn(t)}(${v})`;
      const check = prim ? '' : `\n  if (!(x >= 0)) x = rt.storedOrd(${this.typeRef(t)}, ${v}, ${JSON.stringify(name)});`;
      return packedWidth(t) === 0 ? `  rt.ord(${this.typeRef(t)}, ${v});` : `  x = ${x};${check}\n  rt.putBits(w, o, ${bit}, ${packedWidth(t)}, x);`;
    }
    if (t.k !== 'map') throw new Error(`internal: ${typeToString(t)} cannot be packed`);
    const k = `k${depth}`;
    const inner = this.encodeEntries(t.rng, `${v}[${k}]`, `${bit} + ${k} * ${packedWidth(t.rng)}`, name, depth + 1);
    return `  for (let ${k} = 0; ${k} < ${size(t.dom)}; ${k}++) {\n${inner.replace(/^/gm, '  ')}\n  }`;
  }

  /** The expression decoding a map of more than 2^52 values entry by entry. */
  private decodeEntries(t: Type, bit: string, depth: number): string {
    if (size(t) <= MAX_FIELD) {
      const width = packedWidth(t);
      const x = width === 0 ? '0' : `rt.getBits(w, o, ${bit}, ${width})`;
      return this.primitiveVal(t, x) ?? this.valCode(t, x);
    }
    if (t.k !== 'map') throw new Error(`internal: ${typeToString(t)} cannot be packed`);
    const k = `k${depth}`;
    return `Array.from({ length: ${size(t.dom)} }, (_: unknown, ${k}: number) => ${this.decodeEntries(t.rng, `${bit} + ${k} * ${packedWidth(t.rng)}`, depth + 1)})`;
  }

  /**
   * A module-level function giving the ordinal of a value of `t`, or
   * -Infinity when the value is not one (encode then calls rt.ord, which
   * throws the usual error). The fast path of rt.ord, specialised to `t`:
   * the same arithmetic in the same order, so the same ordinals.
   */
  private ordFn(t: Type): string {
    let code: string;
    switch (t.k) {
      case 'bool':
        code = `(v: any): number => (v ? 1 : 0)`;
        break;
      case 'int':
        code = `(v: any): number => (typeof v === 'number' && v >= ${t.lo} && v <= ${t.hi} && Number.isInteger(v) ? v - ${t.lo} : -Infinity)`;
        break;
      case 'union': {
        if (t.isEnum) {
          // a switch on the tag, not a lookup in an object keyed by tag: tags are interned
          // strings, so each case is a pointer compare, where a lookup hashes into a dictionary
          const cases = t.tags.map((tg, i) => `case ${JSON.stringify(tg.name)}: return ${i};`).join(' ');
          code = `(v: any): number => { switch (v) { ${cases} } return -Infinity; }`;
          break;
        }
        let offset = 0;
        const cases = t.tags.map((tg) => {
          let radix = 1;
          const terms = [String(offset)];
          for (const f of tg.fields) {
            terms.push(`${this.ordFn(f.type)}(v.${f.name}) * ${radix}`);
            radix *= size(f.type);
          }
          offset += radix;
          return `case ${JSON.stringify(tg.name)}: return ${terms.join(' + ')};`;
        });
        code = `(v: any): number => { const t = typeof v === 'string' ? v : v !== null && typeof v === 'object' && !Array.isArray(v) ? v.$ : undefined; switch (t) { ${cases.join(' ')} } return -Infinity; }`;
        break;
      }
      case 'record': {
        let radix = 1;
        const terms = t.fields.map((f) => {
          const term = `${this.ordFn(f.type)}(v.${f.name}) * ${radix}`;
          radix *= size(f.type);
          return term;
        });
        code = `(v: any): number => (v !== null && typeof v === 'object' && !Array.isArray(v) ? 0 + ${terms.join(' + ') || '0'} : -Infinity)`;
        break;
      }
      case 'map': {
        const n = size(t.dom);
        code = `(v: any): number => { if (!Array.isArray(v) || v.length !== ${n}) return -Infinity; let o = 0; let radix = 1; for (let i = 0; i < ${n}; i++) { o += ${this.ordFn(t.rng)}(v[i]) * radix; radix *= ${size(t.rng)}; } return o; }`;
        break;
      }
      case 'set':
        code = `(v: any): number => { if (!Array.isArray(v)) return -Infinity; let o = 0; for (let i = 0; i < v.length; i++) { const k = ${this.ordFn(t.elem)}(v[i]); if (!(k >= 0)) return -Infinity; o += Math.pow(2, k); } return o; }`;
        break;
      case 'seq': {
        const e = size(t.elem);
        code = `(v: any): number => { if (!Array.isArray(v) || v.length > ${t.cap}) return -Infinity; let offset = 0; for (let l = 0; l < v.length; l++) offset += Math.pow(${e}, l); let o = 0; let radix = 1; for (let i = 0; i < v.length; i++) { o += ${this.ordFn(t.elem)}(v[i]) * radix; radix *= ${e}; } return offset + o; }`;
        break;
      }
    }
    const walk = this.hoist('F', code, `ordinal of a ${typeToString(t)}, -Infinity if not one`);
    const carried = this.carriedKey(t);
    if (carried) return this.hoist('F', `(v: any): number => { if (Array.isArray(v)) { const o = (v as any)[${carried}]; if (o !== undefined) return o; } return ${walk}(v); }`, `ordinal of a ${typeToString(t)}: carried by the array, else ${walk}`);
    const table = this.internOf(t);
    if (!table) return walk;
    // an interned value knows its ordinal: one load instead of a walk
    return this.hoist('F', `(v: any): number => { if (v !== null && typeof v === 'object') { const o = v[${table.key}]; if (o !== undefined) return o; } return ${walk}(v); }`, `ordinal of a ${typeToString(t)}: read from an interned value, else ${walk}`);
  }

  /** Code for the value of ordinal `x` (an identifier) of `t`: rt.val, specialised. */
  private valCode(t: Type, x: string): string {
    const n = size(t);
    if (t.k === 'bool') return `(${x} === 1)`;
    if (t.k === 'int') return `(${x} + ${t.lo})`;
    // small types: every value once, shared (values are never mutated)
    const table = this.internOf(t);
    if (table) return `${table.values}[${x}]`;
    if (n <= INTERNED) return `${this.hoist('V', `rt.enumerate(${this.typeRef(t)})`, `every ${typeToString(t)}, by ordinal`)}[${x}]`;
    if (t.k === 'map') {
      const r = size(t.rng);
      const carried = this.carriedKey(t);
      const keep = carried ? ` (a as any)[${carried}] = o;` : '';
      const fn = this.hoist('G', `(o: number): any[] => { const a: any[] = new Array(${size(t.dom)}); let i = o; for (let k = 0; k < a.length; k++) { const d = i % ${r}; a[k] = ${this.valCode(t.rng, 'd')}; i = Math.floor(i / ${r}); }${keep} return a; }`, `the ${typeToString(t)} of an ordinal`);
      return `${fn}(${x})`;
    }
    if (t.k === 'record') {
      const parts = t.fields.map((f) => `{ const d = i % ${size(f.type)}; o.${f.name} = ${this.valCode(f.type, 'd')}; i = Math.floor(i / ${size(f.type)}); }`);
      const fn = this.hoist('G', `(i: number): any => { const o: any = {}; ${parts.join(' ')} return o; }`, `the ${typeToString(t)} of an ordinal`);
      return `${fn}(${x})`;
    }
    return `rt.val(${this.typeRef(t)}, ${x})`;
  }

  /** the ordinal of the value of variable `name` in its type; out of the type is an error naming the variable */
  private primitiveOrd(t: Type, v: string, name: string): string | null {
    const where = `${JSON.stringify(name)}, ${JSON.stringify(typeToString(t))}`;
    if (t.k === 'bool') return `(${v} ? 1 : 0)`;
    if (t.k === 'int') return `rt.stored(${v} - ${t.lo}, ${size(t)}, ${v}, ${where})`;
    if (t.k === 'union' && t.isEnum) return `rt.stored(${this.ordFn(t)}(${v}), ${t.tags.length}, ${v}, ${where})`;
    return null;
  }

  private primitiveVal(t: Type, x: string): string | null {
    if (t.k === 'bool') return `${x} === 1`;
    if (t.k === 'int') return `${x} + ${t.lo}`;
    if (t.k === 'union' && t.isEnum) return `${this.hoist('N', JSON.stringify(t.tags.map((tg) => tg.name)), `tags of ${t.name}`)}[${x}]`;
    return null;
  }

  /** the word steps' code (word-steps.ts) and the state's words, or '' when no action is compiled to them */
  private words = '';
  private wordCount = 0;
  /** per invariant: whether word-steps.ts compiled it (winv<i>) */
  private wordInvariants: boolean[] = [];

  /** wactions(): the word steps in order, a process's step only where an instance is at its label */
  private wordDispatch(steps: { fn: string; note?: string }[], fields: FieldLayout[]): string {
    const { pre, when } = labelTests(this.model, fields);
    return callEach('wactions', 'the word steps', steps.map((c, i) => ({ ...c, when: when[i] })), pre);
  }

  /**
   * Each action that word-steps.ts can compile, a second time, on the packed
   * words, and what they share: the pre-state's words (BASE_W), the
   * successor's (WN), and LZ, the one array that stands for that successor
   * as values, decoded only when something reads it (real()).
   */
  private wordSteps(): string {
    const { fields, words } = layout(this.model);
    this.wordCount = words;
    const ws = new WordSteps(this.model, fields, words, { hoist: (p, c, cm) => this.hoist(p, c, cm), domainValues: (t) => this.domainValues(t) });
    const compiled = this.model.actions.map((a, i) => ws.action(a, i));
    if (!compiled.some((c) => 'code' in c)) return '';
    // the invariants too, for LZ: a new state is checked without being decoded
    const invs = this.model.invariants.map((inv, i) => ws.invariant(inv, i));
    this.wordInvariants = invs.map((c) => 'code' in c);
    const nv = this.model.vars.length;
    const onValues = compiled.map((c, i) => ('code' in c ? '' : `/** ${this.model.actions[i].name}, on values: the state being expanded decoded first */\nfunction vaction${i}(s: any[], emit: Emit): void {\n  real(s);\n  action${i}(s, emit);\n}\n\n`)).join('');
    return (
      `// Steps on the packed words (generator/word-steps.ts): while successors() runs on a state whose\n` +
      `// words it has (expandOf, or the state just decoded), an action below reads its variables from BASE_W\n` +
      `// and writes each successor's words into WN; it emits LZ, which encode() packs by copying WN and\n` +
      `// which is decoded only when read.\n` +
      `const BASE_W = new Uint32Array(${words});\nconst WN = new Uint32Array(${words});\nconst LZ: any[] = new Array(${nv + 1});\n` +
      `/** LZ does not hold WN's values yet */\nlet LZ_STALE = false;\nlet WORDS_ON = true;\n` +
      `/** off: every action runs on values (a test compares the two) */\nfunction wordSteps(on: boolean): void {\n  WORDS_ON = on;\n}\n` +
      `// a value step run in place of a word step that has emitted some successors (a \`with\`) emits\n` +
      `// them again first: SKIP of them are passed over\n` +
      `let SKIP = 0;\nlet SKIP_TO: Emit = () => {};\nconst skipEmit: Emit = (a, c, n) => {\n  if (SKIP > 0) {\n    SKIP--;\n    return;\n  }\n  SKIP_TO(a, c, n);\n};\n` +
      `// PS: the state being expanded, whose words expandOf() puts in BASE_W; successors() decodes it, and fills\n` +
      `// the value steps' scratch from it, only when a step on values runs (DEFER: not yet, in this run)\n` +
      `const PS: any[] = new Array(${nv + 1});\nlet PS_STALE = false;\nlet DEFER = false;\n` +
      `/** the state at w[o ..] to expand with successors() next: its values are decoded only if a step on values reads them */\nfunction expandOf(w: Uint32Array, o: number): any[] {\n  for (let i = 0; i < ${words}; i++) BASE_W[i] = w[o + i];\n  PS_STALE = true;\n  return PS;\n}\n` +
      `/** PS decoded, as decode() does; in a deferred successors() run, the scratch filled from it */\nfunction realParent(): void {\n  unpack(BASE_W, 0, PS);\n  PS_STALE = false;\n  PREV = PS.slice();\n  DEC_GEN++;\n  for (let i = 0; i < ${words}; i++) PREV_W[i] = BASE_W[i];\n  if (DEFER) {\n    DEFER = false;\n    BASE_GEN = DEC_GEN;\n    if (NEXT !== null) {\n      for (let i = 0; i < ${nv + 1}; i++) NEXT[i] = PS[i];\n      DIRTY = null;\n    }\n  }\n}\n` +
      `/** s as values: LZ is decoded from WN when first read after a word step, PS from BASE_W */\nfunction real(s: any[]): void {\n  if (s === LZ) {\n    if (LZ_STALE) {\n      unpack(WN, 0, LZ);\n      LZ_STALE = false;\n    }\n  } else if (s === PS && PS_STALE) realParent();\n}\n\n` +
      onValues +
      compiled.map((c) => ('code' in c ? c.code + '\n' : '')).join('') +
      invs.map((c, i) => ('code' in c ? c.code + '\n' : `// invariant ${this.model.invariants[i].name}: on values, ${c.why}\n\n`)).join('') +
      `// the invariants of a state the engine has as words (a successor staged, explore.ts): on the words\n` +
      `// where they are compiled to, else on the values unpacked from them\n` +
      `const WINV: (((B: Uint32Array) => boolean | null) | null)[] = [${invs.map((c, i) => ('code' in c ? `winv${i}` : 'null')).join(', ')}];\nconst IW = new Uint32Array(${words});\n` +
      `/** whether invariant k holds in the state whose words are w[o ..] */\nfunction invariantOfWords(k: number, w: Uint32Array, o: number): boolean {\n  for (let i = 0; i < ${words}; i++) IW[i] = w[o + i];\n  const f = WINV[k];\n  const r = f === null ? null : f(IW);\n  if (r !== null) return r;\n  const s: any[] = new Array(${nv + 1});\n  unpack(IW, 0, s);\n  return INVARIANTS[k](s);\n}\n\n` +
      this.wordDispatch(
        compiled.map((c, i) => ('code' in c ? { fn: `waction${i}` } : { fn: `vaction${i}`, note: `${this.model.actions[i].name}: on values, ${c.why}` })),
        fields,
      )
    );
  }

  module(): string {
    const m = this.model;
    const actions = m.actions.map((a, i) => this.action(a, i)).join('\n');
    this.words = this.wordSteps();
    const init = this.init();
    const invs = this.invariants();
    const live = this.liveness();
    const codec = this.codec();
    const { words, fields } = layout(m);
    const terminated = m.processes.length
      ? `  return ${m.processes.map((p) => (p.domain ? `(s[${p.pcVar}] as any[]).every((x) => x === "Done")` : `s[${p.pcVar}] === "Done"`)).join(' && ')};`
      : '  return false;';
    const meta = {
      spec: m.name,
      constants: Object.fromEntries(m.constants.map((c) => [c.name, c.value])),
      vars: m.vars.map((v, i) => ({ name: v.name, type: typeToString(v.type), bit: fields[i].bit, width: fields[i].width })),
      words,
      actions: m.actions.map((a) => ({ name: a.name, params: a.params.map((p) => ({ name: p.name, size: size(p.type) })), process: a.process ? { name: a.process.name, label: a.process.label, indexed: a.process.indexed } : null })),
      invariants: m.invariants.map((i) => i.name),
      liveness: m.liveness.map((l) => ({
        name: l.name,
        kind: l.kind,
        instances: l.instances.map((t) => Object.fromEntries(l.bound.map((b, j) => [b.name, toJSON(b.type, t[j])]))),
      })),
      fairness: m.fairness.map((f) => ({ strength: f.strength, ...(f.process ? { process: f.process } : {}), ...(f.action ? { action: f.action } : {}) })),
      ...(m.symmetric ? { symmetric: { name: m.symmetric.name, lo: m.symmetric.type.lo, size: m.symmetric.values.length } } : {}),
    };
    // `symmetric X`: the orbit's representative of a state, by the runtime's type-directed permutation (src/runtime/symmetry.ts)
    const sort = this.sliceSort();
    const canon = m.symmetric
      ? `/** symmetric ${m.symmetric.name}: n packed as the representative of its orbit (n moved by every permutation of ${m.symmetric.name}); n itself is not changed */
${sort ?? ''}${
          this.words && !sort
            ? `const CANONICAL: (n: any[], w: Uint32Array, o: number) => void = rt.canonicalizer(VAR_TYPES, META.symmetric, ${words}, encode, META.vars);
// (without a slice sort the representative may be found on values: LZ is decoded first)
function encodeCanonical(n: any[], w: Uint32Array, o: number): void {
  real(n);
  CANONICAL(n, w, o);
}`
            : `const encodeCanonical: (n: any[], w: Uint32Array, o: number) => void = rt.canonicalizer(VAR_TYPES, META.symmetric, ${words}, encode, META.vars${sort ? ', sortSlices' : ''});`
        }

`
      : '';
    const varTypes = m.vars.map((v) => this.typeRef(v.type));
    const paramTypes = m.actions.map((a) => `[${a.params.map((p) => this.typeRef(p.type)).join(', ')}]`);
    const header =
      `// Generated by uffdspec from spec ${m.name}${m.source ? ` (${m.source.file})` : ''}.\n` +
      `// Constants: ${m.constants.map((c) => `${c.name}=${String(c.value)}`).join(', ') || '(none)'}.\n` +
      `// Do not edit: regenerate with \`uffdspec check\`. State: ${m.vars.length} variables in ${words} 32-bit word(s).\n`;
    return (
      header +
      `/* eslint-disable */\n` +
      `// (module bindings of the globals the steps use: inside a vm context, as under jest, every\n` +
      `// lookup of a global goes through the context's interceptor, ten to fifty times slower)\n` +
      `const { Math, Array, Number, Infinity } = globalThis;\n` +
      `type Emit = (action: number, combo: number, n: any[]) => void;\n\n` +
      `export function create(rt: any) {\n` +
      indentAll(
        `${this.consts.join('\n')}\n\n${codec}\n${init}\n${actions}\n${this.words}${invs}\n${live}\n` +
          `/** every process has finished */\nfunction terminated(s: any[]): boolean {\n${this.words ? '  real(s);\n' : ''}${terminated}\n}\n\n` +
          `const VAR_TYPES = [${varTypes.join(', ')}];\n` +
          `const PARAM_TYPES = [${paramTypes.join(', ')}];\n` +
          `const ACTIONS = [${m.actions.map((_, i) => `action${i}`).join(', ')}];\n` +
          callEach('actions', 'the steps on values', m.actions.map((_, i) => ({ fn: `action${i}`, when: null }))) +
          `const META = ${JSON.stringify(meta)};\n\n` +
          canon +
          `// The next state of a step that cannot branch is written into one array that every such step\n` +
          `// reuses, while an engine that takes each successor before the next step runs (and keeps no\n` +
          `// reference to it) explores with reuseNext(true); else, and in a successors() run inside an\n` +
          `// emit (a trace replayed while a state is taken), each next state is a fresh copy.\n` +
          `let REUSE = false;\nlet DEPTH = 0;\nlet NEXT: any[] | null = null;\nconst SCRATCH: any[] = new Array(${m.vars.length + 1});\n` +
          `function reuseNext(on: boolean): void {\n  REUSE = on;\n}\n` +
          `// NEXT holds the pre-state's values, copied once as successors() starts, but for the entries the\n` +
          `// last step that wrote it may have assigned (DIRTY): a step restores those and names its own, so\n` +
          `// a successor costs the few entries its step assigns, not a copy of the whole state.\n` +
          `let DIRTY: number[] | null = null;\n` +
          `/** the pre-state's copy that a step assigns into; \`touched\`: every entry the step may assign */\nfunction nextOf(s: any[], touched: number[]): any[] {\n  const t = NEXT;\n  if (t === null) return s.slice();\n  const d = DIRTY;\n  if (d !== null) for (let i = 0; i < d.length; i++) t[d[i]] = s[d[i]];\n  DIRTY = touched;\n  return t;\n}\n\n` +
          `/** all successors of s: emit(action, combo, next) */\nfunction successors(s: any[], emit: Emit): void {\n  const outer = NEXT;\n  const outerBase = BASE_GEN;\n  NEXT = REUSE && DEPTH === 0 ? SCRATCH : null;\n  const outerDirty = DIRTY;\n${
            this.words
              ? `  const outerDefer = DEFER;\n  // on the words when the successors are taken one by one and the state's words are known: PS's\n  // (expandOf, its values decoded only if a step on values needs them), or s's if just decoded\n  let onWords = false;\n  if (s === PS && PS_STALE && WORDS_ON && NEXT !== null) {\n    DEFER = true;\n    BASE_GEN = -1;\n    onWords = true;\n  } else {\n    real(s);\n    DEFER = false;\n    if (NEXT !== null) {\n      for (let i = 0; i < ${m.vars.length + 1}; i++) NEXT[i] = s[i];\n      DIRTY = null;\n    }\n    BASE_GEN = baseOf(s);\n    if (WORDS_ON && NEXT !== null && BASE_GEN >= 0) {\n      for (let i = 0; i < ${this.wordCount}; i++) BASE_W[i] = PREV_W[i];\n      onWords = true;\n    }\n  }\n`
              : `  if (NEXT !== null) {\n    for (let i = 0; i < ${m.vars.length + 1}; i++) NEXT[i] = s[i];\n    DIRTY = null;\n  }\n  BASE_GEN = baseOf(s);\n`
          }  DEPTH++;\n  try {\n    ${this.words ? 'if (onWords) wactions(s, emit);\n    else ' : ''}actions(s, emit);\n  } finally {\n    DEPTH--;\n    NEXT = outer;\n    DIRTY = outerDirty;\n    BASE_GEN = outerBase;\n    ENC_N = null;\n${this.words ? '    DEFER = outerDefer;\n' : ''}  }\n}\n\n` +
          `const STEPS: ((s: any[], emit: Emit, combo: number, ...params: any[]) => void)[] = [${m.actions.map((_, i) => `step${i}`).join(', ')}];\n\n` +
          `/** the successors of s by one action with one choice of parameters (combo: as emitted); a trace-guided run that knows an op's parameters steps only those */\nfunction successorsAt(s: any[], action: number, combo: number, emit: Emit): void {\n${this.words ? '  real(s);\n' : ''}  const a = META.actions[action];\n  const vals: unknown[] = [];\n  let c = combo;\n  for (let i = 0; i < a.params.length; i++) {\n    vals.push(rt.val(PARAM_TYPES[action][i], c % a.params[i].size));\n    c = Math.floor(c / a.params[i].size);\n  }\n  const outerBase = BASE_GEN;\n  const outerNext = NEXT;\n  // (fresh copies: the scratch may hold an outer run's successor)\n  NEXT = null;\n  BASE_GEN = baseOf(s);\n  try {\n    STEPS[action](s, emit, combo, ...vals);\n  } catch (e: any) {\n    if (e && typeof e === 'object' && e.actionIndex === undefined) e.actionIndex = action;\n    throw e;\n  } finally {\n    NEXT = outerNext;\n    BASE_GEN = outerBase;\n    ENC_N = null;\n  }\n}\n\n` +
          `/** the combo of one choice of parameters of an action, given as values (ints, booleans, enum tags) in declaration order */\nfunction comboOf(action: number, params: unknown[]): number {\n  const a = META.actions[action];\n  let combo = 0;\n  let radix = 1;\n  for (let i = 0; i < a.params.length; i++) {\n    combo += rt.ord(PARAM_TYPES[action][i], params[i]) * radix;\n    radix *= a.params[i].size;\n  }\n  return combo;\n}\n\n` +
          `/** the successors of s by one action (a trace-guided run steps only the actions an op can start) */\nfunction successorsOf(s: any[], action: number, emit: Emit): void {\n${this.words ? '  real(s);\n' : ''}  const outerBase = BASE_GEN;\n  const outerNext = NEXT;\n  NEXT = null;\n  BASE_GEN = baseOf(s);\n  try {\n    ACTIONS[action](s, emit);\n  } catch (e: any) {\n    if (e && typeof e === 'object' && e.actionIndex === undefined) e.actionIndex = action;\n    throw e;\n  } finally {\n    NEXT = outerNext;\n    BASE_GEN = outerBase;\n    ENC_N = null;\n  }\n}\n\n` +
          `/** the variables as plain JSON */\nfunction toJSON(s: any[]): Record<string, unknown> {\n${this.words ? '  real(s);\n' : ''}  const o: Record<string, unknown> = {};\n  for (let i = 0; i < VAR_TYPES.length; i++) o[META.vars[i].name] = rt.toJSON(VAR_TYPES[i], s[i]);\n  return o;\n}\n\n` +
          `/** one variable as plain JSON (a reader of a few variables of a large state need not convert the rest) */\nfunction varToJSON(s: any[], i: number): unknown {\n${this.words ? '  real(s);\n' : ''}  return rt.toJSON(VAR_TYPES[i], s[i]);\n}\n\n` +
          `/** the step that (action, combo) stands for: the action, or the process, instance and label, with the parameters as JSON */\nfunction stepOf(action: number, combo: number) {\n  const a = META.actions[action];\n  const vals: unknown[] = [];\n  for (let i = 0; i < a.params.length; i++) {\n    const t = PARAM_TYPES[action][i];\n    vals.push(rt.toJSON(t, rt.val(t, combo % a.params[i].size)));\n    combo = Math.floor(combo / a.params[i].size);\n  }\n  return rt.makeStep(a, vals);\n}\n\n` +
          `return { META, WORDS: ${words}, init, successors, successorsOf, successorsAt, comboOf, INVARIANTS, LIVENESS, terminated, encode, decode, toJSON, varToJSON, stepOf, reuseNext${this.words ? ', wordSteps, expandOf, invariantOfWords' : ''}${m.symmetric ? ', encodeCanonical' : ''} };\n`,
      ) +
      `}\n`
    );
  }
}

function typeLiteral(t: Type): string {
  return JSON.stringify(t, (_k, v) => (v === Infinity ? 1e308 : v === -Infinity ? -1e308 : v));
}

/** The TypeScript source of the checker for `model`. */
export function emitChecker(model: Model): string {
  return new Emitter(model).module();
}
