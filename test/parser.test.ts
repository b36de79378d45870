import * as fc from 'fast-check';
import * as fs from 'fs';
import { isDeepStrictEqual } from 'util';
import { keptParseFile, parseSpec } from '../dsl/parser';
import { render } from '../dsl/diagnostics';
import type { Decl, Expr, SpecAst, Stmt } from '../dsl/ast';

/** Parse, failing the test with the rendered diagnostics if there are any. */
function ok(text: string): SpecAst {
  const r = parseSpec(text);
  if (!r.ast) throw new Error(r.diagnostics.map((d) => render({ ...d, source: { file: 't', text, base: 0 } })).join('\n'));
  expect(r.diagnostics).toEqual([]);
  return r.ast;
}

/** The single diagnostic of a failing parse, rendered against the text. */
function err(text: string): string {
  const r = parseSpec(text);
  expect(r.ast).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  expect(r.diagnostics[0].phase).toBe('parse');
  return render({ ...r.diagnostics[0], source: { file: 'spec', text, base: 0 } });
}

/** Drop spans so shapes can be compared with toEqual. */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'span' && x !== undefined) out[k] = strip(x);
    return out;
  }
  return v;
}

/** The expression of `invariant I: <e>`, without spans, with names as plain strings. */
function expr(e: string): unknown {
  const d = ok(`invariant I: ${e}`).decls[0];
  if (d.kind !== 'Invariant') throw new Error('not an invariant');
  return show(d.expr);
}
/** A compact S-expression view of an expression, for precedence tests. */
function show(e: Expr): unknown {
  switch (e.kind) {
    case 'Name': return e.name;
    case 'Int': return e.value;
    case 'Bool': return e.value;
    case 'Binary': return [e.op, show(e.left), show(e.right)];
    case 'Unary': return [e.op, show(e.operand)];
    default: return strip(e);
  }
}
/** Statements of `init { <s> }` without spans. */
function stmts(s: string): Stmt[] {
  const d = ok(`init { ${s} }`).decls[0];
  if (d.kind !== 'Init') throw new Error('not init');
  return strip(d.body) as Stmt[];
}

const DIEHARD = `
  // the classic
  var big: 0..5
  var small: 0..3
  init { big := 0; small := 0 }
  action FillBig { big' = 5 }
  action BigToSmall {
    let moved = min(big, 3 - small)
    big := big - moved
    small' = small + moved
  }
  /* block comment */
  invariant NotFour: big != 4
`;

