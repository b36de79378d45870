"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STRESS_FINDING = exports.STRESS_NOTE = exports.STRESS_DEFAULTS = exports.STRESS_COUNTEREXAMPLE = exports.STRESS_SOURCE = void 0;
exports.stressBinary = stressBinary;
exports.stressArgs = stressArgs;
exports.stressBoundMs = stressBoundMs;
exports.parseRun = parseRun;
exports.runStressProgram = runStressProgram;
exports.stressRate = stressRate;
exports.stressJson = stressJson;
// The race of the 6.18 finding on the real kernel: the generated reproducer of
// D-wp-1/NoSilentWrite (conformance/generated/repro/D-wp-1.NoSilentWrite.c, written by
// `uffdspec repro --all` from the spec's counterexample; built by build.js as
// conformance/native/stress), run R times under a hard time bound. Used by
// `uffdspec stress` and `uffdspec conform --stress`.
const child_process_1 = require("child_process");
const fs_1 = require("fs");
const path_1 = require("path");
const native_driver_1 = require("./native-driver");
/** The reproducer `npm run stress` runs (conformance/native/build.js builds it). */
exports.STRESS_SOURCE = 'conformance/generated/repro/D-wp-1.NoSilentWrite.c';
exports.STRESS_COUNTEREXAMPLE = 'D-wp-1/NoSilentWrite';
exports.STRESS_DEFAULTS = { runs: 4, seconds: 3, attempts: 1000000, jitter: 4000 };
/** The stress binary, built beside the harness. */
function stressBinary() {
    return (0, path_1.join)((0, path_1.dirname)(native_driver_1.NATIVE_HARNESS_PATH), 'stress');
}
/** The arguments of one run of the reproducer. */
function stressArgs(o) {
    return ['--seconds', String(o.seconds), '--attempts', String(o.attempts), '--jitter', String(o.jitter)];
}
/** A run stops itself at --seconds (plus at most a few seconds for a stuck attempt); this bound is for one that does not. */
function stressBoundMs(o) {
    return (o.seconds + 10) * 1000;
}
/** The figures of one run's output (null: not the reproducer's output). */
function parseRun(text, exit) {
    const m = /^# attempts (\d+), hits (\d+), ([\d.]+) s/m.exec(text);
    const verdict = /^(not ok|ok) 1 .*$/m.exec(text)?.[0];
    if (!m || !verdict)
        return null;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('# first hit'));
    const evidence = at < 0 ? [] : lines.slice(at, lines.findIndex((l, i) => i > at && !l.startsWith('#   ')));
    return { exit, attempts: Number(m[1]), hits: Number(m[2]), seconds: Number(m[3]), verdict, evidence };
}
function runOnce(bin, o, hooks) {
    const boundMs = stressBoundMs(o);
    return new Promise((resolve) => {
        const t0 = Date.now();
        const child = (0, child_process_1.spawn)(bin, stressArgs(o), { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d) => {
            stdout += d;
            hooks.onOutput?.(d);
        });
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), boundMs);
        child.on('error', (e) => {
            clearTimeout(timer);
            resolve({ code: null, stdout, error: `cannot run ${bin}: ${e.message}` });
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (signal)
                resolve({ code: null, stdout, error: signal === 'SIGKILL' && Date.now() - t0 >= boundMs ? `no result within ${boundMs / 1000} s, killed` : `killed by ${signal}` });
            else if (code === 4)
                resolve({ code: null, stdout, error: (/# SKIP (.*)$/m.exec(stdout)?.[1] ?? 'skipped') });
            else if (code !== 0 && code !== 1)
                resolve({ code: null, stdout, error: (/^not ok 1 .*# (.*)$/m.exec(stdout)?.[1] ?? stderr.trim().split('\n')[0]) || `exit ${code}` });
            else
                resolve({ code, stdout });
        });
    });
}
/** Run it `runs` times; `onTick(elapsedMs, expectedMs)` every 250 ms (for a progress display). */
async function runStressProgram(o, hooks = {}) {
    const bin = stressBinary();
    if (!(0, fs_1.existsSync)(bin))
        return { code: null, runs: [], stdout: '', error: `the stress program is not built (${bin})` };
    const t0 = Date.now();
    const expectedMs = o.runs * o.seconds * 1000;
    const tick = setInterval(() => hooks.onTick?.(Date.now() - t0, expectedMs), 250);
    const runs = [];
    let stdout = '';
    try {
        for (let i = 0; i < o.runs; i++) {
            const r = await runOnce(bin, o, hooks);
            stdout += r.stdout;
            if (r.code === null)
                return { code: null, runs, stdout, error: r.error };
            const parsed = parseRun(r.stdout, r.code);
            if (!parsed)
                return { code: null, runs, stdout, error: `unexpected output from ${bin}: ${r.stdout.trim().split('\n')[0] ?? ''}` };
            runs.push(parsed);
        }
    }
    finally {
        clearInterval(tick);
    }
    return { code: runs.some((r) => r.exit === 1) ? 1 : 0, runs, stdout };
}
/** "violation seen in k of n runs, m attempts, h hits". */
function stressRate(runs) {
    const attempts = runs.reduce((n, r) => n + r.attempts, 0);
    const hits = runs.reduce((n, r) => n + r.hits, 0);
    return `violation seen in ${runs.filter((r) => r.exit === 1).length} of ${runs.length} runs, ${attempts} attempts, ${hits} hits`;
}
/** The runs as one JSON object (`uffdspec stress --json`, the conformance report). */
function stressJson(o, r) {
    return {
        counterexample: exports.STRESS_COUNTEREXAMPLE,
        program: exports.STRESS_SOURCE,
        options: o,
        runs: r.runs,
        runs_with_violation: r.runs.filter((x) => x.exit === 1).length,
        attempts: r.runs.reduce((n, x) => n + x.attempts, 0),
        hits: r.runs.reduce((n, x) => n + x.hits, 0),
    };
}
exports.STRESS_NOTE = 'A stress run is probabilistic: a run that finds nothing proves nothing.';
exports.STRESS_FINDING = 'On Linux 5.19+ (checked on 6.18) this is the expected finding: a store lands on a write-protected shmem page with no WP event when a punch\'s second unmap ' +
    '(unmap_mapping_folio, ZAP_FLAG_DROP_MARKER) zaps a uffd-wp pte that a racing fault mapped after the first unmap (spec invariant NoSilentWrite; docs/verdicts.md, "Findings").';
//# sourceMappingURL=native-stress.js.map