"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.runConform = runConform;
// `uffdspec conform`: replay traces on the spec, the simulator and/or the
// real kernel and report agreement.
const fs = __importStar(require("fs"));
const runner_1 = require("../../conformance/runner");
const schedule_replay_1 = require("../../conformance/schedule-replay");
const targets_1 = require("../../conformance/targets");
const targets_2 = require("../../spec/shmem_uffd/targets");
const trace_1 = require("../../conformance/trace");
const tours_1 = require("../../spec/shmem_uffd/tours");
const commands_1 = require("./commands");
const options_1 = require("./options");
const conform_report_1 = require("./conform-report");
const native_stress_1 = require("../../conformance/native-stress");
const progress_1 = require("./progress");
const native_driver_1 = require("../../conformance/native-driver");
const path = __importStar(require("path"));
async function runConform(p, out, err) {
    if (p.flags.has('stress') && !p.flags.has('report'))
        throw new options_1.UsageError('conform: --stress goes with --report FILE');
    const reportFile = p.flags.get('report')?.[0];
    // before any work: a report that cannot be written is a user error now, not after the run
    if (reportFile)
        (0, options_1.checkWritable)(reportFile, 'conform: --report');
    const which = p.flags.get('target')?.[0] ?? 'all';
    const all = { spec: () => targets_2.shmemSpecTarget, sim: () => targets_1.simTarget, native: () => (0, targets_1.nativeTarget)() };
    if (which !== 'all' && !(which in all))
        throw new options_1.UsageError(`conform: --target must be spec, sim, native or all, got '${which}'`);
    const roots = p.positional.length ? p.positional : [(0, tours_1.generatedDir)(), path.join(path.dirname((0, tours_1.generatedDir)()), 'traces')];
    // traces, counterexample schedules, and the coverage of the generated tours (bundle headers)
    let files;
    try {
        files = (0, runner_1.loadConformanceFiles)(roots);
    }
    catch (e) {
        if (e instanceof trace_1.TraceError) {
            err(`error: ${e.message}`);
            return 2;
        }
        throw e;
    }
    const { traces: loaded, schedules, coverage } = files;
    // a requested target that cannot run here: why and the fix, on stderr; --target native
    // stops (4), --target all still runs spec and sim (native skips every trace)
    const native = which === 'native' || which === 'all' ? (0, native_driver_1.nativeAvailability)() : { ok: true };
    if (!native.ok) {
        err(`conform: the native target is unavailable: ${native.reason}`);
        err(`conform: fix: ${native.fix}`);
        if (which === 'native')
            return commands_1.EXIT.unavailable;
    }
    const targets = which === 'all' ? Object.values(all).map((f) => f()) : [all[which]()];
    const reports = [];
    if (!p.flags.has('json'))
        out(`uffdspec conform: ${loaded.length} traces from ${roots.map((r) => path.relative(process.cwd(), r) || '.').join(', ')}`);
    for (const t of targets) {
        const r = await (0, runner_1.runTraces)(loaded, t);
        reports.push(r);
        if (!p.flags.has('json'))
            out((0, runner_1.formatReport)(r));
    }
    // the counterexamples, label by label: only the simulator has a label-level API
    const replays = which === 'sim' || which === 'all' ? schedules.map((s) => (0, schedule_replay_1.replaySchedule)(s)) : [];
    const failed = replays.filter((r) => r.divergence || !r.evidence);
    if (p.flags.has('json'))
        out(JSON.stringify({ traces: loaded.length, coverage, reports, counterexamples: replays }, null, 2));
    else {
        if (replays.length) {
            const steps = replays.reduce((n, r) => n + r.steps, 0);
            out(`sim: ${replays.length} counterexample schedules, ${steps} spec steps replayed, ${replays.length - failed.length}/${replays.length} agree and show their violation on the simulator`);
            for (const r of failed)
                out(`  ${(0, schedule_replay_1.formatScheduleReport)(r)}`);
        }
        if (coverage.length)
            out(`transition coverage of the generated tours: ${coverage.join('; ')}`);
    }
    if (reportFile) {
        // the defaults of `uffdspec stress`: 4 runs of 3 s of the generated reproducer (about 12 s)
        let stress = null;
        if (p.flags.has('stress')) {
            const progress = new progress_1.Progress();
            progress.phase('stress run of the race on this kernel', true);
            stress = await (0, conform_report_1.runStress)(native_stress_1.STRESS_DEFAULTS, (ms, expected) => progress.update(`stress: ${Math.round(ms / 1000)} s of about ${Math.round(expected / 1000)} s`, Math.min(ms, expected), expected));
            progress.end();
        }
        fs.writeFileSync(reportFile, (0, conform_report_1.renderReport)({ reports, replays, coverage, stress }, (0, conform_report_1.nativeInfo)()));
        if (!p.flags.has('json'))
            out(`wrote ${reportFile}`);
    }
    // exit codes (commands.ts): a disagreement wins, then an unavailable target, then nothing ran
    // --no-skip: a trace the spec (or a target) cannot follow is a failure, not a note
    const skipped = p.flags.has('no-skip') ? reports.flatMap((r) => r.skipped.map((s) => ({ target: r.target, ...s }))) : [];
    for (const s of skipped)
        err(`conform: --no-skip: ${s.target} skipped ${s.trace}: ${s.reason}`);
    const bad = reports.some((r) => r.disagreements.length > 0) || failed.length > 0 || skipped.length > 0;
    const ran = reports.some((r) => r.traces > 0) || replays.length > 0;
    if (bad)
        return commands_1.EXIT.violated;
    if (!native.ok)
        return commands_1.EXIT.unavailable;
    if (!ran) {
        err(`conform: nothing ran: ${loaded.length + schedules.length === 0 ? 'no traces found' : `every trace was skipped on ${which === 'all' ? 'every target' : `the ${which} target`}`}`);
        return commands_1.EXIT.nothingRan;
    }
    return commands_1.EXIT.ok;
}
//# sourceMappingURL=conform.js.map