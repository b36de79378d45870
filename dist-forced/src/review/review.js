"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewIncomplete = void 0;
exports.review = review;
const api_1 = require("../api");
const replay_1 = require("./replay");
function review(base, patched, plan, opts = {}) {
    const rows = [];
    const changes = [];
    let unchangedTotal = 0;
    let processes = [];
    plan.rows.forEach((row, i) => {
        opts.onRow?.(row, i, plan.rows.length);
        const bm = base.model(row.constants);
        const pm = patched.model(row.constants);
        processes = pm.processes.map((p) => p.name);
        const before = run(bm, row, 'base', opts);
        const after = run(pm, row, 'patched', opts);
        let unchanged = 0;
        const names = [...new Set([...before.properties.map((p) => p.name), ...after.properties.map((p) => p.name)])];
        for (const name of names) {
            const b = statusOf(before, name);
            const a = statusOf(after, name);
            if (!b || !a || b.status === a.status) {
                unchanged++;
                continue;
            }
            if (a.status === 'violated') {
                const v = after.violations.find((x) => x.property === name);
                changes.push({ row: row.id, property: name, before: b, after: a, kind: 'broken', counterexample: v.trace, loopFrom: v.loopFrom });
            }
            else {
                const v = before.violations.find((x) => x.property === name);
                changes.push({ row: row.id, property: name, before: b, after: a, kind: 'fixed', counterexample: v.trace, loopFrom: v.loopFrom, blocked: (0, replay_1.replayOn)(pm, v.trace) });
            }
        }
        unchangedTotal += unchanged;
        rows.push({ row, baseStates: before.distinctStates, patchedStates: after.distinctStates, unchanged });
    });
    return {
        patch: { name: patched.name, file: patched.source.file },
        base: { name: base.name, file: base.source.file },
        plan,
        processes,
        rows,
        changes,
        broken: changes.filter((c) => c.kind === 'broken').length,
        fixed: changes.filter((c) => c.kind === 'fixed').length,
        unchanged: unchangedTotal,
    };
}
function run(model, row, which, opts) {
    const r = (0, api_1.checkModel)(model, { deadlock: true, stopAtFirst: false, maxStates: opts.maxStates });
    if (!r.complete)
        throw new ReviewIncomplete(`row ${row.id}: the ${which} spec has more than ${r.distinctStates} states (--max-states): no verdict can be compared`);
    return r;
}
/** A row that could not be explored completely: the review cannot say what changed. */
class ReviewIncomplete extends Error {
}
exports.ReviewIncomplete = ReviewIncomplete;
function statusOf(r, name) {
    const p = r.properties.find((x) => x.name === name);
    if (!p || p.status === 'unknown')
        return undefined;
    if (p.status === 'holds')
        return { status: 'holds' };
    return { status: 'violated', steps: (p.traceLength ?? 1) - 1 };
}
//# sourceMappingURL=review.js.map