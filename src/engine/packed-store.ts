// The generated checker's default store: exact and compact. Every distinct
// state is kept once, packed (WORDS 32-bit words), in an arena of fixed-size
// chunks (growing never copies it); a state's identity is its words, compared
// in full, so two states whose hashes collide stay two states and "holds"
// means what it says. The lookup table is one interleaved Int32Array of
// [32-bit tag, index + 1] slots (8 B each, linear probing, load ≤ 3/4): the
// tag (one 32-bit hash, which also picks the first slot to probe) filters,
// the arena words decide. The table grows by re-filing its own entries, and
// `statesHint` sizes it up front.
// A state of one or two words is kept in its slot in full instead of a tag
// ([words, index + 1]: 8 or 12 B): a lookup, which most successors end in
// (they are states already seen), then reads one place in memory, not two.
import { fingerprint } from './fpset';
import type { StateStore } from './explore';
import { firstReserve, mapForWriting, nextReserve, reservedBuffer } from './reserve';
import { Staged, lastLevelCacheBytes } from './staging';

/** The part of a generated checker a store needs (bfs.ts CompiledChecker). */
export interface PackedCodec<S> {
  WORDS: number;
  encode(n: S, w: Uint32Array, o: number): void;
  decode(w: Uint32Array, o: number): S;
  /** the state to expand next, from its words: a module that steps on the words decodes it only if a step needs it */
  expandOf?(w: Uint32Array, o: number): S;
}

/** Two 32-bit hashes of words[o .. o+n) into out[0], out[1] (fpset.ts `fingerprint`; a test may pass a weak one). */
export type WordHash = (w: Uint32Array, o: number, n: number, out: Uint32Array) => void;

/** log2 of the states per arena chunk */
const CHUNK_SHIFT = 14;
const CHUNK = 1 << CHUNK_SHIFT;
/** the table grows past this load */
const MAX_LOAD = 0.75;

const RECENT_MASK = (1 << 14) - 1;
/** states of more words than this are not kept in the cache of recent lookups (it would outgrow the processor's cache) */
const RECENT_WORDS = 8;
/** states of at most this many words are kept in the table's slots in full */
const INLINE_WORDS = 2;

/** The table size (a power of two) holding `states` at load ≤ MAX_LOAD. */
function slotsFor(states: number): number {
  let cap = 1 << 10;
  while (cap * MAX_LOAD < states) cap *= 2;
  return cap;
}

export class PackedStore<S> implements StateStore<S> {
  private readonly chunks: Uint32Array[] = [];
  private table: Int32Array;
  private mask: number;
  private limit: number;
  private count = 0;
  private readonly W: number;
  /** Int32s per slot: [tag, index + 1], or [the words, index + 1] when they fit (INLINE_WORDS) */
  private readonly S: number;
  private readonly inline: boolean;
  private readonly scratch: Uint32Array;
  /**
   * The states looked up last, [words, index + 1] direct-mapped by their tag
   * (16 Ki slots, 128 KiB to 576 KiB). Successors of neighbouring states in a
   * breadth-first level meet the same states (two steps taken in either
   * order): 63 to 77% of the lookups on Philosophers and TwoPhase end here
   * instead of in the table, and a state that is not in its slot (more than
   * INLINE_WORDS) then costs no read of the table nor of the arena either.
   */
  private readonly recent: Int32Array | null;
  /** Int32s per entry of `recent`: the words, index + 1 */
  private readonly R: number;
  private readonly fp = new Uint32Array(2);
  /** the home slot's last Int32, read ahead of the cache's test (insert): kept so that the read is made */
  private sink = 0;
  /** the lookups staged (stage) */
  private readonly staged: Staged;

  constructor(
    private readonly m: PackedCodec<S>,
    statesHint = 0,
    private readonly hash: WordHash = fingerprint,
    /** the codec files states under representatives (symmetry): counterexamples are replayed */
    readonly tracesByReplay = false,
    /** the bytes the table's buffer reserves, to grow within (reserve.ts firstReserve by default) */
    reserve?: number,
  ) {
    this.W = m.WORDS;
    this.inline = this.W <= INLINE_WORDS;
    this.S = this.inline ? this.W + 1 : 2;
    this.scratch = new Uint32Array(this.W);
    this.staged = new Staged(this.W);
    this.batchFrom = this.inline ? lastLevelCacheBytes() : 0;
    this.R = this.W + 1;
    this.recent = this.W <= RECENT_WORDS ? new Int32Array((RECENT_MASK + 1) * this.R) : null;
    const cap = slotsFor(statesHint);
    this.table = new Int32Array(reservedBuffer(cap * this.S * 4, reserve ?? firstReserve(cap * this.S * 4), false), 0, cap * this.S);
    mapForWriting(this.table, 0, this.table.length);
    this.mask = cap - 1;
    this.limit = Math.floor(cap * MAX_LOAD);
  }

