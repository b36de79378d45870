// How long a random read of this machine's memory takes in a table of a
// given size, for the bench's rate-by-size lines. A checker's lookups are
// random reads of its table, and on this virtual machine such reads get
// slower as the table grows past the caches, even on huge pages (likely the
// host's page translations, under the guest's, falling out of the caches in
// turn). Printed beside the engine's rate by size, it says what the machine's
// memory did between the two sizes; how much of it reaches the rate is for
// the rate outside the kernel to show (the batched lookups hide most of it:
// docs/architecture.md). Measured in a process started like the bench's runs
// (the same GLIBC_TUNABLES).
import { spawnSync } from 'child_process';

/** reads per measurement */
const READS = 20_000_000;

/**
 * A table of MIB MiB, every page written first (not timed), then READS
 * reads at indices from a xorshift generator, each independent of the last
 * (as a checker's lookups of a state's successors are); prints the mean
 * time of one, in ns, the loop's own work included (the same at every size).
 */
const PROGRAM = `
const mib = Number(process.argv[1]);
const a = new Int32Array((mib * 1048576) / 4);
for (let i = 0; i < a.length; i += 1024) a[i] = i;
const mask = a.length - 1;
let s = 88172645, sum = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < ${READS}; i++) {
  s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
  sum += a[s & mask];
}
const ns = Number(process.hrtime.bigint() - t0) / ${READS};
// (sum is printed in a case that never happens, so that the reads are not optimized away)
console.log(sum === 0.5 ? 0 : ns);
`;

/** the table sizes measured: powers of two, so that rows of about the same memory share one */
export function tableMiB(bytes: number): number {
  return 2 ** Math.max(0, Math.round(Math.log2(bytes / 1048576)));
}

const measured = new Map<number, number | null>();

/** the mean time of a random read in a table of `mib` MiB (a power of two), the fastest of three; null where it could not be measured */
export function randomReadNs(mib: number): number | null {
  if (!measured.has(mib)) {
    let best: number | null = null;
    for (let k = 0; k < 3; k++) {
      const r = spawnSync(process.execPath, ['-e', PROGRAM, String(mib)], { encoding: 'utf8', timeout: 120_000 });
      const ns = Number((r.stdout ?? '').trim());
      if (r.status === 0 && Number.isFinite(ns) && ns > 0) best = best === null ? ns : Math.min(best, ns);
    }
    measured.set(mib, best);
  }
  return measured.get(mib)!;
}

/**
 * The clause of a rate-by-size line: a random read in tables of the memory of the run with the best
 * rate and of the largest run (bytes), and how much slower the second is; '' where one was not measured.
 */
export function memoryClause(bestBytes: number, lastBytes: number): string {
  const a = tableMiB(bestBytes);
  const b = tableMiB(lastBytes);
  if (a === b) return '';
  const na = randomReadNs(a);
  const nb = randomReadNs(b);
  if (na === null || nb === null) return '';
  return `; a random read of this machine's memory (bench/memory.ts) takes ${na.toFixed(1)} ns in ${a.toLocaleString('en-US')} MiB (about the best-rate run's memory) and ${nb.toFixed(1)} ns in ${b.toLocaleString('en-US')} MiB (the largest run's), so its random reads go ${(na / nb).toFixed(2)}× as fast at the largest size`;
}
