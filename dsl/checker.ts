// Resolution and type checking: AST + constant values → Model (dsl/ir.ts).
// Constants are fixed here (defaults overridden from the command line), so a
// Model is specialised to one choice of constants; processes are lowered to
// actions over a per-process program-counter variable.
import type * as A from './ast';
import type { Span } from './ast';
import { Diagnostic, SourceText, diag } from './diagnostics';
import type { IAction, IConstant, IDomain, IExpr, IInvariant, IPathElem, IProcess, IStmt, IVar, Model } from './ir';
import { BOOL, INT, TagInfo, Type, assignable, findTag, join, size, typeToString } from '../src/runtime/types';
import { evaluate } from './evaluate';
import { EvalError, MAX_ENUMERATED, Value } from '../src/runtime/values';

export type ConstOverrides = Record<string, string | number | boolean>;

export interface CheckOptions {
  name: string;
  source?: SourceText;
  constants?: ConstOverrides;
}

/** Largest number of values a state variable may have: ordinals must stay exact in a double. */
const MAX_VAR_SIZE = 2 ** 52;

/** An expression's type in messages: a literal's one-value range (`1..1` for `1`) is just int. */
function showType(t: Type): string {
  return t.k === 'int' && t.lo === t.hi ? 'int' : typeToString(t);
}

/** A type's number of values for messages; every type is finite, so Infinity means a double overflowed. */
function countText(n: number): string {
  return Number.isFinite(n) ? n.toExponential(2) : 'more than 1.8e+308';
}

class Fail extends Error {
  /** `d` null: a consequence of an error already reported (nothing more to say) */
  constructor(public d: Diagnostic | null) {
    super(d?.message ?? 'already reported');
  }
}

interface Local {
  slot: number;
  type: Type;
}

class Scope {
  private names = new Map<string, Local>();
  constructor(private parent: Scope | null, private counter: { n: number }) {}
  child(): Scope {
    return new Scope(this, this.counter);
  }
  bind(name: string, type: Type): number {
    const slot = this.counter.n++;
    this.names.set(name, { slot, type });
    return slot;
  }
  lookup(name: string): Local | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

interface ProcCtx {
  proc: IProcess;
  decl: A.ProcessDecl;
  selfSlot: number | null;
  localTypes: Map<string, { varIndex: number; type: Type }>;
}

interface Ctx {
  scope: Scope;
  /** false in init and in constant expressions: there is no pre-state to read */
  state: boolean;
  proc?: ProcCtx;
  what: string;
}

type GlobalKind = 'const' | 'type' | 'tag' | 'var' | 'action' | 'process' | 'invariant' | 'property';

export function checkSpec(ast: A.SpecAst, opts: CheckOptions): { model?: Model; diagnostics: Diagnostic[] } {
  const c = new Checker(ast, opts);
  return c.run();
}

class Checker {
  private diags: Diagnostic[] = [];
  private globals = new Map<string, { kind: GlobalKind; span: Span }>();
  private constDecls = new Map<string, A.ConstDecl>();
  private constants = new Map<string, IConstant>();
  /** constants whose value could not be set (their error is reported once) */
  private failedConsts = new Set<string>();
  private typeDecls = new Map<string, A.TypeDecl | A.UnionDecl>();
  private resolvedTypes = new Map<string, Type>();
  private resolving = new Set<string>();
  private tags = new Map<string, { union: string; info: TagInfo }>();
  private vars: IVar[] = [];
  private varIndex = new Map<string, number>();
  private processes: IProcess[] = [];
  private procDecls = new Map<string, { decl: A.ProcessDecl; proc: IProcess; localTypes: Map<string, { varIndex: number; type: Type }> }>();

  constructor(private ast: A.SpecAst, private opts: CheckOptions) {}

  private fail(message: string, span?: Span, phase = 'type'): never {
    throw new Fail(diag(phase, message, span, this.opts.source));
  }

