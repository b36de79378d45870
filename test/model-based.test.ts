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
import { Observation, Op, compareObservation, formatObservation } from '../conformance/trace';
import { Sim, variantOf } from '../src/sim';
import type { KernelSwitches } from '../spec/shmem_uffd/variants';

// The tours' sizes: one user thread with two accesses, so a blocked access
// interleaves with punches, madvise, pwrite and the monitor's ioctls. Not two
// threads: the spec's monitor handles one message at a time, so when a second
// thread faults on a page whose message it is handling, the spec reads that
// message only later, while the kernel (and the simulator) queue it at once and
// the trace interface reads every pending message after each step. That is a
// limit of the binding of the spec's monitor to traces, not of a kernel path.
const SIZES = TOUR_SIZES;
const VARIANTS = ['modern-wp', 'modern-missing-wp', 'modern-minor', 'kernel-2020-wp'];

const system = (variant: string) => specSystem({ ...SIZES, ...TOUR_VARIANTS[variant] });

interface Walk {
  ops: Op[];
  /** set when the simulator's observation is not one the spec allows */
  disagreement?: string;
}

/** Run the choices on the spec and a simulator; stops at the first disagreement. */
function walk(variant: string, choices: number[], mutate: Partial<KernelSwitches> = {}): Walk {
  const sys = system(variant);
  const constants = sys.checker.META.constants as Record<string, string | number | boolean>;
  let states: SpecState[] = sys.initial();
  const fill = sys.binding.fill(states[0].json);
  const sim = new Sim({ pages: SIZES.PAGES, threads: SIZES.THREADS, variant: { ...variantOf(constants), ...mutate }, fill });
  const ops: Op[] = [];
  const modes = registerModes(String(constants.UFFD_MODE));
  if (modes) sim.apply({ op: 'register', modes });
  for (const c of choices) {
    const outs = states.flatMap((s) => sys.outcomes(s));
    const byKey = new Map<string, Op>();
    for (const o of outs) byKey.set(sys.binding.opKey(o.op), o.op);
    const keys = [...byKey.keys()].sort();
    if (keys.length === 0) break;
    const key = keys[c % keys.length];
    const op = byKey.get(key)!;
    ops.push(op);
    let actual: Observation;
    try {
      actual = sim.apply(op);
    } catch (e) {
      return { ops, disagreement: `the simulator failed on ${JSON.stringify(op)}: ${(e as Error).message}` };
    }
    const allowed = outs.filter((o) => sys.binding.opKey(o.op) === key);
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

/** the longest walk seen with the seed below (a regression guard: shorter walks test less) */
const LONGEST: Record<string, number> = { 'modern-wp': 7, 'modern-missing-wp': 8, 'modern-minor': 9, 'kernel-2020-wp': 6 };

const choices = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 10 });

describe('spec and simulator agree on random operation sequences', () => {
  test.each(VARIANTS)('%s', (variant) => {
    let longest = 0;
    fc.assert(
      fc.property(choices, (cs) => {
        const w = walk(variant, cs);
        longest = Math.max(longest, w.ops.length);
        if (w.disagreement) throw new Error(`${variant}: ${w.ops.map((o) => JSON.stringify(o)).join(' ; ')}\n${w.disagreement}`);
      }),
      { numRuns: 60, seed: 20201127 },
    );
    // the walks are not trivially short: the spec kept offering operations
    expect(longest).toBeGreaterThanOrEqual(LONGEST[variant]);
  });
});

describe('a broken simulator is caught and shrunk', () => {
  test('fault-around that ignores the WP registration on the modern kernel: shrunk to at most two ops, ending in a read', () => {
    const broken = { FAULT_AROUND: 'Always' as const };
    const r = fc.check(
      fc.property(choices, (cs) => walk('modern-wp', cs, broken).disagreement === undefined),
      { numRuns: 200, seed: 7 },
    );
    expect(r.failed).toBe(true);
    const w = walk('modern-wp', r.counterexample![0], broken);
    // one load through the WP-registered mapping is enough: the simulator maps
    // the neighbour page too (fault-around), the spec maps only the faulting one.
    // (Shrinking moves choices toward 0, which may keep one harmless op before it.)
    expect(w.ops.length).toBeLessThanOrEqual(2);
    expect(w.ops[w.ops.length - 1].op).toBe('read');
    expect(w.disagreement).toMatch(/pte/);
  });

  test('truncation without the second unmap is invisible to quiescent walks (the label-level schedules catch it)', () => {
    const r = fc.check(
      fc.property(choices, (cs) => walk('kernel-2020-wp', cs, { TRUNCATE_UNMAPS_MAPPED: false }).disagreement === undefined),
      { numRuns: 100, seed: 7 },
    );
    // sequentially the first unmap already zaps every pte of the range, so the
    // missing second unmap shows only in a race: a quiescent walk cannot see it.
    // The label-level counterexample schedules catch it (test/counterexamples.test.ts).
    expect(r.failed).toBe(false);
  });
});
