// Symmetry reduction (`symmetric X`, docs/language.md "Symmetry"): the
// values of X are interchangeable, so the states of one orbit under the
// permutations of X's values are explored once, as the orbit's canonical
// representative. This file moves a value by a permutation, type-directed
// (every int of the type marked `sym: X` is mapped, every map over X has its
// entries moved, every set re-sorted), and picks the representative; the
// front end (dsl/symmetry.ts) proves that the spec cannot tell the
// permuted states apart. Shared by the reference interpreter and the
// generated checkers (through ops.ts), so both reduce to the same orbits.
import { type Type, findTag } from './types';
import { type Value, compare, ord, setFromArray, val } from './values';

/** The symmetric set of a model: the marked type's name, its first value and its number of values. */
export interface SymmetrySet {
  name: string;
  lo: number;
  size: number;
}

/** The most values a symmetric set may have: 8! = 40320 permutations per state is already slow. */
export const MAX_SYMMETRIC = 8;

/** Every permutation of 0..n-1 (perm[i] = π(i)), the identity first, in lexicographic order. */
export function permutations(n: number): Int32Array[] {
  const out: Int32Array[] = [];
  const cur: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const rec = () => {
    if (cur.length === n) {
      out.push(Int32Array.from(cur));
      return;
    }
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      used[i] = true;
      cur.push(i);
      rec();
      cur.pop();
      used[i] = false;
    }
  };
  rec();
  return out;
}

const holds = new WeakMap<Type, boolean>();

/** Whether a value of `t` can contain a value of the symmetric type `name`. */
export function containsSym(t: Type, name: string): boolean {
  const known = holds.get(t);
  if (known !== undefined) return known;
  let r: boolean;
  switch (t.k) {
    case 'bool':
      r = false;
      break;
    case 'int':
      r = t.sym === name;
      break;
    case 'union':
      r = t.tags.some((tag) => tag.fields.some((f) => containsSym(f.type, name)));
      break;
    case 'record':
      r = t.fields.some((f) => containsSym(f.type, name));
      break;
    case 'map':
      r = containsSym(t.dom, name) || containsSym(t.rng, name);
      break;
    case 'set':
    case 'seq':
      r = containsSym(t.elem, name);
      break;
  }
  holds.set(t, r);
  return r;
}

/**
 * `v` (of type `t`) with every value of the symmetric set moved by `perm`
 * (perm[i] = π(i), on ordinals): a map over the set has new[π(i)] = π(old[i]),
 * a set is mapped and sorted again. Pure: `v` is not changed; parts without
 * a value of the set are shared, not copied.
 */
export function permute(t: Type, v: Value, sym: SymmetrySet, perm: ArrayLike<number>): Value {
  if (!containsSym(t, sym.name)) return v;
  switch (t.k) {
    case 'int':
      return sym.lo + perm[(v as number) - sym.lo];
    case 'union': {
      if (typeof v === 'string') return v;
      const o = v as { [k: string]: Value };
      const out: { [k: string]: Value } = { $: o.$ };
      for (const f of findTag(t, o.$ as string)!.fields) out[f.name] = permute(f.type, o[f.name], sym, perm);
      return out;
    }
    case 'record': {
      const o = v as { [k: string]: Value };
      const out: { [k: string]: Value } = {};
      for (const f of t.fields) out[f.name] = permute(f.type, o[f.name], sym, perm);
      return out;
    }
    case 'map': {
      const arr = v as Value[];
      const out: Value[] = new Array(arr.length);
      if (t.dom.k === 'int' && t.dom.sym === sym.name) {
        for (let i = 0; i < arr.length; i++) out[perm[i]] = permute(t.rng, arr[i], sym, perm);
      } else if (containsSym(t.dom, sym.name)) {
        // a domain that holds values of the set (a record, a tag): entry k moves to the ordinal of its permuted key
        for (let i = 0; i < arr.length; i++) out[ord(t.dom, permute(t.dom, val(t.dom, i), sym, perm))] = permute(t.rng, arr[i], sym, perm);
      } else {
        for (let i = 0; i < arr.length; i++) out[i] = permute(t.rng, arr[i], sym, perm);
      }
      return out;
    }
    case 'set':
      return setFromArray((v as Value[]).map((x) => permute(t.elem, x, sym, perm)));
    case 'seq':
      return (v as Value[]).map((x) => permute(t.elem, x, sym, perm));
    case 'bool':
      return v;
  }
}

