"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkRow = checkRow;
// Checks one row of the verdict table: every invariant of the ShmemUffd spec
// and the deadlock check, each with its own shortest counterexample.
//
const api_1 = require("../api");
const shmem_uffd_1 = require("../../spec/shmem_uffd");
const variants_1 = require("../../spec/shmem_uffd/variants");
const package_root_1 = require("../util/package-root");
const rows_1 = require("../../spec/shmem_uffd/rows");
function checkRow(row, opts = {}) {
    const model = (0, shmem_uffd_1.shmemSpec)().model(row.constants);
    const known = new Set(model.invariants.map((i) => i.name));
    for (const l of model.liveness)
        known.add(l.name);
    for (const p of rows_1.PROPERTIES) {
        if (p !== 'Deadlock' && !known.has(p))
            throw new Error(`the spec has no property ${p}`);
    }
    // One complete run that keeps going after a violation (stopAtFirst false):
    // breadth first, the first violation met for each property is a shortest
    // counterexample for it, and every property never violated holds.
    const r = (0, api_1.checkModel)(model, { deadlock: true, maxStates: opts.maxStates, stopAtFirst: false });
    if (r.result === 'limit')
        throw new Error(`row ${row.id}: state limit reached (${r.distinctStates} states)`);
    const verdicts = {};
    const traces = [];
    for (const v of r.violations) {
        const prop = v.property;
        verdicts[prop] = { holds: false, steps: v.trace.length - 1 };
        traces.push({ property: prop, trace: v.trace, ...(v.loopFrom !== undefined ? { loopFrom: v.loopFrom, stutter: v.stutter } : {}) });
    }
    for (const p of rows_1.PROPERTIES)
        if (!verdicts[p])
            verdicts[p] = { holds: true };
    const result = {
        row, verdicts, distinctStates: r.distinctStates, statesGenerated: r.statesGenerated, depth: r.depth, durationMs: r.durationMs,
        constants: r.constants, traces,
    };
    if (row.patch)
        result.patch = checkPatchOfRow(row, result, opts);
    return result;
}
/**
 * The row's kernel from its patch module (the switches left at the module's own
 * values, the row's other constants set): every verdict, every counterexample's
 * length and the state count must equal the switches' (an Error otherwise).
 */
function checkPatchOfRow(row, main, opts) {
    const file = row.patch;
    const constants = Object.fromEntries(Object.entries(row.constants).filter(([k]) => !variants_1.SWITCH_NAMES.includes(k)));
    const r = (0, api_1.checkModel)((0, api_1.loadSpecFile)((0, package_root_1.inPackage)(file)).model(constants), { deadlock: true, maxStates: opts.maxStates, stopAtFirst: false });
    const differs = [];
    if (r.distinctStates !== main.distinctStates)
        differs.push(`${r.distinctStates} states, the switches ${main.distinctStates}`);
    for (const p of rows_1.PROPERTIES) {
        const v = r.violations.find((x) => x.property === p);
        const want = main.verdicts[p];
        const have = v ? `violated in ${v.trace.length - 1} steps` : 'holds';
        const wanted = want.holds ? 'holds' : `violated in ${want.steps} steps`;
        if (have !== wanted)
            differs.push(`${p} ${have}, with the switches ${wanted}`);
    }
    if (differs.length)
        throw new Error(`row ${row.id}: the patch module ${file} disagrees with the row's switches: ${differs.join('; ')}`);
    return { file, distinctStates: r.distinctStates };
}
//# sourceMappingURL=check.js.map