"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NativeHarness = exports.NativeHarnessError = exports.NATIVE_HARNESS_PATH = void 0;
exports.nativeProbeInfo = nativeProbeInfo;
exports.nativeAvailability = nativeAvailability;
exports.gatherNativeFacts = gatherNativeFacts;
// The native userfaultfd harness (conformance/native/harness, a C program) driven over
// a pipe: one JSON request per line on its stdin, one JSON reply per line on its stdout
// (protocol in conformance/native/README.md). Every request has a deadline; a harness
// that misses it, or dies, is killed and the call rejects with one line naming the step.
const child_process_1 = require("child_process");
const fs_1 = require("fs");
const os_1 = require("os");
const package_root_1 = require("../src/util/package-root");
const path_1 = require("path");
const native_availability_1 = require("./native-availability");
// the binary is built next to its sources (compiled JS runs from dist/conformance/);
// UFFDSPEC_NATIVE_HARNESS=PATH runs another one (tests use a missing path to make the
// native target unavailable)
const NATIVE_DIR = (0, package_root_1.inPackage)('conformance', 'native');
const BUILT_HARNESS_PATH = (0, path_1.join)(NATIVE_DIR, 'harness');
const BUILD_STATUS_PATH = (0, path_1.join)(NATIVE_DIR, 'build-status.json');
exports.NATIVE_HARNESS_PATH = process.env.UFFDSPEC_NATIVE_HARNESS ? (0, path_1.resolve)(process.env.UFFDSPEC_NATIVE_HARNESS) : BUILT_HARNESS_PATH;
/** A one-line failure of the native harness; `message` is the whole diagnostic. */
class NativeHarnessError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NativeHarnessError';
    }
}
exports.NativeHarnessError = NativeHarnessError;
class NativeHarness {
    /** The observation after init (the initial state). */
    initial;
    proc;
    timeoutMs;
    buffer = '';
    stderr = '';
    pending = null;
    dead = null;
    step = 0;
    poolKey = '';
    constructor(proc, timeoutMs) {
        this.proc = proc;
        this.timeoutMs = timeoutMs;
        proc.stdout.setEncoding('utf8');
        proc.stderr.setEncoding('utf8');
        proc.stdout.on('data', (chunk) => this.onData(chunk));
        proc.stderr.on('data', (chunk) => {
            if (this.stderr.length < 4096)
                this.stderr += chunk;
        });
        proc.stdin.on('error', () => undefined); // reported through 'exit'
        proc.on('error', (e) => this.fail(`cannot run ${exports.NATIVE_HARNESS_PATH}: ${e.message}`));
        proc.on('exit', (code, signal) => {
            const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
            const detail = this.stderr.trim().split('\n')[0];
            this.fail(`harness ${why}${detail ? `: ${detail}` : ''}`);
        });
    }
    static async start(opts) {
        const env = { ...process.env };
        if (opts.waitMs !== undefined)
            env.UFFDSPEC_NATIVE_WAIT_MS = String(opts.waitMs);
        if (opts.noWakeMs !== undefined)
            env.UFFDSPEC_NATIVE_NOWAKE_MS = String(opts.noWakeMs);
        const proc = (0, child_process_1.spawn)(opts.binary ?? exports.NATIVE_HARNESS_PATH, [], { stdio: ['pipe', 'pipe', 'pipe'], env, cwd: opts.cwd, uid: opts.user?.uid, gid: opts.user?.gid });
        const h = new NativeHarness(proc, opts.timeoutMs ?? 10000);
        h.poolKey = poolKey(opts);
        try {
            await h.init(opts);
        }
        catch (e) {
            h.kill();
            throw e;
        }
        return h;
    }
    /**
     * Like start, but reuses a harness process that an earlier session gave back with
     * release() (a process start costs tens of ms; a reset and a new init, about one).
     * The session is the same: a new memfd, mappings and userfaultfds, idle threads.
     */
    static async acquire(opts) {
        const key = poolKey(opts);
        const i = pool.findIndex((p) => p.poolKey === key);
        if (i >= 0) {
            const [h] = pool.splice(i, 1);
            h.setRef(true);
            try {
                await h.init(opts);
                return h;
            }
            catch {
                h.kill(); // a harness that cannot start a new session is not reused
            }
        }
        return NativeHarness.start(opts);
    }
    /** Ends the session and keeps the process for acquire(); kills it if the reset fails. */
    async release() {
        if (this.dead)
            return;
        try {
            await this.request({ cmd: 'reset' }, 'reset');
        }
        catch {
            this.kill();
            return;
        }
        if (pool.length >= MAX_POOL) {
            await this.close();
            return;
        }
        this.setRef(false); // an idle pooled harness does not keep Node alive; it exits on EOF or our death
        pool.push(this);
    }
    /** Quits every pooled harness (tests call it in afterAll). */
    static async drainPool() {
        const all = pool.splice(0);
        await Promise.all(all.map((h) => h.close()));
    }
    async init(opts) {
        this.step = 0;
        const req = { cmd: 'init', pages: opts.pages, threads: opts.threads, fill: opts.fill };
        if (opts.size !== undefined)
            req.size = opts.size;
        if (opts.mappings !== undefined)
            req.mappings = opts.mappings.map((g) => (g.pteIndex === undefined ? { offset: g.offset, length: g.length } : { offset: g.offset, length: g.length, pteIndex: g.pteIndex }));
        const r = await this.request(req, 'init');
        this.initial = r.obs;
    }
    setRef(on) {
        for (const x of [this.proc, this.proc.stdin, this.proc.stdout, this.proc.stderr]) {
            if (on)
                x.ref?.();
            else
                x.unref?.();
        }
    }
    /** Process id of the harness (for tests that check nothing is left behind). */
    get pid() {
        return this.proc.pid;
    }
    async info() {
        const r = await this.request({ cmd: 'info' }, 'info');
        return r;
    }
    /** Performs one trace op; resolves with the observation once the system is quiescent. */
    async apply(op) {
        const label = `step ${this.step++}`;
        const r = await this.request({ cmd: 'op', op }, label);
        return r.obs;
    }
    /** Asks the harness to quit; kills it if it does not within the deadline. */
    async close() {
        if (this.dead)
            return;
        const exited = new Promise((resolve) => this.proc.once('exit', () => resolve()));
        const timer = setTimeout(() => this.kill(), Math.min(this.timeoutMs, 2000));
        try {
            this.proc.stdin.end('{"cmd":"quit"}\n');
        }
        catch {
            this.kill();
        }
        await exited;
        clearTimeout(timer);
    }
    /** Kills the harness at once (idempotent). */
    kill() {
        if (this.proc.exitCode === null && this.proc.signalCode === null)
            this.proc.kill('SIGKILL');
    }
    request(msg, label) {
        if (this.dead)
            return Promise.reject(new NativeHarnessError(`native harness: ${this.dead} (${label})`));
        if (this.pending)
            return Promise.reject(new NativeHarnessError(`native harness: a request is already in flight (${label})`));
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.fail(`no reply within ${this.timeoutMs} ms`);
                this.kill();
            }, this.timeoutMs);
            this.pending = {
                resolve: (r) => {
                    if (r.ok)
                        resolve(r);
                    else
                        reject(new NativeHarnessError(`native harness: ${r.error} (${label})`));
                },
                reject,
                timer,
                label,
            };
            this.proc.stdin.write(JSON.stringify(msg) + '\n');
        });
    }
    onData(chunk) {
        this.buffer += chunk;
        let nl;
        while ((nl = this.buffer.indexOf('\n')) >= 0) {
            const line = this.buffer.slice(0, nl);
            this.buffer = this.buffer.slice(nl + 1);
            const p = this.pending;
            if (!p) {
                this.fail(`unexpected output: ${line.slice(0, 200)}`);
                this.kill();
                return;
            }
            this.pending = null;
            clearTimeout(p.timer);
            let reply;
            try {
                reply = JSON.parse(line);
            }
            catch {
                p.reject(new NativeHarnessError(`native harness: unreadable reply: ${line.slice(0, 200)} (${p.label})`));
                this.dead = 'protocol broken';
                this.kill();
                return;
            }
            p.resolve(reply);
        }
    }
    fail(why) {
        if (this.dead)
            return;
        this.dead = why;
        const p = this.pending;
        this.pending = null;
        if (p) {
            clearTimeout(p.timer);
            p.reject(new NativeHarnessError(`native harness: ${why} (${p.label})`));
        }
    }
}
exports.NativeHarness = NativeHarness;
const MAX_POOL = 2;
const pool = [];
const poolKey = (o) => JSON.stringify([o.binary ?? exports.NATIVE_HARNESS_PATH, o.waitMs ?? null, o.noWakeMs ?? null, o.timeoutMs ?? null, o.user ?? null, o.cwd ?? null]);
let cached;
let probedInfo;
/** The info reply of the availability probe (kernel release, uffd features), once it has succeeded. */
function nativeProbeInfo() {
    return nativeAvailability().ok ? probedInfo : undefined;
}
/**
 * Can traces run on the real kernel here? Checks Linux, the built binary, and that the
 * harness can open a userfaultfd (its info command); if not, says why and what fixes it
 * (conformance/native-availability.ts). The answer is cached.
 */
