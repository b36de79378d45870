// The states the sequential engine found before the hand-over (parallel.ts),
// filed in the shared table as states of earlier levels: owner -1 (lower
// than any parent), their words in the slot or their ref leading to the
// arena. A worker that has loaded the module files them while the main
// thread goes on exploring alone (on Counters K=56 the worker was ready 300
// ms before the hand-over, which then filed 9·10^5 states in 61-122 ms while
// the worker waited); the main thread files what is left at the hand-over.
import { fingerprint } from '../fpset';
import { claimAlone, tagOf, touchHomes, type SharedTable, type StateWords } from './table';

/** states filed in a batch: their home slots are read first, so that those reads overlap */
const BATCH = 128;

/**
 * File the arena's states [from, to) (W words each) in t, which no other
 * thread writes meanwhile; tags of the hash bits in tagMask (tests). Returns
 * what the batches' touch of home slots read, for the caller to keep (else
 * the reads may be left out).
 */
export function fileEarlier(t: SharedTable, arena: Uint32Array, W: number, from: number, to: number, tagMask: number): number {
  const none: StateWords = { W, arena, fresh: [], arenaN: to, locs: null };
  const scratch = new Uint32Array(W);
  const fpo = new Uint32Array(2);
  const tags = new Int32Array(BATCH);
  let read = 0;
  // (one by one, each lookup waited for memory: 166 ns a state on Counters K=56)
  for (let a = from; a < to; a += BATCH) {
    const b = Math.min(to, a + BATCH);
    for (let i = a; i < b; i++) {
      fingerprint(arena, i * W, W, fpo);
      tags[i - a] = fpo[0];
    }
    read ^= touchHomes(t, tags, 1, 0, b - a, tagMask, none);
    for (let i = a; i < b; i++) {
      for (let j = 0; j < W; j++) scratch[j] = arena[i * W + j];
      claimAlone(t, tagOf(tags[i - a] & tagMask), scratch, -1, none, i + 1, arena, i);
    }
  }
  return read;
}
