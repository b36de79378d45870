"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prng = prng;
exports.simulate = simulate;
// Simulation, as TLC's -simulate: random walks through a state space too large
// to exhaust, each checking the invariants (and deadlock) in every state it
// visits. A walk is a function of the seed alone (a small PRNG, no Math.random),
// so a run is reproduced by its seed, and independent seeds can run as separate
// processes (an array job) whose JSON results are merged afterwards.
//
// A simulation proves nothing: it never says a property holds, only that no
// walk violated it. A counterexample it finds is a real path of the spec, but
// not necessarily a shortest one.
const step_1 = require("../runtime/step");
const explore_1 = require("./explore");
const result_1 = require("./result");
/** mulberry32: a 32-bit PRNG whose whole state is one word, so a seed fixes every walk. */
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function simulate(m, copy, opts) {
    const t0 = Date.now();
    const started = opts.startedAt ?? t0;
    const random = prng(opts.seed);
    const pick = (n) => Math.floor(random() * n);
    const deadlockCheck = opts.deadlock !== false;
    // a failing step is reported at the step, as explore() does
    const successors = (s, emit) => {
        try {
            m.successors(s, emit);
        }
        catch (err) {
            const tagged = err?.actionIndex;
            throw new explore_1.EvaluationFailure(err, { action: tagged ?? -1 });
        }
    };
    const inits = [];
    try {
        m.init((s) => inits.push(copy(s)));
    }
    catch (err) {
        throw new explore_1.EvaluationFailure(err, { action: -1 });
    }
    let statesVisited = 0;
    let longestWalk = 0;
    let walksRun = 0;
    let walksTerminated = 0;
    let stoppedBy;
    let violation = null;
    for (let w = 0; w < opts.walks && violation === null; w++) {
        if (opts.timeoutMs !== undefined && Date.now() - started > opts.timeoutMs) {
            stoppedBy = 'timeout';
            break;
        }
        walksRun++;
        let s = inits[pick(inits.length)];
        const path = [{ state: s, action: -1, combo: 0 }];
        const trace = () => path.map((p) => {
            const state = m.toJSON(p.state);
            if (p.action < 0)
                return { action: result_1.INIT_ACTION, step: null, state };
            const step = m.stepOf(p.action, p.combo);
            return { action: (0, step_1.stepText)(step), step, state };
        });
        for (;;) {
            statesVisited++;
            for (let k = 0; k < m.invariants.length && violation === null; k++) {
                let holds;
                try {
                    holds = m.invariant(k, s);
                }
                catch (e) {
                    throw new explore_1.EvaluationFailure(e, { invariant: k });
                }
                if (!holds)
                    violation = { property: m.invariants[k], trace: trace() };
            }
            if (violation !== null || path.length >= opts.depth)
                break;
            // two passes: count the successors, then take the chosen one (the module may reuse what it emits)
            let n = 0;
            successors(s, () => n++);
            if (n === 0) {
                if (m.terminated(s))
                    walksTerminated++;
                else if (deadlockCheck)
                    violation = { property: 'Deadlock', trace: trace() };
                break;
            }
            const chosen = pick(n);
            let i = 0;
            let next = null;
            successors(s, (action, combo, st) => {
                if (i++ === chosen)
                    next = { state: copy(st), action, combo };
            });
            path.push(next);
            s = next.state;
        }
        longestWalk = Math.max(longestWalk, path.length);
    }
    const violations = violation ? [violation] : [];
    return {
        spec: m.spec,
        constants: m.constants,
        engine: m.engine,
        mode: 'simulate',
        seed: opts.seed,
        depth: opts.depth,
        result: violation === null ? 'no-violation' : violation.property === 'Deadlock' ? 'deadlock' : 'violation',
        walksRequested: opts.walks,
        walksRun,
        statesVisited,
        longestWalk,
        walksTerminated,
        ...(stoppedBy ? { stoppedBy } : {}),
        durationMs: Date.now() - t0,
        violations,
    };
}
//# sourceMappingURL=simulate.js.map