describe('declarations', () => {
  test('DieHard parses into the expected declarations', () => {
    const ast = ok(DIEHARD);
    expect(ast.decls.map((d) => d.kind)).toEqual(['Var', 'Var', 'Init', 'Action', 'Action', 'Invariant']);
    const big = ast.decls[0] as Extract<Decl, { kind: 'Var' }>;
    expect(strip(big)).toEqual({
      kind: 'Var', name: { name: 'big' }, doc: 'the classic',
      type: { kind: 'RangeType', lo: { kind: 'Int', value: 0 }, hi: { kind: 'Int', value: 5 } },
    });
    // spans are offsets into the text
    expect(DIEHARD.slice(big.span.start, big.span.end)).toBe('var big: 0..5');
    expect(DIEHARD.slice(big.name.span.start, big.name.span.end)).toBe('big');
    const b2s = ast.decls[4] as Extract<Decl, { kind: 'Action' }>;
    expect(b2s.body.map((s) => s.kind)).toEqual(['LetStmt', 'Assign', 'Assign']);
    // `x' = e` is the same statement as `x := e`
    expect(strip(b2s.body[2])).toEqual({
      kind: 'Assign', target: { root: { name: 'small' }, path: [] },
      value: { kind: 'Binary', op: '+', left: { kind: 'Name', name: 'small' }, right: { kind: 'Name', name: 'moved' } },
    });
  });

  test('const, assume, type, enum, union, property', () => {
    const ast = ok(`
      const PAGES: 1..8 = 2
      const FA: FaultAround = SkipIfWpOrMinor
      assume PAGES <= 4
      type Page = 0..PAGES-1
      enum FaultAround { Always, SkipIfUffdArmed, }
      union Pte { None, Marker, Present { folio: 0..3, writable: bool, wp: bool } }
      var cache: [Page] -> 0..3
      var q: seq<Page, 2>
      var s: set<Page>
      var r: { a: bool, b: Pte }
      property Live: true
    `);
    const [c, , a, t, e, u, m, q, s, r, p] = ast.decls.map(strip) as Record<string, unknown>[];
    expect(c).toEqual({ kind: 'Const', name: { name: 'PAGES' }, type: { kind: 'RangeType', lo: { kind: 'Int', value: 1 }, hi: { kind: 'Int', value: 8 } }, value: { kind: 'Int', value: 2 } });
    expect(a).toMatchObject({ kind: 'Assume', expr: { kind: 'Binary', op: '<=' } });
    expect(t).toMatchObject({ kind: 'Type', type: { kind: 'RangeType', hi: { kind: 'Binary', op: '-' } } });
    expect(e).toEqual({ kind: 'Union', name: { name: 'FaultAround' }, isEnum: true, tags: [{ name: { name: 'Always' }, fields: [] }, { name: { name: 'SkipIfUffdArmed' }, fields: [] }] });
    expect(u).toMatchObject({ kind: 'Union', isEnum: false, tags: [{ fields: [] }, { fields: [] }, { name: { name: 'Present' }, fields: [{ name: { name: 'folio' } }, { name: { name: 'writable' }, type: { kind: 'BoolType' } }, { name: { name: 'wp' } }] }] });
    expect(m).toMatchObject({ type: { kind: 'MapType', domain: { kind: 'NamedType', name: { name: 'Page' } }, range: { kind: 'RangeType' } } });
    expect(q).toMatchObject({ type: { kind: 'SeqType', elem: { kind: 'NamedType' }, capacity: { kind: 'Int', value: 2 } } });
    expect(s).toMatchObject({ type: { kind: 'SetType', elem: { kind: 'NamedType' } } });
    expect(r).toMatchObject({ type: { kind: 'RecordType', fields: [{ name: { name: 'a' } }, { name: { name: 'b' } }] } });
    expect(p).toMatchObject({ kind: 'Property', name: { name: 'Live' } });
  });

  test('action parameters', () => {
    const a = strip(ok('action Copy(p: Page, n: 0..2) { skip }').decls[0]);
    expect(a).toMatchObject({ kind: 'Action', params: [{ name: { name: 'p' }, type: { kind: 'NamedType' } }, { name: { name: 'n' }, type: { kind: 'RangeType' } }], body: [{ kind: 'Skip' }] });
  });

  test('process with index, locals, labels, goto; labels end steps', () => {
    const text = `
      process Reader[t in Thread] {
        var page: Page = 0
        var n: 0..3 = 1
        pick:  with p in Page { page := p }
        fault: await cache[page] != 0
               n := n + 1
               goto pick
        done:  skip
      }
      process Punch { go: falloc := None }`;
    const ast = ok(text);
    const p = ast.decls[0] as Extract<Decl, { kind: 'Process' }>;
    expect(p.index && strip(p.index)).toEqual({ name: { name: 't' }, domain: { kind: 'NamedType', name: { name: 'Thread' } } });
    expect(p.locals.map((l) => l.name.name)).toEqual(['page', 'n']);
    expect(strip(p.locals[0].init)).toEqual({ kind: 'Int', value: 0 });
    expect(p.steps.map((s) => s.label.name)).toEqual(['pick', 'fault', 'done']);
    expect(p.steps[1].body.map((s) => s.kind)).toEqual(['Await', 'Assign', 'Goto']);
    expect(strip(p.steps[1].body[2])).toEqual({ kind: 'Goto', label: { name: 'pick' } });
    expect(text.slice(p.steps[1].span.start, p.steps[1].span.end)).toBe('fault: await cache[page] != 0\n               n := n + 1\n               goto pick');
    const q = ast.decls[1] as Extract<Decl, { kind: 'Process' }>;
    expect(q.index).toBeUndefined();
    expect(q.steps).toHaveLength(1);
  });
});

