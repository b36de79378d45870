// The exact state table the workers share: open addressing with linear
// probing in a SharedArrayBuffer. A slot is [tag, mark, w0, ...] when the
// state's words are kept in it (states of at most INLINE_WORDS words), else
// [tag, ref]; the mark is the owner + 2 (the owner: the index of the parent
// that discovered the state, -1 for the states the sequential engine handed
// over), 0 while the slot is being filled. With the words in the slot, a
// lookup, an insertion and the merge's test of a candidate read one place in
// memory: with the owner in an array of its own, its store was a second
// cache miss per new state, a quarter of claim()'s time on the shmem spec
// (THREADS=3 ACCESSES=2, two workers). Two states are the same only when
// their packed words are equal: the tag (32 bits of the state's hash)
// filters, the words decide, as in the sequential store (packed-store.ts).
// So a verdict of a parallel run means what the sequential one means; no
// collision estimate applies.
//
// A slot without the words has a `ref` that leads to them:
//   ref > 0: state ref-1 of the arena (a state the sequential engine handed
//            over; its owner is -1);
//   ref < 0: entry x of thread t's fresh region, -1-ref = x·T + t (T regions,
//            one per thread), where the discovering thread wrote the state's
//            mark and words, [mark, w0, ...] (ENTRY_HEAD Int32s before the
//            words). The regions are SharedArrayBuffers every thread reads; a
//            thread only appends to its own, so a ref stays valid for the
//            whole run, and the merge writes each winner's ref in a column by
//            its index (parallel.ts `locs`) instead of moving its words. The
//            mark is there rather than in the slot because a lookup that finds
//            the tag reads the entry for the words anyway: slots of 8 bytes
//            instead of 12 (PAGES=3 THREADS=3, two workers: a table of 128 MiB
//            instead of 192, 0.95x the time of the marks in the slots).
//
// Insertion is lock-free. A slot is claimed by a compare-and-exchange of its
// tag from 0 (empty); the claimer then writes the words (into the slot, or
// the mark and the words into its fresh region) and publishes the mark (or
// the ref) with an atomic store, which orders the plain stores before it. A
// tag is never 0 (0 is remapped to 1), so a reader that sees a matching tag
// and the mark (the ref) still 0 knows the claimer is between its stores
// and spins for the few instructions that takes: it never compares against
// half-written words.
//
// The owner decides which of several discoverers in one BFS level is the one
// the sequential engine would have kept: the lowest parent index. Every
// discoverer whose parent is lower than the slot's owner lowers it (an
// atomic minimum) and becomes a candidate; after the level, a candidate
// whose parent is still the owner is the winner (parallel.ts). A state of an
// earlier level was found from a parent of an earlier level, lower than any
// of this one: it never makes a candidate, and a slot with the words needs
// no change when its level ends. The thread that lowers an owner knows
// which candidate lost: the one of the owner it took over, at this slot. It
// keeps that (expand.ts), and the merge marks exactly those candidates lost
// without reading the table (winners.ts).

import { firstReserve, mapForWriting, nextReserve, reservedBuffer } from '../reserve';
import type { ColumnPart } from '../links';

/** The table's slots (a view of a SharedArrayBuffer: a message to a thread shares them), its mask and its slot's size. */
export interface SharedTable {
  slots: Int32Array;
  mask: number;
  /** Int32s per slot: WORDS_AT + W with the words in the slot, else REF + 1 */
  S: number;
  /** the states' words are in the slots */
  inline: boolean;
}

/** where in a slot its mark (owner + 2) and its words are (a table that keeps the words in its slots) */
export const MARK = 1;
export const WORDS_AT = 2;
/** where in a slot its ref is (a table whose slots lead to the words: [tag, ref]) */
export const REF = 1;
/** Int32s before the words in a region's entry: [mark, words] (the mark as in a slot) */
export const ENTRY_HEAD = 1;

/** states of up to this many words are kept in their slot (a slot of WORDS_AT + W Int32s) */
export const INLINE_WORDS = 4;

