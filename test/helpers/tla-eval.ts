// A small explicit-state model checker for the TLA+ that `uffdspec export
// --tla` writes, reading the module text through the tree-sitter grammar of
// the TLA+ project (tla-syntax.ts). It exists so that the exports are
// checked for meaning, not only for syntax, where TLC cannot run: it knows
// nothing of uffdspec's IR or exporter, only TLA+'s semantics for the
// constructs the exports use (an unknown construct is an error, never a
// guess). Next-state relations are evaluated as TLC does: conjuncts left to
// right, a primed variable's first equation assigns it, `\E` and `\/` split
// the behaviour, UNCHANGED assigns the variable its value.
import { parseTla, type Node } from './tla-syntax';

/** The module of `text`, ready to check. */
export async function loadTla(text: string): Promise<TlaModel> {
  return new TlaModel(await parseTla(text));
}

// ---- values ------------------------------------------------------------------------------------

type V = boolean | number | string | TSet | Fn;
interface Fn {
  k: 'fn';
  /** key text → [key, value], keys in canonical order */
  m: Map<string, [V, V]>;
}
type TSet =
  | { k: 'set'; elems: Map<string, V> }
  | { k: 'lazy'; has: (x: V) => boolean; all?: () => V[]; what: string };

function key(v: V): string {
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (typeof v === 'number') return `i${v}`;
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (v.k === 'fn') return `F{${[...v.m.entries()].map(([k, [, x]]) => `${k}:${key(x)}`).join(',')}}`;
  return `S{${[...elems(v).map(key)].sort().join(',')}}`;
}

function set(xs: V[]): TSet {
  const m = new Map<string, V>();
  for (const x of xs.map((x) => [key(x), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) m.set(x[0], x[1]);
  return { k: 'set', elems: m };
}

function fn(pairs: [V, V][]): Fn {
  const m = new Map<string, [V, V]>();
  for (const p of pairs.map((p) => [key(p[0]), p] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) m.set(p[0], p[1]);
  return { k: 'fn', m };
}

const seq = (xs: V[]): Fn => fn(xs.map((x, i) => [i + 1, x]));

function isSet(v: V): v is TSet {
  return typeof v === 'object' && (v.k === 'set' || v.k === 'lazy');
}
function isFn(v: V): v is Fn {
  return typeof v === 'object' && v.k === 'fn';
}

function elems(s: V): V[] {
  if (!isSet(s)) throw new Error(`not a set: ${show(s)}`);
  if (s.k === 'set') return [...s.elems.values()];
  if (!s.all) throw new Error(`cannot enumerate ${s.what}`);
  return s.all();
}

function has(s: V, x: V): boolean {
  if (!isSet(s)) throw new Error(`\\in a non-set: ${show(s)}`);
  return s.k === 'set' ? s.elems.has(key(x)) : s.has(x);
}

function seqElems(s: V): V[] {
  if (!isFn(s)) throw new Error(`not a sequence: ${show(s)}`);
  const out: V[] = [];
  for (let i = 1; i <= s.m.size; i++) {
    const e = s.m.get(key(i));
    if (!e) throw new Error(`not a sequence: ${show(s)}`);
    out.push(e[1]);
  }
  return out;
}

function apply(f: V, x: V): V {
  if (!isFn(f)) throw new Error(`applying a non-function ${show(f)}`);
  const e = f.m.get(key(x));
  if (!e) throw new Error(`${show(x)} is not in the domain of ${show(f)}`);
  return e[1];
}

function show(v: V): string {
  return key(v).slice(0, 80);
}

function eq(a: V, b: V): boolean {
  if (typeof a !== typeof b) throw new Error(`comparing ${show(a)} with ${show(b)}`);
  return key(a) === key(b);
}

function num(v: V): number {
  if (typeof v !== 'number') throw new Error(`not an integer: ${show(v)}`);
  return v;
}
function bool(v: V): boolean {
  if (typeof v !== 'boolean') throw new Error(`not a boolean: ${show(v)}`);
  return v;
}

function range(lo: number, hi: number): TSet {
  const xs: V[] = [];
  for (let i = lo; i <= hi; i++) xs.push(i);
  return set(xs);
}

/** every combination of one value from each list */
function product<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, l) => acc.flatMap((a) => l.map((x) => [...a, x])), [[]]);
}

