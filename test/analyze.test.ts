// Resolution and type-check diagnostics of the front end (dsl/analyze.ts), asserted exactly:
// the message, its line:col, and for some the source line and caret that
// render() prints. Every user error is one diagnostic with a span.
import { parseSpecText, SpecError } from '../dsl';
import type { ConstOverrides } from '../dsl/analyze';
import { type Diagnostic, render, renderOneLine } from '../dsl/diagnostics';
import { extractSpecs } from '../dsl/extract';

/** The diagnostics of checking `text` (a spec named S) with these constants; fails if it checks. */
function diagnosticsOf(text: string, constants: ConstOverrides = {}): Diagnostic[] {
  try {
    parseSpecText('S', text).model(constants);
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics;
    throw e;
  }
  throw new Error('the spec checked without error');
}

/** The only diagnostic of `text`, which must have a span. */
function only(text: string, constants: ConstOverrides = {}): Diagnostic {
  const ds = diagnosticsOf(text, constants);
  expect(ds.map(renderOneLine)).toHaveLength(1);
  expect(ds[0].span).toBeDefined();
  return ds[0];
}

/** `<spec S>:line:col: error USnnnn: message` of the only diagnostic. */
const oneLine = (text: string, constants: ConstOverrides = {}) => renderOneLine(only(text, constants));

/** The source line and the caret line of the only diagnostic's rendering. */
const caret = (text: string, constants: ConstOverrides = {}) => render(only(text, constants)).split('\n').slice(1);

const checks = (text: string, constants: ConstOverrides = {}) => parseSpecText('S', text).model(constants);

const INT_VAR = 'var x: 0..3\ninit { x := 0 }\n';
const MAP_VAR = 'var m: [0..1] -> 0..1\ninit { m := [i in 0..1 |-> 0] }\n';
const REC_VAR = 'var r: { a: 0..1, b: 0..1 }\ninit { r := { a: 0, b: 0 } }\n';

describe('unknown names', () => {
  test('an unknown name in an expression', () => {
    const t = `${INT_VAR}action A { x := y }`;
    expect(oneLine(t)).toBe('<spec S>:3:17: error US2013: unknown name y');
    expect(caret(t)).toEqual(['  action A { x := y }', '                  ^']);
  });

  test('an unknown type', () => {
    const t = 'var x: Foo\ninit { x := 0 }';
    expect(oneLine(t)).toBe('<spec S>:1:8: error US2004: unknown type Foo');
    expect(caret(t)).toEqual(['  var x: Foo', '         ^^^']);
  });

  test('a name that is not a type', () => {
    expect(oneLine('var y: bool\nvar x: y\ninit { x := 0; y := true }')).toBe('<spec S>:2:8: error US2003: y is a var, not a type');
  });

  test('an unknown enum member', () => {
    expect(oneLine('enum E { A, B }\nvar x: E\ninit { x := C }')).toBe('<spec S>:3:13: error US2013: unknown name C');
  });

  test('an unknown tag in a constructor, in `is` and in a match arm', () => {
    const U = 'union U { A { f: bool }, B }\nvar x: U\n';
    expect(oneLine(`${U}init { x := Z { f: true } }`)).toBe('<spec S>:3:13: error US2016: unknown tag Z');
    expect(oneLine(`${U}init { x := B }\ninvariant I: !(x is C)`)).toBe('<spec S>:4:21: error US3012: C is not a tag of U');
    expect(oneLine(`${U}init { x := B }\ninvariant I: match x { A { f } => f, Q => true }`)).toBe('<spec S>:4:38: error US3012: Q is not a tag of U');
  });

  test('a tag field that does not exist', () => {
    expect(oneLine('union U { A { f: bool }, B }\nvar x: U\ninit { x := A { g: true } }')).toBe('<spec S>:3:17: error US3014: tag A has no field g');
  });

  test('an unknown label in goto', () => {
    const t = `${INT_VAR}process P {\n  a: x := 1\n     goto nowhere\n}`;
    expect(oneLine(t)).toBe('<spec S>:5:11: error US2022: process P has no label nowhere (labels: a)');
    expect(caret(t)).toEqual(['       goto nowhere', '            ^^^^^^^']);
  });

  test('an unknown label in `at`', () => {
    expect(oneLine(`${INT_VAR}process P {\n  a: x := 1\n}\ninvariant I: !(P at b)`)).toBe('<spec S>:6:21: error US2023: process P has no label b');
  });

  test('an unknown function', () => {
    expect(oneLine(`${INT_VAR}action A { x := abs(x) }`)).toBe('<spec S>:3:17: error US2025: unknown function abs (built-ins: len, head, tail, append, card, min, max; or declare it with def)');
  });
});