describe('statements', () => {
  test('newlines and semicolons both separate statements', () => {
    expect(stmts('x := 1\n y := 2; z := 3;')).toHaveLength(3);
    expect(stmts('x := 1 ; y := 2')).toHaveLength(2);
  });

  test('assignment targets with paths', () => {
    expect(stmts('x[k].f[j] := e')[0]).toEqual({
      kind: 'Assign',
      target: { root: { name: 'x' }, path: [{ kind: 'Index', index: { kind: 'Name', name: 'k' } }, { kind: 'Field', name: { name: 'f' } }, { kind: 'Index', index: { kind: 'Name', name: 'j' } }] },
      value: { kind: 'Name', name: 'e' },
    });
    expect(stmts("x.f' = 1")[0]).toMatchObject({ kind: 'Assign', target: { path: [{ kind: 'Field' }] } });
  });

  test('if / else if / else', () => {
    expect(stmts('if a { x := 1 } else if b { x := 2 } else { skip }')[0]).toEqual({
      kind: 'If', cond: { kind: 'Name', name: 'a' }, then: [{ kind: 'Assign', target: { root: { name: 'x' }, path: [] }, value: { kind: 'Int', value: 1 } }],
      else: [{ kind: 'If', cond: { kind: 'Name', name: 'b' }, then: [{ kind: 'Assign', target: { root: { name: 'x' }, path: [] }, value: { kind: 'Int', value: 2 } }], else: [{ kind: 'Skip' }] }],
    });
    expect(stmts('if a { skip }')[0]).not.toHaveProperty('else');
  });

  test('with, for, either, let, await, skip', () => {
    const [w, f, e, l, a, s] = stmts(`
      with p in 0..N-1 { x := p }
      for q in S { y[q] := 0 }
      either { x := 1 } or { x := 2 } or { skip }
      let v = 3
      await v > 2
      skip`);
    expect(w).toMatchObject({ kind: 'With', name: { name: 'p' }, domain: { kind: 'ExprDomain', expr: { kind: 'Range', lo: { kind: 'Int', value: 0 }, hi: { kind: 'Binary', op: '-' } } } });
    expect(f).toMatchObject({ kind: 'For', name: { name: 'q' }, domain: { kind: 'ExprDomain', expr: { kind: 'Name', name: 'S' } }, body: [{ kind: 'Assign' }] });
    expect(e).toMatchObject({ kind: 'Either', branches: [[{ kind: 'Assign' }], [{ kind: 'Assign' }], [{ kind: 'Skip' }]] });
    expect(l).toEqual({ kind: 'LetStmt', name: { name: 'v' }, value: { kind: 'Int', value: 3 } });
    expect(a).toMatchObject({ kind: 'Await', cond: { kind: 'Binary', op: '>' } });
    expect(s).toEqual({ kind: 'Skip' });
  });

  test('syntactic type forms give a TypeDomain', () => {
    expect(stmts('with b in bool { x := b }')[0]).toMatchObject({ domain: { kind: 'TypeDomain', type: { kind: 'BoolType' } } });
    expect(stmts('with s in set<Page> { x := s }')[0]).toMatchObject({ domain: { kind: 'TypeDomain', type: { kind: 'SetType' } } });
    expect(stmts('with m in [Page] -> bool { x := m }')[0]).toMatchObject({ domain: { kind: 'TypeDomain', type: { kind: 'MapType' } } });
  });
});

