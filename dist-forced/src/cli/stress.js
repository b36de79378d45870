"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stressOptions = stressOptions;
exports.runStressCommand = runStressCommand;
// `uffdspec stress`: the generated reproducer of the 6.18 finding (D-wp-1/NoSilentWrite)
// run on the real kernel (conformance/native-stress.ts).
const native_driver_1 = require("../../conformance/native-driver");
const native_stress_1 = require("../../conformance/native-stress");
const commands_1 = require("./commands");
const options_1 = require("./options");
const progress_1 = require("./progress");
/** The stress options of a parsed command line (shared with conform --stress). */
function stressOptions(p, command) {
    const jitter = p.flags.get('jitter')?.[0];
    if (jitter !== undefined && !/^\d+$/.test(jitter))
        throw new options_1.UsageError(`${command}: --jitter expects nanoseconds (an integer >= 0), got '${jitter}'`);
    const o = {
        runs: (0, options_1.intFlag)(p, 'runs', command) ?? native_stress_1.STRESS_DEFAULTS.runs,
        seconds: (0, options_1.intFlag)(p, 'seconds', command) ?? native_stress_1.STRESS_DEFAULTS.seconds,
        attempts: (0, options_1.intFlag)(p, 'attempts', command) ?? native_stress_1.STRESS_DEFAULTS.attempts,
        jitter: jitter === undefined ? native_stress_1.STRESS_DEFAULTS.jitter : Number(jitter),
    };
    if (o.seconds > 86400)
        throw new options_1.UsageError(`${command}: --seconds must be at most 86400, got ${o.seconds}`);
    if (o.attempts > 1000000000)
        throw new options_1.UsageError(`${command}: --attempts must be at most 1000000000, got ${o.attempts}`);
    if (o.jitter > 1000000)
        throw new options_1.UsageError(`${command}: --jitter must be at most 1000000 ns, got ${o.jitter}`);
    return o;
}
async function runStressCommand(p, out, err) {
    if (p.positional.length)
        throw new options_1.UsageError(`stress: unexpected argument '${p.positional[0]}' (uffdspec stress --help)`);
    const o = stressOptions(p, 'stress');
    const json = p.flags.has('json');
    const avail = (0, native_driver_1.nativeAvailability)();
    if (!avail.ok) {
        err(`stress: the native programs cannot run here: ${avail.reason}`);
        err(`stress: fix: ${avail.fix}`);
        return commands_1.EXIT.unavailable;
    }
    const progress = new progress_1.Progress();
    progress.phase(`stress: ${o.runs} run(s) of the D-wp-1/NoSilentWrite reproducer, at most ${o.seconds} s or ${o.attempts} attempts each`, true);
    const r = await (0, native_stress_1.runStressProgram)(o, {
        onOutput: (s) => {
            if (json)
                return;
            progress.end();
            for (const line of s.replace(/\n$/, '').split('\n'))
                out(line);
        },
        onTick: (ms, expected) => progress.update(`stress: ${Math.round(ms / 1000)} s of about ${Math.round(expected / 1000)} s`, Math.min(ms, expected), expected),
    });
    progress.end();
    if (r.code === null) {
        err(`stress: could not run: ${r.error}`);
        return commands_1.EXIT.unavailable;
    }
    if (json)
        out(JSON.stringify((0, native_stress_1.stressJson)(o, r)));
    const rate = (0, native_stress_1.stressRate)(r.runs);
    if (r.code === 0)
        err(`stress: no violation found (${rate}). ${native_stress_1.STRESS_NOTE}`);
    else
        err(`stress: violation found (${rate}). ${native_stress_1.STRESS_FINDING} ${native_stress_1.STRESS_NOTE}`);
    return r.code;
}
//# sourceMappingURL=stress.js.map