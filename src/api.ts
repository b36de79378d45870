// Programmatic entry points: load a spec from a .spec.ts file (statically,
// as the command line does), specialise it to constants and check it with
// the generated checker or the reference interpreter.
import * as path from 'path';
import { Spec } from '../dsl';
import { loadLinked } from '../dsl/modules';
import type { ConstOverrides } from '../dsl/analyze';
import { SpecError, diag } from '../dsl/diagnostics';
import type { Model } from '../dsl/ir';
import { generateChecker } from '../generator/load';
import { exploreGenerated, generatedSpace } from './engine/bfs';
import { simulate, type SimulateOptions, type SimulationResult } from './engine/simulate';
import { EvaluationFailure } from './engine/explore';
import { defaultWorkers, exploreParallel, sequentialReason } from './engine/parallel/parallel';
import type { CheckOptions, CheckResult } from './engine/result';
import { interpretCheck, interpretedSpace } from './reference/interpreter';
import { EvalError } from './runtime/values';

export type { CheckResult, Step, TraceStep } from './engine/result';
export type { SimulationResult } from './engine/simulate';
export { stepText } from './runtime/step';
export { SpecError } from '../dsl/diagnostics';
export { defaultWorkers } from './engine/parallel/parallel';

/** Read the spec named `name` (or the only one) from a .spec.ts file; throws SpecError. */
export function loadSpecFile(file: string, name?: string): Spec {
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  const { spec, diagnostics } = loadLinked(file, name, shown);
  if (!spec) throw new SpecError(diagnostics);
  return Spec.ofLinked(spec);
}

export interface RunOptions extends CheckOptions {
  engine?: 'generated' | 'interpreter';
  /** called before a checker module has to be generated (not when it is cached) */
  onGenerate?: () => void;
}

/**
 * Check a model; evaluation failures become SpecErrors located at the failing
 * step or invariant. With `workers` > 1 (by default one per core:
 * defaultWorkers) the generated engine explores in parallel when it can
 * (parallelBlocker says when it cannot), with the same result; levels under
 * `parallelThreshold` states are expanded by the calling thread alone.
 */
export function checkModel(model: Model, opts: RunOptions = {}): CheckResult {
  try {
    if (opts.engine === 'interpreter') return interpretCheck(model, opts);
    const { checker, jsPath } = generateChecker(model, { onGenerate: opts.onGenerate });
    const workers = opts.workers ?? defaultWorkers();
    if (workers > 1 && !parallelBlocker(model, opts)) return exploreParallel(checker, jsPath, { ...opts, workers });
    return exploreGenerated(checker, opts);
  } catch (err) {
    if (err instanceof EvaluationFailure) throw locate(model, err);
    throw err;
  }
}

/** Why checkModel explores `model` with one thread whatever `workers` says, or null. */
export function parallelBlocker(model: Model, opts: RunOptions & { simulate?: boolean }): string | null {
  return sequentialReason({ liveness: model.liveness.length > 0, counterexamples: opts.counterexamples, engine: opts.engine, simulate: opts.simulate, fingerprintOnly: opts.fingerprintOnly });
}

/** Random walks through a model (simulation mode); evaluation failures located as in checkModel. */
export function simulateModel(model: Model, opts: SimulateOptions & { engine?: 'generated' | 'interpreter'; onGenerate?: () => void }): SimulationResult {
  try {
    if (opts.engine === 'interpreter') return simulate(interpretedSpace(model), (s) => s.slice(), opts);
    const { checker } = generateChecker(model, { onGenerate: opts.onGenerate });
    const words = new Uint32Array(checker.WORDS);
    // a copy through the packed form: the module may reuse what it emits
    const copy = (s: unknown[]) => {
      checker.encode(s, words, 0);
      return checker.decode(words, 0);
    };
    return simulate(generatedSpace(checker), copy, opts);
  } catch (err) {
    if (err instanceof EvaluationFailure) throw locate(model, err);
    throw err;
  }
}

/** The located diagnostic of an evaluation failure (the interpreter's are located already). */
function locate(model: Model, f: EvaluationFailure): Error {
  if (f.cause instanceof SpecError) return f.cause;
  if (!(f.cause instanceof EvalError)) return f.cause instanceof Error ? f.cause : new Error(String(f.cause));
  if ('invariant' in f.where) {
    const inv = model.invariants[f.where.invariant];
    return new SpecError([diag('eval', `invariant ${inv.name}: ${f.message}`, inv.span, model.source)]);
  }
  const act = f.where.action >= 0 ? model.actions[f.where.action] : undefined;
  const what = act ? `step ${act.name}` : 'init';
  return new SpecError([diag('eval', `${what}: ${f.message}`, act ? act.span : model.initSpan, model.source)]);
}

export interface CheckFileOptions extends RunOptions {
  spec?: string;
  constants?: ConstOverrides;
}

export function checkSpecFile(file: string, opts: CheckFileOptions = {}): CheckResult {
  const spec = loadSpecFile(file, opts.spec);
  return checkModel(spec.model(opts.constants ?? {}), opts);
}
