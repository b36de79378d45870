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
import { spawn } from 'child_process';
import * as fs from 'fs';

export const TUNABLE = 'glibc.malloc.hugetlb=1';
/** UFFDSPEC_HUGEPAGES in the process started with the tunable: it never starts another */
export const RELAUNCHED = 'relaunched';
const THP_ENABLED = '/sys/kernel/mm/transparent_hugepage/enabled';

/** The facts the choice depends on (read from this machine by default). */
export interface HugePageFacts {
  platform: string;
  env: NodeJS.ProcessEnv;
  /** the selected mode of THP_ENABLED ('always', 'madvise', 'never'), or null when it cannot be read */
  thp: string | null;
  /** the glibc this process runs on ("2.36"), or null (another C library) */
  glibc: string | null;
}

export function hugePageFacts(): HugePageFacts {
  let thp: string | null = null;
  try {
    thp = /\[(\w+)\]/.exec(fs.readFileSync(THP_ENABLED, 'utf8'))?.[1] ?? null;
  } catch {
    /* no THP in this kernel, or not Linux */
  }
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return { platform: process.platform, env: process.env, thp, glibc: header?.glibcVersionRuntime ?? null };
}

/**
 * GLIBC_TUNABLES with the huge-page tunable added, or null when adding it
 * would change nothing: THP on for all memory ('always') or off ('never'),
 * not glibc or one older than 2.35, the tunable already set (by the user, or
 * because this process is the one started with it), UFFDSPEC_HUGEPAGES=0,
 * or this process started by relaunchWithHugePages.
 */
export function hugePageTunables(f: HugePageFacts): string | null {
  const asked = f.env.UFFDSPEC_HUGEPAGES;
  if (f.platform !== 'linux' || f.thp !== 'madvise' || asked === '0' || asked === RELAUNCHED) return null;
  const v = /^(\d+)\.(\d+)/.exec(f.glibc ?? '');
  if (!v || Number(v[1]) * 1000 + Number(v[2]) < 2035) return null;
  const now = f.env.GLIBC_TUNABLES ?? '';
  if (now.includes('glibc.malloc.hugetlb')) return null;
  return now ? `${now}:${TUNABLE}` : TUNABLE;
}

/** the commands that explore a state space exhaustively (the others keep no large tables) */
export function wantsHugePages(argv: string[]): boolean {
  return argv[0] === 'check' && !argv.some((a) => a === '--simulate' || a === '--help' || a === '-h');
}

/**
 * Run `script argv` again in a child process with the tunable set, its
 * standard streams this process's, and end this process as the child ends
 * (same exit status, or the same signal). False when there is nothing to
 * gain (the caller runs the command itself); also when the child cannot be
 * started, after `run` has been called instead.
 */
export function relaunchWithHugePages(script: string, argv: string[], run: () => void, given?: HugePageFacts): boolean {
  if (!wantsHugePages(argv)) return false;
  // (read only for a command that may use them: the C library's version takes a process report, ~8 ms)
  const facts = given ?? hugePageFacts();
  const tunables = hugePageTunables(facts);
  if (tunables === null) return false;
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], { stdio: 'inherit', env: { ...facts.env, GLIBC_TUNABLES: tunables, UFFDSPEC_HUGEPAGES: RELAUNCHED } });
  // a signal meant for the command (a kill of this pid, a timeout's TERM) reaches the child; a
  // terminal's ^C reaches both, and this process waits for the child to end
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => [sig, () => child.kill(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  const release = () => {
    for (const [sig, h] of handlers) process.off(sig, h);
  };
  let started = true;
  child.on('error', () => {
    // spawn failed (an exit event, if one follows, is ignored): the command runs here, without huge pages
    started = false;
    release();
    run();
  });
  child.on('exit', (code, signal) => {
    if (!started) return;
    release();
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
  return true;
}
