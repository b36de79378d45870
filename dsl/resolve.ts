// Resolution (the binder of this front end): the spec's global names, its
// named types and tags, its state variables, and its processes with their pc
// variable, locals, labels and own defs. Fills the tables of dsl/symbols.ts
// that typing and lowering read. Ranges in types need constant integers, so
// it asks the typing pass to evaluate them (constants are set by then).
import type * as A from './ast';
import type { Span } from './ast';
import type { SourceText } from './diagnostics';
import { M, type MessageDef } from './messages';
import type { IConstant, IProcess, IVar } from './ir';
import { BOOL, type TagInfo, type Type, packable, size, typeToString } from '../src/runtime/types';
import { MAX_ENUMERATED } from '../src/runtime/values';
import { type GlobalKind, type ProcLocal, type ProcSymbol, type Symbols, aKind, fail } from './symbols';
import { Typer } from './typecheck';

/** Largest number of values a state variable may have: ordinals must stay exact in a double. */

/** A type's number of values for messages; every type is finite, so Infinity means a double overflowed. */
function countText(n: number): string {
  return Number.isFinite(n) ? n.toExponential(2) : 'more than 1.8e+308';
}

const GLOBAL_KIND: Partial<Record<A.Decl['kind'], GlobalKind>> = {
  Const: 'const', Type: 'type', Union: 'type', Var: 'var', Action: 'action', Process: 'process',
  Invariant: 'invariant', Property: 'property', Def: 'def',
};

export class Resolver implements Symbols {
  readonly globals = new Map<string, { kind: GlobalKind; span: Span }>();
  readonly constDecls = new Map<string, A.ConstDecl>();
  readonly constants = new Map<string, IConstant>();
  readonly failedConsts = new Set<string>();
  readonly typeDecls = new Map<string, A.TypeDecl | A.UnionDecl>();
  readonly tags = new Map<string, { union: string; info: TagInfo }>();
  readonly vars: IVar[] = [];
  readonly varIndex = new Map<string, number>();
  readonly processes: IProcess[] = [];
  readonly procs = new Map<string, ProcSymbol>();
  readonly defs = new Map<string, A.DefDecl>();
  readonly typer: Typer;
  /**
   * `symmetric X` (dsl/symmetry.ts): the type aliases whose integer range is
   * marked `sym` when resolved, and the processes whose index range written in
   * place is, so that every value of X in a declared type is known as one.
   */
  readonly symmetricAliases = new Set<string>();
  readonly symmetricProcesses = new Set<string>();
  private readonly resolvedTypes = new Map<string, Type>();
  private readonly resolving = new Set<string>();

  constructor(readonly source: SourceText | undefined) {
    this.typer = new Typer(this);
  }

  private fail(msg: MessageDef, args: readonly (string | number)[], span?: Span): never {
    fail(this.source, msg, args, span);
  }

  // ---------- global names

  private addGlobal(name: A.Ident, kind: GlobalKind): void {
    const prev = this.globals.get(name.name);
    if (prev) this.fail(M.AlreadyDeclared, [name.name, aKind(prev.kind)], name.span);
    if (name.name === 'self' || name.name === 'Done') this.fail(M.ReservedName, [name.name], name.span);
    this.globals.set(name.name, { kind, span: name.span });
  }

