// The bounds generator/ranges.ts finds for computed ints, and the types it
// holds sets and sequences of them in: exact, by interval arithmetic over the
// operands' types (the word steps' checks keep a wrong bound from making a
// wrong successor, so only these tests see one).
import { parseSpecText } from '../dsl';
import type { IExpr } from '../dsl/ir';
import { intRange, narrowed, type RangeScope } from '../generator/ranges';
import { typeToString } from '../src/runtime/types';

/** expression `text` of an action with parameters p: 0..5, n: -3..2, z: -2..2, over variables a: 0..5, q: seq<0..3, 2> */
function expr(text: string): { e: IExpr; sc: RangeScope } {
  const m = parseSpecText('R', `var a: 0..5\nvar q: seq<0..3, 2>\ninit { a := 0; q := << >> }\naction A(p: 0..5, n: -3..2, z: -2..2) { let x = ${text} }`).model();
  const a = m.actions[0];
  const st = a.body[0];
  if (st.k !== 'let') throw new Error('expected the let');
  const sc: RangeScope = { local: (slot) => a.params.find((p) => p.slot === slot)?.type, variable: (i) => m.vars[i].type };
  return { e: st.v, sc };
}

const range = (text: string) => {
  const { e, sc } = expr(text);
  return intRange(e, sc);
};
const type = (text: string) => {
  const { e, sc } = expr(text);
  return typeToString(narrowed(e, sc));
};

describe('bounds of computed ints', () => {
  test.each([
    ['p % 3', [0, 2]],
    ['p % 9', [0, 5]],
    ['n % 2', [-1, 1]],
    ['p % n', [0, 2]],
    ['p / 2', [0, 2]],
    ['n / 2', [-1, 1]],
    ['p / n', [-5, 5]],
    ['p / (p + 1)', [0, 5]],
    ['p - 3', [-3, 2]],
    ['-(p) + n', [-8, 2]],
    ['p * n', [-15, 10]],
    ['z * n', [-6, 6]],
    ['min(p, 1)', [0, 1]],
    ['max(n, 1)', [1, 2]],
    ['card({ p % 3 }) + 1', [1, 4]],
    ['len(append(q, 1))', [0, 2]],
    ['head(<<p % 2, a>>)', [0, 5]],
    ['(if p > 1 then p - 2 else n)', [-3, 3]],
    ['(let y = p in y % 4)', [0, 3]],
    ['(let y = p % 4 in y + 1)', [1, 4]],
    ['p % (z * 0)', null],
  ])('%s', (text, want) => {
    expect(range(text)).toEqual(want);
  });
});

describe('the types sets and sequences of computed ints are held in', () => {
  test.each([
    ['{ p % 3, min(p, 1) }', 'set<0..2>'],
    ['{ a - 1, a }', 'set<-1..5>'],
    ['{ p } inter { a + 4, p }', 'set<0..5>'],
    ['{ p + 1 } inter { a + 4, p }', 'set<1..6>'],
    ['{ p + 1 } union { a + 4, p }', 'set<0..9>'],
    ['{ p % 2 } \\ {}', 'set<0..1>'],
    ['(if p > 1 then { p - 2 } else { p % 2, 3 })', 'set<-2..3>'],
    ['{ p * 10 }', 'set<0..50>'],
    ['{ p * a * a }', 'set<0..125>'],
    ['<<p % 2>>', 'seq<0..1, 1>'],
    ['tail(<<max(p - 1, 0), 1>>)', 'seq<0..4, 2>'],
    ['(if p > 0 then tail(<<n>>) else <<n % 2>>)', 'seq<-3..2, 1>'],
    ['{ p }', 'set<0..5>'],
    ['{ b: p > 1, a: p % 3 }', '{ b: bool, a: 0..2 }'],
    ['(if p > 1 then { a: p % 4, b: true } else { b: false, a: n })', '{ a: -3..3, b: bool }'],
    ['[x in 0..1 |-> x + p % 3]', '[0..1] -> 0..3'],
    ['({ b: false, a: min(p, 2) } with { a: 1 })', '{ b: bool, a: 0..2 }'],
    ['([x in 0..1 |-> x * p] with [0] = 1)', '[0..1] -> 0..5'],
    ['(p / 2) * 2', '0..4'],
    ['p + a', '0..10'],
  ])('%s', (text, want) => {
    expect(type(text)).toBe(want);
  });
});
