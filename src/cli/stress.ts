// `uffdspec stress`: the generated reproducer of the 6.18 finding (D-wp-1/NoSilentWrite)
// run on the real kernel (conformance/native-stress.ts).
import { nativeAvailability } from '../../conformance/native-driver';
import { STRESS_DEFAULTS, STRESS_FINDING, STRESS_NOTE, runStressProgram, stressJson, stressRate, type StressOptions } from '../../conformance/native-stress';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, intFlag } from './options';
import { Progress } from './progress';

/** The stress options of a parsed command line (shared with conform --stress). */
export function stressOptions(p: Parsed, command: string): StressOptions {
  const jitter = p.flags.get('jitter')?.[0];
  if (jitter !== undefined && !/^\d+$/.test(jitter)) throw new UsageError(`${command}: --jitter expects nanoseconds (an integer >= 0), got '${jitter}'`);
  const o = {
    runs: intFlag(p, 'runs', command) ?? STRESS_DEFAULTS.runs,
    seconds: intFlag(p, 'seconds', command) ?? STRESS_DEFAULTS.seconds,
    attempts: intFlag(p, 'attempts', command) ?? STRESS_DEFAULTS.attempts,
    jitter: jitter === undefined ? STRESS_DEFAULTS.jitter : Number(jitter),
  };
  if (o.seconds > 86400) throw new UsageError(`${command}: --seconds must be at most 86400, got ${o.seconds}`);
  if (o.attempts > 1000000000) throw new UsageError(`${command}: --attempts must be at most 1000000000, got ${o.attempts}`);
  if (o.jitter > 1000000) throw new UsageError(`${command}: --jitter must be at most 1000000 ns, got ${o.jitter}`);
  return o;
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
  progress.phase(`stress: ${o.runs} run(s) of the D-wp-1/NoSilentWrite reproducer, at most ${o.seconds} s or ${o.attempts} attempts each`, true);
  const r = await runStressProgram(o, {
    onOutput: (s) => {
      if (json) return;
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
  if (json) out(JSON.stringify(stressJson(o, r)));
  const rate = stressRate(r.runs);
  if (r.code === 0) err(`stress: no violation found (${rate}). ${STRESS_NOTE}`);
  else err(`stress: violation found (${rate}). ${STRESS_FINDING} ${STRESS_NOTE}`);
  return r.code;
}
