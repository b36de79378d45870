"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayTrace = replayTrace;
const result_1 = require("./result");
const step_1 = require("../runtime/step");
/**
 * The concrete states along `path` (state indices, an initial state first):
 * at each index a state the store files under it, reached from the previous
 * one by one step. Where several steps lead there, the recorded step
 * (`via`/`viaCombo` of the index) is preferred, so a store that keeps the
 * concrete states gives back exactly its own trace.
 */
function replayTrace(m, path, via, viaCombo) {
    if (path.length === 0)
        return [];
    const store = m.store;
    // a store that can tell without an index lookup (fingerprint-only: by the fingerprint in the state's record)
    const filedAs = store.matches ? (n, i) => store.matches(n, i) : (n, i) => store.indexOf(n) === i;
    let cur;
    m.init((n) => {
        if (cur === undefined && filedAs(n, path[0]))
            cur = m.copy ? m.copy(n) : n;
    });
    if (cur === undefined)
        throw new Error(`internal: replay found no initial state filed as state ${path[0]}`);
    const out = [{ action: result_1.INIT_ACTION, step: null, state: m.toJSON(cur) }];
    for (let j = 1; j < path.length; j++) {
        const target = path[j];
        let exact;
        let first;
        m.successors(cur, (a, c, n) => {
            if (exact)
                return;
            if (!filedAs(n, target))
                return;
            const hit = { a, c, n: m.copy ? m.copy(n) : n };
            if (a === via[target] && c === viaCombo[target])
                exact = hit;
            else
                first ??= hit;
        });
        const hit = exact ?? first;
        if (!hit)
            throw new Error(`internal: replay found no step from state ${path[j - 1]} to state ${target}`);
        cur = hit.n;
        const step = m.stepOf(hit.a, hit.c);
        out.push({ action: (0, step_1.stepText)(step), step, state: m.toJSON(cur) });
    }
    return out;
}
//# sourceMappingURL=replay.js.map