// `uffdspec stress`: the race of the 2020 thread on the real kernel (conformance/native-stress.ts).
import { nativeAvailability } from '../../conformance/native-driver';
import { STRESS_DEFAULTS, STRESS_FINDING, STRESS_NOTE, runStressProgram, stressRate, type StressOptions } from '../../conformance/native-stress';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, intFlag } from './options';
import { Progress } from './progress';

/** The stress options of a parsed command line (shared with conform --stress). */
export function stressOptions(p: Parsed, command: string): StressOptions {
  const phase = p.flags.get('phase')?.[0] ?? STRESS_DEFAULTS.phase;
  if (phase !== 'wp' && phase !== 'coherence' && phase !== 'both') throw new UsageError(`${command}: --phase must be wp, coherence or both, got '${phase}'`);
  const page = p.flags.get('page')?.[0];
  if (page !== undefined && !/^(\d|1[0-5])$/.test(page)) throw new UsageError(`${command}: --page must be a page of the 16-page file, 0..15, got '${page}'`);
  return {
    runs: intFlag(p, 'runs', command) ?? STRESS_DEFAULTS.runs,
    seconds: intFlag(p, 'seconds', command) ?? STRESS_DEFAULTS.seconds,
    iterations: intFlag(p, 'iterations', command) ?? STRESS_DEFAULTS.iterations,
    page: page === undefined ? STRESS_DEFAULTS.page : Number(page),
    jitter: intFlag(p, 'jitter', command) ?? STRESS_DEFAULTS.jitter,
    phase,
  };
}

export async function runStressCommand(p: Parsed, out: Out, err: Out): Promise<number> {
  if (p.positional.length) throw new UsageError(`stress: unexpected argument '${p.positional[0]}' (uffdspec stress --help)`);
  const o = stressOptions(p, 'stress');
  const json = p.flags.has('json');
  const avail = nativeAvailability();
  if (!avail.ok) {
    err(`stress: the native programs cannot run here: ${avail.reason}`);
    err(`stress: fix: ${avail.fix}`);
    return EXIT.unavailable;
  }
  const progress = new Progress();
  progress.phase(`stress: ${o.runs} run(s) of each phase (${o.phase}), at most ${o.seconds} s or ${o.iterations} iterations each`, true);
  const r = await runStressProgram(o, json, {
    onOutput: (s) => {
      progress.end();
      for (const line of s.replace(/\n$/, '').split('\n')) out(line);
    },
    onTick: (ms, expected) => progress.update(`stress: ${Math.round(ms / 1000)} s of about ${Math.round(expected / 1000)} s`, Math.min(ms, expected), expected),
  });
  progress.end();
  if (r.code === null) {
    err(`stress: could not run: ${r.error}`);
    return EXIT.unavailable;
  }
  const rate = stressRate(r.stdout, json);
  if (r.code === 0) err(`stress: no violation found${rate ? ` (${rate})` : ''}. ${STRESS_NOTE}`);
  else err(`stress: violation found${rate ? ` (${rate})` : ''}. ${STRESS_FINDING} ${STRESS_NOTE}`);
  return r.code;
}
