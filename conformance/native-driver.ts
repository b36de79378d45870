// The native userfaultfd harness (conformance/native/harness, a C program) driven over
// a pipe: one JSON request per line on its stdin, one JSON reply per line on its stdout
// (protocol in conformance/native/README.md). Every request has a deadline; a harness
// that misses it, or dies, is killed and the call rejects with one line naming the step.
import { spawn, spawnSync, ChildProcessWithoutNullStreams } from 'child_process';
import { accessSync, existsSync, readFileSync, statSync, constants as fsConstants } from 'fs';
import { release } from 'os';
import { inPackage } from '../src/util/package-root';
import { dirname, join, resolve } from 'path';
import type { MappingGeometry, Observation, Op } from './trace';
import { diagnoseNative, type NativeFacts, type UffdAttempts } from './native-availability';

// the binary is built next to its sources (compiled JS runs from dist/conformance/);
// UFFDSPEC_NATIVE_HARNESS=PATH runs another one (tests use a missing path to make the
// native target unavailable)
const NATIVE_DIR = inPackage('conformance', 'native');
const BUILT_HARNESS_PATH = join(NATIVE_DIR, 'harness');
const BUILD_STATUS_PATH = join(NATIVE_DIR, 'build-status.json');
export const NATIVE_HARNESS_PATH = process.env.UFFDSPEC_NATIVE_HARNESS ? resolve(process.env.UFFDSPEC_NATIVE_HARNESS) : BUILT_HARNESS_PATH;

export interface NativeStartOptions {
  pages: number;
  threads: number;
  fill: number[];
  /** i_size in pages (default `pages`); `fill` must be 0 from there on. */
  size?: number;
  /**
   * The MAP_SHARED mappings of the file, in pages (default one over the whole file);
   * `pteIndex` (default 0) places a mapping's first page at that pte of its page table
   * (the harness maps it `pteIndex` pages past the 2 MiB aligned start of its 4 MiB slot).
   */
  mappings?: MappingGeometry[];
  /** Deadline for one request's reply, ms (default 10000). */
  timeoutMs?: number;
  /** How long the harness waits for an access or a wake to settle, ms (default 200). */
  waitMs?: number;
  /**
   * How long blocked threads that the op's wake cannot have reached (outside its range,
   * or the ioctl failed) are watched, ms (default 20).
   */
  noWakeMs?: number;
  /** Binary to run (default NATIVE_HARNESS_PATH). */
  binary?: string;
  /** Run the harness as this user (needs root; tests run it unprivileged). */
  user?: { uid: number; gid: number };
  /** Working directory of the harness (default: this process's). */
  cwd?: string;
}

export interface NativeInfo {
  uname: string;
  machine: string;
  /**
   * How the harness opened its userfaultfd: "syscall" (userfaultfd(2)), "dev"
   * (/dev/userfaultfd), "user-mode-only" (userfaultfd(2) with UFFD_USER_MODE_ONLY) or "none".
   */
  uffd: string;
  /** each way tried, in order: "ok", an errno name, or "not tried" */
  attempts?: UffdAttempts;
  features?: string;
  ioctls?: string;
  uffd_error?: string;
}

/** Whether traces can run on the real kernel here; if not, why and the fix (one line each). */
export type NativeAvailability = { ok: true } | { ok: false; reason: string; fix: string };

/** A one-line failure of the native harness; `message` is the whole diagnostic. */
export class NativeHarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NativeHarnessError';
  }
}

type Reply = { ok: true; obs?: Observation; [key: string]: unknown } | { ok: false; error: string };

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  label: string;
}

export class NativeHarness {
  /** The observation after init (the initial state). */
  initial!: Observation;
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly timeoutMs: number;
  private buffer = '';
  private stderr = '';
  private pending: Pending | null = null;
  private dead: string | null = null;
  private step = 0;
  private poolKey = '';