/** Where a slot's ref leads: the arena of earlier levels' states and the threads' fresh regions. */
export interface StateWords {
  W: number;
  arena: Uint32Array;
  fresh: Uint32Array[];
  /**
   * states [0, arenaN) are in the arena; in a table whose slots lead to the words, the later ones
   * stay in the region of the thread that found them, and `locs` has their refs (the chunks of
   * the level's parents; parallel.ts)
   */
  arenaN: number;
  locs: ColumnPart | null;
}

/**
 * A table for states of W words (W = 0 or more than INLINE_WORDS: their words
 * stay out of the slots), in a buffer of `reserve` bytes if that is more than
 * the table needs: it grows within it (reserve.ts). Its pages are mapped
 * here, unless `map` is false: then the thread that fills it first maps
 * them (reserve.ts mapForWriting), before any other reads it.
 */
export function newTable(capacityPow2: number, W = 0, reserve?: number, map = true): SharedTable {
  const inline = W > 0 && W <= INLINE_WORDS;
  const S = inline ? WORDS_AT + W : REF + 1;
  const bytes = capacityPow2 * S * 4;
  const slots = new Int32Array(reservedBuffer(bytes, reserve ?? firstReserve(bytes)), 0, capacityPow2 * S);
  if (map) mapForWriting(slots, 0, slots.length);
  return { slots, mask: capacityPow2 - 1, S, inline };
}

/** the owner of the state in slot i (-1 for a state of the arena) */
export function ownerOf(t: SharedTable, i: number, at: StateWords): number {
  if (t.inline) return t.slots[t.S * i + MARK] - 2;
  const ref = t.slots[t.S * i + REF];
  if (ref > 0) return -1;
  const T = at.fresh.length;
  return at.fresh[regionOf(ref, T)][entryOf(ref, T, at.W)] - 2;
}

/**
 * The slot's first probe for a tag. Only the tag is kept, so a grown table
 * re-homes its entries from it; states whose tags are equal share a home and
 * are told apart by their words.
 */
function home(tag: number, mask: number): number {
  return (tag ^ (tag >>> 17)) & mask;
}

/** the tag filed for 32 hash bits: never 0 (an empty slot) */
export function tagOf(h: number): number {
  return h === 0 ? 1 : h | 0;
}

/** the ref of entry x of region t among T regions (its inverse: regionOf, entryOf) */
export function freshRef(x: number, t: number, T: number): number {
  return -1 - (x * T + t);
}

/** the region (of T) that a ref < 0 leads to */
export function regionOf(ref: number, T: number): number {
  return (-1 - ref) % T;
}

/** where in its region the entry [mark, words] that a ref < 0 leads to starts, for states of W words */
export function entryOf(ref: number, T: number, W: number): number {
  const k = -1 - ref;
  return ((k - (k % T)) / T) * (W + ENTRY_HEAD);
}

/** do the words of the state in slot base b (in it, or where its ref leads) equal s[0 .. W)? */
function same(t: SharedTable, b: number, at: StateWords, s: Uint32Array): boolean {
  const W = at.W;
  const slots = t.slots;
  if (t.inline) {
    for (let j = 0; j < W; j++) if (slots[b + WORDS_AT + j] !== (s[j] | 0)) return false;
    return true;
  }
  return sameAt(slots[b + REF], at, s);
}

/** do the words where `ref` leads (the arena, or a region's entry) equal s[0 .. W)? */
function sameAt(ref: number, at: StateWords, s: Uint32Array): boolean {
  const W = at.W;
  let src: Uint32Array;
  let o: number;
  if (ref > 0) {
    src = at.arena;
    o = (ref - 1) * W;
  } else {
    const T = at.fresh.length;
    src = at.fresh[regionOf(ref, T)];
    o = entryOf(ref, T, W) + ENTRY_HEAD;
  }
  for (let j = 0; j < W; j++) if (src[o + j] !== s[j]) return false;
  return true;
}

/** where claim() puts the owner a lowering took over, for a caller that does not ask */
const NO_PREV = new Int32Array(2);

/** the mark and s[0 .. W) to entry destAt of region dest (a loop: cheaper than TypedArray.set for a few words) */
function put(dest: Uint32Array, destAt: number, mark: number, s: Uint32Array, W: number): void {
  const e = destAt * (W + ENTRY_HEAD);
  dest[e] = mark;
  for (let j = 0, o = e + ENTRY_HEAD; j < W; j++) dest[o + j] = s[j];
}

