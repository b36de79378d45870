// One step of a behaviour, as data: which action (or which process, instance
// and label) ran, with which parameters. The generated checker (stepOf) and
// the reference interpreter both build it with makeStep, the engine puts it
// in every counterexample (TraceStep.step), and its consumers (the verdict
// tables, the conformance binding, the counterexample schedules) read its
// fields. Text is made in one place, stepText, for printing and for the
// committed artefacts that store steps as strings
// (conformance/generated/counterexamples.json, docs/verdicts.json).
import type { JsonValue } from './json';

export interface Step {
  /** the action as the spec lowers it, which is also its coverage row: 'FillBig', 'mwriteprotect_range', 'Thread:write_lands' */
  action: string;
  /** the process of a process step ('Thread'); null for an action */
  process: string | null;
  /** the instance of an indexed process, in JSON form (Thread[1]: 1); null for an action or a process with one instance */
  instance: JsonValue | null;
  /** the label of a process step ('write_lands'); null for an action */
  label: string | null;
  /** an action's parameters by their declared names, in JSON form, in declaration order ({ pg: 0, protect: true }); empty for a process step */
  params: Record<string, JsonValue>;
}

/**
 * What makeStep needs of an action: the generated module's META entry and
 * the interpreter's IAction both have this shape.
 */
export interface StepShape {
  name: string;
  params: readonly { name: string }[];
  process?: { name: string; label: string; indexed: boolean } | null;
}

/**
 * The step of `action` with parameter values `values` (JSON form, in
 * declaration order). An indexed process step has one parameter, `self`,
 * its instance.
 */
export function makeStep(action: StepShape, values: readonly JsonValue[]): Step {
  const p = action.process;
  if (p) return { action: action.name, process: p.name, instance: p.indexed ? values[0] : null, label: p.label, params: {} };
  const params: Record<string, JsonValue> = {};
  action.params.forEach((x, i) => (params[x.name] = values[i]));
  return { action: action.name, process: null, instance: null, label: null, params };
}

/** Who ran a process step, as printed: 'Thread[1]', or 'Punch' for a process with one instance; null for an action. */
export function stepActor(step: Step): string | null {
  if (step.process === null) return null;
  return step.instance === null ? step.process : `${step.process}[${JSON.stringify(step.instance)}]`;
}

/**
 * The canonical text of a step, as every output prints it
 * (docs/reading-traces.md, "Step names"): `Name` or
 * `Name(arg, ...)` for an action (`mwriteprotect_range(0, true)`),
 * `Process[instance]:label` for a step of an indexed process
 * (`Thread[1]:write_lands`), `Process:label` otherwise
 * (`Punch:punch_begin`). Arguments are the parameters' JSON texts.
 */
export function stepText(step: Step): string {
  const actor = stepActor(step);
  if (actor !== null) return `${actor}:${step.label}`;
  const args = Object.values(step.params);
  return args.length ? `${step.action}(${args.map((v) => JSON.stringify(v)).join(', ')})` : step.action;
}

// Typed reads of a step's fields, for the bindings that know a spec's
// parameter names: a parameter that is missing or of another type means the
// binding and the spec disagree, which is an error, not a value to go on with.

/** the integer parameter `name` of an action step */
export function intParam(step: Step, name: string): number {
  const v = step.params[name];
  if (typeof v !== 'number') throw new Error(`step ${stepText(step)}: no integer parameter ${name}`);
  return v;
}

/** the boolean parameter `name` of an action step */
export function boolParam(step: Step, name: string): boolean {
  const v = step.params[name];
  if (typeof v !== 'boolean') throw new Error(`step ${stepText(step)}: no boolean parameter ${name}`);
  return v;
}

/** the instance of a step of a process indexed by integers */
export function intInstance(step: Step): number {
  if (typeof step.instance !== 'number') throw new Error(`step ${stepText(step)}: not a step of a process indexed by integers`);
  return step.instance;
}
