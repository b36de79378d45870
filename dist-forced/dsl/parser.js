"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseSpec = parseSpec;
exports.keptParseFile = keptParseFile;
exports.docComment = docComment;
// Text → AST. The grammar lives in dsl/grammar.ohm; this module attaches the
// `toAst` semantics and turns ohm's match failures into one readable
// diagnostic. parseSpec never throws: anything unexpected (including a stack
// overflow on absurdly nested input) becomes a 'parse' diagnostic.
const crypto = __importStar(require("crypto"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const ohm = __importStar(require("ohm-js"));
const diagnostics_1 = require("./diagnostics");
const messages_1 = require("./messages");
const syntax_errors_1 = require("./syntax-errors");
const package_root_1 = require("../src/util/package-root");
const files_1 = require("../src/util/files");
// Compiled output may live in dist/dsl/, which has no copy of the .ohm file,
// so fall back to the source folder.
function grammarPath() {
    const candidates = [
        path.join(__dirname, 'grammar.ohm'),
        path.join(__dirname, '..', '..', 'dsl', 'grammar.ohm'),
    ];
    for (const c of candidates)
        if (fs.existsSync(c))
            return c;
    throw new Error(`grammar.ohm not found (looked in ${candidates.join(', ')})`);
}
let cached;
/**
 * Compiling grammar.ohm takes ~300 ms, most of a short command's start-up; its
 * compiled form (ohm's recipe) loads in a few. The recipe is kept in build/,
 * named by the grammar's hash so an edited grammar is never matched by a stale
 * one; where build/ cannot be written the grammar is simply compiled each time.
 */
function compileGrammar(text) {
    const hash = crypto.createHash('sha256').update(text).update(ohmVersion()).digest('hex').slice(0, 16);
    const file = (0, package_root_1.inPackage)('build', `grammar-${hash}.json`);
    try {
        return recipes.makeRecipe(fs.readFileSync(file, 'utf8'));
    }
    catch {
        // no recipe yet (or an unreadable one): compile, then try to keep it
    }
    const grammar = ohm.grammar(text);
    (0, files_1.keepInCache)(file, grammar.toRecipe());
    return grammar;
}
// makeRecipe/toRecipe are how ohm's own tools ship precompiled grammars; its
// type declarations leave them out.
const recipes = ohm;
function ohmVersion() {
    return ohm.version ?? '';
}
function load() {
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
let sink = [];
/**
 * `keep`: keep the AST in build/parse/ whatever the text's size (the spec of a
 * file: dsl/modules.ts), not only a large text's.
 */
function parseSpec(text, opts = {}) {
    if (!opts.keep && text.length < KEEP_FROM)
        return parseText(text);
    const kept = readParsed(text);
    if (kept)
        return { ast: kept, diagnostics: [] };
    const parsed = parseText(text);
    if (!parsed.ast)
        return parsed;
    // what is returned is what a later read returns: the AST through JSON
    // (keys whose value is undefined, e.g. an absent `else`, are left out)
    const json = JSON.stringify(parsed.ast);
    (0, files_1.keepInCache)(keptParseFile(text), json);
    return { ast: JSON.parse(json), diagnostics: [] };
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
let parserKey;
/** Where the AST of `text` is kept (build/parse/, named by the hash described above). */
function keptParseFile(text) {
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
    return (0, package_root_1.inPackage)('build', 'parse', `${hash}.json`);
}
function readParsed(text) {
    try {
        const ast = JSON.parse(fs.readFileSync(keptParseFile(text), 'utf8'));
        return ast && typeof ast === 'object' ? ast : undefined;
    }
    catch {
        // not kept yet (or unreadable): parse
        return undefined;
    }
}
function parseText(text) {
    sink = [];
    try {
        const { grammar, semantics } = load();
        const m = grammar.match(text);
        if (m.failed())
            return { diagnostics: [(0, syntax_errors_1.syntaxError)(text, m)] };
        const ast = semantics(m).toAst();
        attachDocs(ast, text);
        const diagnostics = sink;
        sink = [];
        return diagnostics.length > 0 ? { diagnostics } : { ast, diagnostics: [] };
    }
    catch (e) {
        sink = [];
        // anything but a stack overflow is a bug of ours: an internal error (exit 70), not a user diagnostic
        if (!(e instanceof RangeError))
            throw e;
        return { diagnostics: [(0, diagnostics_1.report)(messages_1.M.NestedTooDeeply, [], { start: 0, end: Math.min(1, text.length) })] };
    }
}
/**
 * The `//` comment block that ends on the line right above `start` (no blank
 * line in between), as Go doc comments: the text of a declaration's doc.
 */
function docComment(text, start) {
    const lines = [];
    let end = text.lastIndexOf('\n', start - 1);
    // the declaration must start its line
    if (text.slice(end + 1, start).trim() !== '')
        return undefined;
    while (end > 0) {
        const begin = text.lastIndexOf('\n', end - 1) + 1;
        const line = text.slice(begin, end).trim();
        // a section rule (`// ---- properties`) ends the block: it heads many declarations
        if (!line.startsWith('//') || /-{8,}|={8,}/.test(line))
            break;
        lines.unshift(line.replace(/^\/\/ ?/, ''));
        end = begin - 1;
    }
    const doc = lines.join('\n').trim();
    return doc || undefined;
}
function attachDocs(ast, text) {
    for (const d of ast.decls) {
        if (d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Type' || d.kind === 'Union' || d.kind === 'Fairness' || d.kind === 'Symmetric')
            continue;
        d.doc = docComment(text, d.span.start);
        if (d.kind === 'Process') {
            for (const st of d.steps)
                st.doc = docComment(text, st.span.start);
            for (const def of d.defs)
                def.doc = docComment(text, def.span.start);
        }
    }
}
function span(n) {
    return { start: n.source.startIdx, end: n.source.endIdx };
}
function ast(n) {
    return n.toAst();
}
function opt(n) {
    return n.children.length > 0 ? n.children[0].toAst() : undefined;
}
function list(n) {
    return n.asIteration().children.map((c) => c.toAst());
}
function ident(n) {
    return { name: n.sourceString, span: span(n) };
}
function binary(self, l, op, r) {
    return { kind: 'Binary', span: span(self), op, left: ast(l), right: ast(r) };
}
const OP_SYNONYM = { or: '||', and: '&&', not: '!' };
function opText(n) {
    return OP_SYNONYM[n.sourceString] ?? n.sourceString;
}
function exprDomain(self, expr) {
    return { kind: 'ExprDomain', span: span(self), expr };
}
/** `first (op operand)*` folded to the left; each node spans from the first operand to its right operand. */
function foldBinary(first, ops, operands) {
    const start = first.source.startIdx;
    let acc = ast(first);
    ops.children.forEach((op, i) => {
        const r = operands.children[i];
        acc = { kind: 'Binary', span: { start, end: r.source.endIdx }, op: opText(op), left: acc, right: ast(r) };
    });
    return acc;
}
function foldPostfix(atom, ops) {
    const start = atom.source.startIdx;
    return ops.children.reduce((acc, op) => ast(op)(acc, start), ast(atom));
}
// Actions are written with `this` = the node being converted. Arity follows
// the grammar: lookaheads (&X) count, negative lookaheads (~X) do not.
const actions = {
    Spec(modules, decls) {
        return {
            span: { start: 0, end: this.source.sourceString.length },
            modules: modules.children.map((d) => ast(d)),
            decls: decls.children.map((d) => ast(d)),
        };
    },
    ModuleDecl_import(_kw, name, _from, file) {
        return { kind: 'Import', span: span(this), name: ident(name), path: file.sourceString.slice(1, -1), pathSpan: span(file) };
    },
    ModuleDecl_extends(_kw, name) {
        return { kind: 'Extends', span: span(this), name: ident(name) };
    },
    ConstDecl(_kw, name, _c, type, _eq, value) {
        const t = type.children.length > 0 ? ast(type.children[0]) : undefined;
        return { kind: 'Const', span: span(this), name: ident(name), type: t, value: ast(value) };
    },
    AssumeDecl(_kw, e) {
        return { kind: 'Assume', span: span(this), expr: ast(e) };
    },
    TypeDecl(_kw, name, _eq, type) {
        return { kind: 'Type', span: span(this), name: ident(name), type: ast(type) };
    },
    EnumDecl(_kw, name, _lb, tags, _comma, _rb) {
        const tagDecls = tags.asIteration().children.map((t) => ({ span: span(t), name: ident(t), fields: [] }));
        return { kind: 'Union', span: span(this), name: ident(name), tags: tagDecls, isEnum: true };
    },
    UnionDecl(_kw, name, _lb, tags, _comma, _rb) {
        return { kind: 'Union', span: span(this), name: ident(name), tags: list(tags), isEnum: false };
    },
    TagDecl(name, fields) {
        return { span: span(this), name: ident(name), fields: opt(fields) ?? [] };
    },
    TagFields(_lb, fields, _rb) {
        return ast(fields);
    },
    FieldDecls(fields, _comma) {
        return list(fields);
    },
    FieldDecl(name, _c, type) {
        return { span: span(this), name: ident(name), type: ast(type) };
    },
    VarDecl(_kw, name, _c, type) {
        return { kind: 'Var', span: span(this), name: ident(name), type: ast(type) };
    },
    InitDecl(_kw, body) {
        return { kind: 'Init', span: span(this), body: ast(body) };
    },
    ActionDecl(_kw, name, params, body) {
        return { kind: 'Action', span: span(this), name: ident(name), params: opt(params) ?? [], body: ast(body) };
    },
    Params(_lp, params, _rp) {
        return list(params);
    },
    Param(name, _c, type) {
        return { span: span(this), name: ident(name), type: ast(type) };
    },
    ProcessDecl(_kw, name, index, _lb, locals, defs, steps, _rb) {
        return {
            kind: 'Process',
            span: span(this),
            name: ident(name),
            index: opt(index),
            locals: locals.children.map((l) => ast(l)),
            defs: defs.children.map((d) => ast(d)),
            steps: steps.children.map((s) => ast(s)),
        };
    },
    ProcIndex(_lb, name, _in, domain, _rb) {
        return { name: ident(name), domain: ast(domain) };
    },
    LocalDecl(_kw, name, _c, type, _eq, init) {
        return { span: span(this), name: ident(name), type: ast(type), init: ast(init) };
    },
    Step(label, body) {
        return { span: span(this), label: ast(label), body: ast(body) };
    },
    Label(name, _c) {
        return ident(name);
    },
    InvariantDecl(_kw, name, _c, e) {
        return { kind: 'Invariant', span: span(this), name: ident(name), expr: ast(e) };
    },
    PropertyDecl(_kw, name, _c, f) {
        return { kind: 'Property', span: span(this), name: ident(name), formula: ast(f) };
    },
    Temporal_forall(_kw, name, _in, domain, _c, body) {
        return { kind: 'TForall', span: span(this), name: ident(name), domain: ast(domain), body: ast(body) };
    },
    Temporal_always(_kw, body) {
        return { kind: 'TAlways', span: span(this), body: ast(body) };
    },
    Temporal_eventually(_kw, body) {
        return { kind: 'TEventually', span: span(this), body: ast(body) };
    },
    Temporal_leadsto(p, _op, q) {
        return { kind: 'TLeadsTo', span: span(this), p: ast(p), q: ast(q) };
    },
    Temporal_paren(_lp, body, _rp) {
        return ast(body);
    },
    Temporal_state(e) {
        return { kind: 'TState', span: span(this), expr: ast(e) };
    },
    FairnessDecl(_kw, kind, target) {
        return { kind: 'Fairness', span: span(this), strength: kind.sourceString, target: ident(target) };
    },
    SymmetricDecl(_kw, target) {
        return { kind: 'Symmetric', span: span(this), target: ident(target) };
    },
    DefDecl_expr(_kw, name, params, _c, type, _eq, value) {
        const ps = opt(params);
        return {
            kind: 'Def', form: 'expr', span: span(this), name: ident(name), params: ps ?? [], parens: ps !== undefined,
            result: ast(type), value: ast(value),
        };
    },
    DefDecl_stmt(_kw, name, params, body) {
        const ps = opt(params);
        return { kind: 'Def', form: 'stmt', span: span(this), name: ident(name), params: ps ?? [], parens: ps !== undefined, body: ast(body) };
    },
    // ---------- types ----------
    Type_bool(_kw) {
        return { kind: 'BoolType', span: span(this) };
    },
    Type_set(_kw, _lt, elem, _gt) {
        return { kind: 'SetType', span: span(this), elem: ast(elem) };
    },
    Type_seq(_kw, _lt, elem, _comma, cap, _gt) {
        return { kind: 'SeqType', span: span(this), elem: ast(elem), capacity: ast(cap) };
    },
    Type_map(_lb, domain, _rb, _arrow, range) {
        return { kind: 'MapType', span: span(this), domain: ast(domain), range: ast(range) };
    },
    Type_record(_lb, fields, _rb) {
        return { kind: 'RecordType', span: span(this), fields: ast(fields) };
    },
    Type_range(lo, _dots, hi) {
        return { kind: 'RangeType', span: span(this), lo: ast(lo), hi: ast(hi) };
    },
    Type_named(name) {
        return { kind: 'NamedType', span: span(this), name: ident(name) };
    },
    // ---------- statements ----------
    Block(_lb, stmts, _rb) {
        return ast(stmts);
    },
    StmtSeq(stmts, _semis) {
        return stmts.children.map((s) => ast(s));
    },
    StmtSeq1(stmts, _semis) {
        return stmts.children.map((s) => ast(s));
    },
    AssignStmt(target, _op, value) {
        return { kind: 'Assign', span: span(this), target: ast(target), value: ast(value) };
    },
    LValue(root, path) {
        return { span: span(this), root: ident(root), path: path.children.map((p) => ast(p)) };
    },
    LPath_field(_dot, name) {
        return { kind: 'Field', span: span(this), name: ident(name) };
    },
    LPath_index(_lb, index, _rb) {
        return { kind: 'Index', span: span(this), index: ast(index) };
    },
    AwaitStmt(_kw, cond) {
        return { kind: 'Await', span: span(this), cond: ast(cond) };
    },
    IfStmt(_kw, cond, then, elseClause) {
        return { kind: 'If', span: span(this), cond: ast(cond), then: ast(then), else: opt(elseClause) };
    },
    ElseClause_if(_kw, ifStmt) {
        return [ast(ifStmt)];
    },
    ElseClause_block(_kw, block) {
        return ast(block);
    },
    LetStmt(_kw, name, _eq, value) {
        return { kind: 'LetStmt', span: span(this), name: ident(name), value: ast(value) };
    },
    WithStmt(_kw, name, _in, domain, body) {
        return { kind: 'With', span: span(this), name: ident(name), domain: ast(domain), body: ast(body) };
    },
    EitherStmt(_kw, first, rest) {
        return { kind: 'Either', span: span(this), branches: [ast(first), ...rest.children.map((b) => ast(b))] };
    },
    OrBranch(_kw, block) {
        return ast(block);
    },
    ForStmt(_kw, name, _in, domain, body) {
        return { kind: 'For', span: span(this), name: ident(name), domain: ast(domain), body: ast(body) };
    },
    SkipStmt(_kw) {
        return { kind: 'Skip', span: span(this) };
    },
    GotoStmt(_kw, label) {
        return { kind: 'Goto', span: span(this), label: ident(label) };
    },
    CallStmt(fn, _lp, args, _rp) {
        return { kind: 'Call', span: span(this), fn: ident(fn), args: list(args) };
    },
    // ---------- domains ----------
    // A bare name stays an expression (it may denote a set-valued constant or a
    // type; only the typing pass knows); ranges are Range expressions. Only forms
    // that can only be types (`bool`, `set<..>`, `seq<..>`, `[D] -> T`) give a
    // TypeDomain.
    Domain_type(type) {
        return { kind: 'TypeDomain', span: span(this), type: ast(type) };
    },
    Domain_range(lo, _dots, hi) {
        return exprDomain(this, { kind: 'Range', span: span(this), lo: ast(lo), hi: ast(hi) });
    },
    Domain_expr(e) {
        return exprDomain(this, ast(e));
    },
    // ---------- expressions ----------
    IfExpr(_if, cond, _then, a, _else, b) {
        return { kind: 'IfExpr', span: span(this), cond: ast(cond), then: ast(a), else: ast(b) };
    },
    LetExpr(_kw, name, _eq, value, _in, body) {
        return { kind: 'LetExpr', span: span(this), name: ident(name), value: ast(value), body: ast(body) };
    },
    QuantExpr(q, name, _in, domain, _c, body) {
        const quant = q.sourceString;
        return { kind: 'Quant', span: span(this), quant, name: ident(name), domain: ast(domain), body: ast(body) };
    },
    Implies_imp(l, _op, r) {
        return binary(this, l, '=>', r);
    },
    Or: foldBinary,
    And: foldBinary,
    Not_not(_op, e) {
        return { kind: 'Unary', span: span(this), op: '!', operand: ast(e) };
    },
    Cmp_cmp(l, op, r) {
        return binary(this, l, op.sourceString, r);
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
    Cmp_is(e, _op, tag) {
        return { kind: 'Is', span: span(this), operand: ast(e), tag: ident(tag) };
    },
    Cmp_at(l, _op, label) {
        const left = ast(l);
        const s = span(this);
        if (left.kind === 'Name') {
            return { kind: 'At', span: s, process: { name: left.name, span: left.span }, label: ident(label) };
        }
        if (left.kind === 'Index' && left.operand.kind === 'Name') {
            const p = left.operand;
            return { kind: 'At', span: s, process: { name: p.name, span: p.span }, index: left.index, label: ident(label) };
        }
        sink.push((0, diagnostics_1.report)(messages_1.M.AtNeedsProcess, [], left.span));
        return left;
    },
    RangeOrSet_range(lo, _dots, hi) {
        return { kind: 'Range', span: span(this), lo: ast(lo), hi: ast(hi) };
    },
    SetOp: foldBinary,
    Add: foldBinary,
    Mul: foldBinary,
    Neg_neg(_op, e) {
        return { kind: 'Unary', span: span(this), op: '-', operand: ast(e) };
    },
    Postfix: foldPostfix,
    Select: foldPostfix,
    SelectOp_field(_dot, name) {
        return (operand, start) => ({ kind: 'Field', span: { start, end: this.source.endIdx }, operand, field: ident(name) });
    },
    SelectOp_index(_lb, index, _rb) {
        return (operand, start) => ({ kind: 'Index', span: { start, end: this.source.endIdx }, operand, index: ast(index) });
    },
    PostfixOp_recupd(_with, _lb, fields, _rb) {
        return (operand, start) => ({ kind: 'RecordUpdate', span: { start, end: this.source.endIdx }, operand, fields: ast(fields) });
    },
    PostfixOp_mapupd(_with, _lb, index, _rb, _eq, value) {
        return (operand, start) => ({
            kind: 'MapUpdate', span: { start, end: this.source.endIdx }, operand, index: ast(index), value: ast(value),
        });
    },
    UpdValue_neg(_op, e) {
        return { kind: 'Unary', span: span(this), op: '-', operand: ast(e) };
    },
    Atom_paren(_lp, e, _rp) {
        return ast(e);
    },
    Atom_true(_kw) {
        return { kind: 'Bool', span: span(this), value: true };
    },
    Atom_false(_kw) {
        return { kind: 'Bool', span: span(this), value: false };
    },
    Atom_int(n) {
        const value = Number(n.sourceString);
        if (!Number.isSafeInteger(value)) {
            sink.push((0, diagnostics_1.report)(messages_1.M.IntegerTooLarge, [n.sourceString, Number.MAX_SAFE_INTEGER], span(this)));
            return { kind: 'Int', span: span(this), value: 0 };
        }
        return { kind: 'Int', span: span(this), value };
    },
    Atom_seq(_open, elems, _close) {
        return { kind: 'SeqLit', span: span(this), elems: list(elems) };
    },
    Atom_map(_lb, name, _in, domain, _arrow, body, _rb) {
        return { kind: 'MapLit', span: span(this), name: ident(name), domain: ast(domain), body: ast(body) };
    },
    Atom_tagcons(tag, _lb, _look, fields, _rb) {
        return { kind: 'TagCons', span: span(this), tag: ident(tag), fields: ast(fields) };
    },
    Atom_record(_lb, _look, fields, _rb) {
        return { kind: 'Record', span: span(this), fields: ast(fields) };
    },
    Atom_set(_lb, elems, _comma, _rb) {
        return { kind: 'SetLit', span: span(this), elems: list(elems) };
    },
    Atom_call(fn, _lp, args, _rp) {
        return { kind: 'Call', span: span(this), fn: ident(fn), args: list(args) };
    },
    Atom_name(name) {
        return { kind: 'Name', span: span(this), name: name.sourceString };
    },
    FieldInits(fields, _comma) {
        return list(fields);
    },
    FieldInit(name, _c, value) {
        return { span: span(this), name: ident(name), value: ast(value) };
    },
    MatchExpr(_kw, scrutinee, _lb, first, _commas, rest, _trailing, _rb) {
        const arms = [ast(first), ...rest.children.map((a) => ast(a))];
        return { kind: 'Match', span: span(this), scrutinee: ast(scrutinee), arms };
    },
    MatchArm_wild(_us, _arrow, body) {
        return { span: span(this), tag: null, binds: [], body: ast(body) };
    },
    MatchArm_tag(tag, binds, _arrow, body) {
        return { span: span(this), tag: ident(tag), binds: opt(binds) ?? [], body: ast(body) };
    },
    ArmBinds(_lb, names, _rb) {
        return names.asIteration().children.map((n) => ident(n));
    },
    _iter(...children) {
        return children.map((c) => c.toAst());
    },
};
//# sourceMappingURL=parser.js.map