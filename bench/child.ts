// One measured run of our checker, in its own process (bench/run.ts starts it
// under /usr/bin/time so the peak RSS is this run's alone):
//   node dist/bench/child.js FILE NAME=VALUE generated|interpreter
// prints one JSON line with the checker's own figures and timings; on an
// error, one line "error: ..." on stderr and exit status 1.
import { checkSpecFile } from '../src/api';

const t0 = process.hrtime.bigint();
const [file, constant, engine] = process.argv.slice(2);
const [name, value] = (constant ?? '').split('=');
try {
  const r = checkSpecFile(file, {
    constants: { [name]: Number(value) },
    engine: engine === 'interpreter' ? 'interpreter' : 'generated',
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
    }) + '\n',
  );
} catch (err) {
  process.stderr.write(`error: ${String((err as Error).message ?? err).replace(/\s*\n\s*/g, '; ')}\n`);
  process.exitCode = 1;
}
