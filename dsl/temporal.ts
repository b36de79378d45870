// Temporal properties and fairness → IR. A property is a forall prefix over
// finite index sets and one of four forms, each reduced to what the liveness
// checker (src/engine/liveness.ts) decides on the state graph:
//   always P                 an invariant (a safety property): lowered as one
//   P leads_to Q             (also `always (P leads_to Q)`, `P ~> Q`) every P-state is followed by a Q-state
//   eventually Q             every behaviour reaches a Q-state
//   always eventually Q      Q holds again and again (= true leads_to Q)
// A forall prefix is checked per tuple of values (each instance on its own,
// so a counterexample names the instance). Fairness names a process (weak or
// strong fairness of each of its instances) or an action.
import type * as A from './ast';
import { M } from './messages';
import type { IDomain, IExpr, IFairness, IInvariant, ILiveness } from './ir';
import { BOOL, type Type } from '../src/runtime/types';
import { enumerate, type Value } from '../src/runtime/values';
import { Scope, fail } from './symbols';
import type { Resolver } from './resolve';

/** A property lowered: a safety property (an invariant) or a liveness property. */
export type LoweredProperty = { invariant: IInvariant } | { liveness: ILiveness };

export function lowerProperty(res: Resolver, d: A.PropertyDecl): LoweredProperty {
  const name = d.name.name;
  const scope = Scope.root();
  const bound: { slot: number; name: string; type: Type }[] = [];
  let f = d.formula;
  while (f.kind === 'TForall') {
    const type = boundType(res, name, f.domain, scope);
    bound.push({ slot: scope.bind(f.name.name, type), name: f.name.name, type });
    f = f.body;
  }
  const ctx = { scope, state: true, what: `property ${name}`, expanding: [] as string[] };
  const pred = (e: A.Expr): IExpr => res.typer.expr(e, ctx, BOOL);
  const text = (t: A.Temporal) => textOf(res, t.span);
  const common = { name, span: d.name.span, doc: d.doc, slots: 0, bound, instances: instancesOf(bound) };
  const done = <T extends { slots: number }>(x: T): T => ({ ...x, slots: scope.slots });
  if (f.kind === 'TLeadsTo') return { liveness: done({ ...common, kind: 'leadsTo', p: pred(f.p), q: pred(f.q), text: text(d.formula) }) };
  if (f.kind === 'TAlways' && f.body.kind === 'TLeadsTo') {
    return { liveness: done({ ...common, kind: 'leadsTo', p: pred(f.body.p), q: pred(f.body.q), text: text(d.formula) }) };
  }
  const ev = f.kind === 'TEventually' ? stateOf(f.body) : null;
  if (ev) return { liveness: done({ ...common, kind: 'eventually', q: pred(ev), text: text(d.formula) }) };
  const inf = f.kind === 'TAlways' && f.body.kind === 'TEventually' ? stateOf(f.body.body) : null;
  if (inf) return { liveness: done({ ...common, kind: 'infinitelyOften', q: pred(inf), text: text(d.formula) }) };
  const always = f.kind === 'TAlways' ? stateOf(f.body) : null;
  if (always) {
    // a safety property: forall x in D: P  as an invariant
    let e = pred(always);
    for (let i = bound.length - 1; i >= 0; i--) {
      const b = bound[i];
      const dom: IDomain = { k: 'type', type: b.type };
      e = { k: 'quant', q: 'forall', slot: b.slot, name: b.name, dom, body: e, ty: BOOL };
    }
    return { invariant: { name, expr: e, span: d.name.span, slots: scope.slots, doc: d.doc } };
  }
  if (f.kind === 'TState') fail(res.source, M.TemporalForm, [name, `${text(f)} (a state predicate: write always ... for an invariant)`], f.span);
  fail(res.source, M.TemporalForm, [name, text(f)], f.span);
}

/**
 * A formula without temporal operators as the state predicate it is: the parser
 * reads `(forall x in D: P)` under a temporal operator as a temporal forall.
 */
function stateOf(t: A.Temporal): A.Expr | null {
  if (t.kind === 'TState') return t.expr;
  if (t.kind === 'TForall') {
    const body = stateOf(t.body);
    return body ? { kind: 'Quant', span: t.span, quant: 'forall', name: t.name, domain: t.domain, body } : null;
  }
  return null;
}

/** The index set of a forall: a type, a process (its instances) or a constant range. */
function boundType(res: Resolver, prop: string, d: A.Domain, scope: Scope): Type {
  if (d.kind === 'ExprDomain' && d.expr.kind === 'Name') {
    const p = res.procs.get(d.expr.name);
    if (p) {
      if (!p.proc.domain) fail(res.source, M.TemporalBound, [prop, `process ${p.proc.name}, which has a single instance`], d.span);
      return p.proc.domain;
    }
  }
  const { dom } = res.typer.domain(d, { scope, state: false, what: `property ${prop}`, expanding: [] });
  if (dom.k !== 'type') fail(res.source, M.TemporalBound, [prop, textOf(res, d.span)], d.span);
  return dom.type;
}

function instancesOf(bound: { type: Type }[]): Value[][] {
  let out: Value[][] = [[]];
  for (const b of bound) out = out.flatMap((t) => enumerate(b.type).map((v) => [...t, v]));
  return out;
}

function textOf(res: Resolver, span: A.Span): string {
  const src = span.src ?? res.source;
  if (!src) return '';
  return src.text.slice(src.base + span.start, src.base + span.end).replace(/\s+/g, ' ').trim();
}

export function lowerFairness(res: Resolver, d: A.FairnessDecl, actions: readonly string[]): IFairness {
  const n = d.target.name;
  if (res.procs.has(n)) return { strength: d.strength, process: n, span: d.span };
  if (actions.includes(n)) return { strength: d.strength, action: n, span: d.span };
  fail(res.source, M.FairnessTarget, [n], d.target.span);
}
