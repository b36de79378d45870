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
exports.RELAUNCHED = exports.TUNABLE = void 0;
exports.hugePageFacts = hugePageFacts;
exports.hugePageTunables = hugePageTunables;
exports.wantsHugePages = wantsHugePages;
exports.relaunchWithHugePages = relaunchWithHugePages;
// Transparent huge pages for the checker's tables. At 10^7 states and more,
// nearly every lookup of a successor that the small cache does not answer is
// a random read in a table of hundreds of MiB to GiB: with 4 KiB pages it
// misses the TLB too, and the page walk's own reads miss the caches. Where
// the kernel gives huge pages only to memory that asks for them
// (/sys/kernel/mm/transparent_hugepage/enabled = madvise, Debian's default),
// node cannot ask (it has no madvise), but glibc can: with the tunable
// glibc.malloc.hugetlb=1 (glibc 2.35 and later) malloc advises
// MADV_HUGEPAGE on the large blocks it maps, which is where node puts the
// typed arrays of the tables. Tunables are read when the process starts, so
// `uffdspec check` starts itself again with it set (bin/uffdspec).
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
exports.TUNABLE = 'glibc.malloc.hugetlb=1';
/** UFFDSPEC_HUGEPAGES in the process started with the tunable: it never starts another */
exports.RELAUNCHED = 'relaunched';
const THP_ENABLED = '/sys/kernel/mm/transparent_hugepage/enabled';
function hugePageFacts() {
    let thp = null;
    try {
        thp = /\[(\w+)\]/.exec(fs.readFileSync(THP_ENABLED, 'utf8'))?.[1] ?? null;
    }
    catch {
        /* no THP in this kernel, or not Linux */
    }
    const header = process.report?.getReport()?.header;
    return { platform: process.platform, env: process.env, thp, glibc: header?.glibcVersionRuntime ?? null };
}
/**
 * GLIBC_TUNABLES with the huge-page tunable added, or null when adding it
 * would change nothing: THP on for all memory ('always') or off ('never'),
 * not glibc or one older than 2.35, the tunable already set (by the user, or
 * because this process is the one started with it), UFFDSPEC_HUGEPAGES=0,
 * or this process started by relaunchWithHugePages.
 */
function hugePageTunables(f) {
    const asked = f.env.UFFDSPEC_HUGEPAGES;
    if (f.platform !== 'linux' || f.thp !== 'madvise' || asked === '0' || asked === exports.RELAUNCHED)
        return null;
    const v = /^(\d+)\.(\d+)/.exec(f.glibc ?? '');
    if (!v || Number(v[1]) * 1000 + Number(v[2]) < 2035)
        return null;
    const now = f.env.GLIBC_TUNABLES ?? '';
    if (now.includes('glibc.malloc.hugetlb'))
        return null;
    return now ? `${now}:${exports.TUNABLE}` : exports.TUNABLE;
}
/** the commands that explore a state space exhaustively (the others keep no large tables) */
function wantsHugePages(argv) {
    return argv[0] === 'check' && !argv.some((a) => a === '--simulate' || a === '--help' || a === '-h');
}
/**
 * Run `script argv` again in a child process with the tunable set, its
 * standard streams this process's, and end this process as the child ends
 * (same exit status, or the same signal). False when there is nothing to
 * gain (the caller runs the command itself); also when the child cannot be
 * started, after `run` has been called instead.
 */
function relaunchWithHugePages(script, argv, run, given) {
    if (!wantsHugePages(argv))
        return false;
    // (read only for a command that may use them: the C library's version takes a process report, ~8 ms)
    const facts = given ?? hugePageFacts();
    const tunables = hugePageTunables(facts);
    if (tunables === null)
        return false;
    const child = (0, child_process_1.spawn)(process.execPath, [...process.execArgv, script, ...argv], { stdio: 'inherit', env: { ...facts.env, GLIBC_TUNABLES: tunables, UFFDSPEC_HUGEPAGES: exports.RELAUNCHED } });
    // a signal meant for the command (a kill of this pid, a timeout's TERM) reaches the child; a
    // terminal's ^C reaches both, and this process waits for the child to end
    const handlers = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((sig) => [sig, () => child.kill(sig)]);
    for (const [sig, h] of handlers)
        process.on(sig, h);
    const release = () => {
        for (const [sig, h] of handlers)
            process.off(sig, h);
    };
    let started = true;
    child.on('error', () => {
        // spawn failed (an exit event, if one follows, is ignored): the command runs here, without huge pages
        started = false;
        release();
        run();
    });
    child.on('exit', (code, signal) => {
        if (!started)
            return;
        release();
        if (signal)
            process.kill(process.pid, signal);
        else
            process.exitCode = code ?? 1;
    });
    return true;
}
//# sourceMappingURL=huge-pages.js.map