/**
 * Insert the state whose words are s (tag already from tagOf) found from
 * parent `me`. When it is new, its words are copied into its slot (a table
 * that keeps them there) or else to dest at destAt·W and the slot's ref is
 * `newRef`; returns the slot. Returns -2 - slot when the state was there and
 * `me` is lower than every parent that found it before (both make a
 * candidate; the owner it took over, whose candidate has lost, is then
 * prev[0], and in a table whose slots lead to the words, the slot's ref
 * prev[1]), else -1.
 */
export function claim(t: SharedTable, tag: number, s: Uint32Array, me: number, at: StateWords, newRef: number, dest: Uint32Array, destAt: number, prev = NO_PREV): number {
  const { slots, mask, S } = t;
  const mark = me + 2;
  let i = home(tag, mask);
  for (;;) {
    const b = S * i;
    // a plain read of the tag first: a stale one is only ever an empty slot (then the exchange decides)
    let cur = slots[b];
    if (cur === 0) {
      cur = Atomics.compareExchange(slots, b, 0, tag);
      if (cur === 0) {
        // (the atomic store orders the stores before it: a reader that sees the mark, or the ref,
        // sees the words; a ref > 0 leads to words the arena has already: the hand-over's)
        if (t.inline) {
          for (let j = 0; j < at.W; j++) slots[b + WORDS_AT + j] = s[j];
          Atomics.store(slots, b + MARK, mark);
        } else {
          if (newRef < 0) put(dest, destAt, mark, s, at.W);
          Atomics.store(slots, b + REF, newRef);
        }
        return i;
      }
    }
    if (cur === tag) {
      if (t.inline) {
        let o = Atomics.load(slots, b + MARK);
        while (o === 0) o = Atomics.load(slots, b + MARK); // the claimer publishes the mark next
        if (same(t, b, at, s)) {
          for (; o > mark; o = Atomics.load(slots, b + MARK)) {
            if (Atomics.compareExchange(slots, b + MARK, o, mark) === o) {
              prev[0] = o - 2;
              return -2 - i;
            }
          }
          return -1;
        }
      } else {
        let ref = Atomics.load(slots, b + REF);
        while (ref === 0) ref = Atomics.load(slots, b + REF); // the claimer publishes the ref next
        if (ref > 0) {
          // (a state of the arena was handed over: lower than any parent)
          if (sameAt(ref, at, s)) return -1;
        } else {
          const T = at.fresh.length;
          const r = at.fresh[regionOf(ref, T)];
          const e = entryOf(ref, T, at.W);
          let j = 0;
          while (j < at.W && r[e + ENTRY_HEAD + j] === s[j]) j++;
          if (j === at.W) {
            // A plain read of the mark first: a mark only goes down, and the one the claimer wrote
            // came before its ref (read above, atomically); a read that is behind sees a higher one
            // and goes on to the exchange. Most lookups find a state of an earlier level, whose
            // mark is lower than any parent of this one: they need no atomic read (with one, and
            // the entry's place computed twice, the shmem spec at THREADS=3 ACCESSES=2 took 1.07x
            // the time of the marks in the slots, three pairs; without, 1.00x).
            let o = r[e];
            if (o <= mark) return -1;
            for (o = Atomics.load(r, e); o > mark; o = Atomics.load(r, e)) {
              if (Atomics.compareExchange(r, e, o, mark) === o) {
                prev[0] = o - 2;
                prev[1] = ref;
                return -2 - i;
              }
            }
            return -1;
          }
        }
      }
    }
    i = (i + 1) & mask;
  }
}

