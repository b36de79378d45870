"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replaySchedule = replaySchedule;
exports.formatScheduleReport = formatScheduleReport;
// Replays a schedule (a spec counterexample, label by label) on the simulator
// and compares the state after every step with the spec's. At the end it
// looks, on the simulator alone, for the evidence of the property the spec
// found violated: a store that landed on a protected page with no event, a
// protection lost, a stale pte, a thread asleep that nothing will wake.
//
// The one granularity difference, by design: when a read fault fills the pte
// (fault-around or finish_fault), the spec counts the load as done in that
// step, while the simulator re-executes the instruction as one more `load`
// step, as the CPU does. A step marked `completes` therefore runs that
// trailing `load` too (and it must then finish the access).
const sim_1 = require("../src/sim");
const runner_1 = require("./runner");
const schedule_1 = require("./schedule");
class Divergence extends Error {
    difference;
    constructor(difference) {
        super(difference);
        this.difference = difference;
    }
}
function replaySchedule(s, makeSim = simOf) {
    const sim = makeSim(s);
    const th = Array.from({ length: s.threads }, () => ({ task: null, op: null, msgRead: false }));
    let punch = null;
    // ghosts of NoSilentWrite/WpNotLost, kept from what the simulator shows
    const armed = new Array(s.pages).fill(false);
    let handling = null;
    let silent = null;
    const regMissing = s.register?.includes('MISSING') ?? false;
    const threadState = (u) => {
        const t = th[u].task;
        if (t === null)
            return 'idle';
        const st = sim.status(t);
        if (st.state === 'done')
            return 'idle';
        if (st.state === 'runnable')
            return 'running';
        return st.blockedOn === 'userfault' ? 'userfault' : st.blockedOn === 'falloc_waitq' ? 'falloc_wait' : 'running';
    };
    const state = () => {
        const ptes = Array.from({ length: s.mappings }, (_, m) => sim.ptesOf(m));
        return {
            pages: Array.from({ length: s.pages }, (_, i) => ({
                cache: sim.kernel.mapping.lookup(i) !== null,
                ptes: ptes.map((row) => ({ pte: row[i].pte, wp: row[i].wp, writable: row[i].writable, stale: row[i].stale })),
            })),
            threads: Array.from({ length: s.threads }, (_, u) => threadState(u)),
        };
    };
    /**
     * Run an operation that is one spec step (a monitor ioctl, pwrite, madvise) to
     * completion, nothing else running meanwhile: the simulator may take several labels
     * for it (MADV_PAGEOUT reclaims folio by folio), but none may block.
     */
    const runOp = (op) => {
        const id = sim.start(op);
        for (let n = 0; n < 4 * s.pages + 4; n++) {
            sim.step(id);
            const st = sim.status(id);
            if (st.state === 'done')
                return st.result;
            if (st.state !== 'runnable')
                throw new Divergence(`${op.op} did not complete in one spec step (at ${st.label}, ${st.state})`);
        }
        throw new Divergence(`${op.op} did not complete in one spec step`);
    };
    const finishAccess = (u) => {
        const run = th[u];
        const st = sim.status(run.task);
        const op = run.op;
        if (op.op === 'write' && st.result === 'ok' && (op.mapping ?? 0) === 0 && armed[op.page] && silent === null)
            silent = `thread ${u}'s store to page ${op.page} through mapping 0 completed ('ok') while the page was write-protected and no event for it had reached the monitor`;
        run.task = null;
        run.op = null;
        run.msgRead = false;
    };
    const apply = (instr) => {
        switch (instr.do) {
            case 'start': {
                const run = th[instr.thread];
                if (run.task !== null)
                    throw new Divergence(`thread ${instr.thread} is still in an access in the simulator`);
                run.task = sim.start(instr.op);
                run.op = instr.op;
                return;
            }
            case 'exit':
                if (th[instr.thread].task !== null)
                    throw new Divergence(`thread ${instr.thread} exits in the spec but is still in an access in the simulator`);
                return;
            case 'step': {
                const run = th[instr.thread];
                if (run.task === null)
                    throw new Divergence(`thread ${instr.thread} has no access in progress in the simulator`);
                const st = sim.status(run.task);
                if (st.state !== 'runnable')
                    throw new Divergence(`thread ${instr.thread} is ${st.state}${st.blockedOn ? ` (${st.blockedOn})` : ''} in the simulator`);
                if (st.label !== instr.label)
                    throw new Divergence(`thread ${instr.thread} is at ${st.label} in the simulator, the spec steps ${instr.label}`);
                let at = sim.step(run.task);
                if (instr.completes && at === 'load' && sim.status(run.task).state === 'runnable')
                    at = sim.step(run.task);
                if (instr.completes !== (at === 'done'))
                    throw new Divergence(instr.completes ? `the spec ends thread ${instr.thread}'s access here; the simulator goes on at ${at}` : `the simulator ends thread ${instr.thread}'s access here; the spec goes on`);
                if (at === 'done')
                    finishAccess(instr.thread);
                return;
            }
            case 'punch': {
                if (instr.op) {
                    if (punch !== null)
                        throw new Divergence('a punch starts while the previous one is still running in the simulator');
                    punch = sim.start(instr.op);
                }
                if (punch === null)
                    throw new Divergence(`the spec steps Punch:${instr.label} with no punch running in the simulator`);
                const st = sim.status(punch);
                if (st.state !== 'runnable' || st.label !== instr.label)
                    throw new Divergence(`the punch is at ${st.label} (${st.state}) in the simulator, the spec steps ${instr.label}`);
                if (sim.step(punch) === 'done')
                    punch = null;
                return;
            }
            case 'read': {
                const msg = sim.readMessage(instr.thread);
                if (!msg)
                    throw new Divergence(`the monitor reads thread ${instr.thread}'s message, but the simulator has none pending for it`);
                if (msg.kind !== instr.kind || msg.page !== instr.page)
                    throw new Divergence(`message ${msg.kind} on page ${msg.page} expected ${instr.kind} on page ${instr.page}`);
                th[instr.thread].msgRead = true;
                armed[msg.page] = false;
                handling = msg.page;
                return;
            }
            case 'op': {
                const op = instr.op;
                const r = runOp(op);
                if (op.op === 'writeprotect') {
                    if (op.wp) {
                        const e = sim.ptesOf(0)[op.lo];
                        armed[op.lo] = e.pte === 'marker' || (e.pte === 'present' && e.wp);
                    }
                    else {
                        armed[op.lo] = false;
                        handling = null;
                    }
                }
                else if (op.op === 'copy') {
                    if (r === 4096)
                        armed[op.page] = op.wp;
                    handling = null;
                }
                else if (op.op === 'continue' || op.op === 'wake')
                    handling = null;
                return;
            }
        }
    };
    const report = (divergence, evidence) => ({ name: s.name, property: s.property, steps: s.steps.length, divergence, evidence });
    const compare = (i, name, expected) => {
        const actual = state();
        const d = (0, schedule_1.compareSchedState)(expected, actual);
        return d ? { step: i, name, difference: d, expected: (0, schedule_1.formatSchedState)(expected), actual: (0, schedule_1.formatSchedState)(actual) } : null;
    };
    try {
        if (s.register)
            runOp({ op: 'register', modes: s.register });
    }
    catch (e) {
        return report({ step: -1, name: 'register', difference: e.message, expected: (0, schedule_1.formatSchedState)(s.initial), actual: '' }, null);
    }
    const d0 = compare(-1, 'Init', s.initial);
    if (d0)
        return report(d0, null);
    for (let i = 0; i < s.steps.length; i++) {
        const step = s.steps[i];
        try {
            apply(step.instr);
        }
        catch (e) {
            const msg = e instanceof Divergence ? e.difference : `the simulator failed: ${e.message.split('\n')[0]}`;
            return report({ step: i, name: step.step, difference: msg, expected: (0, schedule_1.formatSchedState)(step.expect), actual: (0, schedule_1.formatSchedState)(state()) }, null);
        }
        for (const run of th)
            if (run.task !== null && sim.status(run.task).state !== 'blocked')
                run.msgRead = false;
        const d = compare(i, step.step, step.expect);
        if (d)
            return report(d, null);
    }
    return report(null, evidenceOf(s.property));
    function evidenceOf(property) {
        const now = state();
        switch (property) {
            case 'NoSilentWrite':
                return silent;
            case 'WpNotLost': {
                const lost = armed.findIndex((a, i) => {
                    if (!a)
                        return false;
                    const e = now.pages[i].ptes[0];
                    return !(e.pte === 'marker' || (e.pte === 'present' && e.wp) || (e.pte === 'none' && regMissing && !now.pages[i].cache));
                });
                return lost < 0 ? null : `page ${lost} is write-protected by the monitor, but mapping 0's pte is ${JSON.stringify(now.pages[lost].ptes[0])}: the next store lands with no event`;
            }
            case 'PteCoherent': {
                const stale = sim.kernel.stalePtes();
                return stale.length ? `stale pte at page ${stale.join(', ')}: it maps a folio that is no longer in the page cache` : null;
            }
            case 'NoLostWakeup':
            case 'Deadlock': {
                const stuck = th.findIndex((r, u) => now.threads[u] === 'userfault' && r.msgRead && handling === null);
                if (stuck < 0)
                    return null;
                if (property === 'Deadlock' && sim.runnable().length > 0)
                    return null;
                return `thread ${stuck} sleeps on a userfault whose message the monitor has read and will not answer again${property === 'Deadlock' ? '; nothing in the simulator can run' : ''}`;
            }
        }
        return null;
    }
}
function simOf(s) {
    return new sim_1.Sim({ pages: s.pages, threads: s.threads, mappings: s.mappings, variant: (0, sim_1.variantOf)(s.constants), fill: s.fill });
}
/** Side-by-side text of a failed replay, as the trace runner prints disagreements. */
function formatScheduleReport(r) {
    if (!r.divergence)
        return `${r.name}: ${r.steps} steps agree; ${r.evidence ? `the simulator shows it: ${r.evidence}` : 'NO EVIDENCE of the violation on the simulator'}`;
    const d = r.divergence;
    return [`DIVERGE ${r.name} at step ${d.step + 1} ${d.name}: ${d.difference}`, ...(0, runner_1.sideBySideLines)('spec', d.expected, 'sim', d.actual)].join('\n');
}
//# sourceMappingURL=schedule-replay.js.map