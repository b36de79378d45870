"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shmemReviewPlan = shmemReviewPlan;
const modules_1 = require("../../dsl/modules");
const REGISTRATIONS = ['None', 'Missing', 'Wp', 'MissingWp', 'Minor', 'MinorWp'];
/** The operations the spec's own runs can enable, with the constants that enable one. */
const OPERATIONS = {
    madvise_dontneed: { DONTNEEDS: 1 },
    pwrite: { PWRITES: 1 },
    // reclaim is checked without a punch, as the verdict table does (D-wp-pageout)
    madvise_pageout: { PAGEOUTS: 1, PUNCHES: 0 },
};
const OPERATION_REGISTRATIONS = ['Missing', 'Wp', 'MissingWp'];
function shmemReviewPlan(patch, base, extra) {
    const rows = [];
    for (const reg of REGISTRATIONS) {
        for (const mappings of [1, 2]) {
            rows.push({ id: `${reg}/${mappings}`, constants: { ...extra, UFFD_MODE: reg, MAPPINGS: mappings }, why: 'every registration, one and two mappings' });
        }
    }
    const touched = (0, modules_1.patchSummary)(patch.own);
    const actions = base.ast.decls.filter((d) => d.kind === 'Action');
    const uses = (a, name) => new RegExp(`\\b${name}\\b`).test((0, modules_1.declText)(a, base.source));
    const changed = (a) => touched.actions.includes(a.name.name) || touched.defs.some((d) => uses(a, d));
    const ops = [];
    const notCovered = [];
    for (const a of actions) {
        if (!changed(a))
            continue;
        const op = OPERATIONS[a.name.name];
        if (op) {
            ops.push(a.name.name);
            for (const reg of OPERATION_REGISTRATIONS) {
                rows.push({ id: `${reg}/1+${a.name.name}`, constants: { ...extra, ...op, UFFD_MODE: reg, MAPPINGS: 1 }, why: `the patch changes ${a.name.name} (or a def it uses)` });
            }
        }
        else if (/\bTRACE_DRIVEN\b/.test((0, modules_1.declText)(a, base.source))) {
            notCovered.push(`${a.name.name}: runs only when a conformance trace drives the spec (TRACE_DRIVEN), so no exhaustive row covers it`);
        }
    }
    for (const a of touched.actions.filter((n) => !actions.some((x) => x.name.name === n))) {
        notCovered.push(`${a}: a new action; the rows run it as the spec's defaults enable it`);
    }
    const description = `registrations ${REGISTRATIONS.join(', ')} x mappings 1, 2` +
        (ops.length ? `; with ${ops.join(', ')} (changed by the patch) under ${OPERATION_REGISTRATIONS.join(', ')}` : '; the patch changes no operation that needs a row of its own');
    return { rows, description, notCovered };
}
//# sourceMappingURL=review-plan.js.map