describe('type mismatches', () => {
  test('bool assigned to an integer range', () => {
    const t = 'var x: 0..3\ninit { x := true }';
    expect(oneLine(t)).toBe('<spec S>:2:13: error US3001: type mismatch: value assigned to x has type bool, expected 0..3');
    expect(caret(t)).toEqual(['  init { x := true }', '              ^^^^']);
  });

  test('an integer assigned to a bool (a literal has type int)', () => {
    expect(oneLine('var b: bool\ninit { b := 5 }')).toBe('<spec S>:2:13: error US3001: type mismatch: value assigned to b has type int, expected bool');
  });

  test('an enum compared with an integer', () => {
    const t = 'enum E { A, B }\nvar x: E\ninit { x := A }\ninvariant I: x == 1';
    expect(oneLine(t)).toBe('<spec S>:4:14: error US3002: cannot compare E with int');
    expect(caret(t)).toEqual(['  invariant I: x == 1', '               ^^^^^^']);
  });

  test('values of two enums compared', () => {
    expect(oneLine('enum E { A, B }\nenum F { C, D }\nvar x: E\ninit { x := A }\ninvariant I: x != C')).toBe('<spec S>:5:14: error US3002: cannot compare E with F');
  });

  test('an integer invariant', () => {
    expect(oneLine(`${INT_VAR}invariant I: x + 1`)).toBe('<spec S>:3:14: error US3001: type mismatch: invariant I has type int, expected bool');
  });

  test('a non-boolean await', () => {
    expect(oneLine(`${INT_VAR}action A { await x; x := 1 }`)).toBe('<spec S>:3:18: error US3001: type mismatch: await condition has type 0..3, expected bool');
  });

  test('arithmetic on a bool', () => {
    expect(oneLine('var b: bool\nvar x: 0..3\ninit { b := false; x := 0 }\naction A { x := b + 1 }')).toBe(
      '<spec S>:4:17: error US3001: type mismatch: left operand of + has type bool, expected int',
    );
  });

  test('a map indexed with a value of the wrong type', () => {
    expect(oneLine(`${MAP_VAR}action A { m[true] := 1 }`)).toBe('<spec S>:3:14: error US3001: type mismatch: index has type bool, expected 0..1');
  });

  test('a record field that does not exist', () => {
    expect(oneLine(`${REC_VAR}action A { r.c := 1 }`)).toBe('<spec S>:3:14: error US3029: record { a: 0..1, b: 0..1 } has no field c');
  });

  test('the default of a constant outside its type', () => {
    expect(oneLine('const N: 0..3 = 7\nvar x: 0..3\ninit { x := 0 }')).toBe('<spec S>:1:17: error US5008: default of N: 7 is outside 0..3');
  });

  test('a non-exhaustive match', () => {
    expect(oneLine('enum E { A, B, C }\nvar x: E\ninit { x := A }\ninvariant I: match x { A => true, B => false }')).toBe(
      '<spec S>:4:14: error US3016: match is not exhaustive: missing C',
    );
  });
});

