"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nothingAssigned = nothingAssigned;
exports.branch = branch;
exports.join = join;
exports.recordAssign = recordAssign;
exports.recordGoto = recordGoto;
exports.checkForBody = checkForBody;
const messages_1 = require("./messages");
const symbols_1 = require("./symbols");
function nothingAssigned() {
    return { whole: new Set(), part: new Set(), paths: new Set() };
}
/** A copy for one branch (if/else, either, the body of a for). */
function branch(a) {
    return { whole: new Set(a.whole), part: new Set(a.part), paths: new Set(a.paths) };
}
/** After branches: what any of them assigned counts as assigned. */
function join(into, ...branches) {
    for (const s of branches) {
        for (const v of s.whole)
            into.whole.add(v);
        for (const v of s.part)
            into.part.add(v);
        for (const p of s.paths)
            into.paths.add(p);
    }
}
/**
 * Record an assignment to variable `index` (named `root` in messages) through
 * `path`; `whole` when it replaces the whole variable (for a process local of
 * an indexed process, the instance's own entry, skipped by `ownPrefix` path
 * elements).
 */
function recordAssign(a, index, path, whole, ownPrefix, root, span, source) {
    if (a.whole.has(index) || (whole && a.part.has(index)))
        (0, symbols_1.fail)(source, messages_1.M.AssignedTwice, [root], span);
    if (!whole) {
        const key = staticPath(index, path.slice(ownPrefix));
        for (const other of a.paths)
            if (overlaps(key, other))
                (0, symbols_1.fail)(source, messages_1.M.PartAssignedTwice, [root], span);
        a.paths.add(key);
    }
    (whole ? a.whole : a.part).add(index);
}
/** A goto assigns the instance's pc: at most one per step. */
function recordGoto(a, pcVar, span, source) {
    if (a.whole.has(pcVar) || a.part.has(pcVar))
        (0, symbols_1.fail)(source, messages_1.M.SecondGoto, [], span);
    a.part.add(pcVar);
}
/** The iterations of a for run in the same step: a variable assigned whole in the body would be assigned once per iteration. */
function checkForBody(outer, body, varName, loopVar, span, source) {
    for (const v of body.whole)
        if (!outer.whole.has(v))
            (0, symbols_1.fail)(source, messages_1.M.WholeInFor, [varName(v), loopVar], span);
}
/** A part's path as far as it is static (fields, literal indices); `open` when a run-time index follows. */
function staticPath(index, path) {
    const segs = [];
    let open = false;
    for (const p of path) {
        if (p.k === 'field')
            segs.push(`.${p.name}`);
        else if (p.i.k === 'lit')
            segs.push(`[${JSON.stringify(p.i.v)}]`);
        else {
            open = true;
            break;
        }
    }
    return JSON.stringify([index, open, segs]);
}
/** Whether two static paths surely overlap: one is a prefix of the other, and the shorter is not cut by a run-time index. */
function overlaps(a, b) {
    const [ia, oa, sa] = JSON.parse(a);
    const [ib, ob, sb] = JSON.parse(b);
    if (ia !== ib)
        return false;
    const n = Math.min(sa.length, sb.length);
    for (let i = 0; i < n; i++)
        if (sa[i] !== sb[i])
            return false;
    const shorterOpen = sa.length < sb.length ? oa : sb.length < sa.length ? ob : oa || ob;
    return !shorterOpen;
}
//# sourceMappingURL=assign-once.js.map