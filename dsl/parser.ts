// Text → AST. The grammar lives in dsl/grammar.ohm; this module attaches the
// `toAst` semantics and turns ohm's match failures into one readable
// diagnostic. parseSpec never throws: anything unexpected (including a stack
// overflow on absurdly nested input) becomes a 'parse' diagnostic.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as ohm from 'ohm-js';
import type {
  BinaryOp, Decl, DefDecl, Domain, Expr, FieldDecl, FieldInit, Ident, LabelledStep, LocalDecl, LPathElem, LValue,
  MatchArm, ModuleDecl, Param, SpecAst, Span, Stmt, TagDecl, Temporal, TypeExpr,
} from './ast';
import { report, type Diagnostic } from './diagnostics';
import { M } from './messages';
import { syntaxError } from './syntax-errors';
import { inPackage } from '../src/util/package-root';
import { keepInCache } from '../src/util/files';

export interface ParseResult {
  ast?: SpecAst;
  diagnostics: Diagnostic[];
}

// Compiled output may live in dist/dsl/, which has no copy of the .ohm file,
// so fall back to the source folder.
function grammarPath(): string {
  const candidates = [
    path.join(__dirname, 'grammar.ohm'),
    path.join(__dirname, '..', '..', 'dsl', 'grammar.ohm'),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`grammar.ohm not found (looked in ${candidates.join(', ')})`);
}

let cached: { grammar: ohm.Grammar; semantics: ohm.Semantics } | undefined;

/**
 * Compiling grammar.ohm takes ~300 ms, most of a short command's start-up; its
 * compiled form (ohm's recipe) loads in a few. The recipe is kept in build/,
 * named by the grammar's hash so an edited grammar is never matched by a stale
 * one; where build/ cannot be written the grammar is simply compiled each time.
 */
function compileGrammar(text: string): ohm.Grammar {
  const hash = crypto.createHash('sha256').update(text).update(ohmVersion()).digest('hex').slice(0, 16);
  const file = inPackage('build', `grammar-${hash}.json`);
  try {
    return recipes.makeRecipe(fs.readFileSync(file, 'utf8'));
  } catch {
    // no recipe yet (or an unreadable one): compile, then try to keep it
  }
  const grammar = ohm.grammar(text);
  keepInCache(file, (grammar as unknown as { toRecipe(): string }).toRecipe());
  return grammar;
}

// makeRecipe/toRecipe are how ohm's own tools ship precompiled grammars; its
// type declarations leave them out.
const recipes = ohm as unknown as { makeRecipe(recipe: string): ohm.Grammar };

function ohmVersion(): string {
  return (ohm as unknown as { version?: string }).version ?? '';
}

function load(): { grammar: ohm.Grammar; semantics: ohm.Semantics } {
  if (!cached) {
    const grammar = compileGrammar(fs.readFileSync(grammarPath(), 'utf8'));
    const semantics = grammar.createSemantics();
    semantics.addOperation('toAst', actions);
    cached = { grammar, semantics };
  }
  return cached;
}

// Semantic actions report problems that the grammar cannot express (integer
// range, the left operand of `at`) here; parseSpec is synchronous, so one
// module-level sink per call is safe.
let sink: Diagnostic[] = [];

/**
 * `keep`: keep the AST in build/parse/ whatever the text's size (the spec of a
 * file: dsl/modules.ts), not only a large text's.
 */
export function parseSpec(text: string, opts: { keep?: boolean } = {}): ParseResult {
  if (!opts.keep && text.length < KEEP_FROM) return parseText(text);
  const kept = readParsed(text);
  if (kept) return { ast: kept, diagnostics: [] };
  const parsed = parseText(text);
  if (!parsed.ast) return parsed;
  // what is returned is what a later read returns: the AST through JSON
  // (keys whose value is undefined, e.g. an absent `else`, are left out)
  const json = JSON.stringify(parsed.ast);
  keepInCache(keptParseFile(text), json);
  return { ast: JSON.parse(json) as SpecAst, diagnostics: [] };
}

