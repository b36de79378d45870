// A state's lazy JSON (src/engine/bfs.ts lazyJson), what the conformance
// engine hands the trace bindings: it must read as the plain JSON of the
// state (keys, order, values, JSON text, spread), convert a variable only
// when it is read and then once, and refuse writes.
import { loadSpecFile } from '../src/api';
import { generateChecker } from '../generator/load';
import { formsOfWords, lazyJson, type CompiledChecker } from '../src/engine/bfs';

const { checker } = generateChecker(loadSpecFile('spec/examples/twophase.spec.ts').model({ RM_COUNT: 3 }));
const states: unknown[][] = [];
checker.init((s) => states.push(checker.decode(wordsOf(checker, s), 0)));
checker.successors(states[0], (_a, _c, n) => states.push(checker.decode(wordsOf(checker, n), 0)));

function wordsOf(m: CompiledChecker, s: unknown[]): Uint32Array {
  const w = new Uint32Array(m.WORDS);
  m.encode(s, w, 0);
  return w;
}

test('reads as the state JSON: keys in variable order, values, text, spread, `in`', () => {
  expect(states.length).toBeGreaterThan(2);
  for (const s of states) {
    const plain = checker.toJSON(s);
    const lazy = lazyJson(checker, () => s);
    expect(Object.keys(lazy)).toEqual(checker.META.vars.map((v) => v.name));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(plain));
    expect({ ...lazy }).toEqual(plain);
    expect(lazy).toEqual(plain);
    expect(Object.entries(lazy)).toEqual(Object.entries(plain));
    expect('tmState' in lazy).toBe(true);
    expect('nope' in lazy).toBe(false);
    expect(lazy.nope).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(lazy, 'rmState')).toBe(true);
  }
});

test('converts a variable when first read, once, and only that one', () => {
  const s = states[1];
  let decodes = 0;
  const converted: number[] = [];
  const counting: CompiledChecker = {
    ...checker,
    varToJSON: (x, i) => {
      converted.push(i);
      return checker.varToJSON(x, i);
    },
  };
  const lazy = lazyJson(counting, () => {
    decodes++;
    return s;
  });
  expect({ decodes, converted }).toEqual({ decodes: 0, converted: [] });
  const tm = checker.META.vars.findIndex((v) => v.name === 'tmState');
  expect(lazy.tmState).toEqual(checker.toJSON(s).tmState);
  expect(lazy.tmState).toEqual(checker.toJSON(s).tmState);
  expect(converted).toEqual([tm]);
  expect(decodes).toBe(1);
  // two states of one checker keep their own values
  const other = lazyJson(counting, () => states[0]);
  expect(other.rmState).toEqual(checker.toJSON(states[0]).rmState);
  expect(lazy.rmState).toEqual(checker.toJSON(s).rmState);
});

test('is read-only', () => {
  const lazy = lazyJson(checker, () => states[0]);
  expect(() => {
    (lazy as Record<string, unknown>).tmState = 'x';
  }).toThrow(TypeError);
  expect(() => {
    (lazy as Record<string, unknown>).added = 1;
  }).toThrow(TypeError);
  expect(lazy.tmState).toEqual(checker.toJSON(states[0]).tmState);
});

test('formsOfWords: the key is the words as text, the JSON lazy', () => {
  const w = wordsOf(checker, states[1]);
  const f = formsOfWords(checker, w);
  expect(f.key).toBe(Array.from(w).join(','));
  expect(f.json).toEqual(checker.toJSON(states[1]));
  expect(f.s).toEqual(checker.decode(w, 0));
});
