// `uffdspec check FILE --simulate`: random walks instead of an exhaustive
// exploration (TLC's -simulate), for state spaces too large to exhaust. The
// output never says a property holds: a simulation is not a proof.
import type * as Api from '../api';
import type { Model } from '../../dsl/ir';
import type { SimulationResult } from '../engine/simulate';
import { EXIT } from './commands';
import { formatTrace, type FormatOptions, type TraceShape } from './format';
import type * as ExportItf from './export-itf';
import { Out, Parsed, UsageError, intFlag } from './options';

/** Flags of `check` that ask for an exhaustive run: meaningless with --simulate. */
const EXHAUSTIVE_ONLY = ['continue', 'expect-violation', 'max-states', 'max-depth', 'coverage', 'counterexamples'];

export interface SimulateRequest {
  walks: number;
  depth: number;
  seed: number;
  timeoutMs?: number;
}

/** The --simulate flags, validated before anything runs. */
export function simulateFlags(p: Parsed): SimulateRequest {
  for (const f of EXHAUSTIVE_ONLY) if (p.flags.has(f)) throw new UsageError(`check: --${f} asks for an exhaustive run; it cannot be used with --simulate`);
  const timeout = intFlag(p, 'timeout', 'check');
  return {
    walks: intFlag(p, 'walks', 'check') ?? 1000,
    depth: intFlag(p, 'depth', 'check') ?? 100,
    seed: intFlag(p, 'seed', 'check') ?? 1,
    ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
  };
}

export function runSimulate(model: Model, req: SimulateRequest, p: Parsed, shape: TraceShape, startedAt: number, out: Out, err: Out, fmt: FormatOptions = {}): number {
  const { simulateModel } = require('../api') as typeof Api;
  const engine = (p.flags.get('engine')?.[0] ?? 'generated') as 'generated' | 'interpreter';
  const r = simulateModel(model, { ...req, startedAt, engine, deadlock: !p.flags.has('no-deadlock') });
  if (p.flags.has('json')) out(JSON.stringify(r, null, 2));
  else out(formatSimulation(r, shape, fmt));
  if (p.flags.has('itf')) (require('./export-itf') as typeof ExportItf).checkItf(model, r.violations, p, p.positional[0], `a path found by simulation (seed ${r.seed})`, out, err);
  return r.result === 'no-violation' ? EXIT.limit : EXIT.violated;
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}

export function formatSimulation(r: SimulationResult, shape: TraceShape, fmt: FormatOptions): string {
  const l: string[] = [];
  const each = `at most ${n(r.depth)} states each, seed ${r.seed}`;
  const stats = `${n(r.statesVisited)} states visited, longest walk ${n(r.longestWalk)} states, ${n(r.walksTerminated)} walks ended with every process finished, ${(r.durationMs / 1000).toFixed(1)} s`;
  if (r.result === 'no-violation') {
    const ran = `${n(r.walksRun)} of ${n(r.walksRequested)} walks (${each})`;
    l.push(`Simulation: no violation in ${ran}${r.stoppedBy ? ', stopped by the timeout' : ''}: ${stats}.`);
    l.push('A simulation is not a proof: no property is said to hold. Run other seeds, or check exhaustively.');
    return l.join('\n');
  }
  const v = r.violations[0];
  l.push(`Simulation: ${v.property === 'Deadlock' ? 'deadlock' : `${v.property} violated`} by walk ${n(r.walksRun)} of ${n(r.walksRequested)} (${each}), after ${v.trace.length - 1} steps: ${stats}.`);
  l.push('The counterexample is a path of the spec, not necessarily a shortest one (an exhaustive check gives the shortest).');
  l.push(formatTrace(v.trace, v.property, shape, fmt));
  return l.join('\n');
}