  declareGlobal(d: A.Decl): void {
    const kind = GLOBAL_KIND[d.kind];
    if (!kind || d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Fairness' || d.kind === 'Symmetric') return;
    this.addGlobal(d.name, kind);
    if (d.kind === 'Const') this.constDecls.set(d.name.name, d);
    else if (d.kind === 'Def') this.defs.set(d.name.name, d);
    else if (d.kind === 'Type') this.typeDecls.set(d.name.name, d);
    else if (d.kind === 'Union') {
      this.typeDecls.set(d.name.name, d);
      for (const t of d.tags) {
        this.addGlobal(t.name, 'tag');
        this.tags.set(t.name.name, { union: d.name.name, info: { name: t.name.name, fields: [] } });
      }
    }
  }

  // ---------- types

  namedType(name: string, span: Span): Type {
    const done = this.resolvedTypes.get(name);
    if (done) return done;
    const d = this.typeDecls.get(name);
    if (!d) {
      const g = this.globals.get(name);
      if (g) this.fail(M.NotAType, [name, aKind(g.kind)], span);
      this.fail(M.UnknownType, [name], span);
    }
    if (this.resolving.has(name)) this.fail(M.TypeCycle, [name], span);
    this.resolving.add(name);
    let t: Type;
    if (d.kind === 'Type') {
      t = this.resolveType(d.type);
      if (this.symmetricAliases.has(name) && t.k === 'int') t = { ...t, sym: name };
    } else {
      const tags: TagInfo[] = d.tags.map((tag) => this.tags.get(tag.name.name)!.info);
      t = { k: 'union', name, tags, isEnum: d.isEnum };
      // only finite field types are allowed, and a union that contains itself is caught above
      for (const tag of d.tags) {
        const info = this.tags.get(tag.name.name)!.info;
        const seen = new Set<string>();
        for (const f of tag.fields) {
          if (seen.has(f.name.name)) this.fail(M.FieldDeclaredTwice, [f.name.name], f.name.span);
          seen.add(f.name.name);
          info.fields.push({ name: f.name.name, type: this.resolveType(f.type) });
        }
      }
      if (d.tags.length === 0) this.fail(M.NoMember, [d.isEnum ? 'enum' : 'union', name], d.span);
    }
    this.resolving.delete(name);
    this.resolvedTypes.set(name, t);
    return t;
  }

  resolveType(t: A.TypeExpr): Type {
    switch (t.kind) {
      case 'BoolType':
        return BOOL;
      case 'RangeType': {
        const lo = this.typer.constInt(t.lo);
        const hi = this.typer.constInt(t.hi);
        if (hi < lo) this.fail(M.EmptyRange, [lo, hi], t.span);
        return { k: 'int', lo, hi };
      }
      case 'NamedType':
        return this.namedType(t.name.name, t.name.span);
      case 'RecordType': {
        const seen = new Set<string>();
        const fields = t.fields.map((f) => {
          if (seen.has(f.name.name)) this.fail(M.FieldDeclaredTwice, [f.name.name], f.name.span);
          seen.add(f.name.name);
          return { name: f.name.name, type: this.resolveType(f.type) };
        });
        return { k: 'record', fields };
      }
      case 'MapType': {
        const dom = this.resolveType(t.domain);
        const n = size(dom);
        if (!Number.isFinite(n) || n > 4096) this.fail(M.MapDomainTooLarge, [typeToString(dom)], t.domain.span);
        return { k: 'map', dom, rng: this.resolveType(t.range) };
      }
      case 'SetType': {
        const elem = this.resolveType(t.elem);
        if (size(elem) > 30) this.fail(M.SetElementTooLarge, [typeToString(elem), size(elem)], t.elem.span);
        return { k: 'set', elem };
      }
      case 'SeqType': {
        const elem = this.resolveType(t.elem);
        const cap = this.typer.constInt(t.capacity);
        if (cap < 0) this.fail(M.NegativeCapacity, [], t.capacity.span);
        return { k: 'seq', elem, cap };
      }
    }
  }

  /** A domain written as a type, which is enumerated (process indices, parameters, with/for/quantifiers): at most 2^20 values. */
  domainType(t: A.TypeExpr): Type {
    return this.enumerable(this.resolveType(t), t.span);
  }

  /** A domain that is enumerated value by value (with, for, forall/exists, parameters, process indices, map comprehensions). */
  enumerable(ty: Type, span: Span): Type {
    const n = size(ty);
    if (!(n <= MAX_ENUMERATED)) this.fail(M.DomainTooLarge, [typeToString(ty), Number.isFinite(n) && n < 1e15 ? n : countText(n), MAX_ENUMERATED], span);
    return ty;
  }

  // ---------- state

  declareVar(name: string, type: Type, span: Span, typeSpan: Span, process?: string): number {
    if (!packable(type)) this.fail(M.VariableTooLarge, [name, countText(size(type))], typeSpan);
    const index = this.vars.length;
    this.vars.push({ name, type, span, process });
    this.varIndex.set(name, index);
    return index;
  }

  /** A process's pc variable (an enum of its labels and Done), its locals (variables indexed by instance) and its defs. */
  declareProcess(d: A.ProcessDecl): void {
    // the grammar requires a step (Step+)
    if (d.steps.length === 0) throw new Error(`internal: process ${d.name.name} without steps`);
    const labels: string[] = [];
    for (const s of d.steps) {
      if (labels.includes(s.label.name)) this.fail(M.LabelTwice, [s.label.name, d.name.name], s.label.span);
      if (s.label.name === 'Done') this.fail(M.DoneIsImplicit, [], s.label.span);
      labels.push(s.label.name);
    }
    let domain = d.index ? this.domainType(d.index.domain) : null;
    if (domain && domain.k === 'int' && this.symmetricProcesses.has(d.name.name)) domain = { ...domain, sym: d.name.name };
    // no type is empty: ranges, enums and unions are checked non-empty where declared
    if (domain && size(domain) === 0) throw new Error(`internal: process ${d.name.name} has an empty domain`);
    const pcEnum: Type = {
      k: 'union',
      name: `${d.name.name}.pc`,
      tags: [...labels, 'Done'].map((name) => ({ name, fields: [] })),
      isEnum: true,
    };
    const pcType: Type = domain ? { k: 'map', dom: domain, rng: pcEnum } : pcEnum;
    const pcVar = this.declareVar(`${d.name.name}.pc`, pcType, d.name.span, d.name.span, d.name.name);
    const proc: IProcess = { name: d.name.name, pcVar, pcType, domain, labels, locals: [] };
    const localTypes = new Map<string, ProcLocal>();
    for (const l of d.locals) {
      if (localTypes.has(l.name.name)) this.fail(M.LocalTwice, [l.name.name], l.name.span);
      if (d.index && l.name.name === d.index.name.name) this.fail(M.LocalHidesIndex, [l.name.name], l.name.span);
      const t = this.resolveType(l.type);
      const vt: Type = domain ? { k: 'map', dom: domain, rng: t } : t;
      const varIndex = this.declareVar(`${d.name.name}.${l.name.name}`, vt, l.span, l.type.span, d.name.name);
      localTypes.set(l.name.name, { varIndex, type: t });
      proc.locals.push({ name: l.name.name, varIndex });
    }
    // a process's defs share its name space with its locals (a global def of the same name is hidden inside the process)
    const defs = new Map<string, A.DefDecl>();
    for (const def of d.defs) {
      if (defs.has(def.name.name) || localTypes.has(def.name.name)) this.fail(M.AlreadyDeclared, [def.name.name, aKind(defs.has(def.name.name) ? 'def' : 'local')], def.name.span);
      defs.set(def.name.name, def);
    }
    this.processes.push(proc);
    this.procs.set(d.name.name, { decl: d, proc, localTypes, defs });
  }
}