// ---- environments --------------------------------------------------------------------------

interface Def {
  params: string[];
  body: Node;
  env: Env | null;
}
type Binding = { v: V } | { def: Def };
interface Env {
  names: Map<string, Binding>;
  up: Env | null;
}

function lookup(env: Env | null, n: string): Binding | undefined {
  for (let e = env; e; e = e.up) {
    const b = e.names.get(n);
    if (b) return b;
  }
  return undefined;
}

function bind(env: Env | null, names: [string, Binding][]): Env {
  return { names: new Map(names), up: env };
}

const namedCache = new WeakMap<Node, Node[]>();
function named(n: Node): Node[] {
  let x = namedCache.get(n);
  if (!x) {
    x = n.children.filter((c) => c.isNamed && c.type !== 'comment');
    namedCache.set(n, x);
  }
  return x;
}

// ---- the model ------------------------------------------------------------------------------

export interface TlaRun {
  distinct: number;
  /** the violated invariant, 'Deadlock', or null */
  violated: string | null;
  /** states in the counterexample (shortest: breadth first) */
  traceStates: number;
}

export class TlaModel {
  private readonly defs = new Map<string, Def>();
  readonly vars: string[] = [];
  private state: Map<string, V> = new Map();
  /** the primed variables assigned so far on the current path (null: evaluating a state predicate) */
  private next: Map<string, V> | null = null;
  private initMode = false;

  constructor(root: Node) {
    const mod = root.children.find((c) => c.type === 'module');
    if (!mod) throw new Error('no module');
    for (const c of named(mod)) {
      if (c.type === 'variable_declaration') this.vars.push(...named(c).map((x) => x.text));
      else if (c.type === 'operator_definition') {
        const d = this.definition(c, null);
        this.defs.set(d[0], d[1]);
      } else if (!['identifier', 'header_line', 'extends', 'double_line', 'comment'].includes(c.type)) throw new Error(`unknown module unit ${c.type}`);
    }
  }

  private definition(n: Node, env: Env | null): [string, Def] {
    const name = n.childForFieldName('name')!.text;
    const params = n.children.filter((c, i) => n.fieldNameForChild(i) === 'parameter' && c.type === 'identifier').map((c) => c.text);
    return [name, { params, body: n.childForFieldName('definition')!, env }];
  }

  /** Explore from Init under Next, checking the invariants (in order) and deadlock; breadth first. */
  check(invariants: string[], deadlock: boolean, maxStates = 200000): TlaRun {
    const seen = new Map<string, number>();
    const parent: number[] = [];
    const states: Map<string, V>[] = [];
    const depthOf = (i: number) => {
      let n = 1;
      for (let j = i; parent[j] >= 0; j = parent[j]) n++;
      return n;
    };
    const add = (s: Map<string, V>, from: number): number | null => {
      const k = this.vars.map((v) => key(s.get(v)!)).join('|');
      if (seen.has(k)) return null;
      seen.set(k, states.length);
      states.push(s);
      parent.push(from);
      if (states.length > maxStates) throw new Error(`more than ${maxStates} states`);
      return states.length - 1;
    };
    const bad = (s: Map<string, V>) => invariants.find((inv) => !bool(this.inState(s, () => this.eval(this.defs.get(inv)!.body, null))));
    this.initMode = true;
    const inits = this.successors(new Map(), 'Init');
    this.initMode = false;
    for (const s of inits) {
      const i = add(s, -1);
      if (i === null) continue;
      const b = bad(s);
      if (b) return { distinct: states.length, violated: b, traceStates: 1 };
    }
    for (let i = 0; i < states.length; i++) {
      const succ = this.successors(states[i], 'Next');
      if (succ.length === 0 && deadlock) return { distinct: states.length, violated: 'Deadlock', traceStates: depthOf(i) };
      for (const s of succ) {
        const j = add(s, i);
        if (j === null) continue;
        const b = bad(s);
        if (b) return { distinct: states.length, violated: b, traceStates: depthOf(j) };
      }
    }
    return { distinct: states.length, violated: null, traceStates: 0 };
  }

  private inState<T>(s: Map<string, V>, f: () => T): T {
    const [ps, pn] = [this.state, this.next];
    this.state = s;
    this.next = null;
    try {
      return f();
    } finally {
      this.state = ps;
      this.next = pn;
    }
  }

