// A `for` whose body makes a choice (a `with` or an `either`) cannot stay a
// loop in the word code: there each choice is followed by the rest of the
// step written inside its own loop (word-steps.ts `seq`), and the rest of an
// iteration's choice is the later iterations. So the iterations are written
// out one after another, when the domain is known before the run (a type, a
// range of constant bounds): each binds the loop variable to a literal, and
// every name bound in it gets a slot of its own, so that no iteration's
// binding overwrites another's that an enclosing choice reads again when it
// goes on to its next value.
import type { IDomain, IStmt } from '../dsl/ir';
import { branches, slotsOf } from './shape';
import { size, type Type } from '../src/runtime/types';
import { enumerate, type Value } from '../src/runtime/values';

/** iterations written out at most (more: the action stays on the value path) */
export const MAX_UNROLL = 64;

type For = Extract<IStmt, { k: 'for' }>;

/** the values of a domain fixed before the run, each with the type of its literal; else why not */
export function fixedDomain(d: IDomain): { values: { v: Value; ty: Type }[] } | { why: string } {
  if (d.k === 'type') {
    const n = size(d.type);
    if (n > MAX_UNROLL) return { why: `over ${n} values (at most ${MAX_UNROLL} iterations are written out)` };
    return { values: enumerate(d.type).map((v) => ({ v, ty: d.type })) };
  }
  if (d.k === 'range') {
    // (the front end folds constant arithmetic: a bound fixed before the run is a literal, dsl/evaluate.ts foldConst)
    const lo = d.lo.k === 'lit' && typeof d.lo.v === 'number' ? d.lo.v : null;
    const hi = d.hi.k === 'lit' && typeof d.hi.v === 'number' ? d.hi.v : null;
    if (lo === null || hi === null) return { why: 'over a range whose bounds are not constants' };
    const n = Math.max(0, hi - lo + 1);
    if (n > MAX_UNROLL) return { why: `over ${n} values (at most ${MAX_UNROLL} iterations are written out)` };
    // (each literal's type is its value alone: what the word code knows of it)
    return { values: Array.from({ length: n }, (_, j) => ({ v: lo + j, ty: { k: 'int', lo: lo + j, hi: lo + j } })) };
  }
  return { why: 'over a set' };
}

/**
 * `body` with every for that makes a choice written out (nested ones too), or
 * why it cannot be: a domain not fixed before the run, or more than `most`
 * statements in all
 */
export function writtenOut(body: IStmt[], fresh: () => number, most: number): { body: IStmt[] } | { why: string } {
  let n = 0;
  const walk = (stmts: IStmt[]): IStmt[] => {
    const out: IStmt[] = [];
    for (const st of stmts) {
      if (st.k === 'for' && branches(st.body)) {
        const d = fixedDomain(st.dom);
        if ('why' in d) throw new NotWritten(`a with or either inside a for ${d.why}`);
        out.push(...walk(unrolled(st, d.values, fresh)));
        continue;
      }
      n++;
      if (n > most) throw new NotWritten(`its for loops written out make more than ${most} statements`);
      if (st.k === 'if') out.push({ ...st, then: walk(st.then), else: walk(st.else) });
      else if (st.k === 'with') out.push({ ...st, body: walk(st.body) });
      else if (st.k === 'either') out.push({ ...st, branches: st.branches.map(walk) });
      else out.push(st);
    }
    return out;
  };
  try {
    return { body: walk(body) };
  } catch (e) {
    if (e instanceof NotWritten) return { why: e.message };
    throw e;
  }
}

class NotWritten extends Error {}

/**
 * The iterations of `st` over `values`, one after another: per value, a let
 * binding the loop variable to it, then the body; the names bound in each
 * copy (the loop variable's included) on slots from `fresh`.
 */
export function unrolled(st: For, values: { v: Value; ty: Type }[], fresh: () => number): IStmt[] {
  const out: IStmt[] = [];
  for (const { v, ty } of values) {
    const copy = renamed(st, fresh);
    out.push({ k: 'let', slot: copy.slot, name: copy.name, v: { k: 'lit', v, ty } }, ...copy.body);
  }
  return out;
}

/** keys that hold no binding or use of a name (types, source spans): shared, not copied */
const OPAQUE = new Set(['ty', 'type', 'span']);

/**
 * A copy of `root` whose binders (let, with, for, quantifier, comprehension,
 * match binds: shape.ts slotsOf) take new slots, and the uses of those names
 * with them. A use of a slot bound inside refers to that binding: the front
 * end gives a name in scope a slot no binding inside it reuses.
 */
function renamed<T>(root: T, fresh: () => number): T {
  const binds = new Map<number, string>();
  slotsOf(root, new Map(), binds);
  const map = new Map([...binds.keys()].map((slot) => [slot, fresh()]));
  const copy = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(copy);
    if (x === null || typeof x !== 'object') return x;
    const o = x as Record<string, unknown>;
    if (o.k === 'lit') return o;
    const c: Record<string, unknown> = {};
    for (const key of Object.keys(o)) {
      if (OPAQUE.has(key)) c[key] = o[key];
      else if (key === 'slot' && typeof o.slot === 'number') c[key] = map.get(o.slot) ?? o.slot;
      else c[key] = copy(o[key]);
    }
    return c;
  };
  return copy(root) as T;
}