describe('expressions', () => {
  test('precedence and associativity', () => {
    expect(expr('a + b * c')).toEqual(['+', 'a', ['*', 'b', 'c']]);
    expect(expr('a - b - c')).toEqual(['-', ['-', 'a', 'b'], 'c']);
    expect(expr('a => b => c')).toEqual(['=>', 'a', ['=>', 'b', 'c']]);
    expect(expr('!a && b')).toEqual(['&&', ['!', 'a'], 'b']);
    expect(expr('not a and b or c')).toEqual(['||', ['&&', ['!', 'a'], 'b'], 'c']);
    expect(expr('a || b && c')).toEqual(['||', 'a', ['&&', 'b', 'c']]);
    expect(expr('-a * b')).toEqual(['*', ['-', 'a'], 'b']);
    expect(expr('a + b == c * d')).toEqual(['==', ['+', 'a', 'b'], ['*', 'c', 'd']]);
    expect(expr('A union B inter C \\ D')).toEqual(['\\', ['inter', ['union', 'A', 'B'], 'C'], 'D']);
    expect(expr('x in A union B')).toEqual(['in', 'x', ['union', 'A', 'B']]);
    expect(expr('S subseteq T && x notin S')).toEqual(['&&', ['subseteq', 'S', 'T'], ['notin', 'x', 'S']]);
    expect(expr('(a + b) * c')).toEqual(['*', ['+', 'a', 'b'], 'c']);
  });

  test('ranges on the right of in / notin', () => {
    expect(expr('x in 0..N-1')).toEqual(['in', 'x', { kind: 'Range', lo: { kind: 'Int', value: 0 }, hi: { kind: 'Binary', op: '-', left: { kind: 'Name', name: 'N' }, right: { kind: 'Int', value: 1 } } }]);
  });

  test('postfix forms', () => {
    expect(expr('m[k].f')).toEqual({ kind: 'Field', operand: { kind: 'Index', operand: { kind: 'Name', name: 'm' }, index: { kind: 'Name', name: 'k' } }, field: { name: 'f' } });
    expect(expr('r with { a: 1, b: 2 }')).toMatchObject({ kind: 'RecordUpdate', fields: [{ name: { name: 'a' } }, { name: { name: 'b' } }] });
    // updates chain; the value is a selector expression (parenthesize anything else)
    expect(expr('m with [k] = 1 with [j] = 2')).toMatchObject({ kind: 'MapUpdate', index: { name: 'j' }, operand: { kind: 'MapUpdate', index: { name: 'k' } } });
    expect(expr('m with [k] = v[1].f')).toMatchObject({ kind: 'MapUpdate', value: { kind: 'Field', operand: { kind: 'Index' } } });
    expect(expr('m with [k] = -1')).toMatchObject({ kind: 'MapUpdate', value: { kind: 'Unary', op: '-' } });
    expect(expr('m with [k] = (x + 1)')).toMatchObject({ kind: 'MapUpdate', value: { kind: 'Binary', op: '+' } });
    expect(expr('(r with { a: 1 }).a')).toMatchObject({ kind: 'Field', operand: { kind: 'RecordUpdate' } });
  });

  test('atoms: literals, calls, sequences, sets, records, maps', () => {
    expect(expr('true')).toBe(true);
    expect(expr('len(<< 1, 2 >>)')).toEqual({ kind: 'Call', fn: { name: 'len' }, args: [{ kind: 'SeqLit', elems: [{ kind: 'Int', value: 1 }, { kind: 'Int', value: 2 }] }] });
    expect(expr('{}')).toEqual({ kind: 'SetLit', elems: [] });
    expect(expr('{ a, b }')).toMatchObject({ kind: 'SetLit', elems: [{ name: 'a' }, { name: 'b' }] });
    expect(expr('{ a: 1 }')).toMatchObject({ kind: 'Record', fields: [{ name: { name: 'a' } }] });
    expect(expr('Present { folio: 1, wp: false }')).toMatchObject({ kind: 'TagCons', tag: { name: 'Present' }, fields: [{ name: { name: 'folio' } }, { name: { name: 'wp' } }] });
    expect(expr('[p in Page |-> 0]')).toMatchObject({ kind: 'MapLit', name: { name: 'p' }, domain: { kind: 'ExprDomain', expr: { kind: 'Name', name: 'Page' } }, body: { kind: 'Int', value: 0 } });
  });

  test('if, let, quantifiers extend to the right', () => {
    expect(expr('if a then b else c + 1')).toMatchObject({ kind: 'IfExpr', else: { kind: 'Binary', op: '+' } });
    expect(expr('let x = y in x + 1')).toMatchObject({ kind: 'LetExpr', name: { name: 'x' }, value: { kind: 'Name', name: 'y' }, body: { kind: 'Binary', op: '+' } });
    // the value of a let cannot use `in` without parentheses; the body can
    expect(expr('let b = (x in S) in b && y in T')).toMatchObject({ kind: 'LetExpr', value: { kind: 'Binary', op: 'in' }, body: { kind: 'Binary', op: '&&', right: { kind: 'Binary', op: 'in' } } });
    expect(expr('forall p in Page: exists q in 0..3: m[p] == q && b')).toMatchObject({
      kind: 'Quant', quant: 'forall', name: { name: 'p' },
      body: { kind: 'Quant', quant: 'exists', domain: { kind: 'ExprDomain', expr: { kind: 'Range' } }, body: { kind: 'Binary', op: '&&' } },
    });
  });

  test('is, at, process locals', () => {
    expect(expr('pte[p] is Present')).toMatchObject({ kind: 'Is', operand: { kind: 'Index' }, tag: { name: 'Present' } });
    expect(expr('Reader[0] at fault')).toEqual({ kind: 'At', process: { name: 'Reader' }, index: { kind: 'Int', value: 0 }, label: { name: 'fault' } });
    expect(expr('Punch at Done')).toEqual({ kind: 'At', process: { name: 'Punch' }, label: { name: 'Done' } });
    expect(expr('Reader[self].page')).toMatchObject({ kind: 'Field', operand: { kind: 'Index', operand: { name: 'Reader' } }, field: { name: 'page' } });
  });

  test('match arms with binds and wildcard', () => {
    expect(expr('match pte[p] { Present { folio, wp } => folio, Marker => 0\n _ => 1 }')).toMatchObject({
      kind: 'Match',
      scrutinee: { kind: 'Index' },
      arms: [
        { tag: { name: 'Present' }, binds: [{ name: 'folio' }, { name: 'wp' }], body: { kind: 'Name', name: 'folio' } },
        { tag: { name: 'Marker' }, binds: [], body: { kind: 'Int', value: 0 } },
        { tag: null, binds: [], body: { kind: 'Int', value: 1 } },
      ],
    });
  });
});

