// Small helpers both emitters share (emit.ts for the value steps,
// word-steps.ts for the steps on words): the shape of a guard, and indenting
// emitted code.
import type { IExpr, IStmt } from '../dsl/ir';

/** The conjuncts of a guard: `a && b && c` as [a, b, c]. */
export function conjuncts(e: IExpr): IExpr[] {
  return e.k === 'bin' && e.op === '&&' ? [...conjuncts(e.a), ...conjuncts(e.b)] : [e];
}

/** An expression that binds and reads no local name (no parameter, let, quantifier, comprehension or match): it can be emitted anywhere `s` is in scope. */
export function closed(e: IExpr): boolean {
  return !/"k":"(local|let|quant|maplit|match)"/.test(JSON.stringify(e));
}

/** every non-empty line two spaces further in */
export function indentAll(s: string): string {
  return s
    .split('\n')
    .map((l) => (l.length ? '  ' + l : l))
    .join('\n');
}

/** the state variables assigned anywhere in `stmts`, on any path */
export function assignedVars(stmts: IStmt[], into = new Set<number>()): Set<number> {
  for (const st of stmts) {
    switch (st.k) {
      case 'assign':
        into.add(st.index);
        break;
      case 'if':
        assignedVars(st.then, into);
        assignedVars(st.else, into);
        break;
      case 'with':
      case 'for':
        assignedVars(st.body, into);
        break;
      case 'either':
        for (const b of st.branches) assignedVars(b, into);
        break;
      case 'await':
      case 'let':
        break;
      default: {
        const never: never = st;
        throw new Error(`emit: unknown statement ${(never as IStmt).k}`);
      }
    }
  }
  return into;
}

/** whether statements can branch: make a choice (with, either), here or in a nested block */
export function branches(stmts: IStmt[]): boolean {
  return stmts.some((s) => s.k === 'with' || s.k === 'either' || (s.k === 'if' && (branches(s.then) || branches(s.else))) || (s.k === 'for' && branches(s.body)));
}

/** The locals an expression or statements read (`reads`) and bind (`binds`: let, quantifier, comprehension, match arm, with, for), by slot, with their names. */
export function slotsOf(e: unknown, reads: Map<number, string>, binds: Map<number, string>): void {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    for (const x of e) slotsOf(x, reads, binds);
    return;
  }
  const o = e as Record<string, unknown>;
  if (o.k === 'lit') return;
  if (o.k === 'local') reads.set(o.slot as number, o.name as string);
  else if ((o.k === 'let' || o.k === 'quant' || o.k === 'maplit' || o.k === 'with' || o.k === 'for') && typeof o.slot === 'number') binds.set(o.slot, o.name as string);
  if (o.k === 'match') for (const arm of o.arms as { binds: { slot: number; name: string }[] }[]) for (const b of arm.binds) binds.set(b.slot, b.name);
  for (const key in o) if (key !== 'ty' && key !== 'span' && key !== 'type') slotsOf(o[key], reads, binds);
}
