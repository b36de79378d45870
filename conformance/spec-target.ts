// The spec as a conformance target. A trace op is one *macro-step* of the
// spec: the spec step that starts the operation (a thread's `access`, the
// punch's `punch_begin`, an ioctl...) followed by every internal step (the
// rest of the kernel paths, the monitor's read(2) of pending messages) until
// the system is quiescent. The observation of docs/trace-format.md is read off
// the quiescent state.
//
// Trace-guided checking: the spec is instantiated at the trace's own sizes
// (the application's `planFor`), and the target follows the trace through it,
// keeping the set of spec states consistent with what was observed so far. Per
// op it explores only the interleavings inside that op (its internal steps), so
// the cost is linear in the trace, whatever the size of the exhaustive state space.
//
// The binding between trace ops and the steps of a spec is the application's
// (spec/shmem_uffd/binding.ts); this file knows only the generic mechanics.
import { formsOfWords, stateForms, type CompiledChecker, type StateForms } from '../src/engine/bfs';
import type { Step } from '../src/runtime/step';
import { compareObservation, type EventObs, type Observation, type Op, type Trace, type UffdMode } from './trace';
import type { Target } from './target';

type Json = Record<string, any>;

export interface StepInfo {
  /** the step: its action ('madvise_dontneed', 'Thread:access'), the process instance and label, the parameters */
  step: Step;
  from: Json;
  to: { json: Json };
}

/**
 * An op a spec run may take besides a trace's own: mmap of a mapping's geometry, which
 * a trace states in its header and the harness does before the first step.
 */
export type SetupOp = { op: 'mmap'; mapping: number; offset: number; length: number; pteIndex: number };
export type SpecOp = Op | SetupOp;

/** What the trace itself says that the observation needs: the kind of each thread's last access. */
export interface ObserveContext {
  lastAccess: ('read' | 'write' | null)[];
}

export interface Binding {
  /** the UFFDIO_REGISTER modes the spec starts registered with (null: not registered) */
  registered: UffdMode[] | null;
  /** the bytes of the file before the trace starts, read off a spec state (0: a hole) */
  fill(json: Json): number[];
  /**
   * What a step is, from the step alone (no state): 'internal' for the rest of a kernel
   * path or the monitor's read(2), 'op' for a step that starts a trace op, null for a
   * step no trace op expresses.
   */
  kindOf(step: Step): 'internal' | 'op' | null;
  /** whether steps of this action (by name) can start this trace op: the actions a trace-guided run steps */
  actionStarts(action: string, op: SpecOp): boolean;
  /**
   * The parameters (by name, as values) of the one step of this action the op can be,
   * where the op determines them all; null where the action's steps must be enumerated.
   */
  paramsOf(action: string, op: SpecOp): Record<string, unknown> | null;
  /** whether an 'op' step can start this trace op (a cheap test on the step alone, before its state is decoded) */
  mayStart(step: Step, op: SpecOp): boolean;
  /** the trace op an 'op' step starts; null where it expresses none */
  opOf(x: StepInfo): SpecOp | null;
  /** the uffd message the monitor reads in this step, if any */
  eventOf(x: StepInfo): EventObs | null;
  observe(op: SpecOp, start: StepInfo | null, final: Json, events: EventObs[], ctx?: ObserveContext): Observation;
  /** identity of an op, ignoring what the observation decides (written values) */
  opKey(op: SpecOp): string;
}

/** A spec state in the three forms: decoded values to step from, JSON for the binding, packed words as its identity. */
export type SpecState = StateForms;

export interface Outcome {
  op: SpecOp;
  /** the state the op started from */
  from: SpecState;
  /** the quiescent state after the op */
  to: SpecState;
  obs: Observation;
}

/** A successor whose state forms are made only as the binding reads them. */
interface LazyStep extends StepInfo {
  to: SpecState;
}

export class SpecSystem {
  /** a state the checker emitted, in its three forms */
  readonly state: (s: unknown[]) => SpecState;
  /** the actions of each kind, by index (a kind depends on the action alone) */
  private readonly internal: number[] = [];
  private readonly starting: number[] = [];