  /** The states the action `name` leads to from `s` (Init: the initial states, from nothing). */
  private successors(s: Map<string, V>, name: string): Map<string, V>[] {
    const d = this.defs.get(name);
    if (!d) throw new Error(`no definition ${name}`);
    const prev = this.state;
    this.state = s;
    try {
      const out = this.act(d.body, null, new Map());
      return out.map((m) => {
        for (const v of this.vars) if (!m.has(v)) throw new Error(`${name} does not determine ${v}`);
        return m;
      });
    } finally {
      this.state = prev;
    }
  }

  /** An action formula: the assignments (of primed variables; in Init, of the variables) that satisfy it, extending `a`. */
  private act(n: Node, env: Env | null, a: Map<string, V>): Map<string, V>[] {
    const kids = named(n);
    switch (n.type) {
      case 'parentheses':
        return this.act(kids[0], env, a);
      case 'conj_list':
        return kids.reduce<Map<string, V>[]>((acc, item) => acc.flatMap((x) => this.act(named(item)[1], env, x)), [a]);
      case 'disj_list':
        return kids.flatMap((item) => this.act(named(item)[1], env, a));
      case 'let_in': {
        const e = bind(env, []);
        for (const d of n.children.filter((_c, i) => n.fieldNameForChild(i) === 'definitions')) {
          const [name, def] = this.definition(d, e);
          e.names.set(name, { def });
        }
        return this.act(n.childForFieldName('expression')!, e, a);
      }
      case 'if_then_else':
        return bool(this.withNext(a, () => this.eval(n.childForFieldName('if')!, env)))
          ? this.act(n.childForFieldName('then')!, env, a)
          : this.act(n.childForFieldName('else')!, env, a);
      case 'bounded_quantification': {
        if (n.childForFieldName('quantifier')!.type !== 'exists') break;
        return this.bindings(n, env).flatMap((e) => this.act(n.childForFieldName('expression')!, e, a));
      }
      case 'identifier_ref':
      case 'bound_op': {
        const name = n.type === 'identifier_ref' ? n.text : n.childForFieldName('name')!.text;
        const b = lookup(env, name);
        const d = b && 'def' in b ? b.def : this.defs.get(name);
        if (d && !(this.vars.includes(name) && !b)) {
          const args = n.type === 'bound_op' ? this.args(n).map((x) => this.withNext(a, () => this.eval(x, env))) : [];
          if (args.length !== d.params.length) throw new Error(`${name}: ${args.length} arguments for ${d.params.length} parameters`);
          return this.act(d.body, bind(d.env, d.params.map((p, i) => [p, { v: args[i] }])), a);
        }
        break;
      }
      case 'bound_prefix_op':
        if (n.childForFieldName('symbol')!.type === 'unchanged') {
          const target = n.childForFieldName('rhs')!;
          const vs = this.varList(target, env);
          let out = [a];
          for (const v of vs) out = out.flatMap((x) => this.assign(x, v, this.state.get(v)!));
          return out;
        }
        break;
      case 'bound_infix_op': {
        const sym = n.childForFieldName('symbol')!.type;
        const lhs = n.childForFieldName('lhs')!;
        if (sym === 'land') return this.act(lhs, env, a).flatMap((x) => this.act(n.childForFieldName('rhs')!, env, x));
        if (sym === 'lor') return [...this.act(lhs, env, a), ...this.act(n.childForFieldName('rhs')!, env, a)];
        if (sym === 'eq') {
          const target = this.initMode ? (lhs.type === 'identifier_ref' && this.vars.includes(lhs.text) && !lookup(env, lhs.text) ? lhs.text : null) : lhs.type === 'bound_postfix_op' && lhs.childForFieldName('symbol')!.type === 'prime' ? lhs.childForFieldName('lhs')!.text : null;
          if (target !== null) return this.assign(a, target, this.withNext(a, () => this.eval(n.childForFieldName('rhs')!, env)));
        }
        break;
      }
    }
    // a guard
    return bool(this.withNext(a, () => this.eval(n, env))) ? [a] : [];
  }

  private assign(a: Map<string, V>, v: string, x: V): Map<string, V>[] {
    if (!this.vars.includes(v)) throw new Error(`${v} is not a variable`);
    if (a.has(v)) return eq(a.get(v)!, x) ? [a] : [];
    return [new Map(a).set(v, x)];
  }

