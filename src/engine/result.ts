// The outcome of a model-checking run, as printed by `--json` and returned
// by the API. Both engines (generated checker, reference interpreter) produce it.

export interface TraceStep {
  /** 'Init', 'FillBig', 'RMPrepare(1)' or 'Proc[0]:label' */
  action: string;
  /** every variable as plain JSON (process pcs and locals as 'Proc.pc', 'Proc.x') */
  state: Record<string, unknown>;
}

export interface Violation {
  /** the invariant's name, or 'Deadlock' */
  property: string;
  trace: TraceStep[];
}

export interface CoverageRow {
  action: string;
  /** successor states this action generated */
  generated: number;
  /** of those, states seen for the first time */
  distinct: number;
}

export type Verdict = 'ok' | 'violation' | 'deadlock' | 'limit';

export interface CheckResult {
  spec: string;
  constants: Record<string, unknown>;
  result: Verdict;
  statesGenerated: number;
  distinctStates: number;
  /** TLC's depth: the number of BFS levels reached (1 when only initial states exist) */
  depth: number;
  queueLeft: number;
  durationMs: number;
  violations: Violation[];
  coverage: CoverageRow[];
  /** which limit stopped the run, when result is 'limit' */
  limit?: string;
  engine: 'generated' | 'interpreter';
}

export interface CheckOptions {
  /** report deadlocks (default true) */
  deadlock?: boolean;
  maxStates?: number;
  maxDepth?: number;
  /** seconds */
  timeout?: number;
  /** called every few seconds on long runs (every `progressIntervalMs`) */
  progress?: (p: { distinct: number; queue: number; generated: number; statesPerSecond: number; elapsedMs: number }) => void;
  /** milliseconds between two progress calls (default 3000); the clock is read every 1024 states */
  progressIntervalMs?: number;
  /** stop at the first violation (default true) */
  stopAtFirst?: boolean;
}

/** TLC's exit convention, extended: 0 ok, 1 violation or deadlock, 2 user error, 3 limit reached. */
export function exitCodeOf(r: CheckResult): number {
  return r.result === 'ok' ? 0 : r.result === 'limit' ? 3 : 1;
}
