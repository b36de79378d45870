// Model-based testing, spec ⇄ simulator: fast-check draws a list of choices;
// at each step the choice picks one of the trace operations the spec allows
// in its current states, the simulator runs it to quiescence, and its
// observation must be one the spec allows for that op (the spec's states are
// then narrowed to the outcomes that fit). fast-check shrinks a failing list,
// so a disagreement is reported as the shortest sequence of operations that
// shows it. The mutation at the end checks that this test can fail.
import * as fc from 'fast-check';
import { TOUR_SIZES, TOUR_VARIANTS } from '../spec/shmem_uffd/tours';
import type { SpecState } from '../conformance/spec-target';
import { specSystem } from '../spec/shmem_uffd/targets';
import { registerModes } from '../spec/shmem_uffd/variants';
import { EventObs, Observation, Op, compareObservation, formatObservation } from '../conformance/trace';
import { Sim, variantOf } from '../src/sim';
import { tagOfJson } from '../src/runtime/json';
import type { KernelSwitches } from '../spec/shmem_uffd/variants';

// The sizes: several user threads, so that a thread blocked on a userfault
// interleaves with the other threads' faults on the same and on other pages,
// with punches, madvise, pwrite and the monitor's ioctls. The spec's monitor
// reads every pending message at once, as the kernel hands them out (every fault
// queues its own message; read(2) returns every pending one) and as the trace
// interface does after each op, and answers what it read, by (reason, page), in
// any order. The other sizes are the tours' (spec/shmem_uffd/tours.ts): two pages,
// one mapping, one punch, one write-protect round, one madvise, one pwrite; two
// accesses per thread with two threads, one with three, so a walk stays short.
//
// These walks found that a monitor with one slot per thread could not read a
// thread's new message while it still held the thread's resolved one (one answer
// wakes every waiter on the page: userfaultfd_wake_function); the last describe
// keeps the two shortest sequences that showed it.
const CONFIGS = [
  { THREADS: 2, ACCESSES: 2 },
  { THREADS: 3, ACCESSES: 1 },
] as const;
type Sizes = typeof TOUR_SIZES;
const sizesOf = (c: (typeof CONFIGS)[number]): Sizes => ({ ...TOUR_SIZES, ...c });
const VARIANTS = ['modern-wp', 'modern-missing-wp', 'modern-minor', 'kernel-2020-wp'];

const system = (variant: string, sizes: Sizes) => specSystem({ ...sizes, ...TOUR_VARIANTS[variant] });

interface Walk {
  ops: Op[];
  /** set when the simulator's observation is not one the spec allows */
  disagreement?: string;
}

/**
 * Run the ops that `next` picks (from the ops the spec allows, by key) on the spec
 * and a simulator; stops at the first disagreement, or when `next` returns null.
 */
function run(variant: string, sizes: Sizes, next: (i: number, byKey: Map<string, Op>) => string | null, mutate: Partial<KernelSwitches> = {}): Walk {
  const sys = system(variant, sizes);
  const constants = sys.checker.META.constants as Record<string, string | number | boolean>;
  let states: SpecState[] = sys.initial();
  const fill = sys.binding.fill(states[0].json);
  const sim = new Sim({ pages: sizes.PAGES, threads: sizes.THREADS, variant: { ...variantOf(constants), ...mutate }, fill });
  const ops: Op[] = [];
  const modes = registerModes(String(constants.UFFD_MODE));
  if (modes) sim.apply({ op: 'register', modes });
  for (let i = 0; ; i++) {
    const outs = states.flatMap((s) => sys.outcomes(s));
    // each outcome's op key once (a JSON string of the op: the walks' most frequent work)
    const keys = outs.map((o) => sys.binding.opKey(o.op));
    const byKey = new Map<string, Op>();
    outs.forEach((o, j) => byKey.set(keys[j], o.op as Op)); // a spec's own run has no setup ops
    const key = next(i, byKey);
    if (key === null) break;
    const op = byKey.get(key);
    if (op === undefined) return { ops, disagreement: `the spec does not allow ${key} here` };
    ops.push(op);
    let actual: Observation;
    try {
      actual = sim.apply(op);
    } catch (e) {
      return { ops, disagreement: `the simulator failed on ${JSON.stringify(op)}: ${(e as Error).message}` };
    }
    const allowed = outs.filter((_, j) => keys[j] === key);
    const fitting = allowed.filter((o) => compareObservation(o.obs, actual) === null);
    if (fitting.length === 0) {
      const diff = compareObservation(allowed[0].obs, actual);
      return {
        ops,
        disagreement: `after ${JSON.stringify(op)}: ${diff}\nspec allows (one of ${allowed.length}):\n${formatObservation(allowed[0].obs)}\nsimulator:\n${formatObservation(actual)}`,
      };
    }
    const seen = new Set<string>();
    states = fitting.map((o) => o.to).filter((s) => !seen.has(s.key) && seen.add(s.key));
  }
  return { ops };
}