describe('domains', () => {
  test('an empty range as a type', () => {
    const t = 'var x: 3..1\ninit { x := 3 }';
    expect(oneLine(t)).toBe('<spec S>:1:8: error US3040: empty range 3..1');
    expect(caret(t)).toEqual(['  var x: 3..1', '         ^^^^']);
  });

  test('an empty range as a parameter domain', () => {
    expect(oneLine(`${INT_VAR}action A(p: 3..1) { x := p }`)).toBe('<spec S>:3:13: error US3040: empty range 3..1');
  });

  test('an empty range as a process index domain, made empty by a constant', () => {
    expect(oneLine(`const N: 0..2 = 0\n${INT_VAR}process P[i in 0..N-1] {\n  a: x := i\n}`)).toBe('<spec S>:4:16: error US3040: empty range 0..-1');
  });

  test('a domain too large to enumerate (its size overflows a double)', () => {
    const t = `${INT_VAR}action A { with f in [0..4095] -> 0..99 { x := 1 } }`;
    expect(oneLine(t)).toBe('<spec S>:3:22: error US3045: the domain [0..4095] -> 0..99 has more than 1.8e+308 values; a domain that is enumerated may have at most 1048576 (2^20)');
    expect(caret(t)).toEqual(['  action A { with f in [0..4095] -> 0..99 { x := 1 } }', '                       ^^^^^^^^^^^^^^^^^^']);
  });

  test('a finite domain with more than 2^52 values', () => {
    expect(oneLine(`${INT_VAR}action A { with f in [0..9] -> 0..99 { x := 1 } }`)).toBe(
      '<spec S>:3:22: error US3045: the domain [0..9] -> 0..99 has 1.00e+20 values; a domain that is enumerated may have at most 1048576 (2^20)',
    );
  });

  test('a named type as an over-large domain', () => {
    expect(oneLine(`type F = [0..9] -> 0..99\n${INT_VAR}invariant I: forall f in F: x >= 0`)).toBe(
      '<spec S>:4:26: error US3045: the domain [0..9] -> 0..99 has 1.00e+20 values; a domain that is enumerated may have at most 1048576 (2^20)',
    );
  });

  test('a variable whose type has too many values', () => {
    expect(oneLine('var m: [0..4095] -> seq<0..9, 99>\ninit { m := [i in 0..4095 |-> <<>>] }')).toBe(
      "<spec S>:1:8: error US3044: the type of m has more than 1.8e+308 values; a variable's type must have at most 2^52, or be a map whose values do (split it into several variables)",
    );
    expect(oneLine('var m: seq<0..9, 63>\ninit { m := <<>> }')).toBe(
      "<spec S>:1:8: error US3044: the type of m has 1.11e+63 values; a variable's type must have at most 2^52, or be a map whose values do (split it into several variables)",
    );
  });

  test('a sequence of a capacity of 3·10^11 (a mutated spec of the agreement test): the diagnostic at once, not after minutes of summing its sizes', () => {
    const t0 = Date.now();
    expect(oneLine('var q: seq<0..1, 299999999999>\ninit { q := <<>> }')).toBe(
      "<spec S>:1:8: error US3044: the type of q has more than 1.8e+308 values; a variable's type must have at most 2^52, or be a map whose values do (split it into several variables)",
    );
    // (a generous bound: the sum of 3·10^11 powers took about an hour)
    expect(Date.now() - t0).toBeLessThan(10000);
  });


  test("a map's domain and a set's elements are bounded", () => {
    expect(oneLine('var s: [0..5000] -> bool\ninit { s := [i in 0..5000 |-> false] }')).toBe(
      "<spec S>:1:9: error US3041: a map's domain must be a small finite type (at most 4096 values), not 0..5000",
    );
    expect(oneLine('var s: set<0..40>\ninit { s := {} }')).toBe('<spec S>:1:12: error US3042: set element type 0..40 has 41 values; at most 30 are allowed');
  });
});