  /** the variables of UNCHANGED <<a, b>> or UNCHANGED vars */
  private varList(n: Node, env: Env | null): string[] {
    if (n.type === 'tuple_literal') return named(n).filter((c) => c.type === 'identifier_ref').map((c) => c.text);
    if (n.type === 'identifier_ref' && this.vars.includes(n.text)) return [n.text];
    if (n.type === 'identifier_ref') {
      const d = this.defs.get(n.text);
      if (d && d.params.length === 0) return this.varList(d.body, env);
    }
    throw new Error(`UNCHANGED of ${n.text}`);
  }

  private withNext<T>(a: Map<string, V>, f: () => T): T {
    const p = this.next;
    this.next = a;
    try {
      return f();
    } finally {
      this.next = p;
    }
  }

  private args(n: Node): Node[] {
    return n.children.filter((c, i) => n.fieldNameForChild(i) === 'parameter' && c.isNamed);
  }

  /** each binding of the bounds of a quantifier (or function constructor) in `env` */
  private bindings(n: Node, env: Env | null): Env[] {
    const bounds = named(n).filter((c) => c.type === 'quantifier_bound');
    let envs: Env[] = [bind(env, [])];
    for (const b of bounds) {
      const names = b.children.filter((c, i) => b.fieldNameForChild(i) === 'intro').map((c) => c.text);
      envs = envs.flatMap((e) => {
        const dom = elems(this.eval(b.childForFieldName('set')!, e));
        return product(names.map(() => dom)).map((vals) => bind(e, names.map((nm, i) => [nm, { v: vals[i] }])));
      });
    }
    return envs;
  }

  // ---- expressions ----------------------------------------------------------------------

