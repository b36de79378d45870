// One measured run of our checker, in its own process (bench/run.ts starts it
// under /usr/bin/time so the peak RSS is this run's alone):
//   node dist/bench/child.js FILE NAME=VALUE generated|interpreter [--fingerprint-only] [--states-hint N]
// prints one JSON line with the checker's own figures and timings (and, for
// the generated engine, the memory its states took: bytes per distinct
// state); on an error, one line "error: ..." on stderr and exit status 1.
import { checkSpecFile } from '../src/api';

const t0 = process.hrtime.bigint();
const [file, constant, engine, ...rest] = process.argv.slice(2);
const [name, value] = (constant ?? '').split('=');
const hintAt = rest.indexOf('--states-hint');
try {
  const r = checkSpecFile(file, {
    constants: { [name]: Number(value) },
    engine: engine === 'interpreter' ? 'interpreter' : 'generated',
    fingerprintOnly: rest.includes('--fingerprint-only'),
    statesHint: hintAt >= 0 ? Number(rest[hintAt + 1]) : undefined,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(
    JSON.stringify({
      result: r.result,
      distinct: r.distinctStates,
      generated: r.statesGenerated,
      depth: r.depth,
      exploreMs: r.durationMs,
      // loading the spec, generating/loading the checker module and exploring
      inProcessMs: Math.round(wallMs),
      maxRssKb: process.resourceUsage().maxRSS,
      ...(r.memory ? { memory: r.memory.mode, bytesPerState: r.memory.bytesPerState } : {}),
    }) + '\n',
  );
} catch (err) {
  process.stderr.write(`error: ${String((err as Error).message ?? err).replace(/\s*\n\s*/g, '; ')}\n`);
  process.exitCode = 1;
}
