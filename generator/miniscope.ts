// Quantifiers narrowed to the part of their body that depends on them
// (miniscoping), before the emitter writes them as loops. TwoPhase's
// consistency invariant, `forall r1, r2 in RM: !(rm[r1] == aborted &&
// rm[r2] == committed)`, is n² iterations as written and 2n once each
// quantifier keeps only its own part:
//   (forall r1 in RM: !(rm[r1] == aborted)) || (forall r2 in RM: !(rm[r2] == committed))
//
// Every rewrite keeps the value, and keeps which evaluation errors are raised
// (the reference interpreter evaluates the spec as written, and the generated
// checker must agree with it, errors included):
// - `forall x in T: A || B(x)`, A without x, T a type (never empty) →
//   `A || forall x in T: B(x)`. As written, every iteration evaluates A first,
//   the same A: the loop then evaluates the same things, A once.
// - `forall x in T: A(x) || B`, B without x → `(forall x in T: A(x)) || B`,
//   only when A(x) cannot raise an error: as written, an iteration after the
//   first false A(x) evaluates A again (and B, the same B); rewritten, it
//   stops there.
// - `exists` likewise with `&&`.
// `!(A && B)` is read as `!A || !B` and `A => B` as `!A || B` (the same
// evaluation order).
import type { IDomain, IExpr } from '../dsl/ir';
import { size, type Type } from '../src/runtime/types';

const BOOL: Type = { k: 'bool' };

/** `e` with its quantifiers narrowed; `e` itself when none was. */
export function miniscope(e: IExpr): IExpr {
  if (e.k !== 'quant') return e;
  const body = miniscope(e.body);
  const q = body === e.body ? e : { ...e, body };
  return narrow(q) ?? q;
}

function narrow(e: Extract<IExpr, { k: 'quant' }>): IExpr | null {
  if (e.dom.k !== 'type' || size(e.dom.type) === 0) return null;
  const join = e.q === 'forall' ? '||' : '&&';
  const parts = split(e.body, join);
  if (!parts) return null;
  const [a, b] = parts;
  const inner = (body: IExpr): IExpr => miniscope({ ...e, body });
  if (!mentions(a, e.slot)) return bin(join, a, inner(b));
  if (!mentions(b, e.slot) && cannotFail(a, new Map([[e.slot, e.dom.type]]))) return bin(join, inner(a), b);
  return null;
}

/** `e` as `a op b`, reading `!(x && y)` as `!x || !y` and `x => y` as `!x || y` */
function split(e: IExpr, op: '||' | '&&'): [IExpr, IExpr] | null {
  if (e.k === 'bin' && e.op === op) return [e.a, e.b];
  if (op === '||' && e.k === 'bin' && e.op === '=>') return [not(e.a), e.b];
  if (op === '||' && e.k === 'not' && e.e.k === 'bin' && e.e.op === '&&') return [not(e.e.a), not(e.e.b)];
  if (op === '&&' && e.k === 'not' && e.e.k === 'bin' && e.e.op === '||') return [not(e.e.a), not(e.e.b)];
  return null;
}

function not(e: IExpr): IExpr {
  return { k: 'not', e, ty: BOOL };
}

function bin(op: '||' | '&&', a: IExpr, b: IExpr): IExpr {
  // the emitter reads no span; the rewritten text is the quantifier's own, which has none
  return { k: 'bin', op, a, b, ty: BOOL, span: { start: 0, end: 0 } };
}

/** whether local `slot` occurs in `e` (any binder of the same slot inside counts too: conservative) */
function mentions(e: unknown, slot: number): boolean {
  if (e === null || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some((x) => mentions(x, slot));
  const o = e as Record<string, unknown>;
  if (typeof o.k === 'string' && o.slot === slot) return true;
  for (const key in o) if (key !== 'ty' && key !== 'span' && key !== 'dom' && key !== 'type' && mentions(o[key], slot)) return true;
  // a domain holds expressions (ranges, sets) as well as types
  return o.dom !== undefined && typeof o.dom === 'object' && mentions(domainExprs(o.dom as IDomain | Type), slot);
}

function domainExprs(d: IDomain | Type): IExpr[] {
  if ('k' in d && d.k === 'range') return [d.lo, d.hi];
  if ('k' in d && d.k === 'set' && 'e' in d) return [d.e];
  return [];
}

/**
 * Whether evaluating `e` can never raise an error: reads of variables and
 * of locals bound over a type (`typed`: their domains), literals, logic,
 * comparisons, `+ - *`, tag tests, and map reads whose index is one of those
 * locals or a literal within the map's domain. Conservative: anything else
 * (division, sequences, union fields, matches, sets...) counts as failing.
 */
function cannotFail(e: IExpr, typed: ReadonlyMap<number, Type>): boolean {
  switch (e.k) {
    case 'lit':
    case 'var':
      return true;
    case 'local':
      return typed.has(e.slot);
    case 'not':
    case 'neg':
      return cannotFail(e.e, typed);
    case 'is':
      return cannotFail(e.e, typed);
    case 'if':
      return cannotFail(e.c, typed) && cannotFail(e.a, typed) && cannotFail(e.b, typed);
    case 'bin':
      return ['=>', '||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*'].includes(e.op) && cannotFail(e.a, typed) && cannotFail(e.b, typed);
    case 'mapIndex':
      return cannotFail(e.e, typed) && inDomain(e.i, e.dom, typed);
    case 'quant': {
      if (e.dom.k !== 'type') return false;
      const inner = new Map(typed);
      inner.set(e.slot, e.dom.type);
      return cannotFail(e.body, inner);
    }
    default:
      return false;
  }
}

/**
 * An index that is always a key of a map over `dom`: a literal key, or a
 * local bound over a type within `dom` (`typed`: such locals' types, by
 * slot). The emitter reads such an index without a bounds check.
 */
export function inDomain(i: IExpr, dom: Type, typed: ReadonlyMap<number, Type>): boolean {
  if (i.k === 'lit') return dom.k === 'int' ? typeof i.v === 'number' && Number.isInteger(i.v) && i.v >= dom.lo && i.v <= dom.hi : false;
  if (i.k !== 'local') return false;
  const t = typed.get(i.slot);
  if (!t) return false;
  if (dom.k === 'int' && t.k === 'int') return t.lo >= dom.lo && t.hi <= dom.hi;
  return JSON.stringify(t) === JSON.stringify(dom);
}
