// The shmem spec as a conformance target: the spec specialised to a trace
// (its sizes, registration, contents), bound to the trace format by binding.ts.
import { generateChecker } from '../../generator/load';
import { SpecSystem, specTarget, type TracePlan } from '../../conformance/spec-target';
import { mappingsOf, sizeOf, type Op, type Trace } from '../../conformance/trace';
import { shmemBinding, type Contents } from './binding';
import { REGISTRATIONS } from './variants';
import { SPEC_NAME, shmemSpec } from '.';

const systems = new Map<string, SpecSystem>();

/** The spec specialised to these constants, as a conformance system (cached per constants). */
export function specSystem(constants: Trace['constants'], contents?: Contents): SpecSystem {
  const key = JSON.stringify([constants, contents ?? null]);
  let sys = systems.get(key);
  if (!sys) {
    const { checker } = generateChecker(shmemSpec().model(constants));
    sys = new SpecSystem(checker, shmemBinding(checker.META.constants, contents));
    systems.set(key, sys);
  }
  return sys;
}

/** uffd features that change what a fault does; the spec models none of them yet. */
const BEHAVIOUR_FEATURES = ['SIGBUS', 'WP_ASYNC', 'WP_UNPOPULATED'];

/** The spec's UFFD_MODE for a set of UFFDIO_REGISTER modes, or null where the spec has none. */
function uffdModeOf(modes: readonly string[]): string | null {
  const key = [...modes].sort().join(',');
  const r = REGISTRATIONS.find((x) => x.modes !== null && [...x.modes].sort().join(',') === key);
  return r ? r.name : null;
}

/**
 * How the spec follows a trace: at the trace's own sizes, with bounds that are the
 * trace's own counts, contents renamed to the values 1..n, the initial fill written
 * with pwrite (as the native harness does), and the ioctls as the trace issues them.
 * A trace the spec cannot follow gets the reason, which names the missing modelling.
 */
export function planTrace(trace: Trace): TracePlan | { skip: string } {
  const geometry = mappingsOf(trace);
  if (geometry.some((g) => g.offset !== 0 || g.length !== trace.pages))
    return { skip: 'a mapping that does not cover the whole file (offset/length): the spec maps every mapping over the whole file' };

  // registration: the spec registers mapping 0 from the start, with UFFD_MODE
  let uffdMode = 'None';
  const given = new Set<number>();
  for (const [i, { op }] of trace.steps.entries()) {
    if (op.op === 'unregister') return { skip: `steps[${i}]: UFFDIO_UNREGISTER is not modelled by the spec` };
    if ('mapping' in op && op.mapping !== 0 && op.mapping !== undefined && op.op !== 'read' && op.op !== 'write' && op.op !== 'madvise')
      return { skip: `steps[${i}]: the spec registers only mapping 0 (${op.op} on mapping ${op.mapping})` };
    if (op.op !== 'register') continue;
    if (given.size > 0) return { skip: `steps[${i}]: a second UFFDIO_REGISTER is not modelled by the spec` };
    const before = trace.steps.slice(0, i).find((s) => s.op.op !== 'pread' && s.op.op !== 'pwrite');
    if (before) return { skip: `steps[${i}]: a register after a ${before.op.op} is not modelled (the spec registers at the start)` };
    const mode = uffdModeOf(op.modes);
    if (mode === null) return { skip: `steps[${i}]: the spec has no registration ${op.modes.join('|') || '(no modes)'}` };
    const feature = (op.features ?? []).find((x) => BEHAVIOUR_FEATURES.includes(x));
    if (feature) return { skip: `steps[${i}]: UFFD_FEATURE_${feature} is not modelled by the spec` };
    uffdMode = mode;
    given.add(i);
  }

  // contents: every byte the trace names, in order, is a value 1..n of the spec
  const bytes = new Set<number>(trace.initial.fill);
  for (const { op } of trace.steps) if ('value' in op) bytes.add(op.value);
  bytes.delete(0);
  const alphabet = [...bytes].sort((a, b) => a - b);

  const count = (p: (op: Op) => boolean) => trace.steps.filter((s) => p(s.op)).length;
  const perThread = Array.from({ length: trace.threads }, (_, t) => count((op) => (op.op === 'read' || op.op === 'write') && op.thread === t));
  const prelude: Op[] = [];
  trace.initial.fill.forEach((value, page) => {
    if (value !== 0) prelude.push({ op: 'pwrite', page, value });
  });
  const constants: Trace['constants'] = {
    ...trace.constants,
    UFFD_MODE: uffdMode,
    PAGES: trace.pages,
    MAPPINGS: geometry.length,
    THREADS: trace.threads,
    ACCESSES: Math.max(1, ...perThread),
    PUNCHES: Math.max(1, count((op) => op.op === 'punch' || (op.op === 'madvise' && op.advice === 'REMOVE'))),
    WP_ROUNDS: 0,
    DONTNEEDS: count((op) => op.op === 'madvise' && op.advice === 'DONTNEED'),
    PWRITES: count((op) => op.op === 'pwrite') + prelude.length,
    SIZE: sizeOf(trace),
    VALUES: alphabet.length,
    FILLED: false,
    TRACE_DRIVEN: true,
  };
  let system: SpecSystem;
  try {
    system = specSystem(constants, { predicted: true, alphabet });
  } catch (e) {
    return { skip: `the spec does not take these constants: ${(e as Error).message.split('\n')[0]}` };
  }
  return { system, prelude, given, observeOnly: (op) => op.op === 'pread' };
}

export const shmemSpecTarget = specTarget(SPEC_NAME, planTrace);
