// The checked, resolved model: what the front end (dsl/analyze.ts) produces
// from the AST for one choice of constant values, and what the generator and the reference
// interpreter consume. Names are resolved to variable indices and local
// slots; types are attached; processes are lowered to actions over a
// program-counter variable per process. Defs are expanded where they are
// used, so the IR has none: the generator and the reference interpreter need
// nothing to support them.
import type { Span } from './ast';
import type { SourceText } from './diagnostics';
import type { Type } from '../src/runtime/types';
import type { Value } from '../src/runtime/values';

export type IExpr =
  // `name`: the constant this literal is, when it is one (the TLA+ export writes the name)
  | { k: 'lit'; v: Value; ty: Type; name?: string }
  | { k: 'var'; index: number; ty: Type }
  | { k: 'local'; slot: number; name: string; ty: Type }
  | { k: 'not'; e: IExpr; ty: Type }
  | { k: 'neg'; e: IExpr; ty: Type }
  | { k: 'bin'; op: BinOp; a: IExpr; b: IExpr; ty: Type; span: Span }
  | { k: 'inType'; e: IExpr; type: Type; ty: Type }
  | { k: 'inRange'; e: IExpr; lo: IExpr; hi: IExpr; ty: Type }
  | { k: 'tag'; tag: string; fields: { name: string; e: IExpr }[]; ty: Type }
  | { k: 'record'; fields: { name: string; e: IExpr }[]; ty: Type }
  | { k: 'setlit'; elems: IExpr[]; ty: Type }
  | { k: 'rangeSet'; lo: IExpr; hi: IExpr; ty: Type }
  | { k: 'seqlit'; elems: IExpr[]; ty: Type }
  | { k: 'maplit'; slot: number; name: string; dom: Type; body: IExpr; ty: Type }
  | { k: 'field'; e: IExpr; field: string; onUnion: boolean; ty: Type; span: Span }
  | { k: 'mapIndex'; e: IExpr; i: IExpr; dom: Type; ty: Type; span: Span }
  | { k: 'seqIndex'; e: IExpr; i: IExpr; ty: Type; span: Span }
  | { k: 'recUpdate'; e: IExpr; fields: { name: string; e: IExpr }[]; ty: Type }
  | { k: 'mapUpdate'; e: IExpr; i: IExpr; v: IExpr; dom: Type; ty: Type; span: Span }
  | { k: 'call'; fn: BuiltinFn; args: IExpr[]; ty: Type; span: Span }
  | { k: 'if'; c: IExpr; a: IExpr; b: IExpr; ty: Type }
  | { k: 'let'; slot: number; name: string; v: IExpr; body: IExpr; ty: Type }
  | { k: 'quant'; q: 'forall' | 'exists'; slot: number; name: string; dom: IDomain; body: IExpr; ty: Type }
  | { k: 'match'; e: IExpr; arms: IMatchArm[]; ty: Type; span: Span }
  | { k: 'is'; e: IExpr; tag: string; ty: Type };

export type BinOp =
  | '=>' | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'in' | 'notin' | 'subseteq' | 'union' | 'inter' | '\\'
  | '+' | '-' | '*' | '/' | '%';

export type BuiltinFn = 'len' | 'head' | 'tail' | 'append' | 'card' | 'min' | 'max';

export interface IMatchArm {
  tag: string | null;
  binds: { field: string; slot: number; name: string }[];
  body: IExpr;
}

/** Where a bound name ranges. */
export type IDomain =
  | { k: 'type'; type: Type }
  | { k: 'range'; lo: IExpr; hi: IExpr }
  | { k: 'set'; e: IExpr };

export type IPathElem =
  | { k: 'field'; name: string; onUnion: boolean }
  | { k: 'mapIndex'; i: IExpr; dom: Type }
  | { k: 'seqIndex'; i: IExpr };

export type IStmt =
  | { k: 'assign'; index: number; path: IPathElem[]; v: IExpr; span: Span }
  | { k: 'await'; c: IExpr; span: Span }
  | { k: 'if'; c: IExpr; then: IStmt[]; else: IStmt[] }
  | { k: 'let'; slot: number; name: string; v: IExpr }
  | { k: 'with'; slot: number; name: string; dom: IDomain; body: IStmt[] }
  | { k: 'either'; branches: IStmt[][] }
  | { k: 'for'; slot: number; name: string; dom: IDomain; body: IStmt[] };

export interface IVar {
  name: string;
  type: Type;
  span: Span;
  /** set for the variables that lowering creates: a process's pc and locals */
  process?: string;
}

export interface IAction {
  /** 'FillBig', or 'Proc:label' for a process step */
  name: string;
  span: Span;
  params: { name: string; type: Type; slot: number }[];
  body: IStmt[];
  /** size of the local-slot frame this action needs */
  slots: number;
  /** the comment above the action or the process step */
  doc?: string;
  process?: { name: string; label: string; pcVar: number; indexed: boolean; next: string };
}

export interface IProcess {
  name: string;
  pcVar: number;
  pcType: Type;
  /** index domain, or null for a single instance */
  domain: Type | null;
  labels: string[];
  locals: { name: string; varIndex: number }[];
}

export interface IInvariant {
  name: string;
  expr: IExpr;
  span: Span;
  slots: number;
  /** the comment above the invariant: its first sentence is the property's one-line meaning */
  doc?: string;
}

/**
 * A liveness property (dsl/temporal.ts): leadsTo (every state where p holds is
 * followed by one where q holds), eventually (every behaviour reaches q),
 * infinitelyOften (q again and again). Checked once per tuple of `instances`,
 * the values of the forall prefix's names (bound in their slots).
 */
export interface ILiveness {
  name: string;
  kind: 'leadsTo' | 'eventually' | 'infinitelyOften';
  p?: IExpr;
  q: IExpr;
  span: Span;
  slots: number;
  bound: { slot: number; name: string; type: Type }[];
  instances: Value[][];
  /** the formula as written, whitespace collapsed */
  text: string;
  doc?: string;
}

/** `fairness weak|strong X`: of each instance of process X, or of action X (any parameters). */
export interface IFairness {
  strength: 'weak' | 'strong';
  process?: string;
  action?: string;
  span: Span;
}

export interface IConstant {
  name: string;
  type: Type;
  value: Value;
  overridden: boolean;
  /** a top-level `def N: T = e` over constants only: computed, never set with --const */
  derived?: boolean;
}

/**
 * `symmetric X` (dsl/symmetry.ts): the spec cannot tell the values of `type`
 * (an int range marked `sym: name`) apart, so a state stands for its orbit
 * under their permutations (src/runtime/symmetry.ts).
 */
export interface ISymmetry {
  /** the type's name as marked: the alias, or the process whose index range is written in place */
  name: string;
  type: Type & { k: 'int' };
  values: number[];
  span: Span;
}

export interface Model {
  name: string;
  source?: SourceText;
  constants: IConstant[];
  vars: IVar[];
  init: IStmt[];
  initSlots: number;
  initSpan: Span;
  actions: IAction[];
  processes: IProcess[];
  invariants: IInvariant[];
  liveness: ILiveness[];
  fairness: IFairness[];
  /** absent without a `symmetric` declaration */
  symmetric?: ISymmetry;
}
