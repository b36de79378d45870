"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.makeStep = makeStep;
exports.stepActor = stepActor;
exports.stepText = stepText;
exports.intParam = intParam;
exports.boolParam = boolParam;
exports.intInstance = intInstance;
/**
 * The step of `action` with parameter values `values` (JSON form, in
 * declaration order). An indexed process step has one parameter, `self`,
 * its instance.
 */
function makeStep(action, values) {
    const p = action.process;
    if (p)
        return { action: action.name, process: p.name, instance: p.indexed ? values[0] : null, label: p.label, params: {} };
    const params = {};
    action.params.forEach((x, i) => (params[x.name] = values[i]));
    return { action: action.name, process: null, instance: null, label: null, params };
}
/** Who ran a process step, as printed: 'Thread[1]', or 'Punch' for a process with one instance; null for an action. */
function stepActor(step) {
    if (step.process === null)
        return null;
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
function stepText(step) {
    const actor = stepActor(step);
    if (actor !== null)
        return `${actor}:${step.label}`;
    const args = Object.values(step.params);
    return args.length ? `${step.action}(${args.map((v) => JSON.stringify(v)).join(', ')})` : step.action;
}
// Typed reads of a step's fields, for the bindings that know a spec's
// parameter names: a parameter that is missing or of another type means the
// binding and the spec disagree, which is an error, not a value to go on with.
/** the integer parameter `name` of an action step */
function intParam(step, name) {
    const v = step.params[name];
    if (typeof v !== 'number')
        throw new Error(`step ${stepText(step)}: no integer parameter ${name}`);
    return v;
}
/** the boolean parameter `name` of an action step */
function boolParam(step, name) {
    const v = step.params[name];
    if (typeof v !== 'boolean')
        throw new Error(`step ${stepText(step)}: no boolean parameter ${name}`);
    return v;
}
/** the instance of a step of a process indexed by integers */
function intInstance(step) {
    if (typeof step.instance !== 'number')
        throw new Error(`step ${stepText(step)}: not a step of a process indexed by integers`);
    return step.instance;
}
//# sourceMappingURL=step.js.map