describe('assignments', () => {
  test('to an undeclared variable', () => {
    const t = `${INT_VAR}action A { y := 1 }`;
    expect(oneLine(t)).toBe('<spec S>:3:12: error US2017: unknown variable y');
    expect(caret(t)).toEqual(['  action A { y := 1 }', '             ^']);
  });

  test('to a constant', () => {
    expect(oneLine(`const N: 0..3 = 1\n${INT_VAR}action A { N := 1 }`)).toBe('<spec S>:4:12: error US2018: N is a const, not a variable: it cannot be assigned');
  });

  test('to a bound name', () => {
    expect(oneLine(`${INT_VAR}action A(p: 0..3) { p := 1 }`)).toBe('<spec S>:3:21: error US2019: p is a bound name, not a variable: it cannot be assigned');
  });

  test('the same variable twice in one step', () => {
    const t = `${INT_VAR}action A { x := 1; x := 2 }`;
    expect(oneLine(t)).toBe('<spec S>:3:20: error US4001: x is assigned twice in the same step');
    expect(caret(t)).toEqual(['  action A { x := 1; x := 2 }', '                     ^']);
  });

  test('twice along one path through an if', () => {
    expect(oneLine(`${INT_VAR}action A { if x > 0 { x := 1 }\n x := 2 }`)).toBe('<spec S>:4:2: error US4001: x is assigned twice in the same step');
  });

  test('the same field twice', () => {
    const t = `${REC_VAR}action A { r.a := 1; r.a := 0 }`;
    expect(oneLine(t)).toBe('<spec S>:3:22: error US4002: r is assigned twice in the same step (the same part)');
    expect(caret(t)).toEqual(['  action A { r.a := 1; r.a := 0 }', '                       ^^^']);
  });

  test('the same literal index twice', () => {
    const t = `${MAP_VAR}action A { m[0] := 1; m[0] := 0 }`;
    expect(oneLine(t)).toBe('<spec S>:3:23: error US4002: m is assigned twice in the same step (the same part)');
    expect(caret(t)).toEqual(['  action A { m[0] := 1; m[0] := 0 }', '                        ^^^^']);
  });

  test('a part and then the whole, the whole and then a part', () => {
    expect(oneLine(`${MAP_VAR}action A { m[0] := 1; m := [i in 0..1 |-> 1] }`)).toBe('<spec S>:3:23: error US4001: m is assigned twice in the same step');
    expect(oneLine(`${MAP_VAR}action A { m := [i in 0..1 |-> 1]; m[0] := 0 }`)).toBe('<spec S>:3:36: error US4001: m is assigned twice in the same step');
  });

  test('a field and a part of it', () => {
    expect(oneLine('var r: { a: [0..1] -> bool }\ninit { r := { a: [i in 0..1 |-> false] } }\naction A { r.a := [i in 0..1 |-> true]; r.a[1] := false }')).toBe(
      '<spec S>:3:41: error US4002: r is assigned twice in the same step (the same part)',
    );
  });

  test('a whole variable inside for', () => {
    expect(oneLine(`${INT_VAR}action A { for i in 0..1 { x := i } }`)).toBe(
      '<spec S>:3:12: error US4003: x is assigned whole inside a for loop: each iteration would assign it again (assign x[i] instead)',
    );
  });

  test('two gotos in one step', () => {
    expect(oneLine(`${INT_VAR}process P {\n  a: goto a\n     goto a\n}`)).toBe('<spec S>:5:6: error US4004: a second goto in the same step');
  });

  test('distinct parts, run-time indices and separate branches are not rejected statically', () => {
    expect(() => checks(`${MAP_VAR}action A { m[0] := 1; m[1] := 0 }`)).not.toThrow();
    expect(() => checks(`${MAP_VAR}action A(i: 0..1, j: 0..1) { m[i] := 1; m[j] := 0 }`)).not.toThrow();
    expect(() => checks(`${MAP_VAR}action A(i: 0..1) { m[i] := 1; m[0] := 0 }`)).not.toThrow();
    expect(() => checks(`${REC_VAR}action A { r.a := 1; r.b := 0 }`)).not.toThrow();
    expect(() => checks(`${INT_VAR}action A { if x > 0 { x := 1 } else { x := 2 } }`)).not.toThrow();
    expect(() => checks(`${INT_VAR}action A { either { x := 1 } or { x := 2 } }`)).not.toThrow();
  });
});

