// The outcome of a model-checking run, as printed by `--json` and returned
// by the API. Both engines (generated checker, reference interpreter) produce
// it through one exploration loop (explore.ts).
import type { Step } from '../runtime/step';
import type { JsonValue } from '../runtime/json';

export type { Step } from '../runtime/step';

// A state has three representations; each conversion is made in one place.
//
// - Decoded: an array of run-time values, one per variable (values.ts). What
//   a spec's steps and invariants are evaluated on: the generated module's
//   init/successors/INVARIANTS and the interpreter both work on it (the same
//   representation, so a test can run the interpreter from a decoded state),
//   and explore() hands it around without looking inside (StateSpace<S>).
// - Packed: WORDS 32-bit words, generated modules only. The module's
//   `encode` and `decode` convert, called from bfs.ts alone: PackedStore
//   (the engine stores states packed: encode on add, decode on get) and
//   stateForms (for code that steps a module by hand, such as the
//   conformance spec target). It is a state's identity: fingerprints are
//   taken of it, and the spec target keys states by it. The interpreter has
//   no packed form; it keys its states by their JSON text (ValueStore).
// - JSON: values.ts `toJSON` (tags as `{ tag, ... }`, maps as objects keyed
//   by the index's text), applied per variable by the module's `toJSON` or
//   the interpreter's `stateToJSON`. Made only where it is needed: as the
//   interpreter's state key (ValueStore), for each state of a counterexample
//   (TraceStep.state, in explore.ts `trace`) and for each state the spec
//   target observes (stateForms). Everything
//   downstream reads only this form: the text and `--json` output
//   (src/cli/format.ts), the verdict tables (src/verdicts/render.ts), the
//   schedules (spec/shmem_uffd/schedules.ts) and the trace binding
//   (spec/shmem_uffd/binding.ts), so none of them depends on an engine's
//   run-time representation (runtime/json.ts `tagOfJson` reads a tag there).

export interface TraceStep {
  /**
   * The step's text, stepText(step) ('FillBig', 'RMPrepare(1)',
   * 'Proc[0]:label'), or 'Init' for the initial state: what is printed, and
   * the field `--json` output has always had.
   */
  action: string;
  /** the step as data (runtime/step.ts); null for the initial state, which no step produced */
  step: Step | null;
  /** every variable as plain JSON (process pcs and locals as 'Proc.pc', 'Proc.x') */
  state: Record<string, unknown>;
}

/** The `action` of the initial state of a trace. */
export const INIT_ACTION = 'Init';

export interface Violation {
  /** the invariant's name, 'Deadlock', or a liveness property's name (with its instance: 'Woken[1]') */
  property: string;
  trace: TraceStep[];
  /**
   * A liveness violation is a lasso: its last state is trace[loopFrom] reached
   * again, and the cycle trace[loopFrom..] repeats forever. With `stutter`, loopFrom
   * is the last state and the behaviour stays there forever (no fair step is
   * enabled there). Absent for a safety violation.
   */
  loopFrom?: number;
  stutter?: boolean;
  /** a liveness property with a forall prefix: the instance violated ({ t: 1 }) */
  instance?: Record<string, JsonValue>;
}

export interface CoverageRow {
  action: string;
  /** successor states this action generated */
  generated: number;
  /** of those, states seen for the first time */
  distinct: number;
}

export type Verdict = 'ok' | 'violation' | 'deadlock' | 'limit';

/** Why an exploration ended before the whole state graph was seen. */
export type StopReason = 'first-violation' | 'max-states' | 'max-depth' | 'timeout';

/**
 * What a run may say of one property. `holds` only after a complete
 * exploration; a violation is a fact however far the run got; anything else
 * is `unknown`, with the reason.
 */
export interface PropertyVerdict {
  /** an invariant's name, or 'Deadlock' */
  name: string;
  status: 'holds' | 'violated' | 'unknown';
  /** for `unknown`: why the run cannot tell */
  reason?: string;
  /** for `violated`: states in the shortest counterexample found */
  traceLength?: number;
}

export interface CheckResult {
  spec: string;
  constants: Record<string, unknown>;
  /** 'violation'/'deadlock' when a property was violated (even if a limit then stopped the run); 'limit' when the run stopped early with none; 'ok' after a complete run with none */
  result: Verdict;
  /** every reachable state was explored */
  complete: boolean;
  /** why the run stopped early (absent when complete) */
  stoppedBy?: StopReason;
  statesGenerated: number;
  distinctStates: number;
  /** TLC's depth: the number of BFS levels reached (1 when only initial states exist) */
  depth: number;
  queueLeft: number;
  durationMs: number;
  violations: Violation[];
  /** one verdict per property (invariants, then Deadlock), generated from the fields above */
  properties: PropertyVerdict[];
  coverage: CoverageRow[];
  /** which limit stopped the run (max-states, max-depth, timeout) */
  limit?: string;
  engine: 'generated' | 'interpreter';
  /** worker threads that explored (check --workers N): absent when the main thread explored alone */
  workers?: number;
  /** with `symmetric X` only: whether the run explored one state per orbit (symmetry-use.ts) */
  symmetry?: SymmetryUse;
  /**
   * The memory the run's states took (generated engine): the store (table,
   * packed states or frontier) and the trace links, in bytes and per distinct
   * state; in fingerprint-only mode, what went to temporary files and TLC's
   * optimistic estimate of the probability that two states shared a fingerprint.
   * Worker threads share an exact table (mode `exact` too).
   */
  memory?: { mode: 'exact' | 'fingerprint-only'; bytes: number; bytesPerState: number; diskBytes?: number; collisionProbability?: number };
}