/** claim() for a thread that has the table to itself (the main thread between levels): plain loads and stores */
export function claimAlone(t: SharedTable, tag: number, s: Uint32Array, me: number, at: StateWords, newRef: number, dest: Uint32Array, destAt: number, prev = NO_PREV): number {
  const { slots, mask, S } = t;
  const mark = me + 2;
  let i = home(tag, mask);
  for (;;) {
    const b = S * i;
    const cur = slots[b];
    if (cur === 0) {
      slots[b] = tag;
      if (t.inline) {
        slots[b + MARK] = mark;
        for (let j = 0; j < at.W; j++) slots[b + WORDS_AT + j] = s[j];
      } else {
        if (newRef < 0) put(dest, destAt, mark, s, at.W);
        slots[b + REF] = newRef;
      }
      return i;
    }
    if (cur === tag && same(t, b, at, s)) {
      if (t.inline) {
        if (slots[b + MARK] <= mark) return -1;
        prev[0] = slots[b + MARK] - 2;
        slots[b + MARK] = mark;
        return -2 - i;
      }
      const ref = slots[b + REF];
      if (ref > 0) return -1;
      const T = at.fresh.length;
      const r = at.fresh[regionOf(ref, T)];
      const e = entryOf(ref, T, at.W);
      if (r[e] <= mark) return -1;
      prev[0] = r[e] - 2;
      prev[1] = ref;
      r[e] = mark;
      return -2 - i;
    }
    i = (i + 1) & mask;
  }
}

/**
 * Read the home slots of n lookups to come (tags at meta[k·stride + at]),
 * and the slot two further (a probe's run often reaches the next cache
 * line); in a table whose slots lead to the words, also the words of a home
 * slot whose tag matches (which the lookup compares). What was read, so
 * that the reads are kept; the processor overlaps them (expand.ts Staging).
 */
export function touchHomes(t: SharedTable, meta: Int32Array, stride: number, at: number, n: number, tagMask: number, words: StateWords): number {
  const { slots, mask, S } = t;
  let x = 0;
  for (let k = 0; k < n; k++) {
    const i = home(tagOf(meta[k * stride + at] & tagMask), mask);
    x ^= slots[S * i] ^ slots[S * ((i + 2) & mask)];
  }
  if (!t.inline) {
    for (let k = 0; k < n; k++) {
      const tag = tagOf(meta[k * stride + at] & tagMask);
      const b = S * home(tag, mask);
      const ref = slots[b + REF];
      if (slots[b] !== tag || ref === 0) continue;
      if (ref > 0) x ^= words.arena[(ref - 1) * words.W];
      else {
        const T = words.fresh.length;
        x ^= words.fresh[regionOf(ref, T)][entryOf(ref, T, words.W)];
      }
    }
  }
  return x;
}

/** An empty table like t (slots of the same size) of `capacityPow2` slots in a buffer of its own, for rehash() to fill. */
export function emptyLike(t: SharedTable, capacityPow2: number, reserve = 0): SharedTable {
  const slots = new Int32Array(reservedBuffer(capacityPow2 * t.S * 4, reserve), 0, capacityPow2 * t.S);
  return { slots, mask: capacityPow2 - 1, S: t.S, inline: t.inline };
}

/**
 * t grown to `capacityPow2` slots, for rehash() to fill: in t's own buffer
 * when it has room (the entries are then re-filed in place), else in a new
 * one (reserved anew, so that the next doublings are in place again).
 */
export function widened(t: SharedTable, capacityPow2: number): SharedTable {
  const buffer = t.slots.buffer as SharedArrayBuffer;
  const bytes = capacityPow2 * t.S * 4;
  if (bytes > buffer.byteLength) return emptyLike(t, capacityPow2, nextReserve(bytes));
  return { slots: new Int32Array(buffer, 0, capacityPow2 * t.S), mask: capacityPow2 - 1, S: t.S, inline: t.inline };
}

/**
 * Where part k of `parts` of t's slots starts, in slots counted from 0 on
 * and on past the end (slot x is x & mask): at an empty slot, so that a
 * part holds whole runs of occupied slots; part `parts` starts where part 0
 * does, one table later. Computed once, before any part is filed: filed in
 * place, a part changes the slots the others' cuts would be read from.
 */
export function cutsOf(t: SharedTable, parts: number): number[] {
  const cap = t.mask + 1;
  const empty = (x: number) => {
    while (t.slots[t.S * (x & t.mask)] !== 0) x++;
    return x;
  };
  const a = [empty(0)];
  for (let k = 1; k < parts; k++) a.push(Math.min(Math.max(empty(Math.floor((cap * k) / parts)), a[k - 1]), a[0] + cap));
  a.push(a[0] + cap);
  return a;
}

