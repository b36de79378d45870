// How long a cache line takes to go from one core to another and back, for
// the bench's header. Two threads of one process that share memory pay it
// for every line one writes and the other then reads (the parallel engine's
// table, arena and counters); two processes, as in the bench's ceiling rows
// ("two 1-worker runs at once"), never do. On a virtual machine it depends
// on where the host places the virtual CPUs and moves within a run, and the
// two-worker rows move with it (docs/architecture.md, after the runs of
// record).
import { spawnSync } from 'child_process';

/** round trips per measurement */
const TRIPS = 200_000;

/**
 * A main thread and a worker thread pass a word back and forth (Atomics), each
 * waiting for the other's write; prints the mean round trip in ns. Every wait
 * is bounded: a stuck thread prints nothing and exits 1.
 */
const PROGRAM = `
const { Worker } = require('worker_threads');
const a = new Int32Array(new SharedArrayBuffer(256));
const N = ${TRIPS};
const until = Date.now() + 20000;
const w = new Worker(\`
  const { workerData } = require('worker_threads');
  const a = new Int32Array(workerData.sab);
  const until = Date.now() + 20000;
  Atomics.store(a, 16, 1);
  for (let i = 0; i < workerData.n; i++) {
    let k = 0;
    while (Atomics.load(a, 0) !== 2 * i + 1) if ((++k & 1048575) === 0 && Date.now() > until) process.exit(1);
    Atomics.store(a, 0, 2 * i + 2);
  }
\`, { eval: true, workerData: { sab: a.buffer, n: N } });
w.unref();
while (Atomics.load(a, 16) === 0) if (Date.now() > until) process.exit(1);
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  Atomics.store(a, 0, 2 * i + 1);
  let k = 0;
  while (Atomics.load(a, 0) !== 2 * i + 2) if ((++k & 1048575) === 0 && Date.now() > until) process.exit(1);
}
console.log(Number(process.hrtime.bigint() - t0) / N);
`;

/** the mean round trip of a cache line between two threads of one process, in ns; null where it could not be measured */
export function lineRoundTripNs(): number | null {
  const r = spawnSync(process.execPath, ['-e', PROGRAM], { encoding: 'utf8', timeout: 60_000 });
  const ns = Number((r.stdout ?? '').trim());
  return r.status === 0 && Number.isFinite(ns) && ns > 0 ? ns : null;
}

/** the header's line (without its bullet): the round trip at the start and at the end of the run */
export function roundTripLine(start: number | null, end: number | null): string {
  const f = (ns: number | null) => (ns === null ? 'not measured' : `${Math.round(ns)} ns`);
  return (
    `a cache line's round trip between two threads of one process (a shared word passed back and forth ${TRIPS.toLocaleString('en-US')} times): ` +
    `${f(start)} at the start, ${f(end)} at the end; two workers pay it for the lines they share, two processes (the ceiling rows) do not`
  );
}
