// The first half of a level's merge (parallel.ts), which every thread
// takes part in: which candidates won their state (their parent is the
// slot's owner once the level is explored), and the winners' words, copied
// out of their slots in order. It is made of one random read of the table
// per candidate, 8% of the main thread's time on the shmem spec
// (THREADS=3 ACCESSES=2) while the other threads waited; the main
// thread's half that follows reads the candidate records and these words
// in order. Only for tables that keep the words in their slots (table.ts);
// the main thread merges the others alone.
import { MARK, WORDS_AT, type SharedTable } from './table';

/** one range's candidates: records base .. base+n-1 of cand; its winners' words go to out from word `at` on */
export interface WinJob {
  cand: Int32Array;
  base: number;
  n: number;
  at: number;
}

/** the slot field of a candidate record that lost its state */
export const LOST = -1;

/** Mark the job's losers (their slot field LOST) and copy its winners' words to out in their order. */
export function winners(t: SharedTable, W: number, R: number, job: WinJob, out: Uint32Array): void {
  const { slots, S } = t;
  const c = job.cand;
  let w = job.at;
  // (a record: parent, action, combo, ordinal, slot, masks: expand.ts)
  for (let x = 0, o = job.base * R; x < job.n; x++, o += R) {
    const b = S * c[o + 4];
    if (slots[b + MARK] !== c[o] + 2) {
      c[o + 4] = LOST;
      continue;
    }
    for (let j = 0; j < W; j++) out[w + j] = slots[b + WORDS_AT + j];
    w += W;
  }
}

/** take jobs from the shared counter ctrl[2] until none is left */
export function takeWinners(t: SharedTable, W: number, R: number, jobs: WinJob[], out: Uint32Array, ctrl: Int32Array): void {
  for (;;) {
    const k = Atomics.add(ctrl, 2, 1);
    if (k >= jobs.length) return;
    winners(t, W, R, jobs[k], out);
  }
}