  get size(): number {
    return this.count;
  }

  add(n: S): number {
    this.m.encode(n, this.scratch, 0);
    return this.insert();
  }

  /**
   * Staged lookups (StateStore.stage): a batch of successors encoded and
   * hashed first, the table's slots they start from then read in one short
   * loop (touch), and the lookups made last, in the order staged (commit).
   * A lookup is a read of memory at random, far outside the processor's
   * cache at 10^7 states; one at a time, each waits for its read, while the
   * reads of touch() are independent and the processor overlaps them.
   */
  stage(n: S): number {
    const st = this.staged;
    const o = st.next();
    const w = st.words;
    this.m.encode(n, w, o);
    const fp = this.fp;
    this.hash(w, o, this.W, fp);
    // (a state met lately is known now, with its index: it needs no lookup)
    const rc = this.recent;
    if (rc !== null) {
      const R = this.R;
      const cb = (fp[0] & RECENT_MASK) * R;
      if (rc[cb + R - 1] !== 0 && this.isRecent(rc, cb, w, o)) return ~(rc[cb + R - 1] - 1);
    }
    return st.keep(fp);
  }

  /** read, all in one loop, the cache lines each staged lookup will read: its home slot's, the next one, and with tags the arena's (see stage) */
  touch(): void {
    const t = this.table;
    const S = this.S;
    const mask = this.mask;
    const f = this.staged.fps;
    const ns = this.staged.n;
    // the slot's first Int32 (of the same cache line as the rest of it, but for a slot across two lines)
    const h = this.inline ? 1 : 0;
    let x = 0;
    // (and the slot three further: a probe's run often reaches the next cache line)
    for (let j = 0; j < ns; j++) {
      const i = f[j * 2 + h] & mask;
      x ^= t[i * S] ^ t[((i + 3) & mask) * S];
    }
    if (!this.inline) {
      // and the words in the arena of the state a home slot's tag names (which a lookup compares)
      const W = this.W;
      for (let j = 0; j < ns; j++) {
        const b = (f[j * 2] & mask) * 2;
        const v = t[b + 1];
        if (v !== 0 && t[b] === (f[j * 2] | 0)) x ^= this.chunks[(v - 1) >>> CHUNK_SHIFT][((v - 1) & (CHUNK - 1)) * W];
      }
    }
    this.sink = x;
  }

  /** the lookup of staged state j (after every state staged before it), as add() answers */
  commit(j: number): number {
    this.staged.take(j, this.scratch, this.fp);
    return this.insertHashed(true);
  }

  /** the words of the state added or committed last */
  get words(): Uint32Array {
    return this.scratch;
  }

  /**
   * The table's size from which lookups are staged (StateStore.batches; a
   * test sets 0 or Infinity). A state kept in its slot costs a lookup one
   * read at random, which the processor overlaps with the work around it as
   * long as the table fits its last-level cache; a tag costs two dependent
   * reads (the slot, then the arena's words), and staging overlaps the second
   * too, at any size (the shmem spec, 4 words: 0.96x at 7.2·10^6 states, 1.0x at 5·10^5).
   */
  batchFrom: number;

  /** whether staged lookups pay now (batchFrom) */
  get batches(): boolean {
    return this.table.byteLength >= this.batchFrom;
  }

  /** drop the staged states from `j` on (0: all) */
  unstage(j = 0): void {
    this.staged.n = j;
  }

  indexOf(n: S): number {
    this.m.encode(n, this.scratch, 0);
    const slot = this.find();
    return slot < 0 ? -1 : this.table[slot * this.S + this.S - 1] - 1;
  }

  get(i: number): S {
    return this.m.decode(this.chunks[i >>> CHUNK_SHIFT], (i & (CHUNK - 1)) * this.W);
  }

