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
// in shmem-binding.ts; this file knows only the generic mechanics.
import type { CompiledChecker } from '../src/engine/bfs';
import type { EventObs, Observation, Op } from './trace';
import { Binding, StepInfo } from './shmem-binding';

export interface SpecState {
  /** decoded values (as the generated checker uses them) */
  s: unknown[];
  /** the state as plain JSON */
  json: Record<string, unknown>;
  /** identity of the state: its packed words */
  key: string;
}

export interface Outcome {
  op: Op;
  /** the state the op started from */
  from: SpecState;
  /** the quiescent state after the op */
  to: SpecState;
  obs: Observation;
}

export class SpecSystem {
  private readonly words: Uint32Array;

  constructor(
    readonly checker: CompiledChecker,
    readonly binding: Binding,
  ) {
    this.words = new Uint32Array(checker.WORDS);
  }

  state(s: unknown[]): SpecState {
    this.checker.encode(s, this.words, 0);
    return { s: this.checker.decode(this.words, 0), json: this.checker.toJSON(s), key: Array.from(this.words).join(',') };
  }

  private steps(from: SpecState): StepInfo[] {
    const out: StepInfo[] = [];
    this.checker.successors(from.s, (action, combo, n) => {
      out.push({
        action: this.checker.META.actions[action].name,
        name: this.checker.stepName(action, combo),
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
