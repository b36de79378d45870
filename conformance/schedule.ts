// Counterexamples as regression tests, at the granularity of the spec's labels.
//
// A trace (trace.ts) is a list of user-level operations, each run to
// quiescence; it cannot express a race. A *schedule* is a counterexample of
// the verdict table: one entry per spec step (a thread's labelled step, a
// punch step, a monitor ioctl), with what the simulator must do for it and
// the state the spec reached after it. It replays on the simulator through
// its label-by-label API (conformance/schedule-replay.ts), and is checked
// against the current spec by test/counterexamples.test.ts.
//
// Files: `conformance/generated/counterexamples.json`, a bundle
// `{ "format": "uffdspec-schedules/1", "schedules": [...] }` written by
// `npm run verdicts` (src/verdicts/run.ts) from the verdict table's runs.
import type { Op, UffdMode } from './trace';
import { TraceError, readJsonFile } from './trace';

export const SCHEDULE_FORMAT = 'uffdspec-schedule/1';
export const SCHEDULES_FORMAT = 'uffdspec-schedules/1';

/** One pte as the schedule compares it: stale = present but not the folio cached at that index. */
export interface PteState {
  pte: 'none' | 'marker' | 'present';
  wp: boolean;
  writable: boolean;
  stale: boolean;
}

export interface PageState {
  /** the page cache holds a folio at this index */
  cache: boolean;
  /** one per mapping, mapping 0 first (the uffd-registered one) */
  ptes: PteState[];
}

/**
 * A user thread: idle (no access in progress), running (in an access, not
 * asleep), asleep on a userfault, or asleep on the punch's falloc waitq.
 */
export type ThreadState = 'idle' | 'running' | 'userfault' | 'falloc_wait';

export interface SchedState {
  pages: PageState[];
  threads: ThreadState[];
}


/** What the simulator does for one spec step. */
export type Instr =
  /** a thread's `access`: start the load or store (the task stops at its first label) */
  | { do: 'start'; thread: number; op: Op }
  /** a thread's labelled step; `completes`: the spec ends the access in this step */
  | { do: 'step'; thread: number; label: string; completes: boolean }
  /** a thread's `exit`: no kernel work */
  | { do: 'exit'; thread: number }
  /** a step of fallocate(PUNCH_HOLE); `op` starts a new punch (at punch_begin) */
  | { do: 'punch'; label: string; op?: Op }
  /** the monitor's or another syscall's one-step operation, run to completion */
  | { do: 'op'; op: Op }
  /** the monitor's read(2) of the message of a thread's fault */
  | { do: 'read'; thread: number; kind: UffdMode; page: number };

export interface ScheduleStep {
  /** the spec step as the checker names it, e.g. `Thread[0]:finish_fault` */
  step: string;
  instr: Instr;
  expect: SchedState;
}

export interface Schedule {
  format: typeof SCHEDULE_FORMAT;
  /** `<verdict row>/<property>` */
  name: string;
  /** the row of docs/verdicts.md */
  row: string;
  /** the property this counterexample violates (an invariant, or Deadlock) */
  property: string;
  spec: string;
  /** every constant of the spec, as checked */
  constants: Record<string, string | number | boolean>;
  pages: number;
  threads: number;
  mappings: number;
  /** the initial pwrite of each page's first byte, 0 = hole (as in a trace) */
  fill: number[];
  /** the uffd registration of mapping 0 before the first step (none: not registered) */
  register: UffdMode[] | null;
  /** the state after Init */
  initial: SchedState;
  steps: ScheduleStep[];
}

export interface ScheduleBundle {
  format: typeof SCHEDULES_FORMAT;
  generatedFrom: string;
  schedules: Schedule[];
}

/**
 * Load a bundle; defects are one-line TraceErrors naming the file and field.
 * The files are generated, so this checks their shape, not every value.
 */
export function loadScheduleFile(file: string): Schedule[] {
  return schedulesOf(readJsonFile(file), file);
}

/** The schedules of a bundle already read from `file`. */
export function schedulesOf(json: unknown, file: string): Schedule[] {
  const b = json as Partial<ScheduleBundle>;
  if (!b || b.format !== SCHEDULES_FORMAT) throw new TraceError(`${file}: format: expected "${SCHEDULES_FORMAT}"`);
  if (!Array.isArray(b.schedules)) throw new TraceError(`${file}: schedules: expected an array`);
  b.schedules.forEach((s, i) => {
    const at = `${file}: schedules[${i}]`;
    if (!s || s.format !== SCHEDULE_FORMAT) throw new TraceError(`${at}.format: expected "${SCHEDULE_FORMAT}"`);
    for (const k of ['pages', 'threads', 'mappings'] as const) {
      if (!Number.isInteger(s[k]) || s[k] < 1) throw new TraceError(`${at}.${k}: expected a positive integer`);
    }
    if (!Array.isArray(s.steps)) throw new TraceError(`${at}.steps: expected an array`);
    s.steps.forEach((st, j) => {
      if (!st || typeof st.step !== 'string' || !st.instr || typeof st.instr.do !== 'string' || !st.expect)
        throw new TraceError(`${at}.steps[${j}]: expected { step, instr, expect }`);
      if (!Array.isArray(st.expect.pages) || st.expect.pages.length !== s.pages) throw new TraceError(`${at}.steps[${j}].expect.pages: expected ${s.pages} pages`);
    });
  });
  return b.schedules;
}

/** One line per page and thread: `p0 cache | m0 present wp ro | m1 none`, for side-by-side reports. */
export function formatSchedState(s: SchedState): string {
  const pte = (p: PteState) =>
    p.pte === 'present' ? `present${p.wp ? ' wp' : ''} ${p.writable ? 'rw' : 'ro'}${p.stale ? ' STALE' : ''}` : p.pte;
  const lines = s.pages.map((p, i) => `p${i} ${p.cache ? 'cache' : 'hole '} | ${p.ptes.map((x, m) => `m${m} ${pte(x)}`).join(' | ')}`);
  lines.push(`threads ${s.threads.join(' ')}`);
  return lines.join('\n');
}

/** null when equal, else the first difference in words. */
export function compareSchedState(expected: SchedState, actual: SchedState): string | null {
  for (let i = 0; i < expected.pages.length; i++) {
    const e = expected.pages[i];
    const a = actual.pages[i];
    if (!a) return `page ${i}: missing`;
    if (e.cache !== a.cache) return `page ${i}: cache ${e.cache ? 'folio' : 'hole'} expected, ${a.cache ? 'folio' : 'hole'} found`;
    for (let m = 0; m < e.ptes.length; m++) {
      const x = e.ptes[m];
      const y = a.ptes[m];
      if (!y || x.pte !== y.pte || x.wp !== y.wp || x.writable !== y.writable || x.stale !== y.stale)
        return `page ${i} mapping ${m}: pte ${JSON.stringify(x)} expected, ${JSON.stringify(y ?? null)} found`;
    }
  }
  for (let t = 0; t < expected.threads.length; t++) {
    if (expected.threads[t] !== actual.threads[t]) return `thread ${t}: ${expected.threads[t]} expected, ${actual.threads[t]} found`;
  }
  return null;
}
