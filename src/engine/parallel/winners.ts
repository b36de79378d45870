// A level's merge (parallel.ts), which every thread takes part in: which
// candidates won their state (their parent is the slot's owner once the
// level is explored), and the winners placed where they belong, at their
// index in sequential order: their links (parent, action, combo) in the
// trace links, and their words in the arena (a table that keeps them in its
// slots) or else the ref that leads to them in the `locs` column (their words
// stay in the region of the thread that found them: table.ts). Per
// range it sums up its winners, its winners per action and whether any
// winner violates an invariant. The main thread's half that follows then
// takes a range's winners as a whole; it goes through the candidates one by
// one only for a range where something happens in sequential order (a
// violation, a deadlock, a limit: parallel.ts).
//
// A range's winners are known before it is placed: its candidates less its
// losers, the entries of the threads' lowerings listed under it (each
// lowering of a slot's owner makes one earlier candidate lose: expand.ts
// lostIn). So every range starts
// at a known index and the threads write the winners where they stay. The
// main thread used to append them after this pass, from a buffer it laid
// out: 0.17-0.26 s of a 6.2 s run with two threads on TwoPhase RM_COUNT=9,
// while the other thread waited, most of it touching the links' new memory.
//
// The table is not read: the losers are the candidates the threads' lowerings
// name (expand.ts Lowerings), each found among its range's records by its
// parent (the records of a range are in the order of their parents) and
// marked. The words (or the ref) come from the candidate's record. Reading every
// candidate's slot (a random read of a table far larger than the caches)
// made this pass 0.69 s of 9.9 s with two threads on TwoPhase RM_COUNT=9;
// reading it only for a slot whose owner was lowered (a bit per slot or
// group of slots, set by the lowering) still read 32% of the candidates'
// slots on Counters K=100, 4.0-4.5 s of a 29 s run.
import type { Layout, Lowerings, SentLowerings } from './expand';
import { HEAD, lowsOf } from './expand';
import type { SharedTable } from './table';
import { wordsOf } from './arena';
import { COLUMN_SHIFT, type ColumnPart } from '../links';

/**
 * one range's candidates: records base .. base+n-1 of cand; its sums are job
 * k's; its winners go to the arena and the links from index `first` on
 */
export interface WinJob {
  cand: Int32Array;
  base: number;
  n: number;
  k: number;
  first: number;
}

/** Mark LOST the records of a job that the lowerings name: (owner, slot) pairs listed under range k. */
function markLosers(job: WinJob, R: number, lows: Lowerings[]): void {
  const c = job.cand;
  for (const l of lows) {
    for (let x = job.k < l.head.length ? l.head[job.k] : -1; x >= 0; x = l.e[3 * x + 2]) {
      const owner = l.e[3 * x];
      const slot = l.e[3 * x + 1];
      // the first record of the owner (the records' parents do not decrease), then its slot's
      let lo = 0;
      let hi = job.n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (c[(job.base + mid) * R] < owner) lo = mid + 1;
        else hi = mid;
      }
      let o = (job.base + lo) * R;
      for (; lo < job.n && c[o] === owner; lo++, o += R) if (c[o + 4] === slot) break;
      if (lo === job.n || c[o] !== owner) throw new Error(`internal error: a lowering names a candidate of parent ${owner} at slot ${slot} that range ${job.k} does not have`);
      c[o + 4] = LOST;
    }
  }
}

/** Where the winners go (shared buffers: every thread writes its jobs' parts). */
export interface Placement {
  /** the arena of states' words (wordsOf), for a table that keeps the words in its slots */
  arena: SharedArrayBuffer;
  /** else the winners' refs (their words stay where the table's slots lead: table.ts) */
  locs: ColumnPart;
  parents: ColumnPart;
  actions: ColumnPart;
  combos: ColumnPart;
  /** per job, SUMS_HEAD + actions Int32s: its winners, whether one is flagged, its winners per action */
  sums: Int32Array;
  /** every thread's lowerings in the level */
  lows: SentLowerings[];
}

/** per job in Placement.sums: winners, flagged (an invariant violated or threw on a winner), then one count per action */
export const SUMS_HEAD = 2;

/** the slot field of a candidate record that lost its state */
export const LOST = -1;

const CHUNK_MASK = (1 << COLUMN_SHIFT) - 1;

/** Mark the job's losers (their slot field LOST), place its winners and sum them up. */
function winners(t: SharedTable, lay: Layout, job: WinJob, out: Placement, lows: Lowerings[]): void {
  const { inline } = t;
  const { W, R, MW, WAT } = lay;
  markLosers(job, R, lows);
  const c = job.cand;
  const words = wordsOf(out.arena);
  const { parents, actions, combos } = out;
  const perAction = new Int32Array(lay.actions);
  let flagged = 0;
  let i = job.first;
  // the links' chunks at index i, and i's place in them (taken from the parts when i enters a
  // chunk, not for every winner: 17 -> 13 ns a winner, 9·10^6 of them in a loop of this pass)
  let ch = (i >>> COLUMN_SHIFT) - parents.first;
  let at = i & CHUNK_MASK;
  let pc = parents.chunks[ch];
  let ac = actions.chunks[ch];
  let cc = combos.chunks[ch];
  let lc = inline ? pc : out.locs.chunks[ch];
  // (a record: parent, action, combo, ordinal, slot, masks, words: expand.ts)
  for (let x = 0, o = job.base * R; x < job.n; x++, o += R) {
    const slot = c[o + 4];
    if (slot === LOST) continue;
    if (at > CHUNK_MASK) {
      ch++;
      at = 0;
      pc = parents.chunks[ch];
      ac = actions.chunks[ch];
      cc = combos.chunks[ch];
      if (!inline) lc = out.locs.chunks[ch];
    }
    if (inline) for (let j = 0, to = i * W; j < W; j++) words[to + j] = c[o + WAT + j];
    else lc[at] = c[o + WAT];
    pc[at] = c[o];
    ac[at] = c[o + 1];
    cc[at] = c[o + 2];
    at++;
    perAction[c[o + 1]]++;
    for (let w = 0; w < 2 * MW; w++) flagged |= c[o + HEAD + w];
    i++;
  }
  const s0 = job.k * (SUMS_HEAD + lay.actions);
  out.sums[s0] = i - job.first;
  out.sums[s0 + 1] = flagged !== 0 ? 1 : 0;
  out.sums.set(perAction, s0 + SUMS_HEAD);
}

/** take jobs from the shared counter ctrl[2] until none is left */
export function takeWinners(t: SharedTable, lay: Layout, jobs: WinJob[], out: Placement, ctrl: Int32Array): void {
  const lows = out.lows.map(lowsOf);
  for (;;) {
    const k = Atomics.add(ctrl, 2, 1);
    if (k >= jobs.length) return;
    winners(t, lay, jobs[k], out, lows);
  }
}
