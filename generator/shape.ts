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