  private attempt<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      if (e instanceof Fail) {
        if (e.d) this.diags.push(e.d);
        return undefined;
      }
      if (e instanceof EvalError) {
        this.diags.push(diag('type', e.message, undefined, this.opts.source));
        return undefined;
      }
      throw e;
    }
  }

  run(): { model?: Model; diagnostics: Diagnostic[] } {
    const decls = this.ast.decls;
    // 1. global names
    for (const d of decls) {
      this.attempt(() => this.declareGlobal(d));
    }
    if (this.diags.length) return { diagnostics: this.diags };
    // 2. constants, in order (a constant may use earlier ones)
    for (const d of decls) if (d.kind === 'Const' && this.attempt(() => (this.checkConst(d), true)) === undefined) this.failedConsts.add(d.name.name);
    this.attempt(() => this.checkOverrides());
    if (this.diags.length) return { diagnostics: this.diags };
    // 3. named types and tags
    for (const d of decls) if (d.kind === 'Type' || d.kind === 'Union') this.attempt(() => this.namedType(d.name.name, d.name.span));
    if (this.diags.length) return { diagnostics: this.diags };
    // 4. assumptions
    for (const d of decls) if (d.kind === 'Assume') this.attempt(() => this.checkAssume(d));
    if (this.diags.length) return { diagnostics: this.diags };
    // 5. variables, then processes (their pc and locals are variables too)
    for (const d of decls) if (d.kind === 'Var') this.attempt(() => this.declareVar(d.name.name, this.resolveType(d.type), d.span, d.type.span));
    for (const d of decls) if (d.kind === 'Process') this.attempt(() => this.declareProcess(d));
    if (this.diags.length) return { diagnostics: this.diags };
    // 6. bodies
    const inits = decls.filter((d): d is A.InitDecl => d.kind === 'Init');
    if (inits.length > 1) this.diags.push(diag('type', 'a spec has at most one init block', inits[1].span, this.opts.source));
    const actions: IAction[] = [];
    const invariants: IInvariant[] = [];
    let init: { body: IStmt[]; slots: number } | undefined;
    const hasState = this.vars.length > 0;
    if (inits.length === 0 && decls.some((d) => d.kind === 'Var')) {
      this.diags.push(diag('type', 'the spec declares variables but no init block', decls.find((d) => d.kind === 'Var')!.span, this.opts.source));
    }
    init = this.attempt(() => this.checkInit(inits[0]));
    for (const d of decls) {
      if (d.kind === 'Action') {
        const a = this.attempt(() => this.checkAction(d));
        if (a) actions.push(a);
      } else if (d.kind === 'Process') {
        const steps = this.attempt(() => this.checkProcessSteps(d));
        if (steps) actions.push(...steps);
      } else if (d.kind === 'Invariant') {
        const inv = this.attempt(() => this.checkInvariant(d));
        if (inv) invariants.push(inv);
      } else if (d.kind === 'Property') {
        this.diags.push(diag('type', `property ${d.name.name}: liveness properties are not supported yet (use an invariant)`, d.span, this.opts.source));
      }
    }
    if (!hasState && this.diags.length === 0) {
      this.diags.push(diag('type', 'the spec declares no state variable', { start: 0, end: 0 }, this.opts.source));
    }
    if (this.diags.length || !init) return { diagnostics: this.diags };
    const model: Model = {
      name: this.opts.name,
      source: this.opts.source,
      constants: [...this.constants.values()],
      vars: this.vars,
      init: init.body,
      initSlots: init.slots,
      initSpan: inits[0]?.span ?? { start: 0, end: 0 },
      actions,
      processes: this.processes,
      invariants,
    };
    return { model, diagnostics: [] };
  }

  // ---------- declarations ----------

  private addGlobal(name: A.Ident, kind: GlobalKind) {
    const prev = this.globals.get(name.name);
    if (prev) this.fail(`${name.name} is already declared (as a ${prev.kind})`, name.span);
    if (name.name === 'self' || name.name === 'Done') this.fail(`${name.name} is a reserved name`, name.span);
    this.globals.set(name.name, { kind, span: name.span });
  }

  private declareGlobal(d: A.Decl) {
    switch (d.kind) {
      case 'Const':
        this.addGlobal(d.name, 'const');
        this.constDecls.set(d.name.name, d);
        break;
      case 'Type':
        this.addGlobal(d.name, 'type');
        this.typeDecls.set(d.name.name, d);
        break;
      case 'Union':
        this.addGlobal(d.name, 'type');
        this.typeDecls.set(d.name.name, d);
        for (const t of d.tags) {
          this.addGlobal(t.name, 'tag');
          this.tags.set(t.name.name, { union: d.name.name, info: { name: t.name.name, fields: [] } });
        }
        break;
      case 'Var':
        this.addGlobal(d.name, 'var');
        break;
      case 'Action':
        this.addGlobal(d.name, 'action');
        break;
      case 'Process':
        this.addGlobal(d.name, 'process');
        break;
      case 'Invariant':
        this.addGlobal(d.name, 'invariant');
        break;
      case 'Property':
        this.addGlobal(d.name, 'property');
        break;
      case 'Assume':
      case 'Init':
        break;
    }
  }

  private checkConst(d: A.ConstDecl) {
    const type = this.resolveType(d.type);
    if (!(type.k === 'bool' || (type.k === 'int' && Number.isFinite(type.lo)) || (type.k === 'union' && type.isEnum))) {
      this.fail(`constant ${d.name.name} must have type bool, an integer range or an enum, not ${typeToString(type)}`, d.type.span);
    }
    const override = this.opts.constants?.[d.name.name];
    let value: Value;
    if (override !== undefined) {
      value = this.parseOverride(d.name.name, type, override, d.type.span);
    } else {
      const e = this.expr(d.value, this.constCtx(), type);
      value = this.evalConst(e, d.value.span);
      this.checkValueInType(value, type, d.value.span, `default of ${d.name.name}`);
    }
    this.constants.set(d.name.name, { name: d.name.name, type, value, overridden: override !== undefined });
  }

  /** An override's value, checked against the constant's type; errors point at that type (`span`). */
  private parseOverride(name: string, type: Type, raw: string | number | boolean, span: Span): Value {
    const text = String(raw);
    const bad = (why: string): never => this.fail(`--const ${name}=${text}: ${why}`, span, 'const');
    if (type.k === 'bool') {
      if (text === 'true' || text === 'false') return text === 'true';
      return bad('expected true or false');
    }
    if (type.k === 'int') {
      if (!/^-?\d+$/.test(text)) return bad(`expected an integer in ${typeToString(type)}`);
      const n = Number(text);
      if (n < type.lo || n > type.hi) return bad(`value out of ${typeToString(type)}`);
      return n;
    }
    if (type.k === 'union') {
      if (type.tags.some((t) => t.name === text)) return text;
      return bad(`expected one of ${type.tags.map((t) => t.name).join(', ')}`);
    }
    return bad('unsupported constant type');
  }

  private checkOverrides() {
    for (const name of Object.keys(this.opts.constants ?? {})) {
      if (!this.constDecls.has(name)) {
        const known = [...this.constDecls.keys()];
        // located at the spec's first constant, or at the start of the spec when it has none
        const at = known.length ? this.constDecls.get(known[0])!.span : { start: 0, end: 0 };
        this.fail(
          `--const ${name}: spec ${this.opts.name} declares no constant ${name}` +
            (known.length ? ` (constants: ${known.join(', ')})` : ' (it has no constants)'),
          at,
          'const',
        );
      }
    }
  }

  private checkAssume(d: A.AssumeDecl) {
    const e = this.expr(d.expr, this.constCtx(), BOOL);
    this.expectType(BOOL, e.ty, d.expr.span);
    if (this.evalConst(e, d.expr.span) !== true) {
      // the constants the assumption names (the others cannot be why it fails)
      const named = new Set<string>();
      const walk = (x: unknown): void => {
        if (!x || typeof x !== 'object') return;
        const n = x as { kind?: string; name?: unknown };
        if (n.kind === 'Name' && typeof n.name === 'string' && this.constants.has(n.name)) named.add(n.name);
        for (const v of Object.values(x)) if (v && typeof v === 'object') walk(v);
      };
      walk(d.expr);
      const vals = [...this.constants.values()].filter((c) => named.has(c.name)).map((c) => `${c.name}=${String(c.value)}`).join(', ');
      this.fail(`assumption does not hold for ${vals || 'these constants'}`, d.expr.span, 'const');
    }
  }

  private declareVar(name: string, type: Type, span: Span, typeSpan: Span, process?: string): number {
    const n = size(type);
    if (!Number.isFinite(n) || n > MAX_VAR_SIZE) {
      this.fail(`the type of ${name} has ${countText(n)} values; a variable's type must have at most 2^52 (split it into several variables)`, typeSpan);
    }
    const index = this.vars.length;
    this.vars.push({ name, type, span, process });
    this.varIndex.set(name, index);
    return index;
  }

  private declareProcess(d: A.ProcessDecl) {
    if (d.steps.length === 0) this.fail(`process ${d.name.name} has no labelled step`, d.span);
    const labels: string[] = [];
    for (const s of d.steps) {
      if (labels.includes(s.label.name)) this.fail(`label ${s.label.name} is used twice in process ${d.name.name}`, s.label.span);
      if (s.label.name === 'Done') this.fail('Done is the implicit final label', s.label.span);
      labels.push(s.label.name);
    }
    const domain = d.index ? this.domainType(d.index.domain) : null;
    if (domain && size(domain) === 0) this.fail(`process ${d.name.name} has no instance (empty domain)`, d.index!.domain.span);
    const pcUnion: Type = {
      k: 'union',
      name: `${d.name.name}.pc`,
      tags: [...labels, 'Done'].map((name) => ({ name, fields: [] })),
      isEnum: true,
    };
    const pcType: Type = domain ? { k: 'map', dom: domain, rng: pcUnion } : pcUnion;
    const pcVar = this.declareVar(`${d.name.name}.pc`, pcType, d.name.span, d.name.span, d.name.name);
    const proc: IProcess = { name: d.name.name, pcVar, pcType, domain, labels, locals: [] };
    const localTypes = new Map<string, { varIndex: number; type: Type }>();
    for (const l of d.locals) {
      if (localTypes.has(l.name.name)) this.fail(`local ${l.name.name} is declared twice`, l.name.span);
      if (d.index && l.name.name === d.index.name.name) this.fail(`local ${l.name.name} hides the process index`, l.name.span);
      const t = this.resolveType(l.type);
      const vt: Type = domain ? { k: 'map', dom: domain, rng: t } : t;
      const varIndex = this.declareVar(`${d.name.name}.${l.name.name}`, vt, l.span, l.type.span, d.name.name);
      localTypes.set(l.name.name, { varIndex, type: t });
      proc.locals.push({ name: l.name.name, varIndex });
    }
    this.processes.push(proc);
    this.procDecls.set(d.name.name, { decl: d, proc, localTypes });
  }

  // ---------- types ----------

  private namedType(name: string, span: Span): Type {
    const done = this.resolvedTypes.get(name);
    if (done) return done;
    const d = this.typeDecls.get(name);
    if (!d) {
      const g = this.globals.get(name);
      this.fail(g ? `${name} is a ${g.kind}, not a type` : `unknown type ${name}`, span);
    }
    if (this.resolving.has(name)) this.fail(`type ${name} is defined in terms of itself`, span);
    this.resolving.add(name);
    let t: Type;
    if (d.kind === 'Type') {
      t = this.resolveType(d.type);
    } else {
      const tags: TagInfo[] = d.tags.map((tag) => this.tags.get(tag.name.name)!.info);
      t = { k: 'union', name, tags, isEnum: d.isEnum };
      // register before resolving fields: only finite field types are allowed, and recursion is caught above
      for (const tag of d.tags) {
        const info = this.tags.get(tag.name.name)!.info;
        const seen = new Set<string>();
        for (const f of tag.fields) {
          if (seen.has(f.name.name)) this.fail(`field ${f.name.name} is declared twice`, f.name.span);
          seen.add(f.name.name);
          info.fields.push({ name: f.name.name, type: this.resolveType(f.type) });
        }
      }
      if (d.tags.length === 0) this.fail(`${d.isEnum ? 'enum' : 'union'} ${name} has no member`, d.span);
    }
    this.resolving.delete(name);
    this.resolvedTypes.set(name, t);
    return t;
  }

  private resolveType(t: A.TypeExpr): Type {
    switch (t.kind) {
      case 'BoolType':
        return BOOL;
      case 'RangeType': {
        const lo = this.constInt(t.lo);
        const hi = this.constInt(t.hi);
        if (hi < lo) this.fail(`empty range ${lo}..${hi}`, t.span);
        return { k: 'int', lo, hi };
      }
      case 'NamedType':
        return this.namedType(t.name.name, t.name.span);
      case 'RecordType': {
        const seen = new Set<string>();
        const fields = t.fields.map((f) => {
          if (seen.has(f.name.name)) this.fail(`field ${f.name.name} is declared twice`, f.name.span);
          seen.add(f.name.name);
          return { name: f.name.name, type: this.resolveType(f.type) };
        });
        return { k: 'record', fields };
      }
      case 'MapType': {
        const dom = this.resolveType(t.domain);
        const n = size(dom);
        if (!Number.isFinite(n) || n > 4096) this.fail(`a map's domain must be a small finite type (at most 4096 values), not ${typeToString(dom)}`, t.domain.span);
        return { k: 'map', dom, rng: this.resolveType(t.range) };
      }
      case 'SetType': {
        const elem = this.resolveType(t.elem);
        if (size(elem) > 30) this.fail(`set element type ${typeToString(elem)} has ${size(elem)} values; at most 30 are allowed`, t.elem.span);
        return { k: 'set', elem };
      }
      case 'SeqType': {
        const elem = this.resolveType(t.elem);
        const cap = this.constInt(t.capacity);
        if (cap < 0) this.fail('a sequence capacity must be at least 0', t.capacity.span);
        return { k: 'seq', elem, cap };
      }
    }
  }

  private constCtx(): Ctx {
    return { scope: new Scope(null, { n: 0 }), state: false, what: 'a constant expression' };
  }

  private evalConst(e: IExpr, span: Span): Value {
    try {
      return evaluate(e, { state: null, frame: new Array(64) });
    } catch (err) {
      if (err instanceof EvalError) this.fail(err.message, span);
      throw err;
    }
  }

  private constInt(e: A.Expr): number {
    const ie = this.expr(e, this.constCtx(), INT);
    this.expectType(INT, ie.ty, e.span);
    return this.evalConst(ie, e.span) as number;
  }

  private checkValueInType(v: Value, t: Type, span: Span, what: string) {
    if (t.k === 'int' && ((v as number) < t.lo || (v as number) > t.hi)) this.fail(`${what}: ${v} is outside ${typeToString(t)}`, span);
  }

  private expectType(want: Type, got: Type, span: Span, what = 'expression') {
    if (!assignable(want, got)) this.fail(`type mismatch: ${what} has type ${showType(got)}, expected ${typeToString(want)}`, span);
  }

  /** A domain written as a type, which is enumerated (process indices, parameters, with/for/quantifiers): at most 2^52 values, as a variable's type. */
  private domainType(t: A.TypeExpr): Type {
    return this.enumerable(this.resolveType(t), t.span);
  }

  /** A domain that is enumerated value by value (with, for, forall/exists, parameters, process indices, map comprehensions). */
  private enumerable(ty: Type, span: Span): Type {
    const n = size(ty);
    if (!(n <= MAX_ENUMERATED)) this.fail(`the domain ${typeToString(ty)} has ${Number.isFinite(n) && n < 1e15 ? n : countText(n)} values; a domain that is enumerated may have at most ${MAX_ENUMERATED} (2^20)`, span);
    return ty;
  }

  // ---------- bodies ----------

  private checkInit(d: A.InitDecl | undefined): { body: IStmt[]; slots: number } {
    const counter = { n: 0 };
    const ctx: Ctx = { scope: new Scope(null, counter), state: false, what: 'init' };
    const body = d ? this.block(d.body, ctx, { whole: new Set(), part: new Set() }) : [];
    // lowering: each process instance starts at its first label, locals at their initial values
    for (const p of this.processes) {
      const pd = this.procDecls.get(p.name)!;
      const firstLabel = p.labels[0];
      const stmts: IStmt[] = [];
      let selfSlot: number | null = null;
      const scope = ctx.scope.child();
      if (p.domain) selfSlot = scope.bind('self', p.domain);
      const pctx: Ctx = { scope, state: false, what: `initial value of a local of ${p.name}`, proc: { proc: p, decl: pd.decl, selfSlot, localTypes: new Map() } };
      const pcUnion = p.domain ? (p.pcType as any).rng : p.pcType;
      const selfPath = (): IPathElem[] => (p.domain ? [{ k: 'mapIndex', i: { k: 'local', slot: selfSlot!, name: 'self', ty: p.domain }, dom: p.domain }] : []);
      stmts.push({ k: 'assign', index: p.pcVar, path: selfPath(), v: { k: 'lit', v: firstLabel, ty: pcUnion }, span: pd.decl.name.span });
      for (const l of pd.decl.locals) {
        const lt = pd.localTypes.get(l.name.name)!;
        // the index variable is bound to the same slot as self
        const v = this.expr(l.init, { ...pctx, scope: this.aliasIndex(scope, pd.decl, selfSlot) }, lt.type);
        this.expectType(lt.type, v.ty, l.init.span, `initial value of ${l.name.name}`);
        stmts.push({ k: 'assign', index: lt.varIndex, path: selfPath(), v, span: l.span });
      }
      if (p.domain) body.push({ k: 'for', slot: selfSlot!, name: 'self', dom: { k: 'type', type: p.domain }, body: stmts });
      else body.push(...stmts);
    }
    return { body, slots: counter.n };
  }

  /** A scope where the process's declared index name refers to the self slot. */
  private aliasIndex(scope: Scope, d: A.ProcessDecl, selfSlot: number | null): Scope {
    if (!d.index || selfSlot === null) return scope;
    const s = scope.child();
    (s as any).names.set(d.index.name.name, { slot: selfSlot, type: this.procDecls.get(d.name.name)!.proc.domain! });
    return s;
  }

  private checkAction(d: A.ActionDecl): IAction {
    const counter = { n: 0 };
    const scope = new Scope(null, counter);
    const params = d.params.map((p) => {
      const type = this.domainType(p.type);
      if (size(type) === 0) this.fail(`parameter ${p.name.name} ranges over an empty domain`, p.type.span);
      return { name: p.name.name, type, slot: scope.bind(p.name.name, type) };
    });
    const body = this.block(d.body, { scope, state: true, what: `action ${d.name.name}` }, { whole: new Set(), part: new Set() });
    return { name: d.name.name, span: d.name.span, params, body, slots: counter.n, doc: d.doc };
  }

  private checkProcessSteps(d: A.ProcessDecl): IAction[] {
    const pd = this.procDecls.get(d.name.name)!;
    const p = pd.proc;
    const pcUnion: Type = p.domain ? (p.pcType as any).rng : p.pcType;
    return d.steps.map((step, i) => {
      const counter = { n: 0 };
      const scope = new Scope(null, counter);
      let selfSlot: number | null = null;
      const params: IAction['params'] = [];
      if (p.domain) {
        selfSlot = scope.bind('self', p.domain);
        (scope as any).names.set(d.index!.name.name, { slot: selfSlot, type: p.domain });
        params.push({ name: 'self', type: p.domain, slot: selfSlot });
      }
      const ctx: Ctx = { scope, state: true, what: `${d.name.name}:${step.label.name}`, proc: { proc: p, decl: d, selfSlot, localTypes: pd.localTypes } };
      const selfExpr: IExpr | null = selfSlot === null ? null : { k: 'local', slot: selfSlot, name: 'self', ty: p.domain! };
      const pcRead: IExpr = selfExpr
        ? { k: 'mapIndex', e: { k: 'var', index: p.pcVar, ty: p.pcType }, i: selfExpr, dom: p.domain!, ty: pcUnion, span: step.label.span }
        : { k: 'var', index: p.pcVar, ty: pcUnion };
      const guard: IStmt = {
        k: 'await',
        c: { k: 'bin', op: '==', a: pcRead, b: { k: 'lit', v: step.label.name, ty: pcUnion }, ty: BOOL, span: step.label.span },
        span: step.label.span,
      };
      const body = this.block(step.body, ctx, { whole: new Set(), part: new Set() });
      const next = i + 1 < d.steps.length ? d.steps[i + 1].label.name : 'Done';
      return {
        name: `${d.name.name}:${step.label.name}`,
        span: step.label.span,
        params,
        body: [guard, ...body],
        slots: counter.n,
        doc: step.doc,
        process: { name: d.name.name, label: step.label.name, pcVar: p.pcVar, indexed: p.domain !== null, next },
      };
    });
  }

  private checkInvariant(d: A.InvariantDecl): IInvariant {
    const counter = { n: 0 };
    const e = this.expr(d.expr, { scope: new Scope(null, counter), state: true, what: `invariant ${d.name.name}` }, BOOL);
    this.expectType(BOOL, e.ty, d.expr.span, `invariant ${d.name.name}`);
    return { name: d.name.name, expr: e, span: d.name.span, slots: counter.n, doc: d.doc };
  }

  // ---------- statements ----------

  /** `assigned` tracks, along the current path, which variables were assigned whole or in part. */
  private block(stmts: A.Stmt[], ctx: Ctx, assigned: Assigned): IStmt[] {
    const out: IStmt[] = [];
    let scope = ctx.scope;
    for (const s of stmts) {
      const c = { ...ctx, scope };
      switch (s.kind) {
        case 'Skip':
          break;
        case 'Await': {
          const cond = this.expr(s.cond, c, BOOL);
          this.expectType(BOOL, cond.ty, s.cond.span, 'await condition');
          out.push({ k: 'await', c: cond, span: s.span });
          break;
        }
        case 'Assign':
          out.push(this.assign(s, c, assigned));
          break;
        case 'Goto': {
          if (!ctx.proc) this.fail('goto is only allowed in a process step', s.span);
          const p = ctx.proc.proc;
          if (!p.labels.includes(s.label.name) && s.label.name !== 'Done') {
            this.fail(`process ${p.name} has no label ${s.label.name} (labels: ${p.labels.join(', ')})`, s.label.span);
          }
          if (assigned.whole.has(p.pcVar) || assigned.part.has(p.pcVar)) this.fail('a second goto in the same step', s.span);
          assigned.part.add(p.pcVar);
          const pcUnion: Type = p.domain ? (p.pcType as any).rng : p.pcType;
          const path: IPathElem[] = p.domain
            ? [{ k: 'mapIndex', i: { k: 'local', slot: ctx.proc.selfSlot!, name: 'self', ty: p.domain }, dom: p.domain }]
            : [];
          out.push({ k: 'assign', index: p.pcVar, path, v: { k: 'lit', v: s.label.name, ty: pcUnion }, span: s.span });
          break;
        }
        case 'If': {
          const cond = this.expr(s.cond, c, BOOL);
          this.expectType(BOOL, cond.ty, s.cond.span, 'if condition');
          const a1 = cloneAssigned(assigned);
          const a2 = cloneAssigned(assigned);
          const th = this.block(s.then, { ...c, scope: scope.child() }, a1);
          const el = s.else ? this.block(s.else, { ...c, scope: scope.child() }, a2) : [];
          mergeAssigned(assigned, a1, a2);
          out.push({ k: 'if', c: cond, then: th, else: el });
          break;
        }
        case 'LetStmt': {
          const v = this.expr(s.value, c);
          scope = scope.child();
          const slot = scope.bind(s.name.name, v.ty);
          out.push({ k: 'let', slot, name: s.name.name, v });
          break;
        }
        case 'With':
        case 'For': {
          const { dom, elemTy } = this.domain(s.domain, c);
          const inner = scope.child();
          const slot = inner.bind(s.name.name, elemTy);
          if (s.kind === 'With') {
            const body = this.block(s.body, { ...c, scope: inner }, assigned);
            out.push({ k: 'with', slot, name: s.name.name, dom, body });
          } else {
            // iterations of a for run in the same step: whole assignments inside would repeat
            const a = cloneAssigned(assigned);
            const body = this.block(s.body, { ...c, scope: inner }, a);
            for (const v of a.whole) if (!assigned.whole.has(v)) this.fail(`${this.vars[v].name} is assigned whole inside a for loop: each iteration would assign it again (assign x[${s.name.name}] instead)`, s.span);
            mergeAssigned(assigned, a, a);
            out.push({ k: 'for', slot, name: s.name.name, dom, body });
          }
          break;
        }
        case 'Either': {
          const results: Assigned[] = [];
          const branches = s.branches.map((b) => {
            const a = cloneAssigned(assigned);
            results.push(a);
            return this.block(b, { ...c, scope: scope.child() }, a);
          });
          for (const r of results) mergeAssigned(assigned, r, r);
          out.push({ k: 'either', branches });
          break;
        }
      }
    }
    return out;
  }

  private assign(s: Extract<A.Stmt, { kind: 'Assign' }>, ctx: Ctx, assigned: Assigned): IStmt {
    const root = s.target.root.name;
    let index: number | undefined;
    let ty: Type;
    const path: IPathElem[] = [];
    const local = ctx.scope.lookup(root);
    const procLocal = ctx.proc?.localTypes.get(root);
    if (local) this.fail(`${root} is a bound name, not a variable: it cannot be assigned`, s.target.root.span);
    if (procLocal) {
      index = procLocal.varIndex;
      ty = procLocal.type;
      const p = ctx.proc!.proc;
      if (p.domain) path.push({ k: 'mapIndex', i: { k: 'local', slot: ctx.proc!.selfSlot!, name: 'self', ty: p.domain }, dom: p.domain });
    } else {
      index = this.varIndex.get(root);
      if (index === undefined || this.vars[index].process) {
        const g = this.globals.get(root);
        this.fail(g ? `${root} is a ${g.kind}, not a variable: it cannot be assigned` : `unknown variable ${root}`, s.target.root.span);
      }
      ty = this.vars[index].type;
    }
    for (const el of s.target.path) {
      if (el.kind === 'Field') {
        const r = this.fieldType(ty, el.name.name, el.name.span);
        path.push({ k: 'field', name: el.name.name, onUnion: ty.k === 'union' });
        ty = r;
      } else {
        if (ty.k === 'map') {
          const i = this.expr(el.index, ctx, ty.dom);
          this.expectType(ty.dom, i.ty, el.index.span, 'index');
          path.push({ k: 'mapIndex', i, dom: ty.dom });
          ty = ty.rng;
        } else if (ty.k === 'seq') {
          const i = this.expr(el.index, ctx, INT);
          this.expectType(INT, i.ty, el.index.span, 'index');
          path.push({ k: 'seqIndex', i });
          ty = ty.elem;
        } else {
          this.fail(`cannot index a value of type ${typeToString(ty)}`, el.span);
        }
      }
    }
    const whole = path.length === 0 || (procLocal !== undefined && path.length === 1 && ctx.proc!.proc.domain !== null);
    if (assigned.whole.has(index) || (whole && assigned.part.has(index))) {
      this.fail(`${root} is assigned twice in the same step`, s.target.span);
    }
    if (!whole) {
      // parts reached through fields and literal indices are known statically:
      // r.a and r.a (or m[0] and m[0]) overlap for sure; m[i] and m[j] are checked at run time
      const own = procLocal !== undefined && ctx.proc!.proc.domain !== null ? 1 : 0;
      const key = staticPath(index, path.slice(own));
      assigned.paths ??= new Set();
      for (const other of assigned.paths) {
        if (overlaps(key, other)) this.fail(`${root} is assigned twice in the same step (the same part)`, s.target.span);
      }
      assigned.paths.add(key);
    }
    (whole ? assigned.whole : assigned.part).add(index);
    const v = this.expr(s.value, ctx, ty);
    this.expectType(ty, v.ty, s.value.span, `value assigned to ${root}`);
    return { k: 'assign', index, path, v, span: s.span };
  }

  private fieldType(ty: Type, field: string, span: Span): Type {
    if (ty.k === 'record') {
      const f = ty.fields.find((x) => x.name === field);
      if (!f) this.fail(`record ${typeToString(ty)} has no field ${field}`, span);
      return f.type;
    }
    if (ty.k === 'union') {
      let found: Type | undefined;
      for (const t of ty.tags) {
        const f = t.fields.find((x) => x.name === field);
        if (f) {
          if (found && !assignable(found, f.type)) this.fail(`field ${field} has different types in the tags of ${ty.name}`, span);
          found = found ?? f.type;
        }
      }
      if (!found) this.fail(`no tag of ${ty.name} has a field ${field}`, span);
      return found;
    }
    this.fail(`a value of type ${typeToString(ty)} has no fields`, span);
  }

  /** A domain for with/for/quantifiers/map literals, and the type of its elements. */
  private domain(d: A.Domain, ctx: Ctx): { dom: IDomain; elemTy: Type } {
    if (d.kind === 'TypeDomain') {
      const t = this.domainType(d.type);
      return { dom: { k: 'type', type: t }, elemTy: t };
    }
    const e = d.expr;
    if (e.kind === 'Name' && !ctx.scope.lookup(e.name) && this.typeDecls.has(e.name)) {
      const t = this.enumerable(this.namedType(e.name, e.span), e.span);
      return { dom: { k: 'type', type: t }, elemTy: t };
    }
    if (e.kind === 'Range') {
      const lo = this.expr(e.lo, ctx, INT);
      const hi = this.expr(e.hi, ctx, INT);
      this.expectType(INT, lo.ty, e.lo.span);
      this.expectType(INT, hi.ty, e.hi.span);
      if (lo.k === 'lit' && hi.k === 'lit') {
        const t: Type = { k: 'int', lo: lo.v as number, hi: hi.v as number };
        if ((hi.v as number) < (lo.v as number)) return { dom: { k: 'range', lo, hi }, elemTy: INT };
        return { dom: { k: 'type', type: this.enumerable(t, e.span) }, elemTy: t };
      }
      return { dom: { k: 'range', lo, hi }, elemTy: INT };
    }
    const s = this.expr(e, ctx);
    if (s.ty.k !== 'set') this.fail(`expected a set, a type or a range to range over, found ${typeToString(s.ty)}`, e.span);
    return { dom: { k: 'set', e: s }, elemTy: s.ty.elem };
  }

  // ---------- expressions ----------

  private expr(e: A.Expr, ctx: Ctx, expected?: Type): IExpr {
    const r = this.expr1(e, ctx, expected);
    return foldConst(r);
  }

  private expr1(e: A.Expr, ctx: Ctx, expected?: Type): IExpr {
    switch (e.kind) {
      case 'Int':
        return { k: 'lit', v: e.value, ty: { k: 'int', lo: e.value, hi: e.value } };
      case 'Bool':
        return { k: 'lit', v: e.value, ty: BOOL };
      case 'Name':
        return this.name(e, ctx);
      case 'TagCons': {
        const t = this.tags.get(e.tag.name);
        if (!t) this.fail(`unknown tag ${e.tag.name}`, e.tag.span);
        const union = this.namedType(t.union, e.tag.span);
        const given = new Map(e.fields.map((f) => [f.name.name, f]));
        for (const f of e.fields) if (!t.info.fields.some((x) => x.name === f.name.name)) this.fail(`tag ${e.tag.name} has no field ${f.name.name}`, f.name.span);
        const fields = t.info.fields.map((fi) => {
          const g = given.get(fi.name);
          if (!g) this.fail(`tag ${e.tag.name} needs field ${fi.name}`, e.span);
          const v = this.expr(g.value, ctx, fi.type);
          this.expectType(fi.type, v.ty, g.value.span, `field ${fi.name}`);
          return { name: fi.name, e: v };
        });
        return { k: 'tag', tag: e.tag.name, fields, ty: union };
      }
      case 'Record': {
        const seen = new Set<string>();
        const exp = expected?.k === 'record' ? expected : undefined;
        const fields = e.fields.map((f) => {
          if (seen.has(f.name.name)) this.fail(`field ${f.name.name} is given twice`, f.name.span);
          seen.add(f.name.name);
          return { name: f.name.name, e: this.expr(f.value, ctx, exp?.fields.find((x) => x.name === f.name.name)?.type) };
        });
        return { k: 'record', fields, ty: { k: 'record', fields: fields.map((f) => ({ name: f.name, type: f.e.ty })) } };
      }
      case 'SetLit': {
        const expElem = expected?.k === 'set' ? expected.elem : undefined;
        const elems = e.elems.map((x) => this.expr(x, ctx, expElem));
        let elem: Type | null | undefined = expElem;
        if (elems.length) {
          elem = elems[0].ty;
          for (let i = 1; i < elems.length; i++) {
            elem = join(elem!, elems[i].ty);
            if (!elem) this.fail('set elements have different types', e.elems[i].span);
          }
          if (expElem && assignable(expElem, elem!)) elem = expElem;
        }
        if (!elem) this.fail('cannot tell the element type of {} here; use it where a set type is expected', e.span);
        return { k: 'setlit', elems, ty: { k: 'set', elem } };
      }
      case 'SeqLit': {
        const expElem = expected?.k === 'seq' ? expected.elem : undefined;
        const elems = e.elems.map((x) => this.expr(x, ctx, expElem));
        let elem: Type | null | undefined = expElem;
        if (elems.length) {
          elem = elems[0].ty;
          for (let i = 1; i < elems.length; i++) {
            elem = join(elem!, elems[i].ty);
            if (!elem) this.fail('sequence elements have different types', e.elems[i].span);
          }
          if (expElem && assignable(expElem, elem!)) elem = expElem;
        }
        if (!elem) this.fail('cannot tell the element type of << >> here; use it where a sequence type is expected', e.span);
        return { k: 'seqlit', elems, ty: { k: 'seq', elem, cap: Math.max(elems.length, expected?.k === 'seq' ? expected.cap : 0) } };
      }
      case 'MapLit': {
        const { dom, elemTy } = this.domain(e.domain, ctx);
        if (dom.k !== 'type') this.fail('a map literal ranges over a type or a constant range', e.domain.span);
        const inner = ctx.scope.child();
        const slot = inner.bind(e.name.name, elemTy);
        const body = this.expr(e.body, { ...ctx, scope: inner }, expected?.k === 'map' ? expected.rng : undefined);
        let rng = body.ty;
        if (expected?.k === 'map' && assignable(expected.rng, rng)) rng = expected.rng;
        return { k: 'maplit', slot, name: e.name.name, dom: dom.type, body, ty: { k: 'map', dom: dom.type, rng } };
      }
      case 'Range': {
        const lo = this.expr(e.lo, ctx, INT);
        const hi = this.expr(e.hi, ctx, INT);
        this.expectType(INT, lo.ty, e.lo.span);
        this.expectType(INT, hi.ty, e.hi.span);
        const elem: Type = lo.k === 'lit' && hi.k === 'lit' ? { k: 'int', lo: lo.v as number, hi: Math.max(lo.v as number, hi.v as number) } : INT;
        return { k: 'rangeSet', lo, hi, ty: { k: 'set', elem } };
      }
      case 'Unary': {
        if (e.op === '!') {
          const x = this.expr(e.operand, ctx, BOOL);
          this.expectType(BOOL, x.ty, e.operand.span, 'operand of !');
          return { k: 'not', e: x, ty: BOOL };
        }
        const x = this.expr(e.operand, ctx, INT);
        this.expectType(INT, x.ty, e.operand.span, 'operand of -');
        return { k: 'neg', e: x, ty: INT };
      }
      case 'Binary':
        return this.binary(e, ctx);
      case 'Is': {
        const x = this.expr(e.operand, ctx);
        if (x.ty.k !== 'union') this.fail(`'is' needs a union value, found ${typeToString(x.ty)}`, e.operand.span);
        if (!findTag(x.ty, e.tag.name)) this.fail(`${e.tag.name} is not a tag of ${x.ty.name}`, e.tag.span);
        return { k: 'is', e: x, tag: e.tag.name, ty: BOOL };
      }
      case 'Field': {
        // P[i].x / P.x: a process-local of another instance
        const pl = this.procLocalRef(e, ctx);
        if (pl) return pl;
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
          const i = this.expr(e.index, ctx, INT);
          this.expectType(INT, i.ty, e.index.span, 'index');
          return { k: 'seqIndex', e: x, i, ty: x.ty.elem, span: e.span };
        }
        this.fail(`cannot index a value of type ${typeToString(x.ty)}`, e.operand.span);
      }
      // eslint-disable-next-line no-fallthrough
      case 'RecordUpdate': {
        const x = this.expr(e.operand, ctx, expected);
        const fields = e.fields.map((f) => {
          const ft = this.fieldType(x.ty, f.name.name, f.name.span);
          if (x.ty.k !== 'record') this.fail('with { ... } updates a record', e.span);
          const v = this.expr(f.value, ctx, ft);
          this.expectType(ft, v.ty, f.value.span, `field ${f.name.name}`);
          return { name: f.name.name, e: v };
        });
        return { k: 'recUpdate', e: x, fields, ty: x.ty };
      }
      case 'MapUpdate': {
        const x = this.expr(e.operand, ctx, expected);
        if (x.ty.k !== 'map') this.fail(`with [k] = v updates a map, not ${typeToString(x.ty)}`, e.operand.span);
        const i = this.expr(e.index, ctx, x.ty.dom);
        this.expectType(x.ty.dom, i.ty, e.index.span, 'index');
        const v = this.expr(e.value, ctx, x.ty.rng);
        this.expectType(x.ty.rng, v.ty, e.value.span, 'value');
        return { k: 'mapUpdate', e: x, i, v, dom: x.ty.dom, ty: x.ty, span: e.span };
      }
      case 'Call':
        return this.call(e, ctx, expected);
      case 'IfExpr': {
        const c = this.expr(e.cond, ctx, BOOL);
        this.expectType(BOOL, c.ty, e.cond.span, 'condition');
        const a = this.expr(e.then, ctx, expected);
        const b = this.expr(e.else, ctx, expected ?? a.ty);
        const ty = join(a.ty, b.ty);
        if (!ty) this.fail(`the branches have different types: ${typeToString(a.ty)} and ${typeToString(b.ty)}`, e.span);
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
        const body = this.expr(e.body, { ...ctx, scope: inner }, BOOL);
        this.expectType(BOOL, body.ty, e.body.span, `body of ${e.quant}`);
        return { k: 'quant', q: e.quant, slot, name: e.name.name, dom, body, ty: BOOL };
      }
      case 'Match':
        return this.match(e, ctx, expected);
      case 'At': {
        const pd = this.procDecls.get(e.process.name);
        if (!pd) this.fail(`${e.process.name} is not a process`, e.process.span);
        const p = pd.proc;
        if (!ctx.state) this.fail(`process state cannot be read in ${ctx.what}`, e.span);
        if (e.label.name !== 'Done' && !p.labels.includes(e.label.name)) this.fail(`process ${p.name} has no label ${e.label.name}`, e.label.span);
        const pcUnion: Type = p.domain ? (p.pcType as any).rng : p.pcType;
        let pc: IExpr = { k: 'var', index: p.pcVar, ty: p.pcType };
        if (p.domain) {
          if (!e.index) this.fail(`process ${p.name} has several instances: write ${p.name}[i] at ${e.label.name}`, e.span);
          const i = this.expr(e.index, ctx, p.domain);
          this.expectType(p.domain, i.ty, e.index.span, 'process index');
          pc = { k: 'mapIndex', e: pc, i, dom: p.domain, ty: pcUnion, span: e.span };
        } else if (e.index) this.fail(`process ${p.name} has a single instance`, e.index.span);
        return { k: 'bin', op: '==', a: pc, b: { k: 'lit', v: e.label.name, ty: pcUnion }, ty: BOOL, span: e.span };
      }
      case 'ProcLocal':
        this.fail('internal: ProcLocal from parser', e.span);
    }
  }

  private procLocalRef(e: Extract<A.Expr, { kind: 'Field' }>, ctx: Ctx): IExpr | undefined {
    let procName: string | undefined;
    let index: A.Expr | undefined;
    if (e.operand.kind === 'Name' && this.procDecls.has(e.operand.name) && !ctx.scope.lookup(e.operand.name)) procName = e.operand.name;
    else if (e.operand.kind === 'Index' && e.operand.operand.kind === 'Name' && this.procDecls.has(e.operand.operand.name)) {
      procName = e.operand.operand.name;
      index = e.operand.index;
    }
    if (!procName) return undefined;
    const pd = this.procDecls.get(procName)!;
    const lt = pd.localTypes.get(e.field.name);
    if (!lt) this.fail(`process ${procName} has no local ${e.field.name}`, e.field.span);
    if (!ctx.state) this.fail(`process state cannot be read in ${ctx.what}`, e.span);
    const v: IExpr = { k: 'var', index: lt.varIndex, ty: this.vars[lt.varIndex].type };
    if (pd.proc.domain) {
      if (!index) this.fail(`process ${procName} has several instances: write ${procName}[i].${e.field.name}`, e.span);
      const i = this.expr(index, ctx, pd.proc.domain);
      this.expectType(pd.proc.domain, i.ty, index.span, 'process index');
      return { k: 'mapIndex', e: v, i, dom: pd.proc.domain, ty: lt.type, span: e.span };
    }
    if (index) this.fail(`process ${procName} has a single instance`, index.span);
    return v;
  }

  private name(e: Extract<A.Expr, { kind: 'Name' }>, ctx: Ctx): IExpr {
    const n = e.name;
    const local = ctx.scope.lookup(n);
    if (local) return { k: 'local', slot: local.slot, name: n, ty: local.type };
    if (n === 'self') {
      if (ctx.proc && ctx.proc.selfSlot !== null) return { k: 'local', slot: ctx.proc.selfSlot, name: 'self', ty: ctx.proc.proc.domain! };
      this.fail('self is only defined inside a process with instances (process P[i in D])', e.span);
    }
    const pl = ctx.proc?.localTypes.get(n);
    if (pl) {
      if (!ctx.state) this.fail(`${n} cannot be read in ${ctx.what}`, e.span);
      const p = ctx.proc!.proc;
      const v: IExpr = { k: 'var', index: pl.varIndex, ty: this.vars[pl.varIndex].type };
      if (!p.domain) return v;
      return { k: 'mapIndex', e: v, i: { k: 'local', slot: ctx.proc!.selfSlot!, name: 'self', ty: p.domain }, dom: p.domain, ty: pl.type, span: e.span };
    }
    const vi = this.varIndex.get(n);
    if (vi !== undefined && !this.vars[vi].process) {
      if (!ctx.state) this.fail(`variable ${n} cannot be read in ${ctx.what} (there is no previous state)`, e.span);
      return { k: 'var', index: vi, ty: this.vars[vi].type };
    }
    const c = this.constants.get(n);
    if (c) return { k: 'lit', v: c.value, ty: c.type };
    if (this.failedConsts.has(n)) throw new Fail(null);
    if (this.constDecls.has(n)) this.fail(`constant ${n} is used before its declaration`, e.span);
    const t = this.tags.get(n);
    if (t) {
      const union = this.namedType(t.union, e.span);
      if (t.info.fields.length) this.fail(`tag ${n} carries fields: write ${n} { ${t.info.fields.map((f) => `${f.name}: ...`).join(', ')} }`, e.span);
      return { k: 'lit', v: n, ty: union };
    }
    const g = this.globals.get(n);
    if (g) this.fail(`${n} is a ${g.kind}, not a value`, e.span);
    this.fail(`unknown name ${n}`, e.span);
  }

  private binary(e: Extract<A.Expr, { kind: 'Binary' }>, ctx: Ctx): IExpr {
    const op = e.op;
    const mk = (a: IExpr, b: IExpr, ty: Type): IExpr => ({ k: 'bin', op, a, b, ty, span: e.span });
    switch (op) {
      case '=>':
      case '||':
      case '&&': {
        const a = this.expr(e.left, ctx, BOOL);
        const b = this.expr(e.right, ctx, BOOL);
        this.expectType(BOOL, a.ty, e.left.span, `left operand of ${op}`);
        this.expectType(BOOL, b.ty, e.right.span, `right operand of ${op}`);
        return mk(a, b, BOOL);
      }
      case '==':
      case '!=': {
        const a = this.expr(e.left, ctx);
        const b = this.expr(e.right, ctx, a.ty);
        if (!join(a.ty, b.ty)) this.fail(`cannot compare ${showType(a.ty)} with ${showType(b.ty)}`, e.span);
        return mk(a, b, BOOL);
      }
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '+':
      case '-':
      case '*':
      case '/':
      case '%': {
        const a = this.expr(e.left, ctx, INT);
        const b = this.expr(e.right, ctx, INT);
        this.expectType(INT, a.ty, e.left.span, `left operand of ${op}`);
        this.expectType(INT, b.ty, e.right.span, `right operand of ${op}`);
        return mk(a, b, ['<', '<=', '>', '>='].includes(op) ? BOOL : INT);
      }
      case 'in':
      case 'notin': {
        const a = this.expr(e.left, ctx);
        const r = e.right;
        // x in Type / x in lo..hi need no set value
        if (r.kind === 'Name' && !ctx.scope.lookup(r.name) && this.typeDecls.has(r.name)) {
          const t = this.namedType(r.name, r.span);
          if (!assignable(t, a.ty)) this.fail(`cannot test membership of ${typeToString(a.ty)} in ${typeToString(t)}`, e.span);
          const test: IExpr = { k: 'inType', e: a, type: t, ty: BOOL };
          return op === 'in' ? test : { k: 'not', e: test, ty: BOOL };
        }
        if (r.kind === 'Range') {
          const lo = this.expr(r.lo, ctx, INT);
          const hi = this.expr(r.hi, ctx, INT);
          this.expectType(INT, a.ty, e.left.span);
          this.expectType(INT, lo.ty, r.lo.span);
          this.expectType(INT, hi.ty, r.hi.span);
          const test: IExpr = { k: 'inRange', e: a, lo, hi, ty: BOOL };
          return op === 'in' ? test : { k: 'not', e: test, ty: BOOL };
        }
        const b = this.expr(r, ctx, { k: 'set', elem: a.ty });
        if (b.ty.k !== 'set') this.fail(`right operand of ${op} must be a set, found ${typeToString(b.ty)}`, r.span);
        if (!join(b.ty.elem, a.ty)) this.fail(`cannot test membership of ${typeToString(a.ty)} in ${typeToString(b.ty)}`, e.span);
        return mk(a, b, BOOL);
      }
      case 'subseteq':
      case 'union':
      case 'inter':
      case '\\': {
        const a = this.expr(e.left, ctx);
        if (a.ty.k !== 'set') this.fail(`left operand of ${op} must be a set, found ${typeToString(a.ty)}`, e.left.span);
        const b = this.expr(e.right, ctx, a.ty);
        if (b.ty.k !== 'set') this.fail(`right operand of ${op} must be a set, found ${typeToString(b.ty)}`, e.right.span);
        const ty = join(a.ty, b.ty);
        if (!ty) this.fail(`sets of different types: ${typeToString(a.ty)} and ${typeToString(b.ty)}`, e.span);
        return mk(a, b, op === 'subseteq' ? BOOL : ty);
      }
    }
  }

  private call(e: Extract<A.Expr, { kind: 'Call' }>, ctx: Ctx, expected?: Type): IExpr {
    const fn = e.fn.name;
    const arity: Record<string, number> = { len: 1, head: 1, tail: 1, append: 2, card: 1, min: 2, max: 2 };
    if (!(fn in arity)) this.fail(`unknown function ${fn} (built-ins: ${Object.keys(arity).join(', ')})`, e.fn.span);
    if (e.args.length !== arity[fn]) this.fail(`${fn} takes ${arity[fn]} argument${arity[fn] > 1 ? 's' : ''}`, e.span);
    const mk = (args: IExpr[], ty: Type): IExpr => ({ k: 'call', fn: fn as any, args, ty, span: e.span });
    if (fn === 'min' || fn === 'max') {
      const args = e.args.map((a) => this.expr(a, ctx, INT));
      args.forEach((a, i) => this.expectType(INT, a.ty, e.args[i].span, `argument of ${fn}`));
      return mk(args, INT);
    }
    if (fn === 'card') {
      const s = this.expr(e.args[0], ctx);
      if (s.ty.k !== 'set') this.fail(`card takes a set, found ${typeToString(s.ty)}`, e.args[0].span);
      return mk([s], INT);
    }
    const s = this.expr(e.args[0], ctx, fn === 'tail' || fn === 'append' ? expected : undefined);
    if (s.ty.k !== 'seq') this.fail(`${fn} takes a sequence, found ${typeToString(s.ty)}`, e.args[0].span);
    if (fn === 'len') return mk([s], INT);
    if (fn === 'head') return mk([s], s.ty.elem);
    if (fn === 'tail') return mk([s], s.ty);
    const x = this.expr(e.args[1], ctx, s.ty.elem);
    this.expectType(s.ty.elem, x.ty, e.args[1].span, 'appended element');
    return mk([s, x], s.ty);
  }

  private match(e: Extract<A.Expr, { kind: 'Match' }>, ctx: Ctx, expected?: Type): IExpr {
    const x = this.expr(e.scrutinee, ctx);
    if (x.ty.k !== 'union') this.fail(`match needs a union value, found ${typeToString(x.ty)}`, e.scrutinee.span);
    const union = x.ty;
    let ty: Type | undefined = expected;
    let resultTy: Type | undefined;
    const covered = new Set<string>();
    let wildcard = false;
    const arms = e.arms.map((arm) => {
      if (wildcard) this.fail('unreachable arm after _', arm.span);
      const inner = ctx.scope.child();
      const binds: { field: string; slot: number; name: string }[] = [];
      if (arm.tag === null) wildcard = true;
      else {
        const info = findTag(union, arm.tag.name);
        if (!info) this.fail(`${arm.tag.name} is not a tag of ${union.name}`, arm.tag.span);
        if (covered.has(arm.tag.name)) this.fail(`tag ${arm.tag.name} is matched twice`, arm.tag.span);
        covered.add(arm.tag.name);
        for (const b of arm.binds) {
          const f = info.fields.find((x) => x.name === b.name);
          if (!f) this.fail(`tag ${arm.tag.name} has no field ${b.name}`, b.span);
          binds.push({ field: b.name, slot: inner.bind(b.name, f.type), name: b.name });
        }
      }
      const body = this.expr(arm.body, { ...ctx, scope: inner }, ty);
      if (resultTy === undefined) resultTy = body.ty;
      else {
        const j = join(resultTy, body.ty);
        if (!j) this.fail(`match arms have different types: ${typeToString(resultTy)} and ${typeToString(body.ty)}`, arm.body.span);
        resultTy = j;
      }
      ty = ty ?? body.ty;
      return { tag: arm.tag?.name ?? null, binds, body };
    });
    if (!wildcard) {
      const missing = union.tags.filter((t) => !covered.has(t.name)).map((t) => t.name);
      if (missing.length) this.fail(`match is not exhaustive: missing ${missing.join(', ')}`, e.span);
    }
    if (!resultTy) this.fail('match has no arm', e.span);
    return { k: 'match', e: x, arms, ty: resultTy, span: e.span };
  }
}