  /** state i, to be expanded right away (StateStore.expand) */
  expand(i: number): S {
    const c = this.chunks[i >>> CHUNK_SHIFT];
    const o = (i & (CHUNK - 1)) * this.W;
    return this.m.expandOf ? this.m.expandOf(c, o) : this.m.decode(c, o);
  }

  /** state i's words, copied to dest[at .. at + WORDS) */
  copyWords(i: number, dest: Uint32Array, at: number): void {
    const a = this.chunks[i >>> CHUNK_SHIFT];
    const o = (i & (CHUNK - 1)) * this.W;
    for (let k = 0; k < this.W; k++) dest[at + k] = a[o + k];
  }

  /** memory held: the table, the arena's chunks, the cache of recent lookups */
  get bytes(): number {
    return this.table.byteLength + this.chunks.reduce((t, c) => t + c.byteLength, 0) + (this.recent?.byteLength ?? 0);
  }

  /** the slot of the scratch state, or -1 */
  private find(): number {
    this.hash(this.scratch, 0, this.W, this.fp);
    const i = this.probe(this.fp[0] | 0, this.home());
    return this.table[i * this.S + this.S - 1] === 0 ? -1 : i;
  }

  /**
   * The first slot to probe for the state whose hashes are in this.fp: from
   * the tag itself when the slot keeps a tag (so growing reads only the
   * table), from the second hash when it keeps the words (hashed again then).
   */
  private home(): number {
    return (this.inline ? this.fp[1] : this.fp[0]) & this.mask;
  }

  /** the slot holding the scratch state, or the empty slot where it goes; from slot i on */
  private probe(tag: number, i: number): number {
    const t = this.table;
    const S = this.S;
    const mask = this.mask;
    if (this.inline) {
      const w0 = this.scratch[0] | 0;
      const w1 = S === 3 ? this.scratch[1] | 0 : 0;
      for (; ; i = (i + 1) & mask) {
        const b = i * S;
        if (t[b + S - 1] === 0) return i;
        if (t[b] === w0 && (S === 2 || t[b + 1] === w1)) return i;
      }
    }
    for (; ; i = (i + 1) & mask) {
      const v = t[i * 2 + 1];
      if (v === 0) return i;
      if (t[i * 2] === tag && this.sameWords(v - 1)) return i;
    }
  }

  /** the scratch state's index, as StateStore.add answers */
  private insert(): number {
    this.hash(this.scratch, 0, this.W, this.fp);
    return this.insertHashed();
  }

