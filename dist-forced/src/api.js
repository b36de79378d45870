"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultWorkers = exports.SpecError = exports.stepText = void 0;
exports.loadSpecFile = loadSpecFile;
exports.checkModel = checkModel;
exports.parallelBlocker = parallelBlocker;
exports.simulateModel = simulateModel;
exports.checkSpecFile = checkSpecFile;
// Programmatic entry points: load a spec from a .spec.ts file (statically,
// as the command line does), specialise it to constants and check it with
// the generated checker or the reference interpreter.
const path = __importStar(require("path"));
const dsl_1 = require("../dsl");
const modules_1 = require("../dsl/modules");
const diagnostics_1 = require("../dsl/diagnostics");
const load_1 = require("../generator/load");
const bfs_1 = require("./engine/bfs");
const simulate_1 = require("./engine/simulate");
const explore_1 = require("./engine/explore");
const parallel_1 = require("./engine/parallel/parallel");
const interpreter_1 = require("./reference/interpreter");
const values_1 = require("./runtime/values");
var step_1 = require("./runtime/step");
Object.defineProperty(exports, "stepText", { enumerable: true, get: function () { return step_1.stepText; } });
var diagnostics_2 = require("../dsl/diagnostics");
Object.defineProperty(exports, "SpecError", { enumerable: true, get: function () { return diagnostics_2.SpecError; } });
var parallel_2 = require("./engine/parallel/parallel");
Object.defineProperty(exports, "defaultWorkers", { enumerable: true, get: function () { return parallel_2.defaultWorkers; } });
/** Read the spec named `name` (or the only one) from a .spec.ts file; throws SpecError. */
function loadSpecFile(file, name) {
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    const { spec, diagnostics } = (0, modules_1.loadLinked)(file, name, shown);
    if (!spec)
        throw new diagnostics_1.SpecError(diagnostics);
    return dsl_1.Spec.ofLinked(spec);
}
/**
 * Check a model; evaluation failures become SpecErrors located at the failing
 * step or invariant. With `workers` > 1 (by default one per core:
 * defaultWorkers) the generated engine explores in parallel when it can
 * (parallelBlocker says when it cannot), with the same result; levels under
 * `parallelThreshold` states are expanded by the calling thread alone.
 */
function checkModel(model, opts = {}) {
    try {
        if (opts.engine === 'interpreter')
            return (0, interpreter_1.interpretCheck)(model, opts);
        const { checker, jsPath } = (0, load_1.generateChecker)(model, { onGenerate: opts.onGenerate });
        const workers = opts.workers ?? (0, parallel_1.defaultWorkers)();
        if (workers > 1 && !parallelBlocker(model, opts))
            return (0, parallel_1.exploreParallel)(checker, jsPath, { ...opts, workers });
        return (0, bfs_1.exploreGenerated)(checker, opts);
    }
    catch (err) {
        if (err instanceof explore_1.EvaluationFailure)
            throw locate(model, err);
        throw err;
    }
}
/** Why checkModel explores `model` with one thread whatever `workers` says, or null. */
function parallelBlocker(model, opts) {
    return (0, parallel_1.sequentialReason)({ liveness: model.liveness.length > 0, counterexamples: opts.counterexamples, engine: opts.engine, simulate: opts.simulate, fingerprintOnly: opts.fingerprintOnly });
}
/** Random walks through a model (simulation mode); evaluation failures located as in checkModel. */
function simulateModel(model, opts) {
    try {
        if (opts.engine === 'interpreter')
            return (0, simulate_1.simulate)((0, interpreter_1.interpretedSpace)(model), (s) => s.slice(), opts);
        const { checker } = (0, load_1.generateChecker)(model, { onGenerate: opts.onGenerate });
        const words = new Uint32Array(checker.WORDS);
        // a copy through the packed form: the module may reuse what it emits
        const copy = (s) => {
            checker.encode(s, words, 0);
            return checker.decode(words, 0);
        };
        return (0, simulate_1.simulate)((0, bfs_1.generatedSpace)(checker), copy, opts);
    }
    catch (err) {
        if (err instanceof explore_1.EvaluationFailure)
            throw locate(model, err);
        throw err;
    }
}
/** The located diagnostic of an evaluation failure (the interpreter's are located already). */
function locate(model, f) {
    if (f.cause instanceof diagnostics_1.SpecError)
        return f.cause;
    if (!(f.cause instanceof values_1.EvalError))
        return f.cause instanceof Error ? f.cause : new Error(String(f.cause));
    if ('invariant' in f.where) {
        const inv = model.invariants[f.where.invariant];
        return new diagnostics_1.SpecError([(0, diagnostics_1.diag)('eval', `invariant ${inv.name}: ${f.message}`, inv.span, model.source)]);
    }
    const act = f.where.action >= 0 ? model.actions[f.where.action] : undefined;
    const what = act ? `step ${act.name}` : 'init';
    return new diagnostics_1.SpecError([(0, diagnostics_1.diag)('eval', `${what}: ${f.message}`, act ? act.span : model.initSpan, model.source)]);
}
function checkSpecFile(file, opts = {}) {
    const spec = loadSpecFile(file, opts.spec);
    return checkModel(spec.model(opts.constants ?? {}), opts);
}
//# sourceMappingURL=api.js.map