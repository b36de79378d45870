// Liveness on the complete state graph, under weak and strong fairness, for
// both engines (explore.ts calls it after a complete exploration; the states
// and their breadth-first parent links are the ones it found).
//
// Semantics (as TLA+): a behaviour is an infinite sequence of states; a state
// may stutter (repeat) forever, so a state with no fair step enabled ends a
// behaviour, and so does a deadlock. Every property reduces to one question:
// from a start state where the goal Q does not hold, is there a fair infinite
// path on which Q never holds?
//   P leads_to Q        starts: reachable states with P and not Q
//   eventually Q        starts: initial states without Q
//   always eventually Q starts: every reachable state without Q (true leads_to Q)
// A fair path that avoids Q ends in a strongly connected component of the
// graph restricted to not-Q (stutter loops included) that is fair: for weak
// fairness of a unit (a process instance or an action), the unit is disabled
// somewhere in the component or one of its steps lies inside it; for strong
// fairness, it is enabled nowhere in it or one of its steps lies inside it
// (otherwise the states where it is enabled are removed and the rest is
// searched again, Emerson-Lei style). The counterexample is a lasso: the
// shortest path to the nearest start state that can reach such a component,
// the shortest path on to the component, and a cycle in it through a step
// (or a disabled state) for each fairness condition - or, when no fair unit
// is enabled there, stuttering forever.
import type { JsonValue } from '../runtime/json';
import { stepActor, stepText, type Step } from '../runtime/step';
import type { TraceStep, Violation } from './result';
import { INIT_ACTION } from './result';
import { Grow } from './grow';

export interface LivenessProperty {
  name: string;
  kind: 'leadsTo' | 'eventually' | 'infinitelyOften';
  /** one entry per tuple of the forall prefix (one empty tuple without a prefix) */
  instances: Record<string, JsonValue>[];
}

export interface Fairness {
  strength: 'weak' | 'strong';
  process?: string;
  action?: string;
}

/** What an engine provides for liveness: the properties, their predicates, fairness. */
export interface LivenessSpec<S> {
  props: LivenessProperty[];
  /** whether `which` (p of leadsTo, or the goal q) of instance k of property i holds in s */
  holds(i: number, which: 'p' | 'q', k: number, s: S): boolean;
  fairness: Fairness[];
}

/** The explored graph as explore() leaves it. */
export interface ExploredGraph<S> {
  count: number;
  get(i: number): S;
  /** index of a state already explored */
  indexOf(s: S): number;
  successors(s: S, emit: (action: number, combo: number, next: S) => void): void;
  stepOf(action: number, combo: number): Step;
  toJSON(s: S): Record<string, unknown>;
  parent: Int32Array;
  via: Int32Array;
  viaCombo: Int32Array;
  /** the edges, if the exploration kept them (in source order: off[i]..off[i+1] are state i's) */
  edges?: { off: Int32Array; dst: Int32Array; action: Int32Array; combo: Int32Array };
}