  constructor(
    readonly checker: CompiledChecker,
    readonly binding: Binding,
  ) {
    this.state = stateForms(checker);
    checker.META.actions.forEach((_, i) => {
      const kind = binding.kindOf(checker.stepOf(i, 0));
      if (kind === 'internal') this.internal.push(i);
      else if (kind === 'op') this.starting.push(i);
    });
  }

  /**
   * The successors of `from` by these actions (an action, or an action with one choice
   * of parameters: [action, combo]) whose step passes `keep` and then `accept`.
   * `accept` sees the successor while it is emitted, reading only the variables it needs
   * (no copy, no packing); a kept successor is packed, and decoded as it is read.
   */
  private steps(from: SpecState, actions: readonly (number | readonly [number, number])[], keep: (step: Step) => boolean, accept?: (x: StepInfo) => boolean): LazyStep[] {
    const out: LazyStep[] = [];
    const m = this.checker;
    const live = accept ? liveJson(m) : null;
    const emit = (action: number, combo: number, n: unknown[]) => {
      const step = m.stepOf(action, combo);
      if (!keep(step)) return;
      if (accept && live && !accept({ step, from: from.json, to: { json: live.at(n) } })) return;
      // the module may reuse `n`: keep its packed form now
      const words = new Uint32Array(m.WORDS);
      m.encode(n, words, 0);
      out.push({ step, from: from.json, to: formsOfWords(m, words) });
    };
    for (const a of actions) {
      if (typeof a === 'number') m.successorsOf(from.s, a, emit);
      else m.successorsAt(from.s, a[0], a[1], emit);
    }
    return out;
  }

  /** The quiescent states reachable from `s` by internal steps only, with the events read on the way. */
  private settle(s: SpecState): { to: SpecState; events: EventObs[] }[] {
    const done = new Map<string, { to: SpecState; events: EventObs[] }>();
    const seen = new Set<string>();
    const queue: { st: SpecState; events: EventObs[] }[] = [{ st: s, events: [] }];
    while (queue.length) {
      const { st, events } = queue.shift()!;
      const next = this.steps(st, this.internal, () => true);
      if (next.length === 0) {
        const k = st.key + JSON.stringify(events);
        if (!done.has(k)) done.set(k, { to: st, events });
        continue;
      }
      for (const x of next) {
        const ev = this.binding.eventOf(x);
        const evs = ev ? [...events, ev] : events;
        const k = x.to.key + JSON.stringify(evs);
        if (seen.has(k)) continue;
        seen.add(k);
        queue.push({ st: x.to, events: evs });
      }
    }
    return [...done.values()].sort((a, b) => (a.to.key + JSON.stringify(a.events) < b.to.key + JSON.stringify(b.events) ? -1 : 1));
  }

  /** The initial quiescent states (init, then internal steps). */
  initial(): SpecState[] {
    const inits: SpecState[] = [];
    this.checker.init((n) => inits.push(this.state(n)));
    const out = new Map<string, SpecState>();
    for (const i of inits) for (const q of this.settle(i)) out.set(q.to.key, q.to);
    return [...out.values()];
  }

  private outcomesOf(from: SpecState, actions: readonly (number | readonly [number, number])[], keep: (step: Step) => boolean, want: string | null, ctx?: ObserveContext): Outcome[] {
    const out: Outcome[] = [];
    const wanted = (x: StepInfo) => {
      const op = this.binding.opOf(x);
      return op !== null && (want === null || this.binding.opKey(op) === want);
    };
    for (const x of this.steps(from, actions, keep, wanted)) {
      const op = this.binding.opOf(x)!;
      for (const q of this.settle(x.to)) out.push({ op, from, to: q.to, obs: this.binding.observe(op, x, q.to.json, q.events, ctx) });
    }
    return out;
  }

  /** Every op the spec allows from quiescent state `from`, with each possible outcome. */
  outcomes(from: SpecState): Outcome[] {
    return this.outcomesOf(from, this.starting, () => true, null);
  }

  /** The outcomes of a given op from `from` (empty when the spec does not allow it there). */
  apply(from: SpecState, op: SpecOp, ctx?: ObserveContext): Outcome[] {
    return this.outcomesOf(from, this.actionsFor(op), (step) => this.binding.mayStart(step, op), this.binding.opKey(op), ctx);
  }