/** Run the choices: choice i picks among the ops the spec allows, in key order. */
function walk(variant: string, sizes: Sizes, choices: number[], mutate: Partial<KernelSwitches> = {}): Walk {
  return run(
    variant,
    sizes,
    (i, byKey) => {
      const keys = [...byKey.keys()].sort();
      return i < choices.length && keys.length > 0 ? keys[choices[i] % keys.length] : null;
    },
    mutate,
  );
}

/** Run these ops, in this order (each must be one the spec allows). */
function replay(variant: string, sizes: Sizes, ops: Op[]): Walk {
  const sys = system(variant, sizes);
  return run(variant, sizes, (i) => (i < ops.length ? sys.binding.opKey(ops[i]) : null));
}

/** the longest walk seen with the seed below, per thread count (a regression guard: shorter walks test less) */
const LONGEST: Record<number, Record<string, number>> = {
  2: { 'modern-wp': 9, 'modern-missing-wp': 11, 'modern-minor': 11, 'kernel-2020-wp': 9 },
  3: { 'modern-wp': 8, 'modern-missing-wp': 10, 'modern-minor': 9, 'kernel-2020-wp': 8 },
};

const choices = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });

describe.each(CONFIGS)('spec and simulator agree on random operation sequences (THREADS $THREADS, ACCESSES $ACCESSES)', (config) => {
  const sizes = sizesOf(config);
  test.each(VARIANTS)('%s', (variant) => {
    let longest = 0;
    fc.assert(
      fc.property(choices, (cs) => {
        const w = walk(variant, sizes, cs);
        longest = Math.max(longest, w.ops.length);
        if (w.disagreement) throw new Error(`${variant}: ${w.ops.map((o) => JSON.stringify(o)).join(' ; ')}\n${w.disagreement}`);
      }),
      { numRuns: 60, seed: 20201127 },
    );
    // the walks are not trivially short: the spec kept offering operations
    expect(longest).toBeGreaterThanOrEqual(LONGEST[config.THREADS][variant]);
  });
});

describe('a broken simulator is caught and shrunk', () => {
  const sizes = sizesOf(CONFIGS[0]);

  test('fault-around that ignores the WP registration on the modern kernel: shrunk to at most two ops, ending in a read', () => {
    const broken = { FAULT_AROUND: 'Always' as const };
    const r = fc.check(
      fc.property(choices, (cs) => walk('modern-wp', sizes, cs, broken).disagreement === undefined),
      { numRuns: 200, seed: 7 },
    );
    expect(r.failed).toBe(true);
    const w = walk('modern-wp', sizes, r.counterexample![0], broken);
    // one load through the WP-registered mapping is enough: the simulator maps
    // the neighbour page too (fault-around), the spec maps only the faulting one.
    // (Shrinking moves choices toward 0, which may keep one harmless op before it.)
    expect(w.ops.length).toBeLessThanOrEqual(2);
    expect(w.ops[w.ops.length - 1].op).toBe('read');
    expect(w.disagreement).toMatch(/pte/);
  });

  test('truncation without the second unmap is invisible to quiescent walks (the label-level schedules catch it)', () => {
    const r = fc.check(
      fc.property(choices, (cs) => walk('kernel-2020-wp', sizes, cs, { TRUNCATE_UNMAPS_MAPPED: false }).disagreement === undefined),
      { numRuns: 100, seed: 7 },
    );
    // sequentially the first unmap already zaps every pte of the range, so the
    // missing second unmap shows only in a race: a quiescent walk cannot see it.
    // The label-level counterexample schedules catch it (test/counterexamples.test.ts).
    expect(r.failed).toBe(false);
  });
});

// The two shortest sequences with which these walks caught the monitor that kept one
// slot per thread: one answer wakes two threads, both fault again, and the kernel
// (and the simulator) report both new messages at once.
describe('one answer wakes two threads, both fault again: the monitor reads both new messages', () => {
  const sizes = sizesOf(CONFIGS[0]);

  test('MINOR: one CONTINUE wakes both readers; both fault on the next page', () => {
    const w = replay('modern-minor', sizes, [
      { op: 'read', thread: 0, page: 0 },
      { op: 'read', thread: 1, page: 0 },
      { op: 'continue', page: 0, wp: false },
      { op: 'read', thread: 0, page: 1 },
      { op: 'read', thread: 1, page: 1 },
    ]);
    expect(w.disagreement).toBeUndefined();
    expect(w.ops).toHaveLength(5);
  });

  test('MISSING+WP: one COPY(MODE_WP) wakes both writers into two WP faults', () => {
    const w = replay('modern-missing-wp', sizes, [
      { op: 'punch', lo: 0, hi: 0 },
      { op: 'writeprotect', lo: 0, hi: 0, wp: true },
      { op: 'write', thread: 0, page: 0, value: 0x41 },
      { op: 'write', thread: 1, page: 0, value: 0x42 },
      { op: 'copy', page: 0, value: 0x43, wp: true },
    ]);
    expect(w.disagreement).toBeUndefined();
    expect(w.ops).toHaveLength(5);
  });
});