  eval(n: Node, env: Env | null): V {
    const kids = named(n);
    switch (n.type) {
      case 'nat_number':
        return Number(n.text);
      case 'string':
        return JSON.parse(n.text) as string;
      case 'boolean':
        return n.text === 'TRUE';
      case 'boolean_set':
        return set([false, true]);
      case 'parentheses':
        return this.eval(kids[0], env);
      case 'identifier_ref':
        return this.name(n.text, [], env);
      case 'bound_op':
        return this.name(n.childForFieldName('name')!.text, this.args(n).map((x) => this.eval(x, env)), env);
      case 'prev_func_val': {
        const b = lookup(env, '@');
        if (!b || !('v' in b)) throw new Error('@ outside EXCEPT');
        return b.v;
      }
      case 'conj_list':
        return kids.every((item) => bool(this.eval(named(item)[1], env)));
      case 'disj_list':
        return kids.some((item) => bool(this.eval(named(item)[1], env)));
      case 'bound_prefix_op': {
        const x = this.eval(n.childForFieldName('rhs')!, env);
        switch (n.childForFieldName('symbol')!.type) {
          case 'lnot':
            return !bool(x);
          case 'negative':
            return -num(x);
          case 'powerset': {
            const base = x;
            return { k: 'lazy', what: 'SUBSET', has: (s) => isSet(s) && elems(s).every((e) => has(base, e)), all: () => product(elems(base).map((e) => [[], [e]])).map((c) => set(c.flat() as V[])) };
          }
        }
        break;
      }
      case 'bound_postfix_op': {
        if (n.childForFieldName('symbol')!.type !== 'prime') break;
        const v = n.childForFieldName('lhs')!.text;
        if (!this.next?.has(v)) throw new Error(`${v}' read before it is assigned`);
        return this.next.get(v)!;
      }
      case 'bound_infix_op':
        return this.infix(n, env);
      case 'function_evaluation':
        return kids.slice(1).reduce((f, x) => apply(f, this.eval(x, env)), this.eval(kids[0], env));
      case 'record_value':
        return apply(this.eval(kids[0], env), kids[1].text);
      case 'record_literal': {
        const pairs: [V, V][] = [];
        for (let i = 0; i < kids.length; i += 3) pairs.push([kids[i].text, this.eval(kids[i + 2], env)]);
        return fn(pairs);
      }
      case 'set_of_records': {
        const fields: [string, V][] = [];
        for (let i = 0; i < kids.length; i += 2) fields.push([kids[i].text, this.eval(kids[i + 1], env)]);
        return {
          k: 'lazy',
          what: 'a set of records',
          has: (r) => isFn(r) && r.m.size === fields.length && fields.every(([f, s]) => r.m.has(key(f)) && has(s, apply(r, f))),
          all: () => product(fields.map(([, s]) => elems(s))).map((vals) => fn(fields.map(([f], i) => [f, vals[i]]))),
        };
      }
      case 'set_of_functions': {
        const dom = this.eval(kids[0], env);
        const rng = this.eval(kids[2], env);
        return {
          k: 'lazy',
          what: 'a set of functions',
          has: (f) => isFn(f) && eq(set([...f.m.values()].map((p) => p[0])), set(elems(dom))) && [...f.m.values()].every((p) => has(rng, p[1])),
          all: () => product(elems(dom).map(() => elems(rng))).map((vals) => fn(elems(dom).map((d, i) => [d, vals[i]]))),
        };
      }
      case 'function_literal': {
        const qb = n.children.find((c) => c.type === 'quantifier_bound')!;
        const v = qb.childForFieldName('intro')!.text;
        const body = kids[kids.length - 1];
        return fn(elems(this.eval(qb.childForFieldName('set')!, env)).map((x) => [x, this.eval(body, bind(env, [[v, { v: x }]]))]));
      }
      case 'finite_set_literal':
        return set(kids.map((x) => this.eval(x, env)));
      case 'tuple_literal':
        return seq(kids.filter((c) => c.type !== 'langle_bracket' && c.type !== 'rangle_bracket').map((x) => this.eval(x, env)));
      case 'if_then_else':
        return bool(this.eval(n.childForFieldName('if')!, env)) ? this.eval(n.childForFieldName('then')!, env) : this.eval(n.childForFieldName('else')!, env);
      case 'let_in': {
        const e = bind(env, []);
        for (const d of n.children.filter((_c, i) => n.fieldNameForChild(i) === 'definitions')) {
          const [name, def] = this.definition(d, e);
          e.names.set(name, { def });
        }
        return this.eval(n.childForFieldName('expression')!, e);
      }
      case 'case': {
        // CASE picks a true arm; the exports' arms exclude each other, and TLC takes the first
        for (const arm of kids) {
          const a = named(arm);
          if (arm.type === 'case_arm' && bool(this.eval(a[0], env))) return this.eval(a[2], env);
          if (arm.type === 'other_arm') return this.eval(a[a.length - 1], env);
        }
        throw new Error('no CASE arm holds');
      }
      case 'bounded_quantification': {
        const envs = this.bindings(n, env);
        const body = n.childForFieldName('expression')!;
        return n.childForFieldName('quantifier')!.type === 'forall' ? envs.every((e) => bool(this.eval(body, e))) : envs.some((e) => bool(this.eval(body, e)));
      }
      case 'set_filter': {
        const g = n.childForFieldName('generator')!;
        const v = g.childForFieldName('intro')!.text;
        const base = this.eval(g.childForFieldName('set')!, env);
        const pred = (x: V) => bool(this.eval(n.childForFieldName('filter')!, bind(env, [[v, { v: x }]])));
        return { k: 'lazy', what: 'a set filter', has: (x) => has(base, x) && pred(x), all: () => elems(base).filter(pred) };
      }
      case 'except':
        return this.except(n, env);
    }
    throw new Error(`unknown expression ${n.type}: ${n.text.slice(0, 60)}`);
  }

  private name(name: string, args: V[], env: Env | null): V {
    const b = lookup(env, name);
    if (b && 'v' in b) return b.v;
    const d = b?.def ?? (this.vars.includes(name) ? undefined : this.defs.get(name));
    if (d) {
      if (args.length !== d.params.length) throw new Error(`${name}: ${args.length} arguments for ${d.params.length} parameters`);
      return this.eval(d.body, bind(d.env, d.params.map((p, i) => [p, { v: args[i] }])));
    }
    if (this.vars.includes(name)) {
      const v = this.state.get(name);
      if (v === undefined) throw new Error(`${name} read in Init`);
      return v;
    }
    switch (name) {
      case 'Len':
        return seqElems(args[0]).length;
      case 'Head': {
        const s = seqElems(args[0]);
        if (!s.length) throw new Error('Head of <<>>');
        return s[0];
      }
      case 'Tail': {
        const s = seqElems(args[0]);
        if (!s.length) throw new Error('Tail of <<>>');
        return seq(s.slice(1));
      }
      case 'Append':
        return seq([...seqElems(args[0]), args[1]]);
      case 'Cardinality':
        return elems(args[0]).length;
      case 'Seq': {
        const base = args[0];
        return {
          k: 'lazy',
          what: 'Seq',
          has: (s) => {
            try {
              return seqElems(s).every((e) => has(base, e));
            } catch {
              return false;
            }
          },
        };
      }
    }
    throw new Error(`unknown name ${name}`);
  }

