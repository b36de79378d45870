// Breadth-first exploration of a generated checker module: states packed in
// one growing Uint32Array arena, 64-bit fingerprints in an open-addressing
// table, a parent link and the producing step per state (so every
// counterexample is a shortest one), deadlock detection, coverage per
// action/label, limits and progress.
import type { CheckOptions, CheckResult, CoverageRow, TraceStep, Violation } from './result';
import { FingerprintSet, fingerprint } from './fpset';

/** The interface of a generated checker (see generator/emit.ts). */
export interface CompiledChecker {
  META: {
    spec: string;
    constants: Record<string, unknown>;
    words: number;
    actions: { name: string }[];
    invariants: string[];
  };
  WORDS: number;
  init(emit: (n: unknown[]) => void): void;
  successors(s: unknown[], emit: (action: number, combo: number, n: unknown[]) => void): void;
  invariant(s: unknown[]): number;
  terminated(s: unknown[]): boolean;
  encode(n: unknown[], w: Uint32Array, o: number): void;
  decode(w: Uint32Array, o: number): unknown[];
  toJSON(s: unknown[]): Record<string, unknown>;
  stepName(action: number, combo: number): string;
}

/** Thrown when evaluating the spec fails in a step; the API turns it into a located diagnostic. */
export class StepError extends Error {
  constructor(message: string, readonly action: number, readonly trace: TraceStep[]) {
    super(message);
  }
}

class Grow {
  a: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Int32Array(cap);
  }
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

export function explore(m: CompiledChecker, opts: CheckOptions = {}): CheckResult {
  const t0 = Date.now();
  const W = m.WORDS;
  let arena = new Uint32Array(W * 1024);
  const seen = new FingerprintSet();
  const parent = new Grow(1024);
  const via = new Grow(1024); // action index, -1 for initial states
  const viaCombo = new Grow(1024);
  const coverage: CoverageRow[] = m.META.actions.map((a) => ({ action: a.name, generated: 0, distinct: 0 }));
  const scratch = new Uint32Array(W);
  const fp = new Uint32Array(2);
  let count = 0;
  let generated = 0;
  let depth = 0;
  const deadlockCheck = opts.deadlock !== false;
  const timeoutAt = opts.timeout ? t0 + opts.timeout * 1000 : Infinity;
  let lastProgress = t0;
  const progressEvery = opts.progressIntervalMs ?? 3000;

  const trace = (i: number): TraceStep[] => {
    const idx: number[] = [];
    for (let j = i; j >= 0; j = parent.a[j]) idx.push(j);
    return idx.reverse().map((j) => ({
      action: via.a[j] < 0 ? 'Init' : m.stepName(via.a[j], viaCombo.a[j]),
      state: m.toJSON(m.decode(arena, j * W)),
    }));
  };
  const done = (result: CheckResult['result'], violations: Violation[], queueLeft: number, limit?: string): CheckResult => ({
    spec: m.META.spec,
    constants: m.META.constants,
    result,
    statesGenerated: generated,
    distinctStates: count,
    depth,
    queueLeft,
    durationMs: Date.now() - t0,
    violations,
    coverage,
    limit,
    engine: 'generated',
  });
  /** store n if new; returns its index, or -1 when already seen */
  const add = (n: unknown[], from: number, action: number, combo: number): number => {
    generated++;
    m.encode(n, scratch, 0);
    fingerprint(scratch, 0, W, fp);
    if (seen.getOrAdd(fp[0], fp[1], count) >= 0) return -1;
    if ((count + 1) * W > arena.length) {
      const b = new Uint32Array(arena.length * 2);
      b.set(arena);
      arena = b;
    }
    arena.set(scratch, count * W);
    parent.push(from);
    via.push(action);
    viaCombo.push(combo);
    return count++;
  };
  const failStep = (err: unknown, from: number, action: number): never => {
    const t = from >= 0 ? trace(from) : [];
    throw new StepError((err as Error).message, action, t);
  };

  // level 0: initial states. With stopAtFirst false (TLC's -continue), the
  // first violation of each property is kept and exploration goes on.
  const stopAtFirst = opts.stopAtFirst !== false;
  const violations: Violation[] = [];
  const violated = new Set<string>();
  const report = (property: string, i: number) => {
    if (violated.has(property)) return;
    violated.add(property);
    violations.push({ property, trace: trace(i) });
  };
  const stop = () => stopAtFirst && violations.length > 0;
  m.init((n) => {
    if (stop()) return;
    let i: number;
    try {
      i = add(n, -1, -1, 0);
    } catch (err) {
      return failStep(err, -1, -1);
    }
    if (i >= 0) {
      const bad = m.invariant(n);
      if (bad >= 0) report(m.META.invariants[bad], i);
    }
  });
  depth = count > 0 ? 1 : 0;
  if (stop()) return done('violation', violations, 0);

  let levelEnd = count;
  let level = 0;
  for (let head = 0; head < count; head++) {
    if (head === levelEnd) {
      level++;
      levelEnd = count;
      if (opts.maxDepth !== undefined && level >= opts.maxDepth) return done('limit', [], count - head, 'max-depth');
    }
    if (opts.maxStates !== undefined && count >= opts.maxStates) return done('limit', [], count - head, 'max-states');
    if ((head & 1023) === 0) {
      const now = Date.now();
      if (now > timeoutAt) return done('limit', [], count - head, 'timeout');
      if (opts.progress && now - lastProgress >= progressEvery) {
        lastProgress = now;
        opts.progress({ distinct: count, queue: count - head, generated, statesPerSecond: Math.round((count * 1000) / Math.max(1, now - t0)), elapsedMs: now - t0 });
      }
    }
    const s = m.decode(arena, head * W);
    let any = false;
    m.successors(s, (action, combo, n) => {
      any = true;
      if (stop()) return;
      coverage[action].generated++;
      let i: number;
      try {
        i = add(n, head, action, combo);
      } catch (err) {
        return failStep(err, head, action);
      }
      if (i < 0) return;
      coverage[action].distinct++;
      if (level + 2 > depth) depth = level + 2;
      const bad = m.invariant(n);
      if (bad >= 0) report(m.META.invariants[bad], i);
    });
    if (stop()) return done('violation', violations, count - head - 1);
    if (!any && deadlockCheck && !m.terminated(s)) {
      report('Deadlock', head);
      if (stopAtFirst) return done('deadlock', violations, count - head - 1);
    }
  }
  if (violations.length) return done(violations[0].property === 'Deadlock' ? 'deadlock' : 'violation', violations, 0);
  return done('ok', [], 0);
}