  /** The actions (with their one choice of parameters, where the op fixes them) whose steps may start `op`. */
  private actionsFor(op: SpecOp): (number | readonly [number, number])[] {
    const metas = this.checker.META.actions;
    const out: (number | readonly [number, number])[] = [];
    for (const i of this.starting) {
      if (!this.binding.actionStarts(metas[i].name, op)) continue;
      const params = this.binding.paramsOf(metas[i].name, op);
      if (params === null) {
        out.push(i);
        continue;
      }
      try {
        out.push([i, this.checker.comboOf(i, metas[i].params.map((p) => params[p.name]))]);
      } catch {
        // a parameter outside its type: no step of this action is the op
      }
    }
    return out;
  }

  /** Observation of a quiescent state with no op (the state a trace starts from, or after an op that changes nothing the spec models). */
  observeState(st: SpecState, op: Op, ctx?: ObserveContext): Observation {
    return this.binding.observe(op, null, st.json, [], ctx);
  }
}

/** How the application runs one trace on its spec. */
export interface TracePlan {
  system: SpecSystem;
  /** ops run before the trace's first step, not observed (the mappings' geometry; the initial fill, written with pwrite as the harness does) */
  prelude: SpecOp[];
  /** steps the spec's constants already stand for (a `register` the spec starts with): their observation is the state's */
  given: Set<number>;
  /** ops the spec models as changing nothing: their observation is read off the state */
  observeOnly(op: Op): boolean;
}

/**
 * The spec as a target: `planFor` gives the spec specialised to a trace (its sizes,
 * its registration, its constants) or the reason the spec cannot follow it. The
 * target keeps the set of spec states consistent with what was observed so far: an
 * op's outcomes are filtered by the expected observation, so a trace agrees when the
 * spec *allows* every observation in it.
 */
export function specTarget(specName: string, planFor: (trace: Trace) => TracePlan | { skip: string }): Target {
  return {
    name: 'spec',
    async open(trace) {
      if (trace.spec !== undefined && trace.spec !== specName) return { skip: `trace is for spec ${trace.spec}` };
      const plan = planFor(trace);
      if ('skip' in plan) return plan;
      const sys = plan.system;
      let states: SpecState[] = sys.initial();
      for (const op of plan.prelude) {
        const next = states.flatMap((s) => sys.apply(s, op));
        if (next.length === 0) throw new Error(`the spec does not allow the initial ${JSON.stringify(op)}`);
        states = distinct(next.map((o) => o.to));
      }
      const ctx: ObserveContext = { lastAccess: new Array(trace.threads).fill(null) };
      let index = 0;
      return {
        async apply(op, expected) {
          const i = index++;
          if (op.op === 'read' || op.op === 'write') ctx.lastAccess[op.thread] = op.op;
          let outcomes: Outcome[];
          if (plan.given.has(i) || plan.observeOnly(op)) {
            outcomes = states.map((s) => ({ op, from: s, to: s, obs: sys.observeState(s, op, ctx) }));
          } else {
            outcomes = states.flatMap((s) => sys.apply(s, op, ctx));
            if (outcomes.length === 0) throw new Error(`the spec does not allow ${JSON.stringify(op)} here`);
          }
          const fitting = outcomes.filter((o) => compareObservation(expected, o.obs) === null);
          const keep = fitting.length ? fitting : outcomes;
          states = distinct(keep.map((o) => o.to));
          return keep[0].obs;
        },
        close: async () => undefined,
      };
    },
  };
}

/**
 * The JSON of the state the module is emitting, variable by variable as read: one view
 * for a whole enumeration, pointed at each successor in turn (`at`); valid only during
 * the emit callback. Not bfs.ts lazyJson, which memoises per state: building one per
 * successor (a property per variable) costs more than the few reads the binding makes
 * (a 64-page trace step: 20 ms with this view, 120 ms with one lazyJson per successor).
 */
function liveJson(m: CompiledChecker): { at(n: unknown[]): Record<string, unknown> } {
  let current: unknown[] = [];
  const json: Record<string, unknown> = {};
  m.META.vars.forEach((v, i) => Object.defineProperty(json, v.name, { enumerable: true, get: () => m.varToJSON(current, i) }));
  return {
    at(n) {
      current = n;
      return json;
    },
  };
}

function distinct(states: SpecState[]): SpecState[] {
  const seen = new Set<string>();
  return states.filter((s) => !seen.has(s.key) && seen.add(s.key));
}
