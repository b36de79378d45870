// The run-time representation of values, shared by the reference interpreter
// and the generated checkers, and the bijection between the values of a
// finite type and 0..size-1 (ordinals) used to pack states into integers.
//
// Representation: bool → boolean; int → number; nullary tag → its name
// (string); tag with fields → { $: tag, field: value, ... }; record → object;
// map → array indexed by the ordinal of the domain value; set → array sorted
// by compare(); seq → array.
import { Type, size, typeToString } from './types';
import type { JsonValue } from './json';

export type Value = boolean | number | string | Value[] | { [k: string]: Value };

/** A failure while evaluating a spec (a value out of its type, a bad index...). */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!(k in b) || !equals(a[k], (b as any)[k])) return false;
  return true;
}

function kindRank(v: Value): number {
  if (typeof v === 'boolean') return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (Array.isArray(v)) return 3;
  return 4;
}

/** A total order on values, used to keep sets canonical (sorted, no duplicates). */
export function compare(a: Value, b: Value): number {
  const ra = kindRank(a);
  const rb = kindRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 1:
      return (a as number) - (b as number);
    case 2:
      return a < b ? -1 : a > b ? 1 : 0;
    case 3: {
      const x = a as Value[];
      const y = b as Value[];
      if (x.length !== y.length) return x.length - y.length;
      for (let i = 0; i < x.length; i++) {
        const c = compare(x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    default: {
      const x = a as { [k: string]: Value };
      const y = b as { [k: string]: Value };
      const kx = Object.keys(x).sort();
      const ky = Object.keys(y).sort();
      if (kx.length !== ky.length) return kx.length - ky.length;
      for (let i = 0; i < kx.length; i++) {
        if (kx[i] !== ky[i]) return kx[i] < ky[i] ? -1 : 1;
        const c = compare(x[kx[i]], y[ky[i]]);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

export function setFromArray(xs: Value[]): Value[] {
  const s = xs.slice().sort(compare);
  const out: Value[] = [];
  for (const x of s) if (out.length === 0 || compare(out[out.length - 1], x) !== 0) out.push(x);
  return out;
}

export function setHas(s: Value[], x: Value): boolean {
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compare(s[mid], x);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function tagOf(v: Value): string {
  return typeof v === 'string' ? v : ((v as any).$ as string);
}

/** Ordinal of `v` in type `t`; throws EvalError when `v` is not a value of `t`. */
export function ord(t: Type, v: Value): number {
  switch (t.k) {
    case 'bool':
      return v ? 1 : 0;
    case 'int': {
      const n = v as number;
      if (n < t.lo || n > t.hi || !Number.isInteger(n)) throw new EvalError(`value ${n} is outside ${typeToString(t)}`);
      return n - t.lo;
    }
    case 'union': {
      const tag = tagOf(v);
      let offset = 0;
      for (const ti of t.tags) {
        if (ti.name === tag) {
          let o = 0;
          let radix = 1;
          for (const f of ti.fields) {
            o += ord(f.type, (v as any)[f.name]) * radix;
            radix *= size(f.type);
          }
          return offset + o;
        }
        offset += ti.fields.reduce((m, f) => m * size(f.type), 1);
      }
      throw new EvalError(`${String(tag)} is not a tag of ${t.name}`);
    }
    case 'record': {
      let o = 0;
      let radix = 1;
      for (const f of t.fields) {
        o += ord(f.type, (v as any)[f.name]) * radix;
        radix *= size(f.type);
      }
      return o;
    }
    case 'map': {
      const arr = v as Value[];
      const r = size(t.rng);
      let o = 0;
      let radix = 1;
      for (let i = 0; i < arr.length; i++) {
        o += ord(t.rng, arr[i]) * radix;
        radix *= r;
      }
      return o;
    }
    case 'set': {
      let o = 0;
      for (const e of v as Value[]) o += Math.pow(2, ord(t.elem, e));
      return o;
    }
    case 'seq': {
      const arr = v as Value[];
      if (arr.length > t.cap) throw new EvalError(`sequence of length ${arr.length} exceeds its capacity ${t.cap}`);
      const e = size(t.elem);
      let offset = 0;
      for (let l = 0; l < arr.length; l++) offset += Math.pow(e, l);
      let o = 0;
      let radix = 1;
      for (const x of arr) {
        o += ord(t.elem, x) * radix;
        radix *= e;
      }
      return offset + o;
    }
  }
}

/** The value of ordinal `i` in type `t` (inverse of ord). */
export function val(t: Type, i: number): Value {
  switch (t.k) {
    case 'bool':
      return i === 1;
    case 'int':
      return t.lo + i;
    case 'union': {
      for (const ti of t.tags) {
        const n = ti.fields.reduce((m, f) => m * size(f.type), 1);
        if (i < n) {
          if (ti.fields.length === 0) return ti.name;
          const o: { [k: string]: Value } = { $: ti.name };
          for (const f of ti.fields) {
            const s = size(f.type);
            o[f.name] = val(f.type, i % s);
            i = Math.floor(i / s);
          }
          return o;
        }
        i -= n;
      }
      throw new EvalError(`ordinal out of range for ${t.name}`);
    }
    case 'record': {
      const o: { [k: string]: Value } = {};
      for (const f of t.fields) {
        const s = size(f.type);
        o[f.name] = val(f.type, i % s);
        i = Math.floor(i / s);
      }
      return o;
    }
    case 'map': {
      const n = size(t.dom);
      const r = size(t.rng);
      const arr: Value[] = new Array(n);
      for (let k = 0; k < n; k++) {
        arr[k] = val(t.rng, i % r);
        i = Math.floor(i / r);
      }
      return arr;
    }
    case 'set': {
      const out: Value[] = [];
      const n = size(t.elem);
      for (let k = 0; k < n; k++) {
        if (Math.floor(i / Math.pow(2, k)) % 2 === 1) out.push(val(t.elem, k));
      }
      return setFromArray(out);
    }
    case 'seq': {
      const e = size(t.elem);
      let len = 0;
      while (i >= Math.pow(e, len)) {
        i -= Math.pow(e, len);
        len++;
      }
      const arr: Value[] = [];
      for (let k = 0; k < len; k++) {
        arr.push(val(t.elem, i % e));
        i = Math.floor(i / e);
      }
      return arr;
    }
  }
}

/** Every value of a finite type, in ordinal order. */
/** The most values a type or range may have to be enumerated one by one. */
export const MAX_ENUMERATED = 1 << 20;

export function enumerate(t: Type): Value[] {
  const n = size(t);
  if (!Number.isFinite(n) || n > MAX_ENUMERATED) throw new EvalError(`cannot enumerate ${typeToString(t)}: ${Number.isFinite(n) ? n : 'too many'} values, at most ${MAX_ENUMERATED}`);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(val(t, i));
  return out;
}

/** Plain JSON form used in traces and --json output. */
export function toJSON(t: Type, v: Value): JsonValue {
  switch (t.k) {
    case 'bool':
    case 'int':
      return v;
    case 'union': {
      if (typeof v === 'string') return v;
      const ti = t.tags.find((x) => x.name === (v as any).$)!;
      const o: Record<string, JsonValue> = { tag: ti.name };
      for (const f of ti.fields) o[f.name] = toJSON(f.type, (v as any)[f.name]);
      return o;
    }
    case 'record': {
      const o: Record<string, JsonValue> = {};
      for (const f of t.fields) o[f.name] = toJSON(f.type, (v as any)[f.name]);
      return o;
    }
    case 'map': {
      const o: Record<string, JsonValue> = {};
      const arr = v as Value[];
      const keys = domainKeys(t.dom, arr.length);
      for (let i = 0; i < arr.length; i++) o[keys[i]] = toJSON(t.rng, arr[i]);
      return o;
    }
    case 'set':
    case 'seq':
      return (v as Value[]).map((x) => toJSON(t.elem, x));
  }
}

/**
 * The JSON keys of a map's domain, built once per domain type: the conformance
 * spec target turns every successor state into JSON, and making each key again
 * (a value, then its string) was a fifth of that run's time.
 */
const keysOf = new WeakMap<Type, string[]>();
function domainKeys(dom: Type, n: number): string[] {
  let keys = keysOf.get(dom);
  if (!keys || keys.length < n) {
    keys = Array.from({ length: n }, (_, i) => keyString(val(dom, i)));
    keysOf.set(dom, keys);
  }
  return keys;
}

function keyString(v: Value): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** TLA+-like text form used in human-readable traces. */
export function show(t: Type, v: Value): string {
  switch (t.k) {
    case 'bool':
    case 'int':
      return String(v);
    case 'union': {
      if (typeof v === 'string') return v;
      const ti = t.tags.find((x) => x.name === (v as any).$)!;
      return `${ti.name}{${ti.fields.map((f) => `${f.name}: ${show(f.type, (v as any)[f.name])}`).join(', ')}}`;
    }
    case 'record':
      return `{${t.fields.map((f) => `${f.name}: ${show(f.type, (v as any)[f.name])}`).join(', ')}}`;
    case 'map': {
      const arr = v as Value[];
      return `[${arr.map((x, i) => `${show(t.dom, val(t.dom, i))} |-> ${show(t.rng, x)}`).join(', ')}]`;
    }
    case 'set':
      return `{${(v as Value[]).map((x) => show(t.elem, x)).join(', ')}}`;
    case 'seq':
      return `<<${(v as Value[]).map((x) => show(t.elem, x)).join(', ')}>>`;
  }
}

/** Copy-on-write update of the part of `v` at `keys` (field names, ordinals,
 *  sequence positions). Missing containers are created (init has no previous
 *  value to update). */
export function setIn(v: Value, keys: (string | number)[], x: Value, t: Type, from = 0): Value {
  if (from === keys.length) return x;
  const k = keys[from];
  if (typeof k === 'number') {
    const arr = v === undefined ? new Array(t.k === 'map' ? size(t.dom) : 0).fill(undefined) : (v as Value[]).slice();
    if (t.k === 'seq' && (k < 0 || k >= arr.length)) throw new EvalError(`index ${k} is outside a sequence of length ${arr.length}`);
    const inner = t.k === 'map' ? t.rng : t.k === 'seq' ? t.elem : t;
    arr[k] = setIn(arr[k], keys, x, inner, from + 1);
    return arr;
  }
  const obj = v === undefined ? {} : { ...(v as { [k: string]: Value }) };
  let inner: Type = t;
  if (t.k === 'record') inner = t.fields.find((f) => f.name === k)!.type;
  else if (t.k === 'union') {
    const tag = t.tags.find((tg) => tg.name === (obj as any).$);
    const f = tag?.fields.find((ff) => ff.name === k);
    if (!f) throw new EvalError(`${String((obj as any).$ ?? v)} has no field ${k}`);
    inner = f.type;
  }
  obj[k] = setIn(obj[k], keys, x, inner, from + 1);
  return obj;
}