describe('constants', () => {
  const C = 'const N: 0..3 = 1\nconst B: bool = true\nenum E { A, Z2 }\nconst K: E = A\nvar x: 0..3\ninit { x := 0 }';

  test('an override of a constant the spec does not declare', () => {
    expect(oneLine(C, { NOPE: 1 })).toBe('<spec S>:1:1: error US5006: --const NOPE: spec S declares no constant NOPE (constants: N, B, K)');
    expect(oneLine(INT_VAR, { NOPE: 1 })).toBe('<spec S>:1:1: error US5006: --const NOPE: spec S declares no constant NOPE (it has no constants)');
  });

  test('an override outside the constant type, located at that type', () => {
    expect(oneLine(C, { N: 9 })).toBe('<spec S>:1:10: error US5004: --const N=9: value out of 0..3');
    expect(caret(C, { N: 9 })).toEqual(['  const N: 0..3 = 1', '           ^^^^']);
    expect(oneLine(C, { N: '-1' })).toBe('<spec S>:1:10: error US5004: --const N=-1: value out of 0..3');
  });

  test('an override of the wrong kind', () => {
    expect(oneLine(C, { N: true })).toBe('<spec S>:1:10: error US5003: --const N=true: expected an integer in 0..3');
    expect(oneLine(C, { N: 'two' })).toBe('<spec S>:1:10: error US5003: --const N=two: expected an integer in 0..3');
    expect(oneLine(C, { B: 1 })).toBe('<spec S>:2:10: error US5002: --const B=1: expected true or false');
    expect(oneLine(C, { K: 'Q' })).toBe('<spec S>:4:10: error US5005: --const K=Q: expected one of A, Z2');
  });

  test('valid overrides are applied', () => {
    const m = checks(C, { N: '3', B: 'false', K: 'Z2' });
    expect(m.constants.map((c) => [c.name, c.value, c.overridden])).toEqual([
      ['N', 3, true],
      ['B', false, true],
      ['K', 'Z2', true],
    ]);
  });

  test('a failing assume, with the default and with an override', () => {
    const t = 'const N: 0..9 = 5\nassume N <= 4\nvar x: 0..3\ninit { x := 0 }';
    expect(oneLine(t)).toBe('<spec S>:2:8: error US5007: assumption does not hold for N=5');
    expect(caret(t)).toEqual(['  assume N <= 4', '         ^^^^^^']);
    expect(oneLine(t, { N: 7 })).toBe('<spec S>:2:8: error US5007: assumption does not hold for N=7');
    expect(() => checks(t, { N: 3 })).not.toThrow();
  });

  test('a constant of a type constants cannot have', () => {
    expect(oneLine('const S: set<0..1> = {}\nvar x: 0..3\ninit { x := 0 }')).toBe(
      '<spec S>:1:10: error US5001: constant S must have type bool, an integer range or an enum, not set<0..1>',
    );
  });
});

describe('in a .spec.ts file, diagnostics point at file:line:col of the TypeScript file', () => {
  const FILE = 'test/fixtures/analysis-errors.spec.ts';
  const { specs, diagnostics } = extractSpecs(FILE);
  const load = (name: string) => {
    const s = specs.find((x) => x.name === name)!;
    return parseSpecText(s.name, s.text, s.source);
  };
  const errorOf = (name: string, constants: ConstOverrides = {}): Diagnostic => {
    try {
      load(name).model(constants);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      expect(e.diagnostics).toHaveLength(1);
      return e.diagnostics[0];
    }
    throw new Error(`${name} checked without error`);
  };

  test('the fixture extracts', () => {
    expect(diagnostics).toEqual([]);
    expect(specs.map((s) => s.name)).toEqual(['Mismatch', 'Tunable']);
  });

  test('a type error', () => {
    const d = errorOf('Mismatch');
    expect(renderOneLine(d)).toBe(`${FILE}:11:10: error US3001: type mismatch: value assigned to n has type Light, expected 0..3`);
    expect(render(d).split('\n').slice(1)).toEqual(['      n := light', '           ^^^^^']);
  });

  test('constant overrides', () => {
    expect(() => load('Tunable').model({ SIZE: 4 })).not.toThrow();
    const d = errorOf('Tunable', { SIZE: 5 });
    expect(renderOneLine(d)).toBe(`${FILE}:16:15: error US5004: --const SIZE=5: value out of 1..4`);
    expect(render(d).split('\n').slice(1)).toEqual(['    const SIZE: 1..4 = 2', '                ^^^^']);
    expect(renderOneLine(errorOf('Tunable', { NOPE: 1 }))).toBe(`${FILE}:16:3: error US5006: --const NOPE: spec Tunable declares no constant NOPE (constants: SIZE)`);
  });
});