/** Check every liveness property; one violation (the first violated instance's lasso) per violated property. */
export function checkLiveness<S>(g: ExploredGraph<S>, spec: LivenessSpec<S>): Violation[] {
  const n = g.count;
  // ---- the graph: edges in source order (CSR), each with its step and fairness unit
  const off = new Int32Array(n + 1);
  const dst = new Grow();
  const act = new Grow();
  const cmb = new Grow();
  const unitOfEdge = new Grow();
  const units = new Map<string, number>();
  const unitKind: ('weak' | 'strong')[] = [];
  const stepUnit = new Map<string, number>();
  const unitOf = (a: number, c: number): number => {
    const key = `${a}:${c}`;
    let u = stepUnit.get(key);
    if (u !== undefined) return u;
    const step = g.stepOf(a, c);
    u = -1;
    for (const f of spec.fairness) {
      const name = f.process !== undefined && step.process === f.process ? stepActor(step)! : f.action !== undefined && step.action === f.action ? step.action : null;
      if (name === null) continue;
      let id = units.get(name);
      if (id === undefined) {
        id = unitKind.length;
        units.set(name, id);
        unitKind.push(f.strength);
      } else if (f.strength === 'strong') unitKind[id] = 'strong';
      u = id;
      break;
    }
    stepUnit.set(key, u);
    return u;
  };
  if (g.edges) {
    off.set(g.edges.off);
    for (let e = 0; e < g.edges.dst.length; e++) {
      dst.push(g.edges.dst[e]);
      act.push(g.edges.action[e]);
      cmb.push(g.edges.combo[e]);
      unitOfEdge.push(unitOf(g.edges.action[e], g.edges.combo[e]));
    }
  } else {
    for (let i = 0; i < n; i++) {
      off[i] = dst.n;
      g.successors(g.get(i), (a, c, next) => {
        const j = g.indexOf(next);
        if (j < 0) throw new Error('internal: liveness met a state the exploration did not find');
        dst.push(j);
        act.push(a);
        cmb.push(c);
        unitOfEdge.push(unitOf(a, c));
      });
    }
    off[n] = dst.n;
  }
  const U = unitKind.length;
  const enabled: Uint8Array[] = Array.from({ length: U }, () => new Uint8Array(n));
  for (let i = 0; i < n; i++) for (let e = off[i]; e < off[i + 1]; e++) if (unitOfEdge.a[e] >= 0) enabled[unitOfEdge.a[e]][i] = 1;
  // reverse edges, for "can reach a fair component"
  const roff = new Int32Array(n + 1);
  for (let e = 0; e < dst.n; e++) roff[dst.a[e] + 1]++;
  for (let i = 0; i < n; i++) roff[i + 1] += roff[i];
  const rsrc = new Int32Array(dst.n);
  const fill = roff.slice(0, n);
  for (let i = 0; i < n; i++) for (let e = off[i]; e < off[i + 1]; e++) rsrc[fill[dst.a[e]]++] = i;
  const isInit = new Uint8Array(n);
  const depth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (g.parent[i] < 0) isInit[i] = 1;
    else depth[i] = depth[g.parent[i]] + 1;
  }

  // every predicate of every instance, in one pass over the states (each decoded once)
  const slots: { pi: number; k: number; q: Uint8Array; start: Uint8Array }[] = [];
  spec.props.forEach((prop, pi) => {
    for (let k = 0; k < prop.instances.length; k++) slots.push({ pi, k, q: new Uint8Array(n), start: new Uint8Array(n) });
  });
  for (let i = 0; i < n; i++) {
    const s = g.get(i);
    for (const sl of slots) {
      const kind = spec.props[sl.pi].kind;
      const qi = spec.holds(sl.pi, 'q', sl.k, s);
      sl.q[i] = qi ? 1 : 0;
      sl.start[i] = qi ? 0 : kind === 'leadsTo' ? (spec.holds(sl.pi, 'p', sl.k, s) ? 1 : 0) : kind === 'eventually' ? isInit[i] : 1;
    }
  }
  const violations: Violation[] = [];
  let q: Uint8Array = new Uint8Array(0);
  let start: Uint8Array = new Uint8Array(0);
  // scratch of the component search, reused
  const mark = new Int32Array(n);
  let stamp = 0;
  const index = new Int32Array(n);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  // Typed scratch, not JS arrays or one array per component: a graph of 4·10^7 states (the shmem
  // spec at PAGES=3 THREADS=3) filled node's heap with them (an abort after 80 s of collection).
  const tStack = new Int32Array(n);
  const workV = new Int32Array(n);
  const workE = new Int32Array(n);
  const cbuf = new Int32Array(n);
  // (membership in the component at hand: inCStamp[v] === cStamp)
  const inCStamp = new Int32Array(n);
  let cStamp = 0;
  // pathWithin's search: seen (by stamp), the node and edge it was reached by, its queue
  const pSeen = new Int32Array(n);
  let pStamp = 0;
  const pPrevNode = new Int32Array(n);
  const pPrevEdge = new Int32Array(n);
  const pQueue = new Int32Array(n + 1);
  spec.props.forEach((prop, pi) => {
    for (let k = 0; k < prop.instances.length; k++) {
      const sl = slots.find((x) => x.pi === pi && x.k === k)!;
      q = sl.q;
      start = sl.start;
      const lasso = findLasso();
      if (lasso) {
        const inst = prop.instances[k];
        violations.push({ property: prop.name, ...(Object.keys(inst).length ? { instance: inst } : {}), ...lasso });
        break;
      }
    }
  });
  return violations;

  // ---- one property instance: q, start set above
  function findLasso(): { trace: TraceStep[]; loopFrom: number; stutter?: boolean } | null {
    const inN = (i: number) => q[i] === 0;
    const comp = new Int32Array(n).fill(-1); // fair component id of a node, -1 if none
    // the fair components' members, component c at compMembers[compStart[c] .. compStart[c+1])
    const compStart = new Grow();
    compStart.push(0);
    const compMembers = new Grow();
    let inCount = 0;
    for (let i = 0; i < n; i++) if (inN(i)) inCount++;
    const all = new Int32Array(inCount);
    for (let i = 0, k = 0; i < n; i++) if (inN(i)) all[k++] = i;
    fairComponents(all, comp, compStart, compMembers);
    if (compStart.n === 1) return null;
    // nodes of not-Q that reach a fair component within not-Q: backward search
    const bad = new Uint8Array(n);
    const queue = new Int32Array(n);
    let tail = 0;
    for (let i = 0; i < n; i++) if (comp[i] >= 0) {
      bad[i] = 1;
      queue[tail++] = i;
    }
    for (let h = 0; h < tail; h++) {
      const v = queue[h];
      for (let e = roff[v]; e < roff[v + 1]; e++) {
        const u = rsrc[e];
        if (!bad[u] && inN(u)) {
          bad[u] = 1;
          queue[tail++] = u;
        }
      }
    }
    let s = -1;
    for (let i = 0; i < n; i++) if (start[i] && bad[i] && (s < 0 || depth[i] < depth[s])) s = i;
    if (s < 0) return null;
    // prefix: the breadth-first path to s; then the shortest path within not-Q to a fair component
    const prefix: number[] = [];
    for (let j = s; j >= 0; j = g.parent[j]) prefix.push(j);
    prefix.reverse();
    const toComp = pathWithin(s, (v) => comp[v] >= 0, inN);
    const e = toComp.nodes[toComp.nodes.length - 1];
    const members = compMembers.a.subarray(compStart.a[comp[e]], compStart.a[comp[e] + 1]);
    const inC = (v: number) => comp[v] === comp[e];
    const steps: { node: number; edge: number }[] = []; // edge: the edge that led to node (-1 first, -2 a prefix link)
    for (let i = 0; i < prefix.length; i++) steps.push({ node: prefix[i], edge: i === 0 ? -1 : -2 });
    for (let i = 1; i < toComp.nodes.length; i++) steps.push({ node: toComp.nodes[i], edge: toComp.edges[i - 1] });
    const loopFrom = steps.length - 1;
    // The cycle, from e: for each fairness unit (in order) that the cycle built so far does
    // not yet satisfy, go to a state of the component where it is disabled (weak fairness)
    // or take one of its steps inside the component; then back to e. With nothing to
    // satisfy, the behaviour stutters at e.
    let cur = e;
    const cycleSatisfies = (u: number): boolean => {
      for (let i = loopFrom; i < steps.length; i++) {
        const st = steps[i];
        if (i > loopFrom && unitOfEdge.a[st.edge] === u) return true;
        if (unitKind[u] === 'weak' && !enabled[u][st.node]) return true;
      }
      return unitKind[u] === 'strong' && !members.some((v) => enabled[u][v]);
    };
    const walk = (target: (v: number) => boolean) => {
      const p = pathWithin(cur, target, inC);
      for (let i = 1; i < p.nodes.length; i++) steps.push({ node: p.nodes[i], edge: p.edges[i - 1] });
      cur = p.nodes[p.nodes.length - 1];
    };
    for (let u = 0; u < U; u++) {
      if (cycleSatisfies(u)) continue;
      const off2 = unitKind[u] === 'weak' ? members.find((v) => !enabled[u][v]) : undefined;
      if (off2 !== undefined) {
        walk((v) => v === off2);
        continue;
      }
      const edge = edgeOfUnitWithin(u, members, inC);
      const from = edgeSource(edge);
      if (cur !== from) walk((v) => v === from);
      steps.push({ node: dst.a[edge], edge });
      cur = dst.a[edge];
    }
    if (steps.length - 1 === loopFrom) return { trace: toTrace(steps), loopFrom, stutter: true };
    // back to e: the cycle closes
    if (cur !== e) walk((v) => v === e);
    // the last state is e again: the cycle is steps[loopFrom..], repeated forever
    return { trace: toTrace(steps), loopFrom };
  }

  function toTrace(steps: { node: number; edge: number }[]): TraceStep[] {
    return steps.map(({ node, edge }) => {
      const state = g.toJSON(g.get(node));
      if (edge === -1) {
        if (g.via[node] < 0) return { action: INIT_ACTION, step: null, state };
        // a prefix that starts mid-way cannot happen: prefixes start at an initial state
        throw new Error('internal: lasso prefix does not start at an initial state');
      }
      const a = edge === -2 ? g.via[node] : act.a[edge];
      const c = edge === -2 ? g.viaCombo[node] : cmb.a[edge];
      const step = g.stepOf(a, c);
      return { action: stepText(step), step, state };
    });
  }

  function edgeSource(e: number): number {
    // off is sorted: binary search for the node whose edge range holds e
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (off[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function edgeOfUnitWithin(u: number, members: Int32Array, inC: (v: number) => boolean): number {
    for (const v of members) for (let e = off[v]; e < off[v + 1]; e++) if (unitOfEdge.a[e] === u && inC(dst.a[e])) return e;
    throw new Error('internal: a fair component without the step its fairness needs');
  }

  /** Shortest path from `from` (staying where `allowed`) to a node where `target` holds; `strict`: at least one step. */
  function pathWithin(from: number, target: (v: number) => boolean, allowed: (v: number) => boolean, strict = false): { nodes: number[]; edges: number[] } {
    if (!strict && target(from)) return { nodes: [from], edges: [] };
    pStamp++;
    let tail = 0;
    pQueue[tail++] = from;
    if (!strict) pSeen[from] = pStamp;
    for (let h = 0; h < tail; h++) {
      const v = pQueue[h];
      for (let e = off[v]; e < off[v + 1]; e++) {
        const w = dst.a[e];
        if (pSeen[w] === pStamp || !allowed(w)) continue;
        pSeen[w] = pStamp;
        pPrevNode[w] = v;
        pPrevEdge[w] = e;
        if (target(w)) {
          const nodes = [w];
          const edges: number[] = [];
          for (let x = w; ; ) {
            edges.push(pPrevEdge[x]);
            nodes.push(pPrevNode[x]);
            x = pPrevNode[x];
            if (x === from && nodes.length > 1) break;
          }
          return { nodes: nodes.reverse(), edges: edges.reverse() };
        }
        pQueue[tail++] = w;
      }
    }
    throw new Error('internal: no path inside a component that should have one');
  }

  /** Fair strongly connected components among `nodes` (stutter loops count): comp[] gets their ids, compMembers their members. */
  function fairComponents(nodes: Int32Array, comp: Int32Array, compStart: Grow, compMembers: Grow): void {
    const pending: Int32Array[] = [nodes];
    while (pending.length) {
      sccs(pending.pop()!, (c) => {
        cStamp++;
        for (const v of c) inCStamp[v] = cStamp;
        let fair = true;
        const drop: number[] = [];
        for (let u = 0; u < U; u++) {
          let en = 0;
          let taken = false;
          for (const v of c) {
            if (enabled[u][v]) en++;
            if (!taken) for (let e = off[v]; e < off[v + 1]; e++) if (unitOfEdge.a[e] === u && inCStamp[dst.a[e]] === cStamp) taken = true;
          }
          if (taken || en === 0) continue;
          if (unitKind[u] === 'weak') {
            if (en === c.length) fair = false;
          } else {
            drop.push(u);
          }
          if (!fair) break;
        }
        if (!fair) return;
        if (drop.length) {
          // (a new array: c is the search's scratch)
          const rest = c.filter((v) => !drop.some((u) => enabled[u][v]));
          if (rest.length) pending.push(rest);
          return;
        }
        const id = compStart.n - 1;
        for (const v of c) {
          compMembers.push(v);
          comp[v] = id;
        }
        compStart.push(compMembers.n);
      });
    }
  }

  /**
   * Tarjan's strongly connected components of the subgraph induced by `set` (iterative, typed
   * scratch), each passed to `each` as it is found, its members in increasing order (a view of
   * scratch that the next component overwrites).
   */
  function sccs(set: Int32Array, each: (c: Int32Array) => void): void {
    // members of this search carry the stamp; index -1 = not visited yet
    stamp++;
    for (const v of set) {
      mark[v] = stamp;
      index[v] = -1;
    }
    let sp = 0;
    let wp = 0;
    let counter = 0;
    for (const root of set) {
      if (index[root] >= 0) continue;
      workV[wp] = root;
      workE[wp] = off[root];
      wp++;
      index[root] = low[root] = counter++;
      tStack[sp++] = root;
      onStack[root] = 1;
      while (wp > 0) {
        const t = wp - 1;
        const v = workV[t];
        if (workE[t] < off[v + 1]) {
          const w = dst.a[workE[t]++];
          if (mark[w] !== stamp) continue;
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            tStack[sp++] = w;
            onStack[w] = 1;
            workV[wp] = w;
            workE[wp] = off[w];
            wp++;
          } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
          continue;
        }
        wp--;
        if (wp > 0) {
          const p = workV[wp - 1];
          if (low[v] < low[p]) low[p] = low[v];
        }
        if (low[v] === index[v]) {
          let len = 0;
          for (;;) {
            const w = tStack[--sp];
            onStack[w] = 0;
            cbuf[len++] = w;
            if (w === v) break;
          }
          each(cbuf.subarray(0, len).sort());
        }
      }
    }
  }
}
