// The spec as a conformance target. A trace op is one *macro-step* of the
// spec: the spec step that starts the operation (a thread's `access`, the
// punch's `punch_begin`, a monitor ioctl...) followed by every internal step
// (the rest of the kernel paths, the monitor's read(2) of pending messages)
// until the system is quiescent. The observation of docs/trace-format.md is
// read off the quiescent state; what the spec does not model (page contents,
// the byte a load returns) is left out, which the comparison treats as
// "not specified".
//
// The binding between trace ops and the steps of spec/shmem_uffd/shmem_uffd.spec.ts is
// in spec/shmem_uffd/binding.ts; this file knows only the generic mechanics.
import { stateForms, type CompiledChecker, type StateForms } from '../src/engine/bfs';
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

export interface Binding {
  /** the UFFDIO_REGISTER modes the spec starts registered with (null: not registered) */
  registered: UffdMode[] | null;
  /** the bytes of the file before the trace starts, read off a spec state (0: a hole) */
  fill(json: Json): number[];
  /** the trace op a step starts, 'internal' for the rest of a kernel path, null for a step no trace op expresses */
  opOf(x: StepInfo): Op | 'internal' | null;
  /** the uffd message the monitor reads in this step, if any */
  eventOf(x: StepInfo): EventObs | null;
  observe(op: Op, start: StepInfo | null, final: Json, events: EventObs[]): Observation;
  /** identity of an op, ignoring what the spec does not model (written values) */
  opKey(op: Op): string;
}

/** A spec state in the three forms: decoded values to step from, JSON for the binding, packed words as its identity. */
export type SpecState = StateForms;

export interface Outcome {
  op: Op;
  /** the state the op started from */
  from: SpecState;
  /** the quiescent state after the op */
  to: SpecState;
  obs: Observation;
}

export class SpecSystem {
  /** a state the checker emitted, in its three forms */
  readonly state: (s: unknown[]) => SpecState;

  constructor(
    readonly checker: CompiledChecker,
    readonly binding: Binding,
  ) {
    this.state = stateForms(checker);
  }

  private steps(from: SpecState): StepInfo[] {
    const out: StepInfo[] = [];
    this.checker.successors(from.s, (action, combo, n) => {
      out.push({
        step: this.checker.stepOf(action, combo),
        from: from.json,
        to: this.state(n),
      } as StepInfo & { to: SpecState });
    });
    return out;
  }

  /** The quiescent states reachable from `s` by internal steps only, with the events read on the way. */
  private settle(s: SpecState): { to: SpecState; events: EventObs[] }[] {
    const done = new Map<string, { to: SpecState; events: EventObs[] }>();
    const seen = new Set<string>();
    const queue: { st: SpecState; events: EventObs[] }[] = [{ st: s, events: [] }];
    while (queue.length) {
      const { st, events } = queue.shift()!;
      const internal = this.steps(st).filter((x) => this.binding.opOf(x) === 'internal');
      if (internal.length === 0) {
        const k = st.key + JSON.stringify(events);
        if (!done.has(k)) done.set(k, { to: st, events });
        continue;
      }
      for (const x of internal) {
        const to = (x as StepInfo & { to: SpecState }).to;
        const ev = this.binding.eventOf(x);
        const evs = ev ? [...events, ev] : events;
        const k = to.key + JSON.stringify(evs);
        if (seen.has(k)) continue;
        seen.add(k);
        queue.push({ st: to, events: evs });
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

  /** Every op the spec allows from quiescent state `from`, with each possible outcome. */
  outcomes(from: SpecState): Outcome[] {
    const out: Outcome[] = [];
    for (const x of this.steps(from)) {
      const op = this.binding.opOf(x);
      if (op === 'internal' || op === null) continue;
      const mid = (x as StepInfo & { to: SpecState }).to;
      for (const q of this.settle(mid)) {
        out.push({ op, from, to: q.to, obs: this.binding.observe(op, x, q.to.json, q.events) });
      }
    }
    return out;
  }

  /** The outcomes of a given op from `from` (empty when the spec does not allow it there). */
  apply(from: SpecState, op: Op): Outcome[] {
    const want = this.binding.opKey(op);
    return this.outcomes(from).filter((o) => this.binding.opKey(o.op) === want);
  }

  /** Observation of a quiescent state with no op (the state a trace starts from). */
  observeState(st: SpecState, op: Op): Observation {
    return this.binding.observe(op, null, st.json, []);
  }
}

/**
 * The spec as a target: `systemFor` gives the spec specialised to a trace's
 * constants. The target keeps the set of spec states consistent with what was
 * observed so far: an op's outcomes are filtered by the expected observation,
 * so a trace agrees when the spec *allows* every observation in it.
 */
export function specTarget(specName: string, systemFor: (constants: Trace['constants']) => SpecSystem): Target {
  return {
    name: 'spec',
    async open(trace) {
      if (trace.spec !== undefined && trace.spec !== specName) return { skip: `trace is for spec ${trace.spec}` };
      let sys: SpecSystem;
      try {
        sys = systemFor(trace.constants);
      } catch (e) {
        return { skip: `the spec does not take these constants: ${(e as Error).message.split('\n')[0]}` };
      }
      const init = sys.initial();
      const fill = sys.binding.fill(init[0].json);
      if (trace.pages !== fill.length) return { skip: `the spec has ${fill.length} pages, the trace ${trace.pages}` };
      const holes = (xs: number[]) => xs.map((v) => v === 0).join();
      if (holes(trace.initial.fill) !== holes(fill)) return { skip: 'the trace starts from a file the spec does not (the spec starts with every page written)' };
      const modes = sys.binding.registered;
      let states: SpecState[] = init;
      let first = true;
      return {
        async apply(op, expected) {
          if (first) {
            first = false;
            // the spec starts registered: the trace's register step only has to say the same
            if (op.op === 'register' && JSON.stringify([...op.modes].sort()) === JSON.stringify([...(modes ?? [])].sort())) {
              return sys.observeState(states[0], op);
            }
          }
          // pread(2) changes nothing the spec models; its byte is not specified
          if (op.op === 'pread') return sys.observeState(states[0], op);
          const outcomes = states.flatMap((s) => sys.apply(s, op));
          if (outcomes.length === 0) throw new Error(`the spec does not allow ${JSON.stringify(op)} here`);
          const fitting = outcomes.filter((o) => compareObservation(expected, o.obs) === null);
          const keep = fitting.length ? fitting : outcomes;
          const seen = new Set<string>();
          states = keep.map((o) => o.to).filter((s) => !seen.has(s.key) && seen.add(s.key));
          return keep[0].obs;
        },
        close: async () => undefined,
      };
    },
  };
}