// Parsing is ~15 ms a kilobyte once the parser is warm, and slower in a fresh
// process: the shmem spec (48 KB) takes ~0.7 s, DieHard (1 KB) ~0.1 s of a
// 0.3 s `uffdspec check`, and the tests and commands read them again and
// again. The AST of a text that parsed
// without a diagnostic is plain data (numbers, strings, arrays, no node shared
// by two parents), so it is kept in build/parse/ as JSON, which loads in a few
// ms. The name hashes what the AST is a function of: the text, the grammar,
// this module's own source (its semantic actions) and ohm's version, so an
// edit of any of them never reads an older AST. What is kept is the spec of
// a file (a stable set of texts) and any large text; the small texts the
// tests make up by the thousand (random specs, mutations) are not.
const KEEP_FROM = 4096;
/** Bump when what is kept changes shape without this module's text changing. */
const PARSED_FORMAT = '1';
let parserKey: string | undefined;

/** Where the AST of `text` is kept (build/parse/, named by the hash described above). */
export function keptParseFile(text: string): string {
  parserKey ??= crypto
    .createHash('sha256')
    .update(PARSED_FORMAT)
    .update('\0')
    .update(ohmVersion())
    .update('\0')
    .update(fs.readFileSync(grammarPath(), 'utf8'))
    .update('\0')
    .update(fs.readFileSync(__filename, 'utf8'))
    .digest('hex');
  const hash = crypto.createHash('sha256').update(parserKey).update('\0').update(text).digest('hex').slice(0, 24);
  return inPackage('build', 'parse', `${hash}.json`);
}

function readParsed(text: string): SpecAst | undefined {
  try {
    const ast = JSON.parse(fs.readFileSync(keptParseFile(text), 'utf8')) as SpecAst | null;
    return ast && typeof ast === 'object' ? ast : undefined;
  } catch {
    // not kept yet (or unreadable): parse
    return undefined;
  }
}

function parseText(text: string): ParseResult {
  sink = [];
  try {
    const { grammar, semantics } = load();
    const m = grammar.match(text);
    if (m.failed()) return { diagnostics: [syntaxError(text, m)] };
    const ast = semantics(m).toAst() as SpecAst;
    attachDocs(ast, text);
    const diagnostics = sink;
    sink = [];
    return diagnostics.length > 0 ? { diagnostics } : { ast, diagnostics: [] };
  } catch (e) {
    sink = [];
    // anything but a stack overflow is a bug of ours: an internal error (exit 70), not a user diagnostic
    if (!(e instanceof RangeError)) throw e;
    return { diagnostics: [report(M.NestedTooDeeply, [], { start: 0, end: Math.min(1, text.length) })] };
  }
}

/**
 * The `//` comment block that ends on the line right above `start` (no blank
 * line in between), as Go doc comments: the text of a declaration's doc.
 */
export function docComment(text: string, start: number): string | undefined {
  const lines: string[] = [];
  let end = text.lastIndexOf('\n', start - 1);
  // the declaration must start its line
  if (text.slice(end + 1, start).trim() !== '') return undefined;
  while (end > 0) {
    const begin = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(begin, end).trim();
    // a section rule (`// ---- properties`) ends the block: it heads many declarations
    if (!line.startsWith('//') || /-{8,}|={8,}/.test(line)) break;
    lines.unshift(line.replace(/^\/\/ ?/, ''));
    end = begin - 1;
  }
  const doc = lines.join('\n').trim();
  return doc || undefined;
}

