// A `for` whose body makes a choice (a `with` or an `either`) cannot stay a
// loop in the word code: there each choice is followed by the rest of the
// step written inside its own loop (word-steps.ts `seq`), and the rest of an
// iteration's choice is the later iterations. So the iterations are written
// out one after another, when the domain is known before the run (a type, a
// range of constant bounds): each binds the loop variable to a literal, and
// every name bound in it gets a slot of its own, so that no iteration's
// binding overwrites another's that an enclosing choice reads again when it
// goes on to its next value.
//
// Over a set, or a range of bounds computed in the step, the domain is
// evaluated once, into a new local, as the value path evaluates it when the
// loop starts; then an iteration is written out for each value the domain
// could hold (the set's element type; the ints between the bounds' bounds,
// ranges.ts), each run only where the domain holds it (guarded()): in the
// order the value path takes a set's elements (src/runtime/values.ts compare)
// or a range's.
import type { IDomain, IExpr, IStmt } from '../dsl/ir';
import type { Span } from '../dsl/ast';
import { branches, slotsOf } from './shape';
import { intRange, narrowed, type RangeScope } from './ranges';
import { size, type Type } from '../src/runtime/types';
import { compare, enumerate, type Value } from '../src/runtime/values';

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

const BOOL: Type = { k: 'bool' };
/** (the tests written here raise no error: no span of theirs is ever shown) */
const NOWHERE: Span = { start: 0, end: 0 };

const lit = (v: Value, ty: Type): IExpr => ({ k: 'lit', v, ty });
const local = (slot: number, name: string, ty: Type): IExpr => ({ k: 'local', slot, name, ty });

/**
 * A domain evaluated in the step (a set, a range of computed bounds): lets
 * binding it to new locals, then per value it could take, the test that it
 * does; else why not
 */
export function evaluatedDomain(
  d: Exclude<IDomain, { k: 'type' }>, name: string, fresh: () => number, sc: RangeScope,
): { lets: IStmt[]; values: { v: Value; ty: Type; test: IExpr }[] } | { why: string } {
  if (d.k === 'set') {
    const elem = domainType(d, sc);
    if (!elem || !Number.isFinite(size(elem))) return { why: 'over a set of unbounded ints' };
    const n = size(elem);
    if (n > MAX_UNROLL) return { why: `over a set of ${n} possible elements (at most ${MAX_UNROLL} iterations are written out)` };
    const slot = fresh();
    const dom = local(slot, `${name}_set`, d.e.ty);
    return {
      lets: [{ k: 'let', slot, name: `${name}_set`, v: d.e }],
      values: enumerate(elem)
        .sort(compare)
        .map((v) => ({ v, ty: elem, test: { k: 'bin', op: 'in', a: lit(v, elem), b: dom, ty: BOOL, span: NOWHERE } })),
    };
  }
  // a range of computed bounds
  const lo = intRange(d.lo, sc);
  const hi = intRange(d.hi, sc);
  if (!lo || !hi) return { why: 'over a range whose bounds have no known bounds' };
  const n = Math.max(0, hi[1] - lo[0] + 1);
  if (n > MAX_UNROLL) return { why: `over a range of up to ${n} values (at most ${MAX_UNROLL} iterations are written out)` };
  const [ls, hs] = [fresh(), fresh()];
  const L = local(ls, `${name}_lo`, d.lo.ty);
  const H = local(hs, `${name}_hi`, d.hi.ty);
  return {
    lets: [
      { k: 'let', slot: ls, name: `${name}_lo`, v: d.lo },
      { k: 'let', slot: hs, name: `${name}_hi`, v: d.hi },
    ],
    values: Array.from({ length: n }, (_, j) => {
      const v = lo[0] + j;
      const x = lit(v, { k: 'int', lo: v, hi: v });
      const test: IExpr = {
        k: 'bin', op: '&&', ty: BOOL, span: NOWHERE,
        a: { k: 'bin', op: '<=', a: L, b: x, ty: BOOL, span: NOWHERE },
        b: { k: 'bin', op: '<=', a: x, b: H, ty: BOOL, span: NOWHERE },
      };
      return { v, ty: { k: 'int', lo: v, hi: v }, test };
    }),
  };
}

