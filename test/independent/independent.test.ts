// Checks of the hand-written enumerators themselves, against facts that do not
// come from them: published figures (TLC's 16 states for DieHard and 288 for
// TwoPhase with 3 RMs), closed-form characterisations, hand-replayed traces,
// and a second (depth-first) reachability algorithm.
import { bfs, isInit, isStep, key, Model } from './bfs';
import { dieHard, DieHardState } from './diehard';
import { peterson, PetersonState } from './peterson';
import { twoPhase } from './twophase';
import { prodCons } from './prodcons';
import { CASES, expected } from './models';

/** Replays a sequence of action names from the (unique) initial state. */
function replay<S>(m: Model<S>, actions: string[]): S[] {
  const [s0] = m.init();
  const states = [s0];
  for (const a of actions) {
    const t = m.next(states[states.length - 1]).filter((x) => x.action === a);
    expect(t.map((x) => x.action)).toEqual([a]);
    states.push(t[0].state);
  }
  return states;
}

/** Reachable-state count by iterative depth-first search (a second algorithm). */
function dfsCount<S>(m: Model<S>): number {
  const seen = new Set<string>();
  const stack = [...m.init()];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const k = key(s);
    if (seen.has(k)) continue;
    seen.add(k);
    for (const t of m.next(s)) if (!seen.has(key(t.state))) stack.push(t.state);
  }
  return seen.size;
}

describe('DieHard (independent)', () => {
  const r = bfs(dieHard(4));

  test('16 distinct states, as TLC reports', () => {
    expect(r.distinctStates).toBe(16);
  });

  test('the reachable states are exactly those with a jug empty or full', () => {
    const all: DieHardState[] = [];
    for (let big = 0; big <= 5; big++) for (let small = 0; small <= 3; small++) all.push({ big, small });
    const expectedSet = all.filter((s) => s.big === 0 || s.big === 5 || s.small === 0 || s.small === 3).map(key);
    expect(r.states.map(key).sort()).toEqual(expectedSet.sort());
  });

  test('the film solution is a shortest counterexample: 6 steps, 7 states', () => {
    const states = replay(dieHard(4), ['FillBig', 'BigToSmall', 'EmptySmall', 'BigToSmall', 'FillBig', 'BigToSmall']);
    expect(states[6]).toEqual({ big: 4, small: 3 });
    expect(r.violations).toEqual({ NotFour: 7 });
    expect(r.violationTraces.NotFour.states).toHaveLength(7);
    expect(r.violationTraces.NotFour.states[6].big).toBe(4);
  });

  test('every action is always enabled: 6 successors per state, no deadlock', () => {
    expect(r.statesGenerated).toBe(1 + 6 * 16);
    expect(r.deadlockStates).toBe(0);
  });
});

describe('Peterson (independent)', () => {
  test('MutualExclusion holds and nothing deadlocks', () => {
    const r = bfs(peterson(false));
    expect(r.violations).toEqual({});
    expect(r.deadlockStates).toBe(0);
  });

  test('in Peterson flag[i] is raised exactly when process i is past setFlag', () => {
    for (const s of bfs(peterson(false)).states as PetersonState[])
      for (const i of [0, 1]) expect(s.flag[i]).toBe(s.pc[i] !== 'setFlag');
  });

  test('PetersonBroken: the trace described in the spec replays and breaks MutualExclusion in 6 steps', () => {
    const m = peterson(true);
    const states = replay(m, [
      'Proc[0]:setTurn',
      'Proc[1]:setTurn',
      'Proc[1]:setFlag',
      'Proc[1]:wait',
      'Proc[0]:setFlag',
      'Proc[0]:wait',
    ]);
    expect(states[6].pc).toEqual(['cs', 'cs']);
    expect(bfs(m).violations).toEqual({ MutualExclusion: 7 });
  });
});

