// Spec counterexample → schedule (conformance/schedule.ts). Each step of the
// shortest trace the checker printed becomes the simulator instruction that
// performs the same kernel step, plus the spec's state after it, projected
// onto what the simulator can be compared on. Deterministic: the same trace
// gives the same schedule.
//
// This file knows the names of spec/shmem_uffd/shmem_uffd.spec.ts (its variables,
// processes, labels and monitor actions): it is the binding between that spec
// and the simulator at label granularity, as binding.ts is
// at the granularity of trace operations.
import type { TraceStep } from '../../src/engine/result';
import { tagOfJson } from '../../src/runtime/json';
import { boolParam, intInstance, intParam, stepText, type Step } from '../../src/runtime/step';
import type { Op, UffdMode } from '../../conformance/trace';
import { registerModes, registers } from './variants';
import {
  Instr, PageState, PteState, SCHEDULE_FORMAT, SchedState, Schedule, ScheduleStep, ThreadState,
} from '../../conformance/schedule';

type J = Record<string, any>;

/** Program counters at which a thread has no access in progress. */
const IDLE_PCS = new Set(['access', 'exit', 'Done']);

const REASONS: Record<string, UffdMode> = { VmUffdMissing: 'MISSING', VmUffdWp: 'WP', VmUffdMinor: 'MINOR' };

/** The spec state (plain JSON, as the checker prints it) projected onto a SchedState. */
export function projectSpecState(s: J, pages: number, threads: number, mappings: number): SchedState {
  const page: PageState[] = [];
  for (let i = 0; i < pages; i++) {
    const slot = s.cache[i];
    const cached = tagOfJson(slot) === 'Folio';
    const ptes: PteState[] = [];
    for (let m = 0; m < mappings; m++) {
      const e = s.pte[m][i];
      const t = tagOfJson(e);
      if (t === 'Present') ptes.push({ pte: 'present', wp: e.wp, writable: e.writable, stale: !cached || slot.gen !== e.folio });
      else ptes.push({ pte: t === 'PteMarker' ? 'marker' : 'none', wp: t === 'PteMarker', writable: false, stale: false });
    }
    page.push({ cache: cached, ptes });
  }
  const th: ThreadState[] = [];
  for (let u = 0; u < threads; u++) {
    if (IDLE_PCS.has(s['Thread.pc'][u])) th.push('idle');
    else if (tagOfJson(s.uffd_msg[u]) !== 'NoMsg') th.push('userfault');
    else if (s.falloc_wait[u]) th.push('falloc_wait');
    else th.push('running');
  }
  return { pages: page, threads: th };
}

/** The simulator instruction for the spec step `step` from `b` to `a`. */
export function instrOf(step: Step, b: J, a: J, constants: Record<string, unknown>): Instr {
  if (step.process === 'Thread' && step.label !== null) {
    const u = intInstance(step);
    const label = step.label;
    if (label === 'access') {
      const m = a['Thread.m'][u] as number;
      const page = a['Thread.p'][u] as number;
      const op: Op = a['Thread.wr'][u]
        ? { op: 'write', thread: u, page, value: 0x41 + u, ...(m ? { mapping: m } : {}) }
        : { op: 'read', thread: u, page, ...(m ? { mapping: m } : {}) };
      return { do: 'start', thread: u, op };
    }
    if (label === 'exit') return { do: 'exit', thread: u };
    const completes = !IDLE_PCS.has(b['Thread.pc'][u]) && IDLE_PCS.has(a['Thread.pc'][u]);
    return { do: 'step', thread: u, label, completes };
  }
  if (step.process === 'Punch' && step.label !== null) {
    if (step.label !== 'punch_begin') return { do: 'punch', label: step.label };
    return { do: 'punch', label: 'punch_begin', op: { op: 'punch', lo: a['Punch.lo'], hi: a['Punch.hi'] - 1 } };
  }
  const name = stepText(step);
  /** the page whose monitor flag (mon_held[reason] or mon_wake) the step cleared */
  const monPage = (flags: (j: J) => Record<string, boolean>): number => {
    const pg = Object.keys(flags(b)).find((k) => flags(b)[k] && !flags(a)[k]);
    if (pg === undefined) throw new Error(`${name}: the monitor answered no page`);
    return Number(pg);
  };
  const regWp = registers(String(constants.UFFD_MODE), 'WP');
  switch (step.action) {
    case 'mwriteprotect_range': {
      const pg = intParam(step, 'pg');
      return { do: 'op', op: { op: 'writeprotect', lo: pg, hi: pg, wp: boolParam(step, 'protect') } };
    }
    case 'userfaultfd_read': {
      const u = intParam(step, 'u');
      return { do: 'read', thread: u, kind: REASONS[b.uffd_msg[u].reason], page: b['Thread.p'][u] };
    }
    case 'mfill_atomic_copy': {
      const pg = monPage((j) => j.mon_held.VmUffdMissing);
      // the spec's own wpmode: reg_wp(0) && mon_prot[pg]
      return { do: 'op', op: { op: 'copy', page: pg, value: 0x43, wp: regWp && b.mon_prot[pg] === true } };
    }
    case 'mfill_atomic_continue':
      return { do: 'op', op: { op: 'continue', page: monPage((j) => j.mon_held.VmUffdMinor), wp: false } };
    case 'userfaultfd_wake': {
      const pg = monPage((j) => j.mon_wake);
      return { do: 'op', op: { op: 'wake', lo: pg, hi: pg } };
    }
    case 'madvise_dontneed': {
      const mm = intParam(step, 'mm');
      return { do: 'op', op: { op: 'madvise', advice: 'DONTNEED', lo: intParam(step, 'lo'), hi: intParam(step, 'hi'), ...(mm ? { mapping: mm } : {}) } };
    }
    case 'madvise_pageout': {
      const mm = intParam(step, 'mm');
      return { do: 'op', op: { op: 'madvise', advice: 'PAGEOUT', lo: intParam(step, 'lo'), hi: intParam(step, 'hi'), ...(mm ? { mapping: mm } : {}) } };
    }
    case 'pwrite': {
      const pg = intParam(step, 'pg');
      return { do: 'op', op: { op: 'pwrite', page: pg, value: 0x50 } };
    }
  }
  throw new Error(`no simulator instruction for the spec step ${name}`);
}

export function scheduleOf(
  row: string,
  property: string,
  spec: string,
  constants: Record<string, string | number | boolean>,
  trace: TraceStep[],
): Schedule {
  const pages = Number(constants.PAGES);
  const threads = Number(constants.THREADS);
  const mappings = Number(constants.MAPPINGS);
  const init = trace[0].state as J;
  const steps: ScheduleStep[] = [];
  for (let i = 1; i < trace.length; i++) {
    const b = trace[i - 1].state as J;
    const a = trace[i].state as J;
    const step = trace[i].step;
    if (step === null) throw new Error(`${row}/${property}: step ${i} of the trace has no step (only the initial state has none)`);
    // the schedule file stores a step as its text (stepText): the format of the committed artefact
    steps.push({ step: stepText(step), instr: instrOf(step, b, a, constants), expect: projectSpecState(a, pages, threads, mappings) });
  }
  return {
    format: SCHEDULE_FORMAT,
    name: `${row}/${property}`,
    row,
    property,
    spec,
    constants,
    pages,
    threads,
    mappings,
    fill: Array.from({ length: pages }, (_, i) => (tagOfJson(init.cache[i]) === 'Folio' ? i + 1 : 0)),
    register: registerModes(String(constants.UFFD_MODE)),
    initial: projectSpecState(init, pages, threads, mappings),
    steps,
  };
}
