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
exports.have = have;
exports.bounded = bounded;
exports.why = why;
exports.runPan = runPan;
// SPIN's pan on a Promela model, as the bench and the twin-model test run it:
// spin -a, cc -O2 -DNOREDUCE -DSAFETY, ./pan with its depth limit raised until
// the search fits, and the figures pan prints, parsed. Every child process is
// bounded (coreutils timeout -s KILL when present, spawnSync's timeout behind it).
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
function have(cmd) {
    return (0, child_process_1.spawnSync)('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}
const TIME = '/usr/bin/time';
const HAVE_TIMEOUT = have('timeout');
/**
 * Run argv in `cwd` (under /usr/bin/time -f %M when `timeOut` names its output file), killed after
 * `limitS`. The bound is coreutils `timeout -s KILL`, which kills its whole process group: spawnSync's
 * own timeout would kill /usr/bin/time only and leave the measured process running.
 */
function bounded(argv, cwd, limitS, timeOut) {
    const useTime = timeOut !== undefined && fs.existsSync(TIME);
    if (useTime)
        fs.rmSync(timeOut, { force: true });
    let cmd = useTime ? [TIME, '-f', '%M', '-o', timeOut, ...argv] : argv;
    if (HAVE_TIMEOUT)
        cmd = ['timeout', '-s', 'KILL', String(limitS), ...cmd];
    const t0 = process.hrtime.bigint();
    const r = (0, child_process_1.spawnSync)(cmd[0], cmd.slice(1), { cwd, encoding: 'utf8', timeout: (limitS + 10) * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const m = useTime && fs.existsSync(timeOut) ? /(\d+)\s*$/.exec(fs.readFileSync(timeOut, 'utf8')) : null;
    let killed;
    if (r.error)
        killed = r.error.message;
    else if (r.signal || r.status === 124)
        killed = wallMs >= limitS * 1000 ? `killed after ${limitS} s` : `killed by ${r.signal ?? 'timeout'}`;
    return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, wallMs, rssKb: m ? Number(m[1]) : undefined, killed };
}
/** the line of a failed run's output that says why */
function why(r) {
    if (r.killed)
        return r.killed;
    const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim()).filter(Boolean);
    const line = lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? '';
    return `exit ${r.status}: ${line.slice(0, 200)}`;
}
/**
 * Compile and run `pml` in `dir`; the figures, or why it failed. `timeOut`: /usr/bin/time's output file for pan's peak RSS;
 * `hashBits`: pan's hash table of 2^hashBits slots (-w; pan's default is 24).
 */
function runPan(dir, pml, limitS, timeOut, optimise = '-O2', hashBits) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'model.pml'), pml);
    const t0 = process.hrtime.bigint();
    const gen = bounded(['spin', '-a', 'model.pml'], dir, limitS);
    if (gen.status !== 0)
        return { failed: `spin -a: ${why(gen)}` };
    const cc = bounded(['cc', optimise, '-DNOREDUCE', '-DSAFETY', '-o', 'pan', 'pan.c'], dir, limitS);
    if (cc.status !== 0)
        return { failed: `cc: ${why(cc)}` };
    const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
    // pan stops at its depth limit (-m) and then reports fewer states: raise it and run again
    let depthLimit = 1_000_000;
    const w = hashBits === undefined ? [] : [`-w${hashBits}`];
    let r = bounded(['./pan', `-m${depthLimit}`, ...w], dir, limitS, timeOut);
    while (/max search depth too small/.test(r.stdout) && depthLimit < 100_000_000) {
        depthLimit *= 10;
        r = bounded(['./pan', `-m${depthLimit}`, ...w], dir, limitS, timeOut);
    }
    fs.writeFileSync(path.join(dir, 'pan.out'), r.stdout);
    if (r.killed)
        return { failed: `pan: ${why(r)}`, pan: r };
    if (/max search depth too small/.test(r.stdout))
        return { failed: `pan: search depth above -m${depthLimit}`, pan: r };
    // compiled with -DNOREDUCE, pan must not report partial-order reduction
    if (/Partial Order Reduction/i.test(r.stdout))
        return { failed: 'pan ran with partial-order reduction', pan: r };
    const num = (re) => {
        const m = re.exec(r.stdout);
        return m ? Number(m[1]) : undefined;
    };
    // pan prints its counts with "%9.8g": exact below 10^8, 8 significant digits from there on
    const COUNT = '(\\d+(?:\\.\\d+)?(?:e\\+\\d+)?)';
    const storedText = new RegExp(`^\\s*${COUNT} states, stored`, 'm').exec(r.stdout)?.[1];
    const transitionsText = new RegExp(`^\\s*${COUNT} transitions \\(= stored\\+matched\\)`, 'm').exec(r.stdout)?.[1];
    const stored = storedText === undefined ? undefined : Number(storedText);
    const transitions = transitionsText === undefined ? undefined : Number(transitionsText);
    if (stored === undefined || transitions === undefined)
        return { failed: `pan: ${why(r)}`, pan: r };
    const elapsed = num(/pan: elapsed time ([\d.e+-]+) seconds/);
    return {
        ok: {
            stored,
            transitions,
            ...(/e/.test(storedText) ? { storedDigits: 8 } : {}),
            ...(/e/.test(transitionsText) ? { transitionsDigits: 8 } : {}),
            depth: num(/depth reached (\d+)/),
            errors: num(/errors: (\d+)/),
            elapsedMs: elapsed === undefined ? undefined : elapsed * 1000,
            memoryMb: num(/([\d.]+)\s+total actual memory usage/),
            compileMs,
            depthLimit,
            out: r.stdout,
        },
        pan: r,
    };
}
//# sourceMappingURL=spin.js.map