/** What a path through a step has assigned: whole variables, variables assigned in part, and the static paths of those parts. */
interface Assigned {
  whole: Set<number>;
  part: Set<number>;
  /** staticPath() of each part assignment */
  paths?: Set<string>;
}

function cloneAssigned(a: Assigned): Assigned {
  return { whole: new Set(a.whole), part: new Set(a.part), paths: new Set(a.paths ?? []) };
}

function mergeAssigned(into: Assigned, a: Assigned, b: Assigned) {
  for (const s of [a, b]) {
    for (const v of s.whole) into.whole.add(v);
    for (const v of s.part) into.part.add(v);
    for (const p of s.paths ?? []) (into.paths ??= new Set()).add(p);
  }
}

/** A part's path as far as it is static (fields, literal indices); `open` when a run-time index follows. */
function staticPath(index: number, path: IPathElem[]): string {
  const segs: string[] = [];
  let open = false;
  for (const p of path) {
    if (p.k === 'field') segs.push(`.${p.name}`);
    else if (p.i.k === 'lit') segs.push(`[${JSON.stringify(p.i.v)}]`);
    else {
      open = true;
      break;
    }
  }
  return JSON.stringify([index, open, segs]);
}

/** Whether two static paths surely overlap: one is a prefix of the other, and the shorter is not cut by a run-time index. */
function overlaps(a: string, b: string): boolean {
  const [ia, oa, sa] = JSON.parse(a) as [number, boolean, string[]];
  const [ib, ob, sb] = JSON.parse(b) as [number, boolean, string[]];
  if (ia !== ib) return false;
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) if (sa[i] !== sb[i]) return false;
  const shorterOpen = sa.length < sb.length ? oa : sb.length < sa.length ? ob : oa || ob;
  return !shorterOpen;
}

/** Fold expressions whose operands are all literals (constants are literals by now). */
function foldConst(e: IExpr): IExpr {
  if (e.k === 'lit' || e.k === 'var' || e.k === 'local') return e;
  if (e.k === 'bin' && e.a.k === 'lit' && e.b.k === 'lit' && ['+', '-', '*', '<', '<=', '>', '>=', '==', '!=', '&&', '||'].includes(e.op)) {
    try {
      return { k: 'lit', v: evaluate(e, { state: null, frame: [] }), ty: e.ty.k === 'int' ? intLitType(evaluate(e, { state: null, frame: [] }) as number) : e.ty };
    } catch {
      return e;
    }
  }
  if (e.k === 'neg' && e.e.k === 'lit') {
    const v = -(e.e.v as number);
    return { k: 'lit', v, ty: intLitType(v) };
  }
  if (e.k === 'not' && e.e.k === 'lit') return { k: 'lit', v: !e.e.v, ty: BOOL };
  return e;
}

function intLitType(v: number): Type {
  return { k: 'int', lo: v, hi: v };
}