describe('TwoPhase (independent)', () => {
  test('288 distinct states for 3 RMs, as TLC reports for TwoPhase.tla', () => {
    expect(bfs(twoPhase(3)).distinctStates).toBe(288);
  });

  test.each([1, 2, 3, 4])('%i RMs: invariants hold and no state lacks a successor', (n) => {
    const r = bfs(twoPhase(n));
    expect(r.violations).toEqual({});
    expect(r.deadlockStates).toBe(0);
  });

  test('1 RM by hand: 12 states', () => {
    // tmState = init: (working, no msgs), (aborted, no msgs), (prepared, {Prepared}),
    // (prepared, {Prepared}, tmPrepared = {0}): 4 states. TMAbort from each, then
    // RMChooseToAbort/RMPrepare/RMRcvAbortMsg: the 6 states listed below. TMCommit
    // from the last init state, then RMRcvCommitMsg: 2 states. 4 + 6 + 2 = 12.
    const r = bfs(twoPhase(1));
    expect(r.states.filter((s) => s.tmState === 'init')).toHaveLength(4);
    const aborted = r.states.filter((s) => s.msgs.includes('Abort'));
    expect(aborted.map((s) => `${s.rmState[0]}|${s.tmPrepared}|${s.msgs}`).sort()).toEqual(
      [
        'working||Abort',
        'prepared||Abort,Prepared:0',
        'prepared|0|Abort,Prepared:0',
        'aborted||Abort',
        'aborted||Abort,Prepared:0',
        'aborted|0|Abort,Prepared:0',
      ].sort(),
    );
    // commit path: (prepared,{0},{P,Commit}) and (committed,{0},{P,Commit})
    expect(r.states.filter((s) => s.msgs.includes('Commit'))).toHaveLength(2);
    expect(r.distinctStates).toBe(12);
  });
});

describe('ProdCons (independent)', () => {
  test.each([
    [1, 1],
    [2, 2],
    [3, 3],
  ])('CAP=%i ITEMS=%i: invariants hold, every run ends with all processes Done', (cap, items) => {
    const r = bfs(prodCons(cap, items));
    expect(r.violations).toEqual({});
    expect(r.deadlockStates).toBe(0);
    const ends = r.states.filter((s) => s.pc.every((l) => l === 'Done'));
    // q empty, everything sent and taken; the last item is either producer's
    expect(ends.map((s) => key({ q: s.q, sent: s.sent, got: s.got })).filter((k, i, a) => a.indexOf(k) === i)).toEqual([
      key({ q: [], sent: [items, items], got: 2 * items }),
    ]);
  });

  test.each([1, 2, 3])('GREEDY with ITEMS=%i deadlocks after 4 * ITEMS steps', (items) => {
    const r = bfs(prodCons(2, items, true));
    expect(r.shortestDeadlock).toBe(4 * items + 1);
    expect(r.deadlockTrace!.states[4 * items].pc).toEqual(['Done', 'Done', 'take']);
  });

  test('CAP=1 ITEMS=1 by hand: 9 states', () => {
    // init; q=<<0>>; q=<<1>>; after the first take (last 0 or 1) the other
    // producer's put or nothing; then the final take.
    expect(bfs(prodCons(1, 1)).distinctStates).toBe(9);
  });

  test('the queue never exceeds CAP and the depth is one more than the number of steps of a run', () => {
    for (const [cap, items] of [
      [1, 2],
      [2, 3],
    ]) {
      const r = bfs(prodCons(cap, items));
      expect(Math.max(...r.states.map((s) => s.q.length))).toBe(cap);
      // every run has exactly 2*items puts and 2*items takes
      expect(r.depth).toBe(4 * items + 1);
    }
  });
});

describe('all cases', () => {
  test.each(CASES.map((c) => [c.label, c] as const))('%s: BFS and DFS agree on the reachable states', (_l, c) => {
    const e = expected(c);
    expect(dfsCount(c.model)).toBe(e.distinctStates);
    expect(e.levels.reduce((a, b) => a + b, 0)).toBe(e.distinctStates);
    expect(e.levels).toHaveLength(e.depth);
  });

  const failing = CASES.filter((c) => expected(c).verdict !== 'ok');
  test.each(failing.map((c) => [c.label, c] as const))('%s: the counterexample is a path from an initial state', (_l, c) => {
    const e = expected(c);
    const trace = e.verdict === 'violation' ? e.violationTraces[e.property!] : e.deadlockTrace;
    expect(trace!.states).toHaveLength(e.cex!);
    expect(isInit(c.model, trace!.states[0])).toBe(true);
    for (let i = 1; i < trace!.states.length; i++) expect(isStep(c.model, trace!.states[i - 1], trace!.states[i])).toBe(true);
  });
});
