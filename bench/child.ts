// One measured run of our checker, in its own process (bench/run.ts starts it
// under /usr/bin/time so the peak RSS is this run's alone):
//   node dist/bench/child.js FILE [--engine generated|interpreter] [--const NAME=VALUE]...
//     [--workers N] [--no-symmetry] [--fingerprint-only] [--invariants-only] [--spec NAME] [--timeout S] [--states-hint N]
// explores the whole state space (it goes on past violations, as check --continue)
// and prints one JSON line with the checker's own figures and timings; on an
// error, one line "error: ..." on stderr and exit status 1.
import { checkModel, defaultWorkers, loadSpecFile, type RunOptions } from '../src/api';

const t0 = process.hrtime.bigint();
const argv = process.argv.slice(2);
const file = argv[0];
const flags = new Map<string, string[]>();
for (let i = 1; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) throw new Error(`bench child: unexpected argument ${a}`);
  const takes = ['--engine', '--const', '--workers', '--spec', '--timeout', '--states-hint'].includes(a);
  const v = takes ? argv[++i] : 'true';
  flags.set(a, [...(flags.get(a) ?? []), v]);
}
const one = (k: string) => flags.get(k)?.[0];
try {
  const constants: Record<string, number | string | boolean> = {};
  for (const c of flags.get('--const') ?? []) {
    const [name, value] = c.split('=');
    constants[name] = /^-?\d+$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value;
  }
  let model = loadSpecFile(file, one('--spec')).model(constants);
  // liveness needs the whole edge list and the sequential engine: the bench measures the safety run
  if (flags.has('--invariants-only')) model = { ...model, liveness: [] };
  const opts: RunOptions & Record<string, unknown> = {
    engine: one('--engine') === 'interpreter' ? 'interpreter' : 'generated',
    stopAtFirst: false,
    // as check: one thread per core unless --workers says
    workers: one('--workers') ? Number(one('--workers')) : defaultWorkers(),
  };
  if (flags.has('--no-symmetry')) opts.symmetry = false;
  if (one('--timeout')) opts.timeout = Number(one('--timeout'));
  if (one('--states-hint')) opts.statesHint = Number(one('--states-hint'));
  if (flags.has('--fingerprint-only')) opts.fingerprintOnly = true;
  // the kernel's time during the exploration (every thread's): on a virtual machine mostly the
  // first write to each new page of memory (docs/architecture.md)
  const sys0 = process.resourceUsage().systemCPUTime;
  const r = checkModel(model, opts);
  const systemMs = (process.resourceUsage().systemCPUTime - sys0) / 1000;
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const extra = r as unknown as Record<string, any>;
  process.stdout.write(
    JSON.stringify({
      result: r.result,
      complete: r.complete,
      violated: r.violations.map((v) => v.property),
      distinct: r.distinctStates,
      generated: r.statesGenerated,
      depth: r.depth,
      exploreMs: r.durationMs,
      systemMs: Math.round(systemMs),
      // the engine's own accounting of its state storage, when it gives one
      bytesPerState: extra.memory?.bytesPerState,
      workers: extra.workers,
      symmetry: extra.symmetry,
      // loading the spec, generating/loading the checker module and exploring
      inProcessMs: Math.round(wallMs),
      maxRssKb: process.resourceUsage().maxRSS,
    }) + '\n',
  );
} catch (err) {
  process.stderr.write(`error: ${String((err as Error).message ?? err).replace(/\s*\n\s*/g, '; ')}\n`);
  process.exitCode = 1;
}
