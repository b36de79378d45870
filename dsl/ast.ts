// The abstract syntax tree produced by the parser (dsl/parser.ts) and read by
// the analysis passes (dsl/analyze.ts). Every node carries the span of its text in the
// spec source so diagnostics can point into the .spec.ts file.

/** Half-open character range [start, end) in the spec text (the template's content). */
export interface Span {
  start: number;
  end: number;
  /**
   * The text the offsets are in, where it is not the spec's own: a node that an
   * extended or imported spec declared (dsl/modules.ts). Not enumerable, so a span
   * prints and compares as its two offsets.
   */
  readonly src?: SourceText;
}

/** A file's text and where a spec's own text starts in it (diagnostics render against it). */
export interface SourceText {
  /** path of the file shown to the user (e.g. spec/examples/diehard.spec.ts) */
  file: string;
  /** full text of that file */
  text: string;
  /** offset in `text` where the spec's own text starts (0 for a bare spec string) */
  base: number;
}

export interface Node {
  span: Span;
}

/** A declaration or a process step may carry the `//` comment block right above it. */
export interface Documented {
  /** that comment's text, `//` and indentation removed, lines joined by '\n' */
  doc?: string;
}

export interface Ident extends Node {
  name: string;
}

// ---------- types ----------

export type TypeExpr =
  | { kind: 'BoolType'; span: Span }
  | { kind: 'RangeType'; span: Span; lo: Expr; hi: Expr }
  | { kind: 'NamedType'; span: Span; name: Ident }
  | { kind: 'RecordType'; span: Span; fields: FieldDecl[] }
  | { kind: 'MapType'; span: Span; domain: TypeExpr; range: TypeExpr }
  | { kind: 'SetType'; span: Span; elem: TypeExpr }
  | { kind: 'SeqType'; span: Span; elem: TypeExpr; capacity: Expr };

export interface FieldDecl extends Node {
  name: Ident;
  type: TypeExpr;
}

export interface TagDecl extends Node {
  name: Ident;
  fields: FieldDecl[]; // empty for a nullary tag
}

// ---------- declarations ----------

export type Decl =
  | ConstDecl
  | AssumeDecl
  | TypeDecl
  | UnionDecl
  | VarDecl
  | InitDecl
  | ActionDecl
  | ProcessDecl
  | InvariantDecl
  | PropertyDecl
  | FairnessDecl
  | SymmetricDecl
  | DefDecl;

export interface ConstDecl extends Node, Documented {
  kind: 'Const';
  name: Ident;
  /** absent only in `const N = e` overriding the default of an extended spec's constant */
  type?: TypeExpr;
  value: Expr; // the default
}
export interface AssumeDecl extends Node {
  kind: 'Assume';
  expr: Expr;
}
export interface TypeDecl extends Node {
  kind: 'Type';
  name: Ident;
  type: TypeExpr;
}
/** `enum E { A, B }` is parsed as a UnionDecl whose tags have no fields (isEnum = true). */
export interface UnionDecl extends Node {
  kind: 'Union';
  name: Ident;
  tags: TagDecl[];
  isEnum: boolean;
}
export interface VarDecl extends Node, Documented {
  kind: 'Var';
  name: Ident;
  type: TypeExpr;
}
export interface InitDecl extends Node {
  kind: 'Init';
  body: Stmt[];
}
export interface ActionDecl extends Node, Documented {
  kind: 'Action';
  name: Ident;
  params: Param[];
  body: Stmt[];
}
export interface Param extends Node {
  name: Ident;
  type: TypeExpr;
}
export interface ProcessDecl extends Node, Documented {
  kind: 'Process';
  name: Ident;
  /** `process P[t in D]`: index variable and its domain; absent for a single instance. */
  index?: { name: Ident; domain: TypeExpr };
  locals: LocalDecl[];
  /** defs declared in the process: they may read its locals and `self`, and (statement defs) goto its labels */
  defs: DefDecl[];
  steps: LabelledStep[];
}
export interface LocalDecl extends Node {
  name: Ident;
  type: TypeExpr;
  init: Expr;
}
export interface LabelledStep extends Node, Documented {
  label: Ident;
  body: Stmt[];
}
export interface InvariantDecl extends Node, Documented {
  kind: 'Invariant';
  name: Ident;
  expr: Expr;
}
/** A temporal property (liveness): `property Name: Temporal`. */
export interface PropertyDecl extends Node, Documented {
  kind: 'Property';
  name: Ident;
  formula: Temporal;
}

export type Temporal =
  | { kind: 'TForall'; span: Span; name: Ident; domain: Domain; body: Temporal }
  | { kind: 'TAlways'; span: Span; body: Temporal }
  | { kind: 'TEventually'; span: Span; body: Temporal }
  | { kind: 'TLeadsTo'; span: Span; p: Expr; q: Expr }
  | { kind: 'TState'; span: Span; expr: Expr };

/** `fairness weak P`: weak or strong fairness of a process (each instance) or an action. */
export interface FairnessDecl extends Node {
  kind: 'Fairness';
  strength: 'weak' | 'strong';
  target: Ident;
}

/** `symmetric X`: the values of type X (or process X's indices) are interchangeable. */
export interface SymmetricDecl extends Node {
  kind: 'Symmetric';
  target: Ident;
}

