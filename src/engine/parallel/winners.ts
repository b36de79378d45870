// The first half of a level's merge (parallel.ts), which every thread
// takes part in: which candidates won their state (their parent is the
// slot's owner once the level is explored), and the winners laid out in
// order, ready to be appended: their words, their links (parent, action,
// combo) and slots, and per range the count of winners, of winners per
// action and whether any winner violates an invariant. The main thread's
// half that follows then appends a range of winners with a few block
// copies; it takes the candidates one by one only for a range where
// something happens in sequential order (a violation, a deadlock, a limit:
// parallel.ts). Last, for a table whose slots lead to the words, every
// thread re-points its share of the winners' slots at the arena.
//
// A candidate's slot is read only when its owner was lowered in the level
// (its bit in `lowered`, table.ts); otherwise it is its slot's only
// candidate and won. The words come from the candidate's record. Reading
// every candidate's slot (a random read of a table far larger than the
// caches) made this pass 0.69 s of 9.9 s with two threads on TwoPhase
// RM_COUNT=9, and the main thread's candidate-by-candidate append another
// 0.71 s while the other thread waited; with the words out of the slots (the
// shmem spec at PAGES=3 THREADS=3), the main thread alone merged in 1.77 s
// of 14 s, reading each candidate's slot, its words in a thread's region,
// and re-pointing the slot.
import type { Layout } from './expand';
import { HEAD } from './expand';
import { MARK, REF, bitOf, type SharedTable } from './table';

/**
 * one range's candidates: records base .. base+n-1 of cand; its winners go
 * to the outputs from winner `at` on; its sums are job k's; `first` is its
 * first winner's index in the arena (set by the merge, for the re-pointing)
 */
export interface WinJob {
  cand: Int32Array;
  base: number;
  n: number;
  at: number;
  k: number;
  first: number;
}

/** Where the winners go (SharedArrayBuffers: every thread writes its jobs' parts). */
export interface WinOut {
  /** W words per winner */
  words: Uint32Array;
  parents: Int32Array;
  actions: Int32Array;
  combos: Int32Array;
  /** the winners' slots */
  slots: Int32Array;
  /** per job, SUMS_HEAD + actions Int32s: its winners, whether one is flagged, its winners per action */
  sums: Int32Array;
}

/** per job in WinOut.sums: winners, flagged (an invariant violated or threw on a winner), then one count per action */
export const SUMS_HEAD = 2;

/** the slot field of a candidate record that lost its state */
export const LOST = -1;

/** Mark the job's losers (their slot field LOST), lay its winners out in order and sum them up. */
function winners(t: SharedTable, lay: Layout, job: WinJob, out: WinOut): void {
  const { slots, S, lowered } = t;
  const { W, R, MW } = lay;
  const WAT = R - W;
  const c = job.cand;
  const { words, parents, actions, combos } = out;
  const slotOut = out.slots;
  const perAction = new Int32Array(lay.actions);
  let flagged = 0;
  let i = job.at;
  // (a record: parent, action, combo, ordinal, slot, masks, words: expand.ts)
  for (let x = 0, o = job.base * R; x < job.n; x++, o += R) {
    const slot = c[o + 4];
    if (bitOf(lowered, slot) && slots[S * slot + MARK] !== c[o] + 2) {
      c[o + 4] = LOST;
      continue;
    }
    for (let j = 0, to = i * W; j < W; j++) words[to + j] = c[o + WAT + j];
    parents[i] = c[o];
    actions[i] = c[o + 1];
    combos[i] = c[o + 2];
    slotOut[i] = slot;
    perAction[c[o + 1]]++;
    for (let w = 0; w < 2 * MW; w++) flagged |= c[o + HEAD + w];
    i++;
  }
  const s0 = job.k * (SUMS_HEAD + lay.actions);
  out.sums[s0] = i - job.at;
  out.sums[s0 + 1] = flagged !== 0 ? 1 : 0;
  out.sums.set(perAction, s0 + SUMS_HEAD);
}

/** take jobs from the shared counter ctrl[2] until none is left */
export function takeWinners(t: SharedTable, lay: Layout, jobs: WinJob[], out: WinOut, ctrl: Int32Array): void {
  for (;;) {
    const k = Atomics.add(ctrl, 2, 1);
    if (k >= jobs.length) return;
    winners(t, lay, jobs[k], out);
  }
}

/** point the slots of the job's winners at their places in the arena (a table whose slots lead to the words) */
function repointJob(t: SharedTable, lay: Layout, out: WinOut, job: WinJob): void {
  const { slots, S } = t;
  const wins = out.sums[job.k * (SUMS_HEAD + lay.actions)];
  const from = out.slots;
  // (a ref > 0 is state ref-1 of the arena: table.ts)
  for (let j = 0; j < wins; j++) slots[S * from[job.at + j] + REF] = job.first + j + 1;
}

/** take re-pointing jobs from the shared counter ctrl[2] until none is left */
export function takeRepoints(t: SharedTable, lay: Layout, jobs: WinJob[], out: WinOut, ctrl: Int32Array): void {
  for (;;) {
    const k = Atomics.add(ctrl, 2, 1);
    if (k >= jobs.length) return;
    repointJob(t, lay, out, jobs[k]);
  }
}
