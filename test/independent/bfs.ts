// A deliberately plain breadth-first enumerator used to derive, independently
// of the spec language, parser and checker, the figures the example tests
// expect. Each model in this directory hard-codes its transition function in
// TypeScript; states are compared as JSON strings held in a Set.
//
// Conventions (the TLC ones, which the checker follows):
// - distinctStates: number of distinct reachable states (the full graph is
//   explored even when an invariant is violated).
// - depth: max over reachable states of (shortest distance from an initial
//   state) + 1, i.e. the number of BFS levels; a spec whose only states are
//   its initial states has depth 1.
// - statesGenerated: initial states + every successor computed (one per
//   enabled action and choice of parameters, duplicates included).
// - a counterexample length counts states, initial state included, so a
//   violation found in an initial state has length 1.
// - deadlock: a reachable state with no successor at all (a self-loop is a
//   successor) that is not a normal end (`terminated`).

export interface Step<S> {
  action: string;
  state: S;
}

export interface Model<S> {
  name: string;
  init(): S[];
  next(s: S): Step<S>[];
  invariants: Record<string, (s: S) => boolean>;
  /** A state with no successor is a normal end (all processes Done) rather than a deadlock. */
  terminated?(s: S): boolean;
}

export interface Trace<S> {
  /** the states of the shortest path, initial state first */
  states: S[];
  /** actions[i] leads from states[i] to states[i + 1] */
  actions: string[];
}

export interface BfsResult<S> {
  distinctStates: number;
  statesGenerated: number;
  depth: number;
  /** shortest counterexample length (states) per violated invariant */
  violations: Record<string, number>;
  /** shortest trace to a violation of each violated invariant */
  violationTraces: Record<string, Trace<S>>;
  deadlockStates: number;
  /** length (states) of the shortest trace to a deadlock, or null */
  shortestDeadlock: number | null;
  deadlockTrace: Trace<S> | null;
  /** levels[d] = number of states whose shortest distance from an initial state is d */
  levels: number[];
  /** every reachable state, in BFS order */
  states: S[];
}

export const key = (s: unknown): string => JSON.stringify(s);

export function bfs<S>(m: Model<S>): BfsResult<S> {
  const seen = new Map<string, { state: S; dist: number; pred: string | null; action: string | null }>();
  let frontier: string[] = [];
  let generated = 0;
  for (const s of m.init()) {
    generated++;
    const k = key(s);
    if (!seen.has(k)) {
      seen.set(k, { state: s, dist: 0, pred: null, action: null });
      frontier.push(k);
    }
  }
  const violations: Record<string, number> = {};
  const violationKeys: Record<string, string> = {};
  let deadlockStates = 0;
  let deadlockKey: string | null = null;
  let level = 0;
  let depth = 0;
  const levels: number[] = [];
  while (frontier.length > 0) {
    depth = level + 1;
    levels.push(frontier.length);
    const nextFrontier: string[] = [];
    for (const k of frontier) {
      const { state } = seen.get(k)!;
      for (const [name, inv] of Object.entries(m.invariants)) {
        if (!(name in violations) && !inv(state)) {
          violations[name] = level + 1;
          violationKeys[name] = k;
        }
      }
      const succs = m.next(state);
      generated += succs.length;
      if (succs.length === 0 && !(m.terminated?.(state) ?? false)) {
        deadlockStates++;
        if (deadlockKey === null) deadlockKey = k;
      }
      for (const { action, state: t } of succs) {
        const tk = key(t);
        if (!seen.has(tk)) {
          seen.set(tk, { state: t, dist: level + 1, pred: k, action });
          nextFrontier.push(tk);
        }
      }
    }
    frontier = nextFrontier;
    level++;
  }
  const traceTo = (k: string): Trace<S> => {
    const states: S[] = [];
    const actions: string[] = [];
    let cur: string | null = k;
    while (cur !== null) {
      const e: { state: S; pred: string | null; action: string | null } = seen.get(cur)!;
      states.unshift(e.state);
      if (e.action !== null) actions.unshift(e.action);
      cur = e.pred;
    }
    return { states, actions };
  };
  const violationTraces: Record<string, Trace<S>> = {};
  for (const [name, k] of Object.entries(violationKeys)) violationTraces[name] = traceTo(k);
  return {
    distinctStates: seen.size,
    statesGenerated: generated,
    depth,
    violations,
    violationTraces,
    deadlockStates,
    shortestDeadlock: deadlockKey === null ? null : seen.get(deadlockKey)!.dist + 1,
    deadlockTrace: deadlockKey === null ? null : traceTo(deadlockKey),
    levels,
    states: [...seen.values()].map((e) => e.state),
  };
}

/** Whether `b` is a successor of `a` in the model (to validate a checker's trace step by step). */
export function isStep<S>(m: Model<S>, a: S, b: S): boolean {
  const kb = key(b);
  return m.next(a).some((t) => key(t.state) === kb);
}

/** Whether `s` is an initial state of the model. */
export function isInit<S>(m: Model<S>, s: S): boolean {
  const k = key(s);
  return m.init().some((t) => key(t) === k);
}
