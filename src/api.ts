// Programmatic entry points: load a spec from a .spec.ts file (statically,
// as the command line does), specialise it to constants and check it with
// the generated checker or the reference interpreter.
import * as path from 'path';
import { extractSpecs, selectSpec } from '../dsl/extract';
import { Spec, parseSpecText } from '../dsl';
import type { ConstOverrides } from '../dsl/checker';
import { SpecError, diag } from '../dsl/diagnostics';
import type { Model } from '../dsl/ir';
import { generateChecker } from '../generator/load';
import { StepError, explore } from './engine/bfs';
import type { CheckOptions, CheckResult } from './engine/result';
import { interpretCheck } from './reference/interpreter';
import { EvalError } from './runtime/values';

export type { CheckResult } from './engine/result';
export { SpecError } from '../dsl/diagnostics';

/** Read the spec named `name` (or the only one) from a .spec.ts file; throws SpecError. */
export function loadSpecFile(file: string, name?: string): Spec {
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  const { specs, diagnostics } = extractSpecs(file);
  if (diagnostics.length) throw new SpecError(diagnostics.map((d) => ({ ...d, source: d.source })));
  const sel = selectSpec(specs, name, shown);
  if (!sel.spec) throw new SpecError(sel.diagnostics);
  const src = { ...sel.spec.source, file: shown };
  return parseSpecText(sel.spec.name, sel.spec.text, src);
}

export interface RunOptions extends CheckOptions {
  engine?: 'generated' | 'interpreter';
}

/** Check a model; evaluation failures become SpecErrors located at the failing step. */
export function checkModel(model: Model, opts: RunOptions = {}): CheckResult {
  if (opts.engine === 'interpreter') return interpretCheck(model, opts);
  const { checker } = generateChecker(model);
  try {
    return explore(checker, opts);
  } catch (err) {
    const e = err as StepError & { actionIndex?: number };
    if (err instanceof StepError || err instanceof EvalError) {
      const ai = err instanceof StepError ? err.action : e.actionIndex ?? -1;
      const act = ai >= 0 ? model.actions[ai] : undefined;
      const where = act ? `step ${act.name}` : 'init';
      throw new SpecError([diag('eval', `${where}: ${err.message}`, act ? act.span : model.initSpan, model.source)]);
    }
    throw err;
  }
}

export interface CheckFileOptions extends RunOptions {
  spec?: string;
  constants?: ConstOverrides;
}

export function checkSpecFile(file: string, opts: CheckFileOptions = {}): CheckResult {
  const spec = loadSpecFile(file, opts.spec);
  return checkModel(spec.model(opts.constants ?? {}), opts);
}