  /** insert(), the scratch state's hashes already in this.fp */
  private insertHashed(staged = false): number {
    if (this.count >= this.limit) this.grow();
    const t = this.table;
    const S = this.S;
    const home = this.home();
    const rc = this.recent;
    const R = this.R;
    const cb = (this.fp[0] & RECENT_MASK) * R;
    // a state met lately is answered from the small cache, which stays in the processor's cache
    // (the home slot is read first, and kept: its cache miss, which a lookup that the cache does not
    // answer waits for, then overlaps the cache's test). A staged state was tested when staged.
    if (!staged) {
      this.sink = t[home * S + S - 1];
      if (rc !== null && rc[cb + R - 1] !== 0 && this.isRecent(rc, cb, this.scratch, 0)) return ~(rc[cb + R - 1] - 1);
    }
    const b = this.probe(this.fp[0] | 0, home) * S;
    const v = t[b + S - 1];
    if (rc !== null) {
      for (let k = 0; k < R - 1; k++) rc[cb + k] = this.scratch[k] | 0;
      rc[cb + R - 1] = v !== 0 ? v : this.count + 1;
    }
    if (v !== 0) return ~(v - 1);
    // the table keeps index + 1 in an Int32
    if (this.count >= 0x7ffffffe) throw new Error(`the exact state store holds at most ${0x7ffffffe} states`);
    const index = this.count++;
    this.fill(t, b, this.scratch, 0, index);
    const c = index >>> CHUNK_SHIFT;
    if (c === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK * this.W));
    this.chunks[c].set(this.scratch, (index & (CHUNK - 1)) * this.W);
    return index;
  }

  /** whether the recent entry at rc[cb..] holds the state whose words are w[o ..] */
  private isRecent(rc: Int32Array, cb: number, w: Uint32Array, o: number): boolean {
    for (let k = 0; k < this.W; k++) if (rc[cb + k] !== (w[o + k] | 0)) return false;
    return true;
  }

  /** write the slot at t[b..] for state `index`, whose words are w[o..] (this.fp holds their hashes) */
  private fill(t: Int32Array, b: number, w: Uint32Array, o: number, index: number): void {
    if (this.inline) for (let k = 0; k < this.W; k++) t[b + k] = w[o + k] | 0;
    else t[b] = this.fp[0] | 0;
    t[b + this.S - 1] = index + 1;
  }

  /** whether state `index` in the arena has the scratch state's words */
  private sameWords(index: number): boolean {
    const a = this.chunks[index >>> CHUNK_SHIFT];
    const o = (index & (CHUNK - 1)) * this.W;
    const s = this.scratch;
    for (let k = 0; k < s.length; k++) if (a[o + k] !== s[k]) return false;
    return true;
  }

  /**
   * Twice the slots, every entry re-filed from the old table, read in slot
   * order: an entry's new home is its old one or that plus the old size, so
   * the writes run along two streams rather than at random (and the arena is
   * not read). The table doubles within its buffer, reserved larger than the
   * table (reserve.ts): each entry is taken out of its slot and filed again,
   * from the slot after an empty one on, so that it lands in a slot already
   * re-filed or in the new half, never past an entry still to be moved
   * (parallel/table.ts `rehash` has the argument, for a table cut in parts).
   */
  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    const S = this.S;
    const inPlace = cap * S * 4 <= old.buffer.byteLength;
    const t = inPlace ? new Int32Array(old.buffer, 0, cap * S) : new Int32Array(reservedBuffer(cap * S * 4, nextReserve(cap * S * 4), false), 0, cap * S);
    // (in place, the old slots are mapped already)
    mapForWriting(t, inPlace ? old.length : 0, t.length);
    const half = this.mask;
    let a0 = 0;
    while (old[a0 * S + S - 1] !== 0) a0++;
    this.mask = cap - 1;
    if (this.inline) refileWords(old, t, half, a0, inPlace, this.W, this.hash);
    else refileTags(old, t, half, a0, inPlace);
    this.table = t;
    this.limit = Math.floor(cap * MAX_LOAD);
  }
}

// The doubling's loops, on locals alone. Written in grow() itself, through
// `this` (the mask, the hashes in this.fp, a slot copied out to an array and
// back), they re-filed an entry of the shmem spec (tags) in 19-22 ns and of
// Counters (one word, hashed again) in 25-28 ns; here in 11 and 19-21 ns,
// tables of 2^23 to 2^25 slots. A doubling is a whole pass over the table,
// about as many re-filings over a run as there are states.

/** re-file the tag slots [tag, index + 1] of a table of mask `half`, from slot a0 + 1 on, into t (twice the slots; in place: old is t's first half) */
function refileTags(old: Int32Array, t: Int32Array, half: number, a0: number, inPlace: boolean): void {
  const mask = half * 2 + 1;
  for (let x = a0 + 1; x < a0 + half + 1; x++) {
    const b = (x & half) * 2;
    const v = old[b + 1];
    if (v === 0) continue;
    const tag = old[b];
    if (inPlace) {
      old[b] = 0;
      old[b + 1] = 0;
    }
    let i = tag & mask;
    while (t[i * 2 + 1] !== 0) i = (i + 1) & mask;
    t[i * 2] = tag;
    t[i * 2 + 1] = v;
  }
}

/** refileTags for slots that keep a state's W (1 or 2) words in full, [words, index + 1]: each is hashed again for its home */
function refileWords(old: Int32Array, t: Int32Array, half: number, a0: number, inPlace: boolean, W: number, hash: WordHash): void {
  const S = W + 1;
  const mask = half * 2 + 1;
  const words = new Uint32Array(2);
  const fp = new Uint32Array(2);
  for (let x = a0 + 1; x < a0 + half + 1; x++) {
    const b = (x & half) * S;
    const v = old[b + S - 1];
    if (v === 0) continue;
    const w0 = old[b];
    const w1 = S === 3 ? old[b + 1] : 0;
    if (inPlace) for (let k = 0; k < S; k++) old[b + k] = 0;
    words[0] = w0;
    words[1] = w1;
    hash(words, 0, W, fp);
    let i = fp[1] & mask;
    while (t[i * S + S - 1] !== 0) i = (i + 1) & mask;
    t[i * S] = w0;
    if (S === 3) t[i * S + 1] = w1;
    t[i * S + S - 1] = v;
  }
}
