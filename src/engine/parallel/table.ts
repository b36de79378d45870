// The fingerprint table the workers share: open addressing with linear
// probing in a SharedArrayBuffer, two Int32 words per slot [lo, hi] and an
// owner per slot (the index of the parent that discovered the state).
//
// Insertion is lock-free. A slot is claimed by a compare-and-exchange of its
// `lo` word from 0 (empty); the claimer then writes the owner and publishes
// `hi`. Both halves are never 0 (0 is remapped to 1), so a reader that sees a
// claimed `lo` but `hi` still 0 knows the claimer is between its two stores
// and spins for the few instructions that takes: it never compares against a
// half-written 64-bit fingerprint. (A BigInt64Array CAS does the same in one
// word but allocates a BigInt per operation.)
//
// The owner decides which of several discoverers in one BFS level is the one
// the sequential engine would have kept: the lowest parent index. Every
// discoverer whose parent is lower than the slot's owner lowers it (an
// atomic minimum) and becomes a candidate; after the level, a candidate
// whose parent is still the owner is the winner (parallel.ts).

/** The table's arrays (views of SharedArrayBuffers) and its mask. */
export interface SharedTable {
  fp: Int32Array;
  owner: Int32Array;
  mask: number;
}

export function newTable(capacityPow2: number): SharedTable {
  return {
    fp: new Int32Array(new SharedArrayBuffer(capacityPow2 * 8)),
    owner: new Int32Array(new SharedArrayBuffer(capacityPow2 * 4)),
    mask: capacityPow2 - 1,
  };
}

/** The slot's first probe for fingerprint (lo, hi), both already non-zero. */
function home(lo: number, hi: number, mask: number): number {
  return (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
}

/**
 * Insert fingerprint (lo, hi) found from parent `me`. Returns the slot when
 * the state is new, -2 - slot when `me` is lower than every parent that
 * found it before (both make a candidate), else -1. `lo` and `hi` are int32s.
 */
export function claim(t: SharedTable, lo: number, hi: number, me: number): number {
  if (lo === 0) lo = 1;
  if (hi === 0) hi = 1;
  const { fp, owner, mask } = t;
  let i = home(lo, hi, mask);
  for (;;) {
    // plain reads first: a stale one is only ever an empty slot (then the exchange decides),
    // a hi not yet published (then the atomic load waits for it) or a higher owner (then the exchange decides)
    let cur = fp[2 * i];
    if (cur === 0) {
      cur = Atomics.compareExchange(fp, 2 * i, 0, lo);
      if (cur === 0) {
        Atomics.store(owner, i, me);
        Atomics.store(fp, 2 * i + 1, hi);
        return i;
      }
    }
    if (cur === lo) {
      let h = fp[2 * i + 1];
      while (h === 0) h = Atomics.load(fp, 2 * i + 1); // the claimer publishes hi next
      if (h === hi) {
        for (let o = Atomics.load(owner, i); o > me; o = Atomics.load(owner, i)) {
          if (Atomics.compareExchange(owner, i, o, me) === o) return -2 - i;
        }
        return -1;
      }
    }
    i = (i + 1) & mask;
  }
}

/** claim() for a thread that has the table to itself (the main thread between levels): plain loads and stores */
export function claimAlone(t: SharedTable, lo: number, hi: number, me: number): number {
  if (lo === 0) lo = 1;
  if (hi === 0) hi = 1;
  const { fp, owner, mask } = t;
  let i = home(lo, hi, mask);
  for (;;) {
    const cur = fp[2 * i];
    if (cur === 0) {
      fp[2 * i] = lo;
      fp[2 * i + 1] = hi;
      owner[i] = me;
      return i;
    }
    if (cur === lo && fp[2 * i + 1] === hi) {
      if (owner[i] <= me) return -1;
      owner[i] = me;
      return -2 - i;
    }
    i = (i + 1) & mask;
  }
}

/**
 * A table of twice the capacity with the same entries (owners kept), made
 * while no worker runs. `moved[old slot]` is the entry's new slot, for the
 * candidates already recorded with their old slot.
 */
export function grown(t: SharedTable, capacityPow2: number): { table: SharedTable; moved: Int32Array } {
  const n = newTable(capacityPow2);
  const moved = new Int32Array(t.mask + 1).fill(-1);
  for (let s = 0; s <= t.mask; s++) {
    const lo = t.fp[2 * s];
    if (lo === 0) continue;
    const hi = t.fp[2 * s + 1];
    let i = home(lo, hi, n.mask);
    while (n.fp[2 * i] !== 0) i = (i + 1) & n.mask;
    n.fp[2 * i] = lo;
    n.fp[2 * i + 1] = hi;
    n.owner[i] = t.owner[s];
    moved[s] = i;
  }
  return { table: n, moved };
}
