// The front end's semantic passes, in order: AST + constant values → Model
// (dsl/ir.ts). Each pass is one file:
//   resolve.ts      global names, named types and tags, variables, processes
//   constants.ts    constant values (defaults, --const), derived constants, assumptions
//   typecheck.ts    typing of expressions (operators.ts: operators, built-ins, match), def expansion
//   assign-once.ts  at most one assignment per variable (or part) per step
//   lower.ts        bodies → IR: statements, process steps as pc-guarded actions, init
// This file only runs them and collects their diagnostics. (It is not called
// "checker": in this project the checker is the model checker, src/engine.)
import type * as A from './ast';
import { type Diagnostic, type SourceText, report } from './diagnostics';
import { M } from './messages';
import type { IAction, IFairness, IInvariant, ILiveness, IStmt, Model } from './ir';
import { lowerFairness, lowerProperty } from './temporal';
import { EvalError } from '../src/runtime/values';
import { Fail } from './symbols';
import { Resolver } from './resolve';
import { ConstantPass, type ConstOverrides } from './constants';
import { Lowerer } from './lower';
import { SymmetryFail, checkSymmetric, declareSymmetry, symmetryOf } from './symmetry';
import type { ISymmetry } from './ir';

export type { ConstOverrides } from './constants';

export interface AnalyzeOptions {
  name: string;
  source?: SourceText;
  constants?: ConstOverrides;
}

export function analyzeSpec(ast: A.SpecAst, opts: AnalyzeOptions): { model?: Model; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const src = opts.source;
  /** Run one declaration's analysis; its error is recorded and the next declaration goes on. */
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof Fail) {
        // an error inside a def is met at the def and again at each use: report it once
        const d = e.d;
        if (d && !diags.some((x) => x.code === d.code && x.message === d.message && x.span?.start === d.span?.start)) diags.push(d);
        return undefined;
      }
      if (e instanceof EvalError) {
        diags.push(report(M.ConstEvalFails, [e.message], undefined, src));
        return undefined;
      }
      throw e;
    }
  };
  const decls = ast.decls;
  const res = new Resolver(src);
  // 0. a constant without a type is only an override of an extended spec's (linked away by then)
  for (const d of decls) if (d.kind === 'Const' && !d.type) diags.push(report(M.ConstNeedsType, [d.name.name], d.name.span, src));
  // module declarations are linked away before analysis (dsl/modules.ts); an unlinked spec has no file to import from
  for (const m of ast.modules) diags.push(m.kind === 'Import' ? report(M.ImportWithoutFile, [m.path], m.pathSpan, src) : report(M.ExtendsNotImported, [m.name.name], m.name.span, src));
  if (diags.length) return { diagnostics: diags };
  // 1. global names
  for (const d of decls) attempt(() => res.declareGlobal(d));
  if (diags.length) return { diagnostics: diags };
  // 1a. `symmetric X`: what X names, marked before any type is resolved
  declareSymmetry(res, decls, src, diags);
  if (diags.length) return { diagnostics: diags };
  // 2. constants, in order (a constant or derived constant may use earlier ones)
  const consts = new ConstantPass(res, opts.name, opts.constants ?? {});
  for (const d of decls) {
    if (d.kind === 'Const' && attempt(() => (consts.checkConst(d), true)) === undefined) res.failedConsts.add(d.name.name);
    if (d.kind === 'Def' && attempt(() => (consts.checkDerived(d), true)) === undefined) res.failedConsts.add(d.name.name);
  }
  attempt(() => consts.checkOverrides());
  if (diags.length) return { diagnostics: diags };
  // 3. named types and tags
  for (const d of decls) if (d.kind === 'Type' || d.kind === 'Union') attempt(() => res.namedType(d.name.name, d.name.span));
  if (diags.length) return { diagnostics: diags };
  // 4. assumptions
  for (const d of decls) if (d.kind === 'Assume') attempt(() => consts.checkAssume(d));
  if (diags.length) return { diagnostics: diags };
  // 5. variables, then processes (their pc and locals are variables too)
  for (const d of decls) if (d.kind === 'Var') attempt(() => res.declareVar(d.name.name, res.resolveType(d.type), d.span, d.type.span));
  for (const d of decls) if (d.kind === 'Process') attempt(() => res.declareProcess(d));
  if (diags.length) return { diagnostics: diags };
  let symmetric: ISymmetry | undefined;
  try {
    symmetric = attempt(() => symmetryOf(res, decls, src));
  } catch (e) {
    if (!(e instanceof SymmetryFail)) throw e;
    diags.push(e.d);
  }
  if (diags.length) return { diagnostics: diags };
  // 6. bodies, lowered
  const lower = new Lowerer(res);
  const inits = decls.filter((d): d is A.InitDecl => d.kind === 'Init');
  if (inits.length > 1) diags.push(report(M.InitTwice, [], inits[1].span, src));
  const firstVar = decls.find((d) => d.kind === 'Var');
  if (inits.length === 0 && firstVar) diags.push(report(M.NoInit, [], firstVar.span, src));
  const init: { body: IStmt[]; slots: number } | undefined = attempt(() => lower.init(inits[0]));
  const actions: IAction[] = [];
  const invariants: IInvariant[] = [];
  const liveness: ILiveness[] = [];
  const fairness: IFairness[] = [];
  for (const d of decls) {
    if (d.kind === 'Action') {
      const a = attempt(() => lower.action(d));
      if (a) actions.push(a);
    } else if (d.kind === 'Process') {
      const sym = res.procs.get(d.name.name)!;
      for (const def of d.defs) attempt(() => lower.def(def, sym));
      const steps = attempt(() => lower.processSteps(d));
      if (steps) actions.push(...steps);
    } else if (d.kind === 'Invariant') {
      const inv = attempt(() => lower.invariant(d));
      if (inv) invariants.push(inv);
    } else if (d.kind === 'Def') {
      if (!res.constants.get(d.name.name)?.derived) attempt(() => lower.def(d));
    } else if (d.kind === 'Property') {
      const p = attempt(() => lowerProperty(res, d));
      if (p && 'invariant' in p) invariants.push(p.invariant);
      else if (p) liveness.push(p.liveness);
    }
  }
  for (const d of decls) {
    if (d.kind !== 'Fairness') continue;
    const f = attempt(() => lowerFairness(res, d, actions.filter((a) => !a.process).map((a) => a.name)));
    if (f) fairness.push(f);
  }
  if (res.vars.length === 0 && diags.length === 0) diags.push(report(M.NoStateVariable, [], { start: 0, end: 0 }, src));
  if (diags.length || !init) return { diagnostics: diags };
  const model: Model = {
    name: opts.name,
    source: src,
    constants: [...res.constants.values()],
    vars: res.vars,
    init: init.body,
    initSlots: init.slots,
    initSpan: inits[0]?.span ?? { start: 0, end: 0 },
    actions,
    processes: res.processes,
    invariants,
    liveness,
    fairness,
  };
  if (symmetric) {
    // 7. the spec must not tell the values of its symmetric set apart (dsl/symmetry.ts)
    const broken = checkSymmetric(model, symmetric);
    if (broken.length) return { diagnostics: broken };
    model.symmetric = symmetric;
  }
  return { model, diagnostics: [] };
}
