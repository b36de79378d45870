"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOST = exports.SUMS_HEAD = void 0;
exports.takeWinners = takeWinners;
const expand_1 = require("./expand");
const table_1 = require("./table");
const arena_1 = require("./arena");
const links_1 = require("../links");
/** per job in Placement.sums: winners, flagged (an invariant violated or threw on a winner), then one count per action */
exports.SUMS_HEAD = 2;
/** the slot field of a candidate record that lost its state */
exports.LOST = -1;
const CHUNK_MASK = (1 << links_1.COLUMN_SHIFT) - 1;
/** Mark the job's losers (their slot field LOST), place its winners and sum them up. */
function winners(t, lay, job, out) {
    const { slots, S, lowered, inline } = t;
    const { W, R, MW } = lay;
    const WAT = R - W;
    const c = job.cand;
    const words = (0, arena_1.wordsOf)(out.arena);
    const { parents, actions, combos } = out;
    const perAction = new Int32Array(lay.actions);
    let flagged = 0;
    let i = job.first;
    // (a record: parent, action, combo, ordinal, slot, masks, words: expand.ts)
    for (let x = 0, o = job.base * R; x < job.n; x++, o += R) {
        const slot = c[o + 4];
        if ((0, table_1.bitOf)(lowered, slot) && slots[S * slot + table_1.MARK] !== c[o] + 2) {
            c[o + 4] = exports.LOST;
            continue;
        }
        for (let j = 0, to = i * W; j < W; j++)
            words[to + j] = c[o + WAT + j];
        const at = i & CHUNK_MASK;
        const ch = (i >>> links_1.COLUMN_SHIFT) - parents.first;
        parents.chunks[ch][at] = c[o];
        actions.chunks[ch][at] = c[o + 1];
        combos.chunks[ch][at] = c[o + 2];
        // (a ref > 0 is state ref-1 of the arena: table.ts; no thread reads refs during the merge)
        if (!inline)
            slots[S * slot + table_1.REF] = i + 1;
        perAction[c[o + 1]]++;
        for (let w = 0; w < 2 * MW; w++)
            flagged |= c[o + expand_1.HEAD + w];
        i++;
    }
    const s0 = job.k * (exports.SUMS_HEAD + lay.actions);
    out.sums[s0] = i - job.first;
    out.sums[s0 + 1] = flagged !== 0 ? 1 : 0;
    out.sums.set(perAction, s0 + exports.SUMS_HEAD);
}
/** take jobs from the shared counter ctrl[2] until none is left */
function takeWinners(t, lay, jobs, out, ctrl) {
    for (;;) {
        const k = Atomics.add(ctrl, 2, 1);
        if (k >= jobs.length)
            return;
        winners(t, lay, jobs[k], out);
    }
}
//# sourceMappingURL=winners.js.map