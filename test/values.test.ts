// The value codec (src/runtime/values.ts): every finite type numbers its
// values 0..size-1, and ord/val are inverse bijections. The generated checker
// packs each variable's ordinal into a bit field, so a gap or a collision here
// would silently merge or lose states.
import fc from 'fast-check';
import { Type, size, typeToString } from '../src/runtime/types';
import { EvalError, compare, enumerate, equals, ord, toJSON, val, type Value } from '../src/runtime/values';

const BOOL: Type = { k: 'bool' };
const int = (lo: number, hi: number): Type => ({ k: 'int', lo, hi });
const ENUM: Type = { k: 'union', name: 'Pte', isEnum: true, tags: [{ name: 'None', fields: [] }, { name: 'Marker', fields: [] }] };
const UNION: Type = {
  k: 'union',
  name: 'Slot',
  isEnum: false,
  tags: [
    { name: 'Hole', fields: [] },
    { name: 'Folio', fields: [{ name: 'gen', type: int(0, 2) }, { name: 'dirty', type: BOOL }] },
  ],
};

/** Small finite types of every kind, nested. */
const typeArb: fc.Arbitrary<Type> = fc.letrec<{ t: Type }>((tie) => ({
  t: fc.oneof(
    { maxDepth: 2, depthIdentifier: 't' },
    fc.constant(BOOL),
    fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([lo, d]) => int(lo, lo + d)),
    fc.constant(ENUM),
    fc.constant(UNION),
    fc.array(tie('t'), { minLength: 1, maxLength: 2 }).map((ts): Type => ({ k: 'record', fields: ts.map((type, i) => ({ name: `f${i}`, type })) })),
    fc.tuple(fc.integer({ min: 1, max: 3 }), tie('t')).map(([n, rng]): Type => ({ k: 'map', dom: int(0, n - 1), rng })),
    tie('t').map((elem): Type => ({ k: 'set', elem })),
    fc.tuple(fc.integer({ min: 0, max: 2 }), tie('t')).map(([cap, elem]): Type => ({ k: 'seq', elem, cap })),
  ),
})).t.filter((t) => size(t) <= 4096);

test('ord and val are inverse bijections between the values of a type and 0..size-1', () => {
  fc.assert(
    fc.property(typeArb, (t) => {
      const n = size(t);
      const all = enumerate(t);
      expect(all.length).toBe(n);
      all.forEach((v, i) => expect(ord(t, v)).toBe(i));
      // distinct ordinals give distinct values
      for (let i = 1; i < all.length; i++) expect(equals(all[i - 1], all[i])).toBe(false);
    }),
    { numRuns: 200, seed: 9 },
  );
});

test('compare is a total order consistent with equals', () => {
  fc.assert(
    fc.property(typeArb, fc.nat(), fc.nat(), fc.nat(), (t, i, j, k) => {
      const n = size(t);
      const [a, b, c] = [val(t, i % n), val(t, j % n), val(t, k % n)];
      expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0);
      expect(compare(a, b) === 0).toBe(equals(a, b));
      if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
    }),
    { numRuns: 300, seed: 10 },
  );
});

test('known sizes and ordinals', () => {
  expect(size(UNION)).toBe(1 + 3 * 2);
  expect(ord(UNION, 'Hole')).toBe(0);
  expect(val(UNION, 1)).toEqual({ $: 'Folio', gen: 0, dirty: false });
  expect(ord(UNION, { $: 'Folio', gen: 2, dirty: true })).toBe(6);
  const seq: Type = { k: 'seq', elem: int(0, 1), cap: 2 };
  // the empty sequence, then length 1 (2 values), then length 2 (4 values)
  expect(enumerate(seq)).toEqual([[], [0], [1], [0, 0], [1, 0], [0, 1], [1, 1]]);
  const set: Type = { k: 'set', elem: int(0, 2) };
  expect(size(set)).toBe(8);
  expect(ord(set, [0, 2])).toBe(0b101);
  expect(typeToString({ k: 'map', dom: int(0, 1), rng: ENUM })).toBe('[0..1] -> Pte');
});

test('a value outside its type is an EvalError, not a wrong ordinal', () => {
  expect(() => ord(int(0, 3), 4)).toThrow(EvalError);
  expect(() => ord(int(0, 3), 1.5)).toThrow(EvalError);
  expect(() => ord(UNION, 'Present')).toThrow(/not a tag of Slot/);
  expect(() => ord({ k: 'seq', elem: BOOL, cap: 1 }, [true, false])).toThrow(/exceeds its capacity 1/);
});

test('the JSON form: tags as strings, tagged records with `tag`, maps as objects keyed by index', () => {
  const m: Type = { k: 'map', dom: int(0, 1), rng: UNION };
  const v: Value = ['Hole', { $: 'Folio', gen: 1, dirty: false }];
  expect(toJSON(m, v)).toEqual({ '0': 'Hole', '1': { tag: 'Folio', gen: 1, dirty: false } });
});