describe('brace ambiguities', () => {
  test('a tag before a block is a name, not a constructor', () => {
    expect(stmts('if x == None { y := 1 }')[0]).toMatchObject({ kind: 'If', cond: { kind: 'Binary', right: { kind: 'Name', name: 'None' } }, then: [{ kind: 'Assign' }] });
    expect(stmts("if x == None { y' = 1 }")[0]).toMatchObject({ kind: 'If', cond: { right: { kind: 'Name' } } });
    expect(stmts('if x == None { }')[0]).toMatchObject({ kind: 'If', then: [] });
    expect(stmts('with p in Page { y := p }')[0]).toMatchObject({ kind: 'With', domain: { expr: { kind: 'Name', name: 'Page' } } });
    expect(stmts('while := 1')[0]).toMatchObject({ kind: 'Assign' });
  });

  test('a constructor in a condition needs parentheses and works with them', () => {
    expect(stmts('if x == (Present { folio: 1 }) { y := 1 }')[0]).toMatchObject({
      kind: 'If', cond: { right: { kind: 'TagCons', tag: { name: 'Present' } } }, then: [{ kind: 'Assign' }],
    });
  });

  test('match scrutinee followed by its arms', () => {
    expect(expr('match x { A => 1, _ => 2 }')).toMatchObject({ kind: 'Match', scrutinee: { kind: 'Name', name: 'x' }, arms: [{ tag: { name: 'A' } }, { tag: null }] });
  });

  test('record vs set vs empty set', () => {
    expect(stmts('x := { a: 1 }\n y := { a }\n z := {}').map((s) => (s as { value: { kind: string } }).value.kind)).toEqual(['Record', 'SetLit', 'SetLit']);
  });
});

describe('diagnostics', () => {
  test('missing closing brace', () => {
    expect(err('init {\n  x := 1\n')).toBe(
      'spec:3:1: error US1001: expected "}" or a statement, found end of input\n  \n  ^',
    );
  });

  test('bad token', () => {
    expect(err('var x: 0..3\ninit { x := 1 # 2 }')).toBe(
      'spec:2:15: error US1001: expected "}" or a statement, found "#"\n  init { x := 1 # 2 }\n                ^',
    );
    expect(err('init { x := 1 + }')).toBe('spec:1:17: error US1001: expected an expression, found "}"\n  init { x := 1 + }\n                  ^');
  });

  test('keyword used as an identifier', () => {
    expect(err('var x: bool\nvar if: bool')).toBe(
      'spec:2:5: error US1006: "if" is a keyword and cannot be used as a name\n  var if: bool\n      ^^',
    );
  });

  test('other readable messages', () => {
    expect(err('init { x = 1 }')).toMatch(/^spec:1:10: error US1001: expected ":=", found "="/);
    expect(err('invariant A: let x = y z')).toMatch(/^spec:1:24: error US1004: expected "in" after the value of "let", found "z"/);
    expect(err('invariant A: a == b == c')).toMatch(/^spec:1:21: error US1005: comparisons do not chain/);
    expect(err('var x: bool /* open')).toMatch(/^spec:1:13: error US1003: unterminated comment/);
  });

  test('messages name what was missing, not every operator', () => {
    expect(err('init { if x y := 1 }')).toMatch(/^spec:1:13: error US1001: expected "\{" or an operator, found "y"/);
    expect(err('invariant I: match x { A => 1, _ = > 0 }')).toMatch(/^spec:1:34: error US1001: expected "=>" or "\{", found "="/);
    expect(err('init { x := 0..3 }')).toMatch(/^spec:1:14: error US1007: a range "a..b" is only allowed in a type, a domain/);
  });

  test('spans of binary nodes cover their operands, parentheses included', () => {
    const text = 'invariant I: (a + b) * c';
    const d = ok(text).decls[0] as Extract<Decl, { kind: 'Invariant' }>;
    expect(text.slice(d.expr.span.start, d.expr.span.end)).toBe('(a + b) * c');
  });

  test('integer literal too large', () => {
    expect(err('const N: 0..3 = 99999999999999999999')).toMatch(/^spec:1:17: error US1010: integer literal 99999999999999999999 is too large/);
    expect(ok(`const N: 0..${Number.MAX_SAFE_INTEGER} = 0`).decls).toHaveLength(1);
  });

  test('`at` needs a process instance on its left', () => {
    expect(err('invariant I: (a + b) at L')).toMatch(/^spec:1:15: error US1009: `at` needs a process instance/);
  });

  test('deep nesting is a diagnostic, not a crash', () => {
    const r = parseSpec(`invariant I: ${'('.repeat(20000)}x${')'.repeat(20000)}`);
    expect(r.ast === undefined).toBe(r.diagnostics.length > 0);
  });
});