/**
 * How a run used the spec's `symmetric X`: reduced (distinct states are
 * orbits under the permutations of X's values), or not, and why.
 */
export interface SymmetryUse {
  name: string;
  values: number;
  permutations: number;
  reduced: boolean;
  /** why the run explored the full space: 'option' (--no-symmetry) or 'liveness' (the liveness check needs the real graph) */
  off?: 'option' | 'liveness';
}

export interface CheckOptions {
  /** report deadlocks (default true) */
  deadlock?: boolean;
  maxStates?: number;
  /** explore states up to this depth (initial states have depth 1); deeper ones are not generated */
  maxDepth?: number;
  /** seconds, counted from `startedAt` */
  timeout?: number;
  /** when the run began (Date.now()), so that the timeout covers parsing and code generation too; default: when exploration starts */
  startedAt?: number;
  /** called every few seconds on long runs (every `progressIntervalMs`) */
  progress?: (p: { distinct: number; queue: number; generated: number; statesPerSecond: number; elapsedMs: number }) => void;
  /** milliseconds between two progress calls (default 3000; 0: never); the clock is read every 1024 states */
  progressIntervalMs?: number;
  /** stop at the first violation (default true) */
  stopAtFirst?: boolean;
  /**
   * counterexamples kept per property (default 1): each ends in a different
   * violating state, by a shortest path to it, and passes through no earlier
   * violation of the same property; shortest first. With stopAtFirst the run
   * stops once one property has this many.
   */
  counterexamples?: number;
  /**
   * threads exploring (the generated engine, safety properties, one
   * counterexample per property): 1 the sequential engine; more, the
   * parallel one (engine/parallel), with the same result. checkModel's
   * default is one per core (defaultWorkers)
   */
  workers?: number;
  /** with workers > 1: BFS levels of fewer states are expanded by the main thread alone (default 50000) */
  parallelThreshold?: number;
  /**
   * with workers > 1: a level large enough to share out waits for the threads
   * to have loaded the module (by default the main thread expands it alone
   * meanwhile); for tests, so that a small check takes the parallel path
   */
  awaitWorkers?: boolean;
  /** with `symmetric X`: explore one state per orbit (default true; false: the full space, `--no-symmetry`) */
  symmetry?: boolean;
  /** the number of distinct states to size the state table for up front (no rehashing below it) */
  statesHint?: number;
  /** keep only 64-bit fingerprints of seen states (generated engine): no liveness, one counterexample per property */
  fingerprintOnly?: boolean;
  /** fingerprint-only: the frontier's memory bound in bytes before it spills to a file */
  frontierBytes?: number;
}

/** Why a run that stopped early cannot tell whether a property holds. */
function unknownReason(r: CheckResult): string {
  const where = `${r.distinctStates} distinct states, ${r.queueLeft} left on the queue`;
  switch (r.stoppedBy) {
    case 'first-violation':
      return `not checked past ${r.distinctStates} states: the run stopped at the first violation (${where}); --continue explores everything`;
    case 'max-states':
      return `not checked past ${r.distinctStates} states: the --max-states limit stopped the run (${where})`;
    case 'max-depth':
      return `not checked past depth ${r.depth}: the --max-depth limit stopped the run (${where})`;
    case 'timeout':
      return `not checked past ${r.distinctStates} states: the --timeout limit stopped the run (${where})`;
    default:
      return 'not checked';
  }
}

/** The verdict of every property: invariants in declaration order, liveness properties, then Deadlock (when checked). */
export function propertyVerdicts(r: CheckResult, invariants: string[], deadlockChecked: boolean, liveness: string[] = []): PropertyVerdict[] {
  const names = [...invariants, ...liveness, ...(deadlockChecked ? ['Deadlock'] : [])];
  return names.map((name) => {
    const v = r.violations.find((x) => x.property === name);
    if (v) return { name, status: 'violated', traceLength: v.trace.length };
    if (r.complete) return { name, status: 'holds' };
    return { name, status: 'unknown', reason: unknownReason(r) };
  });
}

/** TLC's exit convention, extended: 0 ok, 1 violation or deadlock, 2 user error, 3 limit reached with no violation. */
export function exitCodeOf(r: CheckResult): number {
  // complete with a property left unknown: liveness not checked in fingerprint-only mode
  if (r.result === 'ok' && r.properties.some((p) => p.status === 'unknown')) return 3;
  return r.result === 'ok' ? 0 : r.result === 'limit' ? 3 : 1;
}