  private infix(n: Node, env: Env | null): V {
    const sym = n.childForFieldName('symbol')!.type;
    const l = n.childForFieldName('lhs')!;
    const r = n.childForFieldName('rhs')!;
    if (sym === 'land') return bool(this.eval(l, env)) && bool(this.eval(r, env));
    if (sym === 'lor') return bool(this.eval(l, env)) || bool(this.eval(r, env));
    if (sym === 'implies') return !bool(this.eval(l, env)) || bool(this.eval(r, env));
    const a = this.eval(l, env);
    const b = this.eval(r, env);
    switch (sym) {
      case 'eq':
        return eq(a, b);
      case 'neq':
        return !eq(a, b);
      case 'lt':
        return num(a) < num(b);
      case 'leq':
        return num(a) <= num(b);
      case 'gt':
        return num(a) > num(b);
      case 'geq':
        return num(a) >= num(b);
      case 'plus':
        return num(a) + num(b);
      case 'minus':
        return num(a) - num(b);
      case 'mul':
        return num(a) * num(b);
      case 'div': {
        if (num(b) <= 0) throw new Error('\\div by a non-positive number');
        return Math.floor(num(a) / num(b));
      }
      case 'dots_2':
        return range(num(a), num(b));
      case 'in':
        return has(b, a);
      case 'notin':
        return !has(b, a);
      case 'subseteq':
        return elems(a).every((x) => has(b, x));
      case 'cup': {
        if (isSet(a) && a.k === 'set' && isSet(b) && b.k === 'set') return set([...elems(a), ...elems(b)]);
        return { k: 'lazy', what: '\\cup', has: (x) => has(a, x) || has(b, x), all: () => elems(set([...elems(a), ...elems(b)])) };
      }
      case 'cap':
        return set(elems(a).filter((x) => has(b, x)));
      case 'setminus':
        return set(elems(a).filter((x) => !has(b, x)));
    }
    throw new Error(`unknown operator ${sym}`);
  }

  /** [f EXCEPT !p = v, ...]: each update applied in turn, @ the value at its path */
  private except(n: Node, env: Env | null): V {
    let f = this.eval(n.childForFieldName('expr_to_update')!, env);
    for (const u of n.children.filter((c) => c.type === 'except_update')) {
      const spec = u.children.find((c) => c.type === 'except_update_specifier')!;
      const path: V[] = named(spec).map((p) => (p.type === 'except_update_record_field' ? named(p)[0].text : this.eval(named(p)[0], env)));
      const update = (g: V, i: number): V => {
        if (i === path.length) return this.eval(u.childForFieldName('new_val')!, bind(env, [['@', { v: g }]]));
        if (!isFn(g)) throw new Error(`EXCEPT on a non-function ${show(g)}`);
        const k = key(path[i]);
        // TLC: an update outside the domain leaves the function as it is
        if (!g.m.has(k)) return g;
        const m = new Map(g.m);
        m.set(k, [path[i], update(g.m.get(k)![1], i + 1)]);
        return { k: 'fn', m };
      };
      f = update(f, 0);
    }
    return f;
  }
}

/** The INVARIANTS and CHECK_DEADLOCK of a .cfg as the export writes it. */
export function readCfg(cfg: string): { invariants: string[]; deadlock: boolean } {
  const lines = cfg.split('\n');
  const at = lines.indexOf('INVARIANTS');
  const invariants: string[] = [];
  for (let i = at + 1; at >= 0 && i < lines.length && /^\s+\S/.test(lines[i]); i++) invariants.push(lines[i].trim());
  return { invariants, deadlock: !/^CHECK_DEADLOCK FALSE$/m.test(cfg) };
}