/**
 * File part k of t's entries (cut by cutsOf) in n (tags, marks, refs and
 * words kept), n being 2^j times as large, while no thread inserts; the parts
 * are filed at once by as many threads, with plain stores: the slots they
 * write are disjoint. A part starts at an empty slot a and ends at the next
 * part's empty slot, so the home h of an entry in its slot x is in (a, x].
 * In n its home is h + i·cap (cap: t's slots) for one i < 2^j; filed in the
 * order of x, the entries of the part with one i take slots of (a, x] + i·cap
 * at most, as each has fewer predecessors there than free slots before x + 1:
 * no part's probe ever reads or writes a slot another part writes. (A part
 * that goes past t's end files the wrapped run; its slots are then
 * (a, cap + a0) + i·cap, a0 part 0's start, again its own.)
 *
 * When n shares t's buffer (widened), the entries are re-filed in place: each
 * is taken out of its slot before it is filed again. An entry with i = 0 then
 * lands in (a, x], slots this part has already re-filed (x itself was just
 * emptied), so no probe passes an entry still to be moved, whose slot would
 * empty later and cut the probe's run; i ≥ 1 lands in new memory, except
 * where the highest i's run goes around n's end, onto t's slots [0, a0), the
 * wrapped run still to be moved. It never does before that run is being
 * moved: the entries taken from (a, cap) with homes at or past h are in slots
 * of [h, cap), so there are at most cap - h of them, and n has as many slots
 * from their home h + i·cap to its end. An entry taken from wrapped slot s
 * lands in [0, s] at most: [0, s) is re-filed, s just emptied.
 *
 * `moved[old slot]` is the entry's new slot, for the candidates and the
 * lowerings already recorded with their old slot (null between levels, when
 * there are none).
 */
export function rehash(t: SharedTable, n: SharedTable, moved: Int32Array | null, part: number, c: number[]): void {
  const S = t.S;
  const { slots, mask } = n;
  const old = t.slots;
  const inPlace = old.buffer === slots.buffer;
  const cap = t.mask + 1;
  const end = c[part + 1];
  // the slots this part may write: (a, b) + i·cap; in place, those below cap are t's, mapped already
  for (let i = inPlace ? 1 : 0; i * cap <= mask; i++) mapForWriting(slots, S * (c[part] + i * cap), inPlace ? Math.min(S * (end + i * cap), slots.length) : S * (end + i * cap));
  // (an entry is not copied out of its slot first: in place, a probe that reaches the entry's own
  // slot stops there, where it would stop had the slot been emptied first; 28-30 ns an entry -> 20-22)
  for (let x = c[part] + 1, s = x & t.mask; x < end; x++, s = x & t.mask) {
    const o = S * s;
    const tag = old[o];
    if (tag === 0) continue;
    let i = home(tag, mask);
    let b = S * i;
    while (slots[b] !== 0 && !(inPlace && b === o)) {
      i = (i + 1) & mask;
      b = S * i;
    }
    if (moved) moved[s] = i;
    if (inPlace && b === o) continue;
    // (in place, the whole old slot emptied: a claim that finds its tag with a mark, or a ref, other than 0 reads its words)
    for (let j = 0; j < S; j++) {
      slots[b + j] = old[o + j];
      if (inPlace) old[o + j] = 0;
    }
  }
}

/**
 * Re-file parts of t in n (rehash), taken from the shared counter ctrl[at]
 * until none is left: every thread takes them, so that one whose parts cost
 * more (their first writes to new memory vary from one part to the next on
 * this kind of machine) takes fewer.
 */
export function takeParts(t: SharedTable, n: SharedTable, moved: Int32Array | null, cuts: number[], ctrl: Int32Array, at: number): void {
  for (;;) {
    const k = Atomics.add(ctrl, at, 1);
    if (k >= cuts.length - 1) return;
    rehash(t, n, moved, k, cuts);
  }
}

/**
 * A table of `capacityPow2` slots with t's entries (t is used up), made by
 * this thread alone while no other runs; `moved` (rehash) when `track`.
 */
export function grown(t: SharedTable, capacityPow2: number, track: boolean): { table: SharedTable; moved: Int32Array | null } {
  const n = widened(t, capacityPow2);
  const moved = track ? new Int32Array(t.mask + 1).fill(-1) : null;
  rehash(t, n, moved, 0, cutsOf(t, 1));
  return { table: n, moved };
}