/** the type of the values a domain's variable takes, where known */
function domainType(d: IDomain, sc: RangeScope): Type | null {
  if (d.k === 'type') return d.type;
  if (d.k === 'set') {
    const t = narrowed(d.e, sc);
    return t.k === 'set' ? t.elem : null;
  }
  const lo = intRange(d.lo, sc);
  const hi = intRange(d.hi, sc);
  return lo && hi ? { k: 'int', lo: lo[0], hi: Math.max(lo[0], hi[1]) } : null;
}

/**
 * `body` with every for that makes a choice written out (nested ones too), or
 * why it cannot be: a domain with too many possible values, or more than
 * `most` statements in all. `sc`: the bounds of the action's variables (ranges.ts)
 */
export function writtenOut(body: IStmt[], fresh: () => number, most: number, sc: RangeScope): { body: IStmt[] } | { why: string } {
  let n = 0;
  // the types of the names the step binds before a loop (nothing is bound yet where this runs): a
  // bound of a range may be one
  const bound = new Map<number, Type>();
  const scope: RangeScope = { local: (slot) => bound.get(slot) ?? sc.local(slot), variable: sc.variable };
  const walk = (stmts: IStmt[]): IStmt[] => {
    const out: IStmt[] = [];
    for (const st of stmts) {
      if (st.k === 'let') bound.set(st.slot, narrowed(st.v, scope));
      if (st.k === 'with' || st.k === 'for') {
        const t = domainType(st.dom, scope);
        if (t) bound.set(st.slot, t);
      }
      if (st.k === 'for' && branches(st.body)) {
        const d = fixedDomain(st.dom);
        if (!('why' in d)) {
          out.push(...walk(unrolled(st, d.values, fresh)));
          continue;
        }
        const e = st.dom.k === 'type' ? d : evaluatedDomain(st.dom, st.name, fresh, scope);
        if ('why' in e) throw new NotWritten(`a with or either inside a for ${e.why}`);
        // each iteration under the test that the domain holds its value
        const its = iterations(st, e.values, fresh);
        out.push(...e.lets, ...walk(e.values.map((x, j) => guarded(x.test, its[j]))));
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
 * An iteration run only where `test` holds. Where its one choice is an
 * either whose arms make none of their own, one such either: the test and the
 * iteration's other statements in each arm, and an arm for the test failing,
 * which makes no successor of its own but lets the rest of the step go on. The
 * word code writes the rest once after such an either, where it writes it in
 * both branches of an `if` (2^n copies for n iterations). Otherwise an `if`.
 */
function guarded(test: IExpr, it: IStmt[]): IStmt {
  const at = it.findIndex((s) => branches([s]));
  const st = it[at];
  const alone = it.every((s, i) => i === at || !branches([s]));
  if (st && st.k === 'either' && alone && !st.branches.some((b) => branches(b))) {
    const holds: IStmt = { k: 'await', c: test, span: NOWHERE };
    const fails: IStmt = { k: 'await', c: { k: 'not', e: test, ty: BOOL }, span: NOWHERE };
    const [pre, post] = [it.slice(0, at), it.slice(at + 1)];
    return { k: 'either', branches: [...st.branches.map((b) => [holds, ...pre, ...b, ...post]), [fails]] };
  }
  return { k: 'if', c: test, then: it, else: [] };
}

/**
 * The iterations of `st` over `values`, one after another: per value, a let
 * binding the loop variable to it, then the body; the names bound in each
 * copy (the loop variable's included) on slots from `fresh`.
 */
export function unrolled(st: For, values: { v: Value; ty: Type }[], fresh: () => number): IStmt[] {
  return iterations(st, values, fresh).flat();
}

/** the iterations of `st` over `values`, each on its own */
function iterations(st: For, values: { v: Value; ty: Type }[], fresh: () => number): IStmt[][] {
  return values.map(({ v, ty }) => {
    const copy = renamed(st, fresh);
    return [{ k: 'let', slot: copy.slot, name: copy.name, v: lit(v, ty) }, ...copy.body];
  });
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