function nativeAvailability(binary = exports.NATIVE_HARNESS_PATH) {
    if (cached && binary === exports.NATIVE_HARNESS_PATH)
        return cached;
    const facts = gatherNativeFacts(binary);
    const d = (0, native_availability_1.diagnoseNative)(facts);
    const answer = d.ok ? { ok: true } : { ok: false, reason: d.reason, fix: d.fix };
    if (binary === exports.NATIVE_HARNESS_PATH) {
        cached = answer;
        if (d.ok)
            probedInfo = facts.info;
    }
    return answer;
}
/** The facts diagnoseNative needs, read from this machine and from the harness's info reply. */
function gatherNativeFacts(binary = exports.NATIVE_HARNESS_PATH) {
    const facts = {
        platform: process.platform,
        kernel: (0, os_1.release)(),
        harness: { path: binary, from: process.env.UFFDSPEC_NATIVE_HARNESS && binary === exports.NATIVE_HARNESS_PATH ? 'env' : 'build', exists: (0, fs_1.existsSync)(binary), executable: false },
        uid: process.getuid?.(),
    };
    if (facts.platform !== 'linux')
        return facts;
    try {
        (0, fs_1.accessSync)(binary, fs_1.constants.X_OK);
        facts.harness.executable = true;
    }
    catch {
        facts.harness.executable = false;
    }
    try {
        const b = JSON.parse((0, fs_1.readFileSync)(binary === BUILT_HARNESS_PATH ? BUILD_STATUS_PATH : (0, path_1.join)((0, path_1.dirname)(binary), 'build-status.json'), 'utf8'));
        if (typeof b?.built === 'boolean')
            facts.build = { built: b.built, reason: typeof b.reason === 'string' ? b.reason : undefined, fix: typeof b.fix === 'string' ? b.fix : undefined };
    }
    catch {
        // no status: built before build-status.json existed, or never built
    }
    try {
        const v = (0, fs_1.readFileSync)('/proc/sys/vm/unprivileged_userfaultfd', 'utf8').trim();
        if (/^\d+$/.test(v))
            facts.sysctl = Number(v);
    }
    catch {
        // no such sysctl (no CONFIG_USERFAULTFD) or /proc not mounted
    }
    try {
        const m = /^CapEff:\s*([0-9a-f]+)$/m.exec((0, fs_1.readFileSync)('/proc/self/status', 'utf8'));
        if (m)
            facts.capSysPtrace = (BigInt(`0x${m[1]}`) & (1n << 19n)) !== 0n;
    }
    catch {
        // unknown
    }
    try {
        const st = (0, fs_1.statSync)('/dev/userfaultfd');
        facts.dev = { exists: true, mode: st.mode & 0o777, uid: st.uid, gid: st.gid };
    }
    catch (e) {
        if (e.code === 'ENOENT')
            facts.dev = { exists: false };
    }
    if (!facts.harness.executable)
        return facts;
    const r = (0, child_process_1.spawnSync)(binary, [], { input: '{"cmd":"info"}\n', encoding: 'utf8', timeout: 5000 });
    if (r.error) {
        facts.infoError = r.error.code === 'ETIMEDOUT' ? 'no reply to info within 5 s' : r.error.message;
        return facts;
    }
    try {
        facts.info = JSON.parse(r.stdout.split('\n')[0]);
    }
    catch {
        const why = (r.stderr || '').trim().split('\n')[0];
        facts.infoError = `no info reply (exit ${r.status ?? r.signal})${why ? `: ${why}` : ''}`;
    }
    return facts;
}
//# sourceMappingURL=native-driver.js.map