  private constructor(proc: ChildProcessWithoutNullStreams, timeoutMs: number) {
    this.proc = proc;
    this.timeoutMs = timeoutMs;
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => this.onData(chunk));
    proc.stderr.on('data', (chunk: string) => {
      if (this.stderr.length < 4096) this.stderr += chunk;
    });
    proc.stdin.on('error', () => undefined); // reported through 'exit'
    proc.on('error', (e) => this.fail(`cannot run ${NATIVE_HARNESS_PATH}: ${e.message}`));
    proc.on('exit', (code, signal) => {
      const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const detail = this.stderr.trim().split('\n')[0];
      this.fail(`harness ${why}${detail ? `: ${detail}` : ''}`);
    });
  }

  static async start(opts: NativeStartOptions): Promise<NativeHarness> {
    const env = { ...process.env };
    if (opts.waitMs !== undefined) env.UFFDSPEC_NATIVE_WAIT_MS = String(opts.waitMs);
    if (opts.noWakeMs !== undefined) env.UFFDSPEC_NATIVE_NOWAKE_MS = String(opts.noWakeMs);
    const proc = spawn(opts.binary ?? NATIVE_HARNESS_PATH, [], { stdio: ['pipe', 'pipe', 'pipe'], env, cwd: opts.cwd, uid: opts.user?.uid, gid: opts.user?.gid });
    const h = new NativeHarness(proc, opts.timeoutMs ?? 10000);
    h.poolKey = poolKey(opts);
    try {
      await h.init(opts);
    } catch (e) {
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
  static async acquire(opts: NativeStartOptions): Promise<NativeHarness> {
    const key = poolKey(opts);
    const i = pool.findIndex((p) => p.poolKey === key);
    if (i >= 0) {
      const [h] = pool.splice(i, 1);
      h.setRef(true);
      try {
        await h.init(opts);
        return h;
      } catch {
        h.kill(); // a harness that cannot start a new session is not reused
      }
    }
    return NativeHarness.start(opts);
  }

  /** Ends the session and keeps the process for acquire(); kills it if the reset fails. */
  async release(): Promise<void> {
    if (this.dead) return;
    try {
      await this.request({ cmd: 'reset' }, 'reset');
    } catch {
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
  static async drainPool(): Promise<void> {
    const all = pool.splice(0);
    await Promise.all(all.map((h) => h.close()));
  }

  private async init(opts: NativeStartOptions): Promise<void> {
    this.step = 0;
    const req: Record<string, unknown> = { cmd: 'init', pages: opts.pages, threads: opts.threads, fill: opts.fill };
    if (opts.size !== undefined) req.size = opts.size;
    if (opts.mappings !== undefined)
      req.mappings = opts.mappings.map((g) => (g.pteIndex === undefined ? { offset: g.offset, length: g.length } : { offset: g.offset, length: g.length, pteIndex: g.pteIndex }));
    const r = await this.request(req, 'init');
    this.initial = r.obs as Observation;
  }

  private setRef(on: boolean): void {
    for (const x of [this.proc, this.proc.stdin, this.proc.stdout, this.proc.stderr] as Array<{ ref?: () => void; unref?: () => void }>) {
      if (on) x.ref?.();
      else x.unref?.();
    }
  }

  /** Process id of the harness (for tests that check nothing is left behind). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  async info(): Promise<NativeInfo> {
    const r = await this.request({ cmd: 'info' }, 'info');
    return r as unknown as NativeInfo;
  }

  /** Performs one trace op; resolves with the observation once the system is quiescent. */
  async apply(op: Op): Promise<Observation> {
    const label = `step ${this.step++}`;
    const r = await this.request({ cmd: 'op', op }, label);
    return r.obs as Observation;
  }

  /** Asks the harness to quit; kills it if it does not within the deadline. */
  async close(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    const timer = setTimeout(() => this.kill(), Math.min(this.timeoutMs, 2000));
    try {
      this.proc.stdin.end('{"cmd":"quit"}\n');
    } catch {
      this.kill();
    }
    await exited;
    clearTimeout(timer);
  }

  /** Kills the harness at once (idempotent). */
  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }

  private request(msg: object, label: string): Promise<Reply & { ok: true }> {
    if (this.dead) return Promise.reject(new NativeHarnessError(`native harness: ${this.dead} (${label})`));
    if (this.pending) return Promise.reject(new NativeHarnessError(`native harness: a request is already in flight (${label})`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`no reply within ${this.timeoutMs} ms`);
        this.kill();
      }, this.timeoutMs);
      this.pending = {
        resolve: (r) => {
          if (r.ok) resolve(r);
          else reject(new NativeHarnessError(`native harness: ${r.error} (${label})`));
        },
        reject,
        timer,
        label,
      };
      this.proc.stdin.write(JSON.stringify(msg) + '\n');
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
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
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        p.reject(new NativeHarnessError(`native harness: unreadable reply: ${line.slice(0, 200)} (${p.label})`));
        this.dead = 'protocol broken';
        this.kill();
        return;
      }
      p.resolve(reply);
    }
  }

  private fail(why: string): void {
    if (this.dead) return;
    this.dead = why;
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(new NativeHarnessError(`native harness: ${why} (${p.label})`));
    }
  }
}

