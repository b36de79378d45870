"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.analyzeSpec = analyzeSpec;
const diagnostics_1 = require("./diagnostics");
const messages_1 = require("./messages");
const temporal_1 = require("./temporal");
const values_1 = require("../src/runtime/values");
const symbols_1 = require("./symbols");
const resolve_1 = require("./resolve");
const constants_1 = require("./constants");
const lower_1 = require("./lower");
const symmetry_1 = require("./symmetry");
function analyzeSpec(ast, opts) {
    const diags = [];
    const src = opts.source;
    /** Run one declaration's analysis; its error is recorded and the next declaration goes on. */
    const attempt = (f) => {
        try {
            return f();
        }
        catch (e) {
            if (e instanceof symbols_1.Fail) {
                // an error inside a def is met at the def and again at each use: report it once
                const d = e.d;
                if (d && !diags.some((x) => x.code === d.code && x.message === d.message && x.span?.start === d.span?.start))
                    diags.push(d);
                return undefined;
            }
            if (e instanceof values_1.EvalError) {
                diags.push((0, diagnostics_1.report)(messages_1.M.ConstEvalFails, [e.message], undefined, src));
                return undefined;
            }
            throw e;
        }
    };
    const decls = ast.decls;
    const res = new resolve_1.Resolver(src);
    // 0. a constant without a type is only an override of an extended spec's (linked away by then)
    for (const d of decls)
        if (d.kind === 'Const' && !d.type)
            diags.push((0, diagnostics_1.report)(messages_1.M.ConstNeedsType, [d.name.name], d.name.span, src));
    // module declarations are linked away before analysis (dsl/modules.ts); an unlinked spec has no file to import from
    for (const m of ast.modules)
        diags.push(m.kind === 'Import' ? (0, diagnostics_1.report)(messages_1.M.ImportWithoutFile, [m.path], m.pathSpan, src) : (0, diagnostics_1.report)(messages_1.M.ExtendsNotImported, [m.name.name], m.name.span, src));
    if (diags.length)
        return { diagnostics: diags };
    // 1. global names
    for (const d of decls)
        attempt(() => res.declareGlobal(d));
    if (diags.length)
        return { diagnostics: diags };
    // 1a. `symmetric X`: what X names, marked before any type is resolved
    (0, symmetry_1.declareSymmetry)(res, decls, src, diags);
    if (diags.length)
        return { diagnostics: diags };
    // 2. constants, in order (a constant or derived constant may use earlier ones)
    const consts = new constants_1.ConstantPass(res, opts.name, opts.constants ?? {});
    for (const d of decls) {
        if (d.kind === 'Const' && attempt(() => (consts.checkConst(d), true)) === undefined)
            res.failedConsts.add(d.name.name);
        if (d.kind === 'Def' && attempt(() => (consts.checkDerived(d), true)) === undefined)
            res.failedConsts.add(d.name.name);
    }
    attempt(() => consts.checkOverrides());
    if (diags.length)
        return { diagnostics: diags };
    // 3. named types and tags
    for (const d of decls)
        if (d.kind === 'Type' || d.kind === 'Union')
            attempt(() => res.namedType(d.name.name, d.name.span));
    if (diags.length)
        return { diagnostics: diags };
    // 4. assumptions
    for (const d of decls)
        if (d.kind === 'Assume')
            attempt(() => consts.checkAssume(d));
    if (diags.length)
        return { diagnostics: diags };
    // 5. variables, then processes (their pc and locals are variables too)
    for (const d of decls)
        if (d.kind === 'Var')
            attempt(() => res.declareVar(d.name.name, res.resolveType(d.type), d.span, d.type.span));
    for (const d of decls)
        if (d.kind === 'Process')
            attempt(() => res.declareProcess(d));
    if (diags.length)
        return { diagnostics: diags };
    let symmetric;
    try {
        symmetric = attempt(() => (0, symmetry_1.symmetryOf)(res, decls, src));
    }
    catch (e) {
        if (!(e instanceof symmetry_1.SymmetryFail))
            throw e;
        diags.push(e.d);
    }
    if (diags.length)
        return { diagnostics: diags };
    // 6. bodies, lowered
    const lower = new lower_1.Lowerer(res);
    const inits = decls.filter((d) => d.kind === 'Init');
    if (inits.length > 1)
        diags.push((0, diagnostics_1.report)(messages_1.M.InitTwice, [], inits[1].span, src));
    const firstVar = decls.find((d) => d.kind === 'Var');
    if (inits.length === 0 && firstVar)
        diags.push((0, diagnostics_1.report)(messages_1.M.NoInit, [], firstVar.span, src));
    const init = attempt(() => lower.init(inits[0]));
    const actions = [];
    const invariants = [];
    const liveness = [];
    const fairness = [];
    for (const d of decls) {
        if (d.kind === 'Action') {
            const a = attempt(() => lower.action(d));
            if (a)
                actions.push(a);
        }
        else if (d.kind === 'Process') {
            const sym = res.procs.get(d.name.name);
            for (const def of d.defs)
                attempt(() => lower.def(def, sym));
            const steps = attempt(() => lower.processSteps(d));
            if (steps)
                actions.push(...steps);
        }
        else if (d.kind === 'Invariant') {
            const inv = attempt(() => lower.invariant(d));
            if (inv)
                invariants.push(inv);
        }
        else if (d.kind === 'Def') {
            if (!res.constants.get(d.name.name)?.derived)
                attempt(() => lower.def(d));
        }
        else if (d.kind === 'Property') {
            const p = attempt(() => (0, temporal_1.lowerProperty)(res, d));
            if (p && 'invariant' in p)
                invariants.push(p.invariant);
            else if (p)
                liveness.push(p.liveness);
        }
    }
    for (const d of decls) {
        if (d.kind !== 'Fairness')
            continue;
        const f = attempt(() => (0, temporal_1.lowerFairness)(res, d, actions.filter((a) => !a.process).map((a) => a.name)));
        if (f)
            fairness.push(f);
    }
    if (res.vars.length === 0 && diags.length === 0)
        diags.push((0, diagnostics_1.report)(messages_1.M.NoStateVariable, [], { start: 0, end: 0 }, src));
    if (diags.length || !init)
        return { diagnostics: diags };
    const model = {
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
        const broken = (0, symmetry_1.checkSymmetric)(model, symmetric);
        if (broken.length)
            return { diagnostics: broken };
        model.symmetric = symmetric;
    }
    return { model, diagnostics: [] };
}
//# sourceMappingURL=analyze.js.map