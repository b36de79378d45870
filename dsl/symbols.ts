// What the passes share: the symbol tables that resolution fills (dsl/resolve.ts)
// and typing, lowering and the constant pass read, the lexical scopes of bound
// names, and the context an expression or statement is analysed in. Only
// types and small classes live here, so that every pass can import it and no
// two passes import each other in a cycle.
import type * as A from './ast';
import type { Span } from './ast';
import { type Diagnostic, type SourceText, report } from './diagnostics';
import type { MessageDef } from './messages';
import type { IConstant, IProcess, IVar } from './ir';
import { type TagInfo, type Type, typeToString } from '../src/runtime/types';

/** An error that aborts the analysis of one declaration; the driver collects it and moves on. */
export class Fail extends Error {
  /** `d` null: a consequence of an error already reported (nothing more to say) */
  constructor(public d: Diagnostic | null) {
    super(d?.message ?? 'already reported');
  }
}

/** Throw the located diagnostic `msg` with its arguments. */
export function fail(source: SourceText | undefined, msg: MessageDef, args: readonly (string | number)[], span?: Span): never {
  throw new Fail(report(msg, args, span, source));
}

/** A bound name: its slot in the action's local frame and its type. */
export interface Local {
  slot: number;
  type: Type;
}

/**
 * Bound names (parameters, let, with, for, quantifiers, match arms, a def's
 * parameters), lexically nested. Every scope of one action shares a slot
 * counter, so slots are unique within the action's frame.
 */
export class Scope {
  private readonly names = new Map<string, Local>();
  private constructor(
    private readonly parent: Scope | null,
    private readonly counter: { n: number },
  ) {}

  /** The outermost scope of an action, invariant or init: a fresh frame. */
  static root(): Scope {
    return new Scope(null, { n: 0 });
  }
  /** Number of slots the frame needs so far. */
  get slots(): number {
    return this.counter.n;
  }
  child(): Scope {
    return new Scope(this, this.counter);
  }
  /**
   * A scope in the same frame that sees none of this scope's names: where a
   * def's body is expanded, so the names bound at the use site cannot leak
   * into it (defs are lexically scoped).
   */
  detached(): Scope {
    return new Scope(null, this.counter);
  }
  bind(name: string, type: Type): number {
    const slot = this.counter.n++;
    this.names.set(name, { slot, type });
    return slot;
  }
  /** A second name for an existing slot (a process's declared index name for `self`). */
  alias(name: string, local: Local): void {
    this.names.set(name, local);
  }
  lookup(name: string): Local | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

export type GlobalKind = 'const' | 'type' | 'tag' | 'var' | 'action' | 'process' | 'invariant' | 'property' | 'def';

/** 'a var', 'an action': a kind of declaration in a message. */
export function aKind(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

export interface ProcLocal {
  varIndex: number;
  type: Type;
}

/** A process as resolution leaves it: its IR record, its locals and its own defs. */
export interface ProcSymbol {
  decl: A.ProcessDecl;
  proc: IProcess;
  localTypes: Map<string, ProcLocal>;
  defs: Map<string, A.DefDecl>;
}

/** Inside a process: which process, and the slot of `self` (null for a single instance). */
export interface ProcCtx {
  sym: ProcSymbol;
  selfSlot: number | null;
}

export interface Ctx {
  scope: Scope;
  /** false in init and in constant expressions: there is no pre-state to read */
  state: boolean;
  proc?: ProcCtx;
  /** what is being analysed, for messages: 'init', 'action A', 'a constant expression' */
  what: string;
  /** defs being expanded, outermost first: a def met again is recursion */
  expanding: readonly string[];
  /** probing whether a nullary def is a derived constant: a state read throws ReadsState instead of failing */
  probing?: boolean;
}

/** The tables resolution builds; what typing, lowering and the constant pass read. */
export interface Symbols {
  readonly source?: SourceText;
  readonly globals: ReadonlyMap<string, { kind: GlobalKind; span: Span }>;
  readonly constDecls: ReadonlyMap<string, A.ConstDecl>;
  /** constant values known so far (declaration order), including derived ones (nullary defs over constants) */
  readonly constants: Map<string, IConstant>;
  /** constants whose value could not be set (their error is reported once) */
  readonly failedConsts: Set<string>;
  readonly typeDecls: ReadonlyMap<string, A.TypeDecl | A.UnionDecl>;
  readonly tags: ReadonlyMap<string, { union: string; info: TagInfo }>;
  readonly vars: readonly IVar[];
  readonly varIndex: ReadonlyMap<string, number>;
  readonly procs: ReadonlyMap<string, ProcSymbol>;
  /** top-level defs (a process's own defs are in its ProcSymbol) */
  readonly defs: ReadonlyMap<string, A.DefDecl>;
  namedType(name: string, span: Span): Type;
  resolveType(t: A.TypeExpr): Type;
  /** a type written as a domain that is enumerated value by value */
  domainType(t: A.TypeExpr): Type;
  enumerable(ty: Type, span: Span): Type;
}

/** The pc's enum of a process (the range of the pc map for an indexed process). */
export function pcUnion(p: IProcess): Type {
  return p.domain && p.pcType.k === 'map' ? p.pcType.rng : p.pcType;
}

/** An expression's type in messages: a literal's one-value range (`1..1` for `1`) is just int. */
export function showType(t: Type): string {
  return t.k === 'int' && t.lo === t.hi ? 'int' : typeToString(t);
}