const MAX_POOL = 2;
const pool: NativeHarness[] = [];
const poolKey = (o: NativeStartOptions) => JSON.stringify([o.binary ?? NATIVE_HARNESS_PATH, o.waitMs ?? null, o.noWakeMs ?? null, o.timeoutMs ?? null, o.user ?? null, o.cwd ?? null]);

let cached: NativeAvailability | undefined;
let probedInfo: NativeInfo | undefined;

/** The info reply of the availability probe (kernel release, uffd features), once it has succeeded. */
export function nativeProbeInfo(): NativeInfo | undefined {
  return nativeAvailability().ok ? probedInfo : undefined;
}

/**
 * Can traces run on the real kernel here? Checks Linux, the built binary, and that the
 * harness can open a userfaultfd (its info command); if not, says why and what fixes it
 * (conformance/native-availability.ts). The answer is cached.
 */
export function nativeAvailability(binary: string = NATIVE_HARNESS_PATH): NativeAvailability {
  if (cached && binary === NATIVE_HARNESS_PATH) return cached;
  const facts = gatherNativeFacts(binary);
  const d = diagnoseNative(facts);
  const answer: NativeAvailability = d.ok ? { ok: true } : { ok: false, reason: d.reason, fix: d.fix };
  if (binary === NATIVE_HARNESS_PATH) {
    cached = answer;
    if (d.ok) probedInfo = facts.info as NativeInfo;
  }
  return answer;
}

/** The facts diagnoseNative needs, read from this machine and from the harness's info reply. */
export function gatherNativeFacts(binary: string = NATIVE_HARNESS_PATH): NativeFacts {
  const facts: NativeFacts = {
    platform: process.platform,
    kernel: release(),
    harness: { path: binary, from: process.env.UFFDSPEC_NATIVE_HARNESS && binary === NATIVE_HARNESS_PATH ? 'env' : 'build', exists: existsSync(binary), executable: false },
    uid: process.getuid?.(),
  };
  if (facts.platform !== 'linux') return facts;
  try {
    accessSync(binary, fsConstants.X_OK);
    facts.harness.executable = true;
  } catch {
    facts.harness.executable = false;
  }
  try {
    const b = JSON.parse(readFileSync(binary === BUILT_HARNESS_PATH ? BUILD_STATUS_PATH : join(dirname(binary), 'build-status.json'), 'utf8'));
    if (typeof b?.built === 'boolean') facts.build = { built: b.built, reason: typeof b.reason === 'string' ? b.reason : undefined, fix: typeof b.fix === 'string' ? b.fix : undefined };
  } catch {
    // no status: built before build-status.json existed, or never built
  }
  try {
    const v = readFileSync('/proc/sys/vm/unprivileged_userfaultfd', 'utf8').trim();
    if (/^\d+$/.test(v)) facts.sysctl = Number(v);
  } catch {
    // no such sysctl (no CONFIG_USERFAULTFD) or /proc not mounted
  }
  try {
    const m = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) facts.capSysPtrace = (BigInt(`0x${m[1]}`) & (1n << 19n)) !== 0n;
  } catch {
    // unknown
  }
  try {
    const st = statSync('/dev/userfaultfd');
    facts.dev = { exists: true, mode: st.mode & 0o777, uid: st.uid, gid: st.gid };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') facts.dev = { exists: false };
  }
  if (!facts.harness.executable) return facts;
  const r = spawnSync(binary, [], { input: '{"cmd":"info"}\n', encoding: 'utf8', timeout: 5000 });
  if (r.error) {
    facts.infoError = (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? 'no reply to info within 5 s' : r.error.message;
    return facts;
  }
  try {
    facts.info = JSON.parse(r.stdout.split('\n')[0]);
  } catch {
    const why = (r.stderr || '').trim().split('\n')[0];
    facts.infoError = `no info reply (exit ${r.status ?? r.signal})${why ? `: ${why}` : ''}`;
  }
  return facts;
}
