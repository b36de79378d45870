// Spec → conformance traces: a transition tour. The quiescent states of the
// spec (no kernel path half-way) and the trace ops between them form a
// graph; an *observable transition* is (observation before, op, observation
// after). The tour is a set of traces from the initial state that together
// take every observable transition reachable at the configured sizes, so
// every behaviour the spec can show through the trace interface is checked
// once on each target. Deterministic: same spec and constants, same traces.
import type { Observation, Op, Step, Trace } from './trace';
import { TRACE_FORMAT } from './trace';
import type { Outcome, SpecState, SpecSystem } from './spec-target';

export interface TourStats {
  /** quiescent states reached */
  states: number;
  /** (state, op, outcome) edges */
  transitions: number;
  /** distinct (observation, op, observation) triples */
  observable: number;
  /** observable transitions taken by the tour */
  covered: number;
  /** ops whose outcome the spec leaves open (several observations): left out of the tour */
  nondeterministic: number;
  traces: number;
  steps: number;
}

export interface TourOptions {
  name: string;
  spec: string;
  constants: Record<string, string | number | boolean>;
  pages: number;
  threads: number;
  /** stop exploring beyond this many quiescent states (the tour then covers what was reached) */
  maxStates?: number;
}

interface Node {
  st: SpecState;
  obs: Observation;
  /** the edge that first reached this node (BFS: a shortest path) */
  parent: { node: number; out: Outcome } | null;
  edges: Outcome[];
}

function stateObs(o: Observation): string {
  return JSON.stringify({ pages: o.pages, threads: o.threads });
}

export function generateTour(sys: SpecSystem, opts: TourOptions): { traces: Trace[]; stats: TourStats } {
  const binding = sys.binding;
  const modes = binding.registered;
  const registerOp: Op = modes ? { op: 'register', modes } : { op: 'pread', page: 0 };
  const init = sys.initial();
  if (init.length !== 1) throw new Error(`the spec has ${init.length} initial quiescent states; a tour needs exactly one`);

  // 1. explore the quiescent-state graph breadth first
  const nodes: Node[] = [];
  const index = new Map<string, number>();
  const add = (st: SpecState, parent: Node['parent'], obs: Observation): number => {
    const known = index.get(st.key);
    if (known !== undefined) return known;
    index.set(st.key, nodes.length);
    nodes.push({ st, obs, parent, edges: [] });
    return nodes.length - 1;
  };
  add(init[0], null, sys.observeState(init[0], registerOp));
  let transitions = 0;
  let nondeterministic = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (opts.maxStates !== undefined && nodes.length >= opts.maxStates) break;
    const outs = sys.outcomes(nodes[i].st);
    transitions += outs.length;
    // group by op: an op with several observable outcomes cannot be expected exactly
    const byOp = new Map<string, Outcome[]>();
    for (const o of outs) {
      const k = binding.opKey(o.op);
      byOp.set(k, [...(byOp.get(k) ?? []), o]);
    }
    for (const group of byOp.values()) {
      const distinct = new Set(group.map((o) => JSON.stringify(o.obs)));
      if (distinct.size > 1) {
        nondeterministic++;
        continue;
      }
      const o = group[0];
      nodes[i].edges.push(o);
      add(o.to, { node: i, out: o }, o.obs);
    }
  }

  // 2. the observable transitions, in discovery order
  const keyOf = (from: Node, o: Outcome) => `${stateObs(from.obs)}|${binding.opKey(o.op)}|${JSON.stringify(o.obs)}`;
  const covered = new Set<string>();
  const allKeys = new Set<string>();
  for (const n of nodes) for (const o of n.edges) allKeys.add(keyOf(n, o));

  // 3. the tour: a trace starts with the shortest path to an uncovered transition,
  //    takes it, then keeps taking uncovered transitions from where it stands
  const traces: Trace[] = [];
  let steps = 0;
  const pathTo = (i: number): { node: number; out: Outcome }[] => {
    const out: { node: number; out: Outcome }[] = [];
    for (let n = nodes[i]; n.parent; n = nodes[n.parent.node]) out.push(n.parent);
    return out.reverse();
  };
  const toStep = (o: Outcome): Step => {
    // a spec's own run has no setup ops: they exist only to follow a trace's header
    if (o.op.op === 'mmap') throw new Error('a tour step cannot be a setup op (mmap)');
    return { op: o.op, expect: o.obs };
  };
  for (let i = 0; i < nodes.length; i++) {
    for (const e of nodes[i].edges) {
      if (covered.has(keyOf(nodes[i], e))) continue;
      const ops: Step[] = [{ op: registerOp, expect: nodes[0].obs }];
      for (const p of pathTo(i)) {
        covered.add(keyOf(nodes[p.node], p.out));
        ops.push(toStep(p.out));
      }
      let at = i;
      let next: Outcome | undefined = e;
      while (next) {
        covered.add(keyOf(nodes[at], next));
        ops.push(toStep(next));
        at = index.get(next.to.key)!;
        next = nodes[at].edges.find((x) => !covered.has(keyOf(nodes[at], x)));
      }
      steps += ops.length;
      traces.push({
        format: TRACE_FORMAT,
        name: `${opts.name}-${String(traces.length + 1).padStart(3, '0')}`,
        spec: opts.spec,
        constants: opts.constants,
        pages: opts.pages,
        threads: opts.threads,
        initial: { fill: binding.fill(init[0].json) },
        steps: ops,
      });
    }
  }
  return {
    traces,
    stats: { states: nodes.length, transitions, observable: allKeys.size, covered: covered.size, nondeterministic, traces: traces.length, steps },
  };
}