describe('robustness', () => {
  const corpus = [DIEHARD, 'process P[t in T] { var v: 0..1 = 0\n a: await v == 0\n v := 1\n b: goto a }', 'invariant I: match x { A { f } => f > 0, _ => true }'];

  function wellFormed(text: string): void {
    const r = parseSpec(text);
    expect(r.ast !== undefined).toBe(r.diagnostics.length === 0);
    for (const d of r.diagnostics) {
      expect(d.span).toBeDefined();
      expect(d.span!.start).toBeGreaterThanOrEqual(0);
      expect(d.span!.end).toBeLessThanOrEqual(text.length + 1);
    }
  }

  test('random strings never throw', () => {
    const alphabet = fc.constantFrom(...'abxP01 \n\t{}()[]<>=!:;.,\'|&+-*/%\\_"'.split(''), 'var ', 'init ', 'in ', ':= ', '..', 'if ', 'match ', '/*', '//');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (s) => wellFormed(s)), { numRuns: 300, seed: 42 });
  });

  test('mutations of valid specs never throw', () => {
    const mutation = fc.record({
      which: fc.nat(corpus.length - 1),
      at: fc.nat(),
      del: fc.nat(5),
      insert: fc.string({ maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ which, at, del, insert }) => {
        const src = corpus[which];
        const i = at % (src.length + 1);
        wellFormed(src.slice(0, i) + insert + src.slice(i + del));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('the kept AST of a large text (build/parse/)', () => {
  // DieHard made large by a comment no other run writes: its AST is not kept yet
  // (every test that loads the shmem spec reads its kept AST: that is the
  // check that a kept AST is as good as a fresh one)
  const text = `${DIEHARD}// parser.test.ts ${process.pid} ${Date.now()} ${'-'.repeat(4096)}\n`;
  const decls = ok(DIEHARD).decls.length;
  const file = keptParseFile(text);
  afterAll(() => fs.rmSync(file, { force: true }));

  test('parsed once, then read back: the same AST, from the file named by the hash of the text', () => {
    expect(fs.existsSync(file)).toBe(false);
    const first = ok(text);
    expect(fs.existsSync(file)).toBe(true);
    const again = ok(text);
    expect(isDeepStrictEqual(again, first)).toBe(true);
    expect(again).not.toBe(first);
    // it is the file that was read: what it holds is what comes back
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as SpecAst;
    kept.decls = kept.decls.slice(0, 1);
    fs.writeFileSync(file, JSON.stringify(kept));
    expect(ok(text).decls).toHaveLength(1);
  });

  test('another text, even by one character, is another file; an unreadable one is parsed again', () => {
    expect(keptParseFile(`${text} `)).not.toBe(file);
    expect(keptParseFile(text)).toBe(file);
    fs.writeFileSync(file, '{"decls": [');
    const fresh = ok(text);
    expect(fresh.decls).toHaveLength(decls);
    expect(isDeepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), fresh)).toBe(true);
  });

  test('a small text is kept only when asked (a file\'s spec); one with a syntax error never', () => {
    const small = `${DIEHARD}// parser.test.ts ${process.pid} ${Date.now()}\n`;
    const smallFile = keptParseFile(small);
    expect(fs.existsSync(smallFile)).toBe(false);
    ok(small);
    expect(fs.existsSync(smallFile)).toBe(false);
    try {
      const first = parseSpec(small, { keep: true });
      expect(fs.existsSync(smallFile)).toBe(true);
      expect(isDeepStrictEqual(parseSpec(small, { keep: true }), first)).toBe(true);
    } finally {
      fs.rmSync(smallFile, { force: true });
    }
    const broken = `${text} }}}`;
    expect(parseSpec(broken).ast).toBeUndefined();
    expect(fs.existsSync(keptParseFile(broken))).toBe(false);
  });
});