/** `import Name from "file"` or `extends Name` (dsl/modules.ts links them). */
export type ModuleDecl =
  | { kind: 'Import'; span: Span; name: Ident; path: string; pathSpan: Span }
  | { kind: 'Extends'; span: Span; name: Ident };

/**
 * `def name(params): T = expr` (an expression) or `def name(params) { stmts }`
 * (a statement macro). Both are expanded where they are used.
 */
export type DefDecl = ExprDefDecl | StmtDefDecl;
interface DefBase extends Node, Documented {
  kind: 'Def';
  name: Ident;
  params: Param[];
  /** written with a parameter list, even an empty one: `def f() ...` is used as `f()`, `def N: T = e` as `N` */
  parens: boolean;
}
export interface ExprDefDecl extends DefBase {
  form: 'expr';
  result: TypeExpr;
  value: Expr;
}
export interface StmtDefDecl extends DefBase {
  form: 'stmt';
  body: Stmt[];
}

export interface SpecAst extends Node {
  modules: ModuleDecl[];
  decls: Decl[];
}

// ---------- statements ----------

/** An assignment target: a variable (or process local) followed by a path of parts. */
export interface LValue extends Node {
  root: Ident;
  path: LPathElem[];
}
export type LPathElem =
  | { kind: 'Field'; span: Span; name: Ident }
  | { kind: 'Index'; span: Span; index: Expr };

export type Stmt =
  | { kind: 'Assign'; span: Span; target: LValue; value: Expr }
  | { kind: 'Await'; span: Span; cond: Expr }
  | { kind: 'If'; span: Span; cond: Expr; then: Stmt[]; else?: Stmt[] }
  | { kind: 'LetStmt'; span: Span; name: Ident; value: Expr }
  | { kind: 'With'; span: Span; name: Ident; domain: Domain; body: Stmt[] }
  | { kind: 'Either'; span: Span; branches: Stmt[][] }
  | { kind: 'For'; span: Span; name: Ident; domain: Domain; body: Stmt[] }
  | { kind: 'Skip'; span: Span }
  | { kind: 'Goto'; span: Span; label: Ident }
  /** a statement def used as a statement: `name(args)` */
  | { kind: 'Call'; span: Span; fn: Ident; args: Expr[] };

/** Where a bound variable ranges: a type (name or `a..b`) or a set-valued expression. */
export type Domain =
  | { kind: 'TypeDomain'; span: Span; type: TypeExpr }
  | { kind: 'ExprDomain'; span: Span; expr: Expr };

// ---------- expressions ----------

export type BinaryOp =
  | '=>' | '||' | '&&'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'in' | 'notin' | 'subseteq'
  | 'union' | 'inter' | '\\'
  | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { kind: 'Int'; span: Span; value: number }
  | { kind: 'Bool'; span: Span; value: boolean }
  /** A bare name: constant, variable, bound name, process local, `self`, or a nullary tag. */
  | { kind: 'Name'; span: Span; name: string }
  | { kind: 'TagCons'; span: Span; tag: Ident; fields: FieldInit[] }
  | { kind: 'Record'; span: Span; fields: FieldInit[] }
  | { kind: 'SetLit'; span: Span; elems: Expr[] }
  | { kind: 'SeqLit'; span: Span; elems: Expr[] }
  | { kind: 'MapLit'; span: Span; name: Ident; domain: Domain; body: Expr }
  | { kind: 'Range'; span: Span; lo: Expr; hi: Expr }
  | { kind: 'Unary'; span: Span; op: '!' | '-'; operand: Expr }
  | { kind: 'Binary'; span: Span; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'Is'; span: Span; operand: Expr; tag: Ident }
  | { kind: 'Field'; span: Span; operand: Expr; field: Ident }
  | { kind: 'Index'; span: Span; operand: Expr; index: Expr }
  | { kind: 'RecordUpdate'; span: Span; operand: Expr; fields: FieldInit[] }
  | { kind: 'MapUpdate'; span: Span; operand: Expr; index: Expr; value: Expr }
  | { kind: 'Call'; span: Span; fn: Ident; args: Expr[] }
  | { kind: 'IfExpr'; span: Span; cond: Expr; then: Expr; else: Expr }
  | { kind: 'LetExpr'; span: Span; name: Ident; value: Expr; body: Expr }
  | { kind: 'Quant'; span: Span; quant: 'forall' | 'exists'; name: Ident; domain: Domain; body: Expr }
  | { kind: 'Match'; span: Span; scrutinee: Expr; arms: MatchArm[] }
  /** `P[i] at label` / `P at label` */
  | { kind: 'At'; span: Span; process: Ident; index?: Expr; label: Ident }
  /** `P[i].x` / `P.x`: a process-local variable of an instance, read from outside.
   *  Never produced by the parser (which yields Field(Index(Name P, i), x)); the typing pass rewrites. */
  | { kind: 'ProcLocal'; span: Span; process: Ident; index?: Expr; local: Ident };

export interface FieldInit extends Node {
  name: Ident;
  value: Expr;
}

export interface MatchArm extends Node {
  /** null for the wildcard `_` */
  tag: Ident | null;
  /** names of the tag's fields bound in the arm (subset of the tag's fields) */
  binds: Ident[];
  body: Expr;
}
