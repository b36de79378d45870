// The three targets a trace runs on. Each opens a session for a trace and
// applies its ops one by one, returning the observation after each; a
// target that cannot run a trace says why (the trace is then skipped, with
// that reason in the report).
import type { Observation, Op, Trace } from './trace';
import { Sim } from '../src/sim';
import { NativeHarness, nativeAvailability, type NativeAvailability, type NativeStartOptions } from './native-driver';
import { SpecState, SpecSystem } from './spec-target';
import { shmemBinding, registerModes } from './shmem-binding';
import { loadSpecFile } from '../src/api';
import { generateChecker } from '../generator/load';
import { fillOf } from '../generator/tour';
import { compareObservation } from './trace';
import type { Spec } from '../dsl';
import * as path from 'path';

export type TargetName = 'spec' | 'sim' | 'native';

export interface Session {
  apply(op: Op, expected: Observation): Promise<Observation>;
  close(): Promise<void>;
}

export interface Target {
  name: TargetName;
  /** a session, or the reason this trace cannot run on this target */
  open(trace: Trace): Promise<Session | { skip: string }>;
}

// ---------------------------------------------------------------- simulator

export const simTarget: Target = {
  name: 'sim',
  async open(trace) {
    const sim = Sim.fromTrace(trace);
    return {
      apply: async (op) => sim.apply(op),
      close: async () => undefined,
    };
  },
};

// ---------------------------------------------------------------- spec

const SPEC_FILE = path.resolve(__dirname, ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..', '..'] : ['..']), 'spec', 'shmem_uffd', 'shmem_uffd.spec.ts');
let shmemSpec: Spec | undefined;
const systems = new Map<string, SpecSystem>();

/** The spec specialised to these constants, as a conformance system (cached per constants). */
export function specSystem(constants: Trace['constants']): SpecSystem {
  const key = JSON.stringify(constants);
  let sys = systems.get(key);
  if (!sys) {
    shmemSpec ??= loadSpecFile(SPEC_FILE);
    const model = shmemSpec.model(constants);
    const { checker } = generateChecker(model);
    sys = new SpecSystem(checker, shmemBinding(checker.META.constants));
    systems.set(key, sys);
  }
  return sys;
}

/**
 * The spec keeps the set of its states consistent with what was observed so
 * far: an op's outcomes are filtered by the expected observation, so a trace
 * agrees when the spec *allows* every observation in it.
 */
export const specTarget: Target = {
  name: 'spec',
  async open(trace) {
    if (trace.spec !== undefined && trace.spec !== 'ShmemUffd') return { skip: `trace is for spec ${trace.spec}` };
    let sys: SpecSystem;
    try {
      sys = specSystem(trace.constants);
    } catch (e) {
      return { skip: `the spec does not take these constants: ${(e as Error).message.split('\n')[0]}` };
    }
    const init = sys.initial();
    const fill = fillOf(init[0]);
    if (trace.pages !== fill.length) return { skip: `the spec has ${fill.length} pages, the trace ${trace.pages}` };
    const holes = (xs: number[]) => xs.map((v) => v === 0).join();
    if (holes(trace.initial.fill) !== holes(fill)) return { skip: 'the trace starts from a file the spec does not (the spec starts with every page written)' };
    const modes = registerModes(String(sys.checker.META.constants.UFFD_MODE));
    let states: SpecState[] = init;
    let first = true;
    return {
      async apply(op, expected) {
        if (first) {
          first = false;
          // the spec starts registered with UFFD_MODE: the trace's register step only has to say the same
          if (op.op === 'register' && JSON.stringify([...op.modes].sort()) === JSON.stringify([...(modes ?? [])].sort())) {
            return sys.observeState(states[0], op);
          }
        }
        // pread(2) changes nothing the spec models; its byte is not specified
        if (op.op === 'pread') return sys.observeState(states[0], op);
        const outcomes = states.flatMap((s) => sys.apply(s, op));
        if (outcomes.length === 0) throw new Error(`the spec does not allow ${JSON.stringify(op)} here`);
        const fitting = outcomes.filter((o) => compareObservation(expected, o.obs) === null);
        const keep = fitting.length ? fitting : outcomes;
        const seen = new Set<string>();
        states = keep.map((o) => o.to).filter((s) => !seen.has(s.key) && seen.add(s.key));
        return keep[0].obs;
      },
      close: async () => undefined,
    };
  },
};

// ---------------------------------------------------------------- native

/** What this kernel (Linux 6.x with pte markers) is, in the spec's variant constants. */
export const NATIVE_VARIANT: Record<string, string | boolean> = {
  FAULT_AROUND: 'SkipIfWpOrMinor',
  PTE_MARKERS: true,
  TRUNCATE_UNMAPS_MAPPED: true,
  TRUNCATE_DROPS_MARKERS: true,
  WRITENOTIFY: true,
};

/** `binary`, `user`, `cwd`: another harness binary, run as another user (test/native-unprivileged.test.ts). */
export function nativeTarget(opts: { waitMs?: number; noWakeMs?: number; reuse?: boolean } & Pick<NativeStartOptions, 'binary' | 'user' | 'cwd'> = {}): Target {
  const reuse = opts.reuse ?? true;
  let avail: NativeAvailability | undefined;
  return {
    name: 'native',
    async open(trace) {
      avail ??= nativeAvailability(opts.binary);
      if (!avail.ok) return { skip: `the native harness cannot run here: ${avail.reason}; fix: ${avail.fix}` };
      for (const [k, v] of Object.entries(NATIVE_VARIANT)) {
        if (k in trace.constants && trace.constants[k] !== v) return { skip: `describes another kernel (${k}=${trace.constants[k]}; this kernel has ${v})` };
      }
      for (const k of ['FIRST_UNMAP', 'MAP_PAGES_CHECK_UNDER_PTL']) {
        if (trace.constants[k] === false) return { skip: `describes a kernel patch this kernel does not have (${k}=false)` };
      }
      if ((trace.mappings ?? 1) > 1) return { skip: 'needs a second mapping (the native harness maps the file once)' };
      const start = { pages: trace.pages, threads: trace.threads, fill: trace.initial.fill, waitMs: opts.waitMs, noWakeMs: opts.noWakeMs, binary: opts.binary, user: opts.user, cwd: opts.cwd };
      const h = reuse ? await NativeHarness.acquire(start) : await NativeHarness.start(start);
      return {
        apply: (op) => h.apply(op),
        close: () => (reuse ? h.release() : h.close()),
      };
    },
  };
}