function attachDocs(ast: SpecAst, text: string): void {
  for (const d of ast.decls) {
    if (d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Type' || d.kind === 'Union' || d.kind === 'Fairness' || d.kind === 'Symmetric') continue;
    d.doc = docComment(text, d.span.start);
    if (d.kind === 'Process') {
      for (const st of d.steps) st.doc = docComment(text, st.span.start);
      for (const def of d.defs) def.doc = docComment(text, def.span.start);
    }
  }
}

// ---------------------------------------------------------------------------
// Semantics
// ---------------------------------------------------------------------------

type N = ohm.Node;

function span(n: N): Span {
  return { start: n.source.startIdx, end: n.source.endIdx };
}
function ast<T>(n: N): T {
  return n.toAst() as T;
}
function opt<T>(n: N): T | undefined {
  return n.children.length > 0 ? (n.children[0].toAst() as T) : undefined;
}
function list<T>(n: N): T[] {
  return n.asIteration().children.map((c: N) => c.toAst() as T);
}
function ident(n: N): Ident {
  return { name: n.sourceString, span: span(n) };
}
function binary(self: N, l: N, op: BinaryOp, r: N): Expr {
  return { kind: 'Binary', span: span(self), op, left: ast<Expr>(l), right: ast<Expr>(r) };
}
const OP_SYNONYM: Record<string, string> = { or: '||', and: '&&', not: '!' };
function opText(n: N): string {
  return OP_SYNONYM[n.sourceString] ?? n.sourceString;
}
function exprDomain(self: N, expr: Expr): Domain {
  return { kind: 'ExprDomain', span: span(self), expr };
}

/** `first (op operand)*` folded to the left; each node spans from the first operand to its right operand. */
function foldBinary(first: N, ops: N, operands: N): Expr {
  const start = first.source.startIdx;
  let acc = ast<Expr>(first);
  ops.children.forEach((op, i) => {
    const r = operands.children[i];
    acc = { kind: 'Binary', span: { start, end: r.source.endIdx }, op: opText(op) as BinaryOp, left: acc, right: ast<Expr>(r) };
  });
  return acc;
}

/** A postfix operator, applied to its operand by foldPostfix. */
type PostfixOp = (operand: Expr, start: number) => Expr;

function foldPostfix(atom: N, ops: N): Expr {
  const start = atom.source.startIdx;
  return ops.children.reduce((acc, op) => ast<PostfixOp>(op)(acc, start), ast<Expr>(atom));
}

// Actions are written with `this` = the node being converted. Arity follows
// the grammar: lookaheads (&X) count, negative lookaheads (~X) do not.
const actions: ohm.ActionDict<unknown> = {
  Spec(modules, decls) {
    return {
      span: { start: 0, end: this.source.sourceString.length },
      modules: modules.children.map((d) => ast<ModuleDecl>(d)),
      decls: decls.children.map((d) => ast<Decl>(d)),
    };
  },
  ModuleDecl_import(_kw, name, _from, file): ModuleDecl {
    return { kind: 'Import', span: span(this), name: ident(name), path: file.sourceString.slice(1, -1), pathSpan: span(file) };
  },
  ModuleDecl_extends(_kw, name): ModuleDecl {
    return { kind: 'Extends', span: span(this), name: ident(name) };
  },
  ConstDecl(_kw, name, _c, type, _eq, value): Decl {
    const t = type.children.length > 0 ? ast<TypeExpr>(type.children[0]) : undefined;
    return { kind: 'Const', span: span(this), name: ident(name), type: t, value: ast<Expr>(value) };
  },
  AssumeDecl(_kw, e): Decl {
    return { kind: 'Assume', span: span(this), expr: ast<Expr>(e) };
  },
  TypeDecl(_kw, name, _eq, type): Decl {
    return { kind: 'Type', span: span(this), name: ident(name), type: ast<TypeExpr>(type) };
  },
  EnumDecl(_kw, name, _lb, tags, _comma, _rb): Decl {
    const tagDecls: TagDecl[] = tags.asIteration().children.map((t) => ({ span: span(t), name: ident(t), fields: [] }));
    return { kind: 'Union', span: span(this), name: ident(name), tags: tagDecls, isEnum: true };
  },
  UnionDecl(_kw, name, _lb, tags, _comma, _rb): Decl {
    return { kind: 'Union', span: span(this), name: ident(name), tags: list<TagDecl>(tags), isEnum: false };
  },
  TagDecl(name, fields): TagDecl {
    return { span: span(this), name: ident(name), fields: opt<FieldDecl[]>(fields) ?? [] };
  },
  TagFields(_lb, fields, _rb) {
    return ast<FieldDecl[]>(fields);
  },
  FieldDecls(fields, _comma) {
    return list<FieldDecl>(fields);
  },
  FieldDecl(name, _c, type): FieldDecl {
    return { span: span(this), name: ident(name), type: ast<TypeExpr>(type) };
  },
  VarDecl(_kw, name, _c, type): Decl {
    return { kind: 'Var', span: span(this), name: ident(name), type: ast<TypeExpr>(type) };
  },
  InitDecl(_kw, body): Decl {
    return { kind: 'Init', span: span(this), body: ast<Stmt[]>(body) };
  },
  ActionDecl(_kw, name, params, body): Decl {
    return { kind: 'Action', span: span(this), name: ident(name), params: opt<Param[]>(params) ?? [], body: ast<Stmt[]>(body) };
  },
  Params(_lp, params, _rp) {
    return list<Param>(params);
  },
  Param(name, _c, type): Param {
    return { span: span(this), name: ident(name), type: ast<TypeExpr>(type) };
  },
  ProcessDecl(_kw, name, index, _lb, locals, defs, steps, _rb): Decl {
    return {
      kind: 'Process',
      span: span(this),
      name: ident(name),
      index: opt<{ name: Ident; domain: TypeExpr }>(index),
      locals: locals.children.map((l) => ast<LocalDecl>(l)),
      defs: defs.children.map((d) => ast<DefDecl>(d)),
      steps: steps.children.map((s) => ast<LabelledStep>(s)),
    };
  },
  ProcIndex(_lb, name, _in, domain, _rb) {
    return { name: ident(name), domain: ast<TypeExpr>(domain) };
  },
  LocalDecl(_kw, name, _c, type, _eq, init): LocalDecl {
    return { span: span(this), name: ident(name), type: ast<TypeExpr>(type), init: ast<Expr>(init) };
  },
  Step(label, body): LabelledStep {
    return { span: span(this), label: ast<Ident>(label), body: ast<Stmt[]>(body) };
  },
  Label(name, _c) {
    return ident(name);
  },
  InvariantDecl(_kw, name, _c, e): Decl {
    return { kind: 'Invariant', span: span(this), name: ident(name), expr: ast<Expr>(e) };
  },
  PropertyDecl(_kw, name, _c, f): Decl {
    return { kind: 'Property', span: span(this), name: ident(name), formula: ast<Temporal>(f) };
  },
  Temporal_forall(_kw, name, _in, domain, _c, body): Temporal {
    return { kind: 'TForall', span: span(this), name: ident(name), domain: ast<Domain>(domain), body: ast<Temporal>(body) };
  },
  Temporal_always(_kw, body): Temporal {
    return { kind: 'TAlways', span: span(this), body: ast<Temporal>(body) };
  },
  Temporal_eventually(_kw, body): Temporal {
    return { kind: 'TEventually', span: span(this), body: ast<Temporal>(body) };
  },
  Temporal_leadsto(p, _op, q): Temporal {
    return { kind: 'TLeadsTo', span: span(this), p: ast<Expr>(p), q: ast<Expr>(q) };
  },
  Temporal_paren(_lp, body, _rp): Temporal {
    return ast<Temporal>(body);
  },
  Temporal_state(e): Temporal {
    return { kind: 'TState', span: span(this), expr: ast<Expr>(e) };
  },
  FairnessDecl(_kw, kind, target): Decl {
    return { kind: 'Fairness', span: span(this), strength: kind.sourceString as 'weak' | 'strong', target: ident(target) };
  },
  SymmetricDecl(_kw, target): Decl {
    return { kind: 'Symmetric', span: span(this), target: ident(target) };
  },
  DefDecl_expr(_kw, name, params, _c, type, _eq, value): DefDecl {
    const ps = opt<Param[]>(params);
    return {
      kind: 'Def', form: 'expr', span: span(this), name: ident(name), params: ps ?? [], parens: ps !== undefined,
      result: ast<TypeExpr>(type), value: ast<Expr>(value),
    };
  },
  DefDecl_stmt(_kw, name, params, body): DefDecl {
    const ps = opt<Param[]>(params);
    return { kind: 'Def', form: 'stmt', span: span(this), name: ident(name), params: ps ?? [], parens: ps !== undefined, body: ast<Stmt[]>(body) };
  },

  // ---------- types ----------
  Type_bool(_kw): TypeExpr {
    return { kind: 'BoolType', span: span(this) };
  },
  Type_set(_kw, _lt, elem, _gt): TypeExpr {
    return { kind: 'SetType', span: span(this), elem: ast<TypeExpr>(elem) };
  },
  Type_seq(_kw, _lt, elem, _comma, cap, _gt): TypeExpr {
    return { kind: 'SeqType', span: span(this), elem: ast<TypeExpr>(elem), capacity: ast<Expr>(cap) };
  },
  Type_map(_lb, domain, _rb, _arrow, range): TypeExpr {
    return { kind: 'MapType', span: span(this), domain: ast<TypeExpr>(domain), range: ast<TypeExpr>(range) };
  },
  Type_record(_lb, fields, _rb): TypeExpr {
    return { kind: 'RecordType', span: span(this), fields: ast<FieldDecl[]>(fields) };
  },
  Type_range(lo, _dots, hi): TypeExpr {
    return { kind: 'RangeType', span: span(this), lo: ast<Expr>(lo), hi: ast<Expr>(hi) };
  },
  Type_named(name): TypeExpr {
    return { kind: 'NamedType', span: span(this), name: ident(name) };
  },

  // ---------- statements ----------
  Block(_lb, stmts, _rb) {
    return ast<Stmt[]>(stmts);
  },
  StmtSeq(stmts, _semis) {
    return stmts.children.map((s) => ast<Stmt>(s));
  },
  StmtSeq1(stmts, _semis) {
    return stmts.children.map((s) => ast<Stmt>(s));
  },
  AssignStmt(target, _op, value): Stmt {
    return { kind: 'Assign', span: span(this), target: ast<LValue>(target), value: ast<Expr>(value) };
  },
  LValue(root, path): LValue {
    return { span: span(this), root: ident(root), path: path.children.map((p) => ast<LPathElem>(p)) };
  },
  LPath_field(_dot, name): LPathElem {
    return { kind: 'Field', span: span(this), name: ident(name) };
  },
  LPath_index(_lb, index, _rb): LPathElem {
    return { kind: 'Index', span: span(this), index: ast<Expr>(index) };
  },
  AwaitStmt(_kw, cond): Stmt {
    return { kind: 'Await', span: span(this), cond: ast<Expr>(cond) };
  },
  IfStmt(_kw, cond, then, elseClause): Stmt {
    return { kind: 'If', span: span(this), cond: ast<Expr>(cond), then: ast<Stmt[]>(then), else: opt<Stmt[]>(elseClause) };
  },
  ElseClause_if(_kw, ifStmt) {
    return [ast<Stmt>(ifStmt)];
  },
  ElseClause_block(_kw, block) {
    return ast<Stmt[]>(block);
  },
  LetStmt(_kw, name, _eq, value): Stmt {
    return { kind: 'LetStmt', span: span(this), name: ident(name), value: ast<Expr>(value) };
  },
  WithStmt(_kw, name, _in, domain, body): Stmt {
    return { kind: 'With', span: span(this), name: ident(name), domain: ast<Domain>(domain), body: ast<Stmt[]>(body) };
  },
  EitherStmt(_kw, first, rest): Stmt {
    return { kind: 'Either', span: span(this), branches: [ast<Stmt[]>(first), ...rest.children.map((b) => ast<Stmt[]>(b))] };
  },
  OrBranch(_kw, block) {
    return ast<Stmt[]>(block);
  },
  ForStmt(_kw, name, _in, domain, body): Stmt {
    return { kind: 'For', span: span(this), name: ident(name), domain: ast<Domain>(domain), body: ast<Stmt[]>(body) };
  },
  SkipStmt(_kw): Stmt {
    return { kind: 'Skip', span: span(this) };
  },
  GotoStmt(_kw, label): Stmt {
    return { kind: 'Goto', span: span(this), label: ident(label) };
  },
  CallStmt(fn, _lp, args, _rp): Stmt {
    return { kind: 'Call', span: span(this), fn: ident(fn), args: list<Expr>(args) };
  },

  // ---------- domains ----------
  // A bare name stays an expression (it may denote a set-valued constant or a
  // type; only the typing pass knows); ranges are Range expressions. Only forms
  // that can only be types (`bool`, `set<..>`, `seq<..>`, `[D] -> T`) give a
  // TypeDomain.
  Domain_type(type): Domain {
    return { kind: 'TypeDomain', span: span(this), type: ast<TypeExpr>(type) };
  },
  Domain_range(lo, _dots, hi): Domain {
    return exprDomain(this, { kind: 'Range', span: span(this), lo: ast<Expr>(lo), hi: ast<Expr>(hi) });
  },
  Domain_expr(e): Domain {
    return exprDomain(this, ast<Expr>(e));
  },

  // ---------- expressions ----------
  IfExpr(_if, cond, _then, a, _else, b): Expr {
    return { kind: 'IfExpr', span: span(this), cond: ast<Expr>(cond), then: ast<Expr>(a), else: ast<Expr>(b) };
  },
  LetExpr(_kw, name, _eq, value, _in, body): Expr {
    return { kind: 'LetExpr', span: span(this), name: ident(name), value: ast<Expr>(value), body: ast<Expr>(body) };
  },
  QuantExpr(q, name, _in, domain, _c, body): Expr {
    const quant = q.sourceString as 'forall' | 'exists';
    return { kind: 'Quant', span: span(this), quant, name: ident(name), domain: ast<Domain>(domain), body: ast<Expr>(body) };
  },
  Implies_imp(l, _op, r) {
    return binary(this, l, '=>', r);
  },
  Or: foldBinary,
  And: foldBinary,
  Not_not(_op, e): Expr {
    return { kind: 'Unary', span: span(this), op: '!', operand: ast<Expr>(e) };
  },
  Cmp_cmp(l, op, r) {
    return binary(this, l, op.sourceString as BinaryOp, r);
  },
  Cmp_in(l, _op, r) {
    return binary(this, l, 'in', r);
  },
  Cmp_notin(l, _op, r) {
    return binary(this, l, 'notin', r);
  },
  Cmp_subseteq(l, _op, r) {
    return binary(this, l, 'subseteq', r);
  },
  Cmp_is(e, _op, tag): Expr {
    return { kind: 'Is', span: span(this), operand: ast<Expr>(e), tag: ident(tag) };
  },
  Cmp_at(l, _op, label): Expr {
    const left = ast<Expr>(l);
    const s = span(this);
    if (left.kind === 'Name') {
      return { kind: 'At', span: s, process: { name: left.name, span: left.span }, label: ident(label) };
    }
    if (left.kind === 'Index' && left.operand.kind === 'Name') {
      const p = left.operand;
      return { kind: 'At', span: s, process: { name: p.name, span: p.span }, index: left.index, label: ident(label) };
    }
    sink.push(report(M.AtNeedsProcess, [], left.span));
    return left;
  },
  RangeOrSet_range(lo, _dots, hi): Expr {
    return { kind: 'Range', span: span(this), lo: ast<Expr>(lo), hi: ast<Expr>(hi) };
  },
  SetOp: foldBinary,
  Add: foldBinary,
  Mul: foldBinary,
  Neg_neg(_op, e): Expr {
    return { kind: 'Unary', span: span(this), op: '-', operand: ast<Expr>(e) };
  },
  Postfix: foldPostfix,
  Select: foldPostfix,
  SelectOp_field(_dot, name): PostfixOp {
    return (operand, start) => ({ kind: 'Field', span: { start, end: this.source.endIdx }, operand, field: ident(name) });
  },
  SelectOp_index(_lb, index, _rb): PostfixOp {
    return (operand, start) => ({ kind: 'Index', span: { start, end: this.source.endIdx }, operand, index: ast<Expr>(index) });
  },
  PostfixOp_recupd(_with, _lb, fields, _rb): PostfixOp {
    return (operand, start) => ({ kind: 'RecordUpdate', span: { start, end: this.source.endIdx }, operand, fields: ast<FieldInit[]>(fields) });
  },
  PostfixOp_mapupd(_with, _lb, index, _rb, _eq, value): PostfixOp {
    return (operand, start) => ({
      kind: 'MapUpdate', span: { start, end: this.source.endIdx }, operand, index: ast<Expr>(index), value: ast<Expr>(value),
    });
  },
  UpdValue_neg(_op, e): Expr {
    return { kind: 'Unary', span: span(this), op: '-', operand: ast<Expr>(e) };
  },
  Atom_paren(_lp, e, _rp) {
    return ast<Expr>(e);
  },
  Atom_true(_kw): Expr {
    return { kind: 'Bool', span: span(this), value: true };
  },
  Atom_false(_kw): Expr {
    return { kind: 'Bool', span: span(this), value: false };
  },
  Atom_int(n): Expr {
    const value = Number(n.sourceString);
    if (!Number.isSafeInteger(value)) {
      sink.push(report(M.IntegerTooLarge, [n.sourceString, Number.MAX_SAFE_INTEGER], span(this)));
      return { kind: 'Int', span: span(this), value: 0 };
    }
    return { kind: 'Int', span: span(this), value };
  },
  Atom_seq(_open, elems, _close): Expr {
    return { kind: 'SeqLit', span: span(this), elems: list<Expr>(elems) };
  },
  Atom_map(_lb, name, _in, domain, _arrow, body, _rb): Expr {
    return { kind: 'MapLit', span: span(this), name: ident(name), domain: ast<Domain>(domain), body: ast<Expr>(body) };
  },
  Atom_tagcons(tag, _lb, _look, fields, _rb): Expr {
    return { kind: 'TagCons', span: span(this), tag: ident(tag), fields: ast<FieldInit[]>(fields) };
  },
  Atom_record(_lb, _look, fields, _rb): Expr {
    return { kind: 'Record', span: span(this), fields: ast<FieldInit[]>(fields) };
  },
  Atom_set(_lb, elems, _comma, _rb): Expr {
    return { kind: 'SetLit', span: span(this), elems: list<Expr>(elems) };
  },
  Atom_call(fn, _lp, args, _rp): Expr {
    return { kind: 'Call', span: span(this), fn: ident(fn), args: list<Expr>(args) };
  },
  Atom_name(name): Expr {
    return { kind: 'Name', span: span(this), name: name.sourceString };
  },
  FieldInits(fields, _comma) {
    return list<FieldInit>(fields);
  },
  FieldInit(name, _c, value): FieldInit {
    return { span: span(this), name: ident(name), value: ast<Expr>(value) };
  },
  MatchExpr(_kw, scrutinee, _lb, first, _commas, rest, _trailing, _rb): Expr {
    const arms = [ast<MatchArm>(first), ...rest.children.map((a) => ast<MatchArm>(a))];
    return { kind: 'Match', span: span(this), scrutinee: ast<Expr>(scrutinee), arms };
  },
  MatchArm_wild(_us, _arrow, body): MatchArm {
    return { span: span(this), tag: null, binds: [], body: ast<Expr>(body) };
  },
  MatchArm_tag(tag, binds, _arrow, body): MatchArm {
    return { span: span(this), tag: ident(tag), binds: opt<Ident[]>(binds) ?? [], body: ast<Expr>(body) };
  },
  ArmBinds(_lb, names, _rb) {
    return names.asIteration().children.map((n) => ident(n));
  },
  _iter(...children) {
    return children.map((c) => c.toAst());
  },
};
