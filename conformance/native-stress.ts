// The race stress program (conformance/native/stress.c) run on the real
// kernel under a hard time bound: Peter Xu's 2020 scenario and the 6.18
// protection loss. Used by `uffdspec stress` and `uffdspec conform --stress`.
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { dirname, join } from 'path';
import { NATIVE_HARNESS_PATH } from './native-driver';

export interface StressOptions {
  runs: number;
  seconds: number;
  iterations: number;
  page: number;
  jitter: number;
  phase: 'wp' | 'coherence' | 'both';
}

export const STRESS_DEFAULTS: StressOptions = { runs: 4, seconds: 3, iterations: 20000, page: 5, jitter: 4000, phase: 'both' };

/** The stress binary, built beside the harness. */
export function stressBinary(): string {
  return join(dirname(NATIVE_HARNESS_PATH), 'stress');
}

export function stressArgs(o: StressOptions, json: boolean): string[] {
  return [
    '--runs', String(o.runs), '--seconds', String(o.seconds), '--iterations', String(o.iterations),
    '--page', String(o.page), '--jitter', String(o.jitter), '--phase', o.phase, ...(json ? ['--json'] : []),
  ];
}

/** The program stops itself (its own time limit and an alarm); this bound is for a program that does not. */
export function stressBoundMs(o: StressOptions): number {
  const phases = o.phase === 'both' ? 2 : 1;
  return (o.runs * phases * (o.seconds + 2) + 20) * 1000;
}

export interface StressRun {
  /** 0 no violation seen, 1 a violation seen; null when it did not finish */
  code: number | null;
  stdout: string;
  error?: string;
}

/** Run it; `onTick(elapsedMs, expectedMs)` every 250 ms while it runs (for a progress display). */
export function runStressProgram(o: StressOptions, json: boolean, hooks: { onOutput?: (s: string) => void; onTick?: (elapsedMs: number, expectedMs: number) => void } = {}): Promise<StressRun> {
  const bin = stressBinary();
  if (!existsSync(bin)) return Promise.resolve({ code: null, stdout: '', error: `the stress program is not built (${bin})` });
  const boundMs = stressBoundMs(o);
  const expectedMs = o.runs * (o.phase === 'both' ? 2 : 1) * o.seconds * 1000;
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(bin, stressArgs(o, json), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      hooks.onOutput?.(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const tick = setInterval(() => hooks.onTick?.(Date.now() - t0, expectedMs), 250);
    const timer = setTimeout(() => child.kill('SIGKILL'), boundMs);
    child.on('error', (e) => {
      clearInterval(tick);
      clearTimeout(timer);
      resolve({ code: null, stdout, error: `cannot run ${bin}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearInterval(tick);
      clearTimeout(timer);
      if (signal) resolve({ code: null, stdout, error: signal === 'SIGKILL' && Date.now() - t0 >= boundMs ? `no result within ${boundMs / 1000} s, killed` : `killed by ${signal}` });
      else if (code !== 0 && code !== 1) resolve({ code: null, stdout, error: (stderr.trim().split('\n')[0] || `exit ${code}`) });
      else resolve({ code, stdout });
    });
  });
}

/** "lost in k of n runs, m iterations" from the program's text or JSON output (wp phase only). */
export function stressRate(text: string, json: boolean): string | null {
  if (json) {
    try {
      const j = JSON.parse(text) as Record<string, number>;
      return j.wp_iterations === undefined ? null : `wp protection lost in ${j.wp_runs_with_violation} of ${j.runs} runs, ${j.wp_iterations} iterations`;
    } catch {
      return null;
    }
  }
  const m = /^wp: (lost in \d+ of \d+ runs, \d+ iterations)/m.exec(text);
  return m ? `wp protection ${m[1]}` : null;
}

export const STRESS_NOTE = 'A stress run is probabilistic: a run that finds nothing proves nothing.';
export const STRESS_FINDING =
  "On Linux 6.x (checked on 6.18) this is the expected finding: a write-protected shmem page loses its uffd-wp bit when a punch's second unmap " +
  '(unmap_mapping_folio, ZAP_FLAG_DROP_MARKER) zaps a pte that a racing fault mapped after the first unmap (spec invariant WpNotLost; docs/verdicts.md, "Findings").';
