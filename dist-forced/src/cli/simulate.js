"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.simulateFlags = simulateFlags;
exports.runSimulate = runSimulate;
exports.formatSimulation = formatSimulation;
const commands_1 = require("./commands");
const format_1 = require("./format");
const options_1 = require("./options");
/** Flags of `check` that ask for an exhaustive run: meaningless with --simulate. */
const EXHAUSTIVE_ONLY = ['continue', 'expect-violation', 'max-states', 'max-depth', 'coverage', 'counterexamples'];
/** The --simulate flags, validated before anything runs. */
function simulateFlags(p) {
    for (const f of EXHAUSTIVE_ONLY)
        if (p.flags.has(f))
            throw new options_1.UsageError(`check: --${f} asks for an exhaustive run; it cannot be used with --simulate`);
    const timeout = (0, options_1.intFlag)(p, 'timeout', 'check');
    return {
        walks: (0, options_1.intFlag)(p, 'walks', 'check') ?? 1000,
        depth: (0, options_1.intFlag)(p, 'depth', 'check') ?? 100,
        seed: (0, options_1.intFlag)(p, 'seed', 'check') ?? 1,
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    };
}
function runSimulate(model, req, p, shape, startedAt, out, err, fmt = {}) {
    const { simulateModel } = require('../api');
    const engine = (p.flags.get('engine')?.[0] ?? 'generated');
    const r = simulateModel(model, { ...req, startedAt, engine, deadlock: !p.flags.has('no-deadlock') });
    if (p.flags.has('json'))
        out(JSON.stringify(r, null, 2));
    else
        out(formatSimulation(r, shape, fmt));
    if (p.flags.has('itf'))
        require('./export-itf').checkItf(model, r.violations, p, p.positional[0], `a path found by simulation (seed ${r.seed})`, out, err);
    return r.result === 'no-violation' ? commands_1.EXIT.limit : commands_1.EXIT.violated;
}
function n(x) {
    return x.toLocaleString('en-US');
}
function formatSimulation(r, shape, fmt) {
    const l = [];
    const each = `at most ${n(r.depth)} states each, seed ${r.seed}`;
    const stats = `${n(r.statesVisited)} states visited, longest walk ${n(r.longestWalk)} states, ${n(r.walksTerminated)} walks ended with every process finished, ${(r.durationMs / 1000).toFixed(1)} s`;
    if (r.result === 'no-violation') {
        const ran = `${n(r.walksRun)} of ${n(r.walksRequested)} walks (${each})`;
        l.push(`Simulation: no violation in ${ran}${r.stoppedBy ? ', stopped by the timeout' : ''}: ${stats}.`);
        l.push('A simulation is not a proof: no property is said to hold. Run other seeds, or check exhaustively.');
        return l.join('\n');
    }
    const v = r.violations[0];
    l.push(`Simulation: ${v.property === 'Deadlock' ? 'deadlock' : `${v.property} violated`} by walk ${n(r.walksRun)} of ${n(r.walksRequested)} (${each}), after ${v.trace.length - 1} steps: ${stats}.`);
    l.push('The counterexample is a path of the spec, not necessarily a shortest one (an exhaustive check gives the shortest).');
    l.push((0, format_1.formatTrace)(v.trace, v.property, shape, fmt));
    return l.join('\n');
}
//# sourceMappingURL=simulate.js.map