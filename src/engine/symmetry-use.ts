// Whether a run reduces by the spec's `symmetric X` (docs/language.md,
// "Symmetry"), decided once for both engines. A liveness property is checked
// on the edges of the state graph explored (liveness.ts): with one state per
// orbit those are not the spec's edges (a lasso through representatives is
// not a behaviour, and a `forall u in X` property is checked per instance,
// which a permutation moves), so a spec with liveness properties is explored
// in full, and the summary says so.
import type { CheckOptions, SymmetryUse } from './result';

/** How a run uses the set `sym` (absent: the spec declares none). */
export function symmetryUse(sym: { name: string; size: number } | undefined, opts: Pick<CheckOptions, 'symmetry'>, liveness: boolean): SymmetryUse | undefined {
  if (!sym) return undefined;
  let permutations = 1;
  for (let k = 2; k <= sym.size; k++) permutations *= k;
  const base = { name: sym.name, values: sym.size, permutations };
  if (opts.symmetry === false) return { ...base, reduced: false, off: 'option' };
  if (liveness) return { ...base, reduced: false, off: 'liveness' };
  return { ...base, reduced: true };
}

/** The summary's one line about symmetry. */
export function symmetryLine(u: SymmetryUse): string {
  const set = `${u.name} (${u.values} values, ${u.permutations} permutations)`;
  if (u.reduced) return `Symmetry: ${set}: one state per orbit; distinct states are orbits.`;
  if (u.off === 'option') return `Symmetry: ${set} not used (--no-symmetry): the full state space.`;
  return `Symmetry: ${set} not used: liveness properties are checked on the full state graph.`;
}
