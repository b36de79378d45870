"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INIT_ACTION = void 0;
exports.propertyVerdicts = propertyVerdicts;
exports.exitCodeOf = exitCodeOf;
/** The `action` of the initial state of a trace. */
exports.INIT_ACTION = 'Init';
/** Why a run that stopped early cannot tell whether a property holds. */
function unknownReason(r) {
    const where = `${r.distinctStates} distinct states, ${r.queueLeft} left on the queue`;
    switch (r.stoppedBy) {
        case 'first-violation':
            return `not checked past ${r.distinctStates} states: the run stopped at the first violation (${where}); --continue explores everything`;
        case 'max-states':
            return `not checked past ${r.distinctStates} states: the --max-states limit stopped the run (${where})`;
        case 'max-depth':
            return `not checked past depth ${r.depth}: the --max-depth limit stopped the run (${where})`;
        case 'timeout':
            return `not checked past ${r.distinctStates} states: the --timeout limit stopped the run (${where})`;
        default:
            return 'not checked';
    }
}
/** The verdict of every property: invariants in declaration order, liveness properties, then Deadlock (when checked). */
function propertyVerdicts(r, invariants, deadlockChecked, liveness = []) {
    const names = [...invariants, ...liveness, ...(deadlockChecked ? ['Deadlock'] : [])];
    return names.map((name) => {
        const v = r.violations.find((x) => x.property === name);
        if (v)
            return { name, status: 'violated', traceLength: v.trace.length };
        if (r.complete)
            return { name, status: 'holds' };
        return { name, status: 'unknown', reason: unknownReason(r) };
    });
}
/** TLC's exit convention, extended: 0 ok, 1 violation or deadlock, 2 user error, 3 limit reached with no violation. */
function exitCodeOf(r) {
    // complete with a property left unknown: liveness not checked in fingerprint-only mode
    if (r.result === 'ok' && r.properties.some((p) => p.status === 'unknown'))
        return 3;
    return r.result === 'ok' ? 0 : r.result === 'limit' ? 3 : 1;
}
//# sourceMappingURL=result.js.map