/** A state (one value per variable) moved by `perm`; the variables without a value of the set are shared. */
export function permuteState(types: readonly Type[], s: readonly Value[], sym: SymmetrySet, perm: ArrayLike<number>): Value[] {
  const out = new Array<Value>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = permute(types[i], s[i], sym, perm);
  return out;
}

/**
 * The canonical representative of a state's orbit, for the generated
 * checkers. When the set's values occur only as indices (every variable
 * that holds one is a map over the set whose entries hold none: a process's
 * pcs and locals, per-thread flags), a permutation only reorders the
 * indices' slices (the entries at one index across those maps), so the
 * states of an orbit have the same slices, and sorting them (values.ts
 * `compare`) gives one representative in n log n comparisons. Otherwise
 * (values of the set stored in variables, sets or sequences of them) each of
 * the n! permutations is applied and the state whose packed words are
 * smallest (most significant word first) is kept; `encode` is the module's
 * own. Either way the state given is not changed, and is returned itself
 * when it is its orbit's representative.
 */
export function canonicalizer(
  types: readonly Type[],
  sym: SymmetrySet,
  words: number,
  encode: (n: unknown[], w: Uint32Array, o: number) => void,
): (n: unknown[]) => unknown[] {
  return sortedSlices(types, sym) ?? smallestWords(types, sym, words, encode);
}

/** The slice-sorting representative, when the set's values occur only as indices (else null). */
export function sortedSlices(types: readonly Type[], sym: SymmetrySet): ((n: unknown[]) => unknown[]) | null {
  const maps: number[] = [];
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (!containsSym(t, sym.name)) continue;
    if (t.k !== 'map' || !(t.dom.k === 'int' && t.dom.sym === sym.name) || containsSym(t.rng, sym.name)) return null;
    maps.push(i);
  }
  const k = sym.size;
  const identity = Array.from({ length: k }, (_, i) => i);
  return (n) => {
    const cmp = (a: number, b: number): number => {
      for (const v of maps) {
        const c = compare((n[v] as Value[])[a], (n[v] as Value[])[b]);
        if (c !== 0) return c;
      }
      return 0;
    };
    // already sorted: the state is its own representative (the common case is cheap)
    let sorted = true;
    for (let i = 1; i < k && sorted; i++) if (cmp(i - 1, i) > 0) sorted = false;
    if (sorted) return n;
    const order = identity.slice().sort(cmp);
    const out = n.slice();
    for (const v of maps) {
      const old = n[v] as Value[];
      out[v] = order.map((j) => old[j]);
    }
    return out;
  };
}

/** The representative with the smallest packed words, over all n! permutations. */
function smallestWords(
  types: readonly Type[],
  sym: SymmetrySet,
  words: number,
  encode: (n: unknown[], w: Uint32Array, o: number) => void,
): (n: unknown[]) => unknown[] {
  const perms = permutations(sym.size);
  const moving = types.map((t) => containsSym(t, sym.name));
  const best = new Uint32Array(words);
  const cand = new Uint32Array(words);
  return (n) => {
    encode(n, best, 0);
    let out = n;
    for (let p = 1; p < perms.length; p++) {
      const perm = perms[p];
      const m = new Array<unknown>(n.length);
      for (let i = 0; i < n.length; i++) m[i] = moving[i] ? permute(types[i], n[i] as Value, sym, perm) : n[i];
      encode(m, cand, 0);
      let c = 0;
      for (let w = 0; w < words && c === 0; w++) c = cand[w] - best[w];
      if (c < 0) {
        best.set(cand);
        out = m;
      }
    }
    return out;
  };
}

/**
 * The same for the reference interpreter, whose states are keyed by their
 * JSON text: the permuted state with the smallest key, and that key.
 */
export function canonicalByKey(
  types: readonly Type[],
  sym: SymmetrySet,
  key: (s: Value[]) => string,
): (s: Value[]) => { s: Value[]; key: string } {
  const perms = permutations(sym.size);
  return (s) => {
    let bestS = s;
    let bestK = key(s);
    for (let p = 1; p < perms.length; p++) {
      const m = permuteState(types, s, sym, perms[p]);
      const k = key(m);
      if (k < bestK) {
        bestK = k;
        bestS = m;
      }
    }
    return { s: bestS, key: bestK };
  };
}
