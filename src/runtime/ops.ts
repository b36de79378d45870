// The small runtime that generated checkers call (SPIN-style: the verifier
// is generated, the runtime stays small). Everything here is a pure function
// on values of src/runtime/values.ts.
import { typeToString } from './types';
import { EvalError, MAX_ENUMERATED, Value, compare, enumerate, equals, ord, setFromArray, setHas, setIn, tagOf, toJSON, val } from './values';

export { EvalError, compare, enumerate, equals, ord, setFromArray, setHas, setIn, tagOf, toJSON, val };
export { makeStep } from './step';
export { canonicalizer, sliceKeyParts } from './symmetry';
export { clearBits, getBits, putBits } from './bits';

export function div(a: number, b: number): number {
  if (b === 0) throw new EvalError('division by zero');
  return Math.trunc(a / b);
}
export function mod(a: number, b: number): number {
  if (b === 0) throw new EvalError('division by zero');
  return a % b;
}
/** bounds-checked position in a map's domain of `n` values */
/** two assignments of one step wrote the same part of variable `name` (their run-time indices were equal) */
export function assignedTwice(name: string): never {
  throw new EvalError(`${name} is assigned twice in one step`);
}
export function idx(i: number, n: number, shown: Value): number {
  if (!(i >= 0 && i < n) || !Number.isInteger(i)) throw new EvalError(`index ${JSON.stringify(shown)} is outside the map's domain`);
  return i;
}
/** bounds-checked ordinal of the value `shown` stored in variable `name` of type `type` (state encoding) */
export function stored(i: number, n: number, shown: Value, name: string, type: string): number {
  if (!(i >= 0 && i < n) || !Number.isInteger(i)) throw new EvalError(`variable ${name}: value ${JSON.stringify(shown)} is outside ${type}`);
  return i;
}
/** ord() for a value stored in variable `name`, its errors naming the variable */
export function storedOrd(t: import('./types').Type, v: Value, name: string): number {
  try {
    return ord(t, v);
  } catch (e) {
    if (e instanceof EvalError) throw new EvalError(`variable ${name}: ${e.message}`);
    throw e;
  }
}
export function seqAt(s: Value[], i: number): Value {
  if (i < 0 || i >= s.length) throw new EvalError(`index ${i} is outside a sequence of length ${s.length}`);
  return s[i];
}
export function head(s: Value[]): Value {
  if (s.length === 0) throw new EvalError('head of an empty sequence');
  return s[0];
}
export function tail(s: Value[]): Value[] {
  if (s.length === 0) throw new EvalError('tail of an empty sequence');
  return s.slice(1);
}
export function unionField(v: Value, f: string): Value {
  if (typeof v === 'string' || !(f in (v as object))) throw new EvalError(`${tagOf(v)} has no field ${f}`);
  return (v as any)[f];
}
export function range(lo: number, hi: number): number[] {
  if (hi - lo + 1 > MAX_ENUMERATED) throw new EvalError(`cannot enumerate ${lo}..${hi}: ${hi - lo + 1} values, at most ${MAX_ENUMERATED}`);
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}
export function setUnion(a: Value[], b: Value[]): Value[] {
  return setFromArray([...a, ...b]);
}
export function setInter(a: Value[], b: Value[]): Value[] {
  return a.filter((x) => setHas(b, x));
}
export function setMinus(a: Value[], b: Value[]): Value[] {
  return a.filter((x) => !setHas(b, x));
}
export function subseteq(a: Value[], b: Value[]): boolean {
  return a.every((x) => setHas(b, x));
}
export function mapSet(m: Value[], i: number, v: Value): Value[] {
  const c = m.slice();
  c[i] = v;
  return c;
}
export function inType(t: import('./types').Type, v: Value): boolean {
  try {
    ord(t, v);
    return true;
  } catch {
    return false;
  }
}
/**
 * Every value of `t` once, by ordinal, each object among them (a set, map,
 * record or tag with fields) carrying its ordinal under `key`, a symbol of
 * this table alone (not enumerable: spreads, JSON and comparisons do not see
 * it). Generated code reads the ordinal of such a value in one load instead
 * of walking it, and builds values of small types by indexing this table, so
 * the values a step makes are shared and allocation-free. The key is per
 * table, so a value of another type (an int range of another width) is never
 * read with this table's ordinals.
 */
export function intern(t: import('./types').Type): { values: Value[]; key: symbol } {
  const values = enumerate(t);
  const key = Symbol(typeToString(t));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && typeof v === 'object') Object.defineProperty(v, key, { value: i });
  }
  return { values, key };
}
export function noMatch(v: Value): never {
  throw new EvalError(`no match arm for ${tagOf(v)}`);
}

