// Counterexamples rebuilt by replaying the spec's steps from an initial state,
// for stores whose stored states are not the states the steps produced: a
// store that keeps one canonical representative per orbit (symmetry
// reduction) or keeps no states at all (fingerprints only). The parent links
// still give a shortest path of state indices; each state on it is found
// again among the successors of the concrete state before it, as the state
// the store files under the next index. The result is a concrete behaviour
// that `uffdspec replay`, the simulator and the kernel can follow step by
// step, of the same length as the path of indices.
import type { TraceStep } from './result';
import { INIT_ACTION } from './result';
import { stepText, type Step } from '../runtime/step';

/** What replay needs of a state space (explore.ts StateSpace has it; not imported, so that explore.ts can import this module) */
export interface ReplaySpace<S> {
  store: { indexOf(s: S): number; matches?(s: S, i: number): boolean };
  init(emit: (s: S) => void): void;
  successors(s: S, emit: (action: number, combo: number, next: S) => void): void;
  toJSON(s: S): Record<string, unknown>;
  stepOf(action: number, combo: number): Step;
  copy?(s: S): S;
}

/**
 * The concrete states along `path` (state indices, an initial state first):
 * at each index a state the store files under it, reached from the previous
 * one by one step. Where several steps lead there, the recorded step
 * (`via`/`viaCombo` of the index) is preferred, so a store that keeps the
 * concrete states gives back exactly its own trace.
 */
export function replayTrace<S>(m: ReplaySpace<S>, path: readonly number[], via: ArrayLike<number>, viaCombo: ArrayLike<number>): TraceStep[] {
  if (path.length === 0) return [];
  const store = m.store;
  // a store that can tell without an index lookup (fingerprint-only: by the fingerprint in the state's record)
  const filedAs = store.matches ? (n: S, i: number) => store.matches!(n, i) : (n: S, i: number) => store.indexOf(n) === i;
  let cur: S | undefined;
  m.init((n) => {
    if (cur === undefined && filedAs(n, path[0])) cur = m.copy ? m.copy(n) : n;
  });
  if (cur === undefined) throw new Error(`internal: replay found no initial state filed as state ${path[0]}`);
  const out: TraceStep[] = [{ action: INIT_ACTION, step: null, state: m.toJSON(cur) }];
  for (let j = 1; j < path.length; j++) {
    const target = path[j];
    let exact: { a: number; c: number; n: S } | undefined;
    let first: { a: number; c: number; n: S } | undefined;
    m.successors(cur, (a, c, n) => {
      if (exact) return;
      if (!filedAs(n, target)) return;
      const hit = { a, c, n: m.copy ? m.copy(n) : n };
      if (a === via[target] && c === viaCombo[target]) exact = hit;
      else first ??= hit;
    });
    const hit = exact ?? first;
    if (!hit) throw new Error(`internal: replay found no step from state ${path[j - 1]} to state ${target}`);
    cur = hit.n;
    const step = m.stepOf(hit.a, hit.c);
    out.push({ action: stepText(step), step, state: m.toJSON(cur) });
  }
  return out;
}
