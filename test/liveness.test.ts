// Known answers for liveness (spec/examples/liveness.spec.ts) on both engines,
// and every lasso checked on its own: each step a real step of the spec (the
// reference interpreter replays it), the cycle closed, and fair (each fairness
// condition met by the cycle: its unit disabled at some state of the cycle or
// one of its steps taken in it; strong fairness: its unit enabled nowhere or
// taken).
import { checkModel, loadSpecFile } from '../src/api';
import type { Model } from '../dsl/ir';
import type { CheckResult, Violation } from '../src/engine/result';
import { Interpreter } from '../src/reference/interpreter';
import { stepActor, stepText } from '../src/runtime/step';
import type { Value } from '../src/runtime/values';

const FILE = 'spec/examples/liveness.spec.ts';
const ENGINES = ['generated', 'interpreter'] as const;

function check(name: string, engine: (typeof ENGINES)[number]): { model: Model; r: CheckResult } {
  const model = loadSpecFile(FILE, name).model();
  return { model, r: checkModel(model, { engine, stopAtFirst: false }) };
}

function statuses(r: CheckResult): Record<string, string> {
  return Object.fromEntries(r.properties.map((p) => [p.name, p.status]));
}

/** Replays a lasso with the interpreter; returns the states as values. */
function replayLasso(model: Model, v: Violation): void {
  const it = new Interpreter(model);
  const key = (s: Value[]) => JSON.stringify(it.stateToJSON(s));
  const inits = it.initialStates();
  let cur = inits.find((s) => key(s) === JSON.stringify(v.trace[0].state));
  expect(cur).toBeDefined();
  const states: Value[][] = [cur!];
  for (const t of v.trace.slice(1)) {
    let next: Value[] | undefined;
    it.successors(cur!, (_a, step, n) => {
      if (!next && stepText(step) === t.action && key(n) === JSON.stringify(t.state)) next = n;
    });
    expect(next).toBeDefined();
    cur = next!;
    states.push(cur);
  }
  const loop = v.loopFrom!;
  const cycle = states.slice(loop);
  if (v.stutter) {
    expect(loop).toBe(states.length - 1);
  } else {
    expect(key(states[states.length - 1])).toBe(key(states[loop]));
  }
  // fairness: for each process instance or action the spec makes fair
  for (const f of model.fairness) {
    const units = new Map<string, { enabledAt: boolean[]; taken: boolean }>();
    const unitOf = (step: Parameters<typeof stepActor>[0]) =>
      f.process !== undefined ? (step.process === f.process ? stepActor(step) : null) : step.action === f.action ? step.action : null;
    cycle.forEach((s, i) => {
      it.successors(s, (_a, step) => {
        const u = unitOf(step);
        if (u === null) return;
        if (!units.has(u)) units.set(u, { enabledAt: cycle.map(() => false), taken: false });
        units.get(u)!.enabledAt[i] = true;
      });
    });
    v.trace.slice(loop + 1).forEach((t) => {
      const u = t.step ? unitOf(t.step) : null;
      if (u !== null && units.has(u)) units.get(u)!.taken = true;
    });
    for (const [u, x] of units) {
      const ok = x.taken || (f.strength === 'weak' ? x.enabledAt.some((e) => !e) : !x.enabledAt.some((e) => e));
      if (!ok) throw new Error(`the lasso of ${v.property} is not fair to ${u} (${f.strength})`);
    }
  }
}

describe.each(ENGINES)('liveness known answers (%s engine)', (engine) => {
  test('Peterson without fairness starves: a 2-step prefix, then stuttering while process 0 waits', () => {
    const { model, r } = check('PetersonLiveness', engine);
    expect(r.distinctStates).toBe(26);
    expect(statuses(r)).toEqual({ MutualExclusion: 'holds', NoStarvation: 'violated', Deadlock: 'holds' });
    const v = r.violations.find((x) => x.property === 'NoStarvation')!;
    expect(v.instance).toEqual({ p: 0 });
    expect(v.trace.map((t) => t.action)).toEqual(['Init', 'Proc[0]:setFlag', 'Proc[0]:setTurn']);
    expect(v.loopFrom).toBe(2);
    expect(v.stutter).toBe(true);
    replayLasso(model, v);
  });

  test('Peterson with weak fairness of each process is starvation-free', () => {
    const { r } = check('PetersonFair', engine);
    expect(statuses(r)).toEqual({ MutualExclusion: 'holds', NoStarvation: 'holds', Progress: 'holds', Deadlock: 'holds' });
  });

  test('a spin lock starves process 0 under weak fairness: a 3-step cycle of process 1 from the initial state', () => {
    const { model, r } = check('SpinLockWeak', engine);
    expect(r.distinctStates).toBe(5);
    const v = r.violations.find((x) => x.property === 'NoStarvation')!;
    expect(v.trace.map((t) => t.action)).toEqual(['Init', 'P[1]:acquire', 'P[1]:cs', 'P[1]:release']);
    expect(v.loopFrom).toBe(0);
    expect(v.stutter).toBeUndefined();
    replayLasso(model, v);
  });

  test('the same spin lock does not starve anybody under strong fairness', () => {
    const { r } = check('SpinLockStrong', engine);
    expect(statuses(r)).toEqual({ MutualExclusion: 'holds', NoStarvation: 'holds', Deadlock: 'holds' });
  });
});

test('a liveness property is unknown, never "holds", when the exploration is cut short', () => {
  const model = loadSpecFile(FILE, 'PetersonFair').model();
  const r = checkModel(model, { maxStates: 10 });
  expect(r.properties.find((p) => p.name === 'NoStarvation')!.status).toBe('unknown');
});

// (every row of docs/verdicts.md gives the shmem liveness verdicts, `npm run verdicts -- --check` in CI)
test('shmem: a monitor that forgets UFFDIO_WAKE after a failed COPY leaves a thread asleep forever (UserfaultWoken)', () => {
  const spec = loadSpecFile('spec/shmem_uffd/shmem_uffd.spec.ts');
  const bad = checkModel(spec.model({ UFFD_MODE: 'Missing', MAPPINGS: 2, MONITOR_WAKES_ON_FAILURE: false }), { stopAtFirst: false });
  const v = bad.violations.find((x) => x.property === 'UserfaultWoken')!;
  expect(v.instance).toEqual({ u: 0 });
  expect(v.loopFrom).toBeDefined();
  expect(bad.properties.filter((p) => ['FallocWaitWoken', 'PunchFinishes'].includes(p.name)).map((p) => p.status)).toEqual(['holds', 'holds']);
});
