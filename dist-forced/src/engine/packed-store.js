"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PackedStore = void 0;
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
const fpset_1 = require("./fpset");
const reserve_1 = require("./reserve");
const staging_1 = require("./staging");
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
function slotsFor(states) {
    let cap = 1 << 10;
    while (cap * MAX_LOAD < states)
        cap *= 2;
    return cap;
}
class PackedStore {
    m;
    hash;
    tracesByReplay;
    chunks = [];
    table;
    mask;
    limit;
    count = 0;
    W;
    /** Int32s per slot: [tag, index + 1], or [the words, index + 1] when they fit (INLINE_WORDS) */
    S;
    inline;
    scratch;
    /**
     * The states looked up last, [words, index + 1] direct-mapped by their tag
     * (16 Ki slots, 128 KiB to 576 KiB). Successors of neighbouring states in a
     * breadth-first level meet the same states (two steps taken in either
     * order): 63 to 77% of the lookups on Philosophers and TwoPhase end here
     * instead of in the table, and a state that is not in its slot (more than
     * INLINE_WORDS) then costs no read of the table nor of the arena either.
     */
    recent;
    /** Int32s per entry of `recent`: the words, index + 1 */
    R;
    fp = new Uint32Array(2);
    /** the home slot's last Int32, read ahead of the cache's test (insert): kept so that the read is made */
    sink = 0;
    /** the lookups staged (stage) */
    staged;
    constructor(m, statesHint = 0, hash = fpset_1.fingerprint, 
    /** the codec files states under representatives (symmetry): counterexamples are replayed */
    tracesByReplay = false, 
    /** the bytes the table's buffer reserves, to grow within (reserve.ts firstReserve by default) */
    reserve) {
        this.m = m;
        this.hash = hash;
        this.tracesByReplay = tracesByReplay;
        this.W = m.WORDS;
        this.inline = this.W <= INLINE_WORDS;
        this.S = this.inline ? this.W + 1 : 2;
        this.scratch = new Uint32Array(this.W);
        this.staged = new staging_1.Staged(this.W);
        this.batchFrom = this.inline ? (0, staging_1.lastLevelCacheBytes)() : 0;
        this.R = this.W + 1;
        this.recent = this.W <= RECENT_WORDS ? new Int32Array((RECENT_MASK + 1) * this.R) : null;
        const cap = slotsFor(statesHint);
        this.table = new Int32Array((0, reserve_1.reservedBuffer)(cap * this.S * 4, reserve ?? (0, reserve_1.firstReserve)(cap * this.S * 4), false), 0, cap * this.S);
        (0, reserve_1.mapForWriting)(this.table, 0, this.table.length);
        this.mask = cap - 1;
        this.limit = Math.floor(cap * MAX_LOAD);
    }
    get size() {
        return this.count;
    }
    add(n) {
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
    stage(n) {
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
            if (rc[cb + R - 1] !== 0 && this.isRecent(rc, cb, w, o))
                return ~(rc[cb + R - 1] - 1);
        }
        return st.keep(fp);
    }
    /** read, all in one loop, the cache lines each staged lookup will read: its home slot's, the next one, and with tags the arena's (see stage) */
    touch() {
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
                if (v !== 0 && t[b] === (f[j * 2] | 0))
                    x ^= this.chunks[(v - 1) >>> CHUNK_SHIFT][((v - 1) & (CHUNK - 1)) * W];
            }
        }
        this.sink = x;
    }
    /** the lookup of staged state j (after every state staged before it), as add() answers */
    commit(j) {
        this.staged.take(j, this.scratch, this.fp);
        return this.insertHashed(true);
    }
    /** the words of the state added or committed last */
    get words() {
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
    batchFrom;
    /** whether staged lookups pay now (batchFrom) */
    get batches() {
        return this.table.byteLength >= this.batchFrom;
    }
    /** drop the staged states from `j` on (0: all) */
    unstage(j = 0) {
        this.staged.n = j;
    }
    indexOf(n) {
        this.m.encode(n, this.scratch, 0);
        const slot = this.find();
        return slot < 0 ? -1 : this.table[slot * this.S + this.S - 1] - 1;
    }
    get(i) {
        return this.m.decode(this.chunks[i >>> CHUNK_SHIFT], (i & (CHUNK - 1)) * this.W);
    }
    /** state i, to be expanded right away (StateStore.expand) */
    expand(i) {
        const c = this.chunks[i >>> CHUNK_SHIFT];
        const o = (i & (CHUNK - 1)) * this.W;
        return this.m.expandOf ? this.m.expandOf(c, o) : this.m.decode(c, o);
    }
    /** state i's words, copied to dest[at .. at + WORDS) */
    copyWords(i, dest, at) {
        const a = this.chunks[i >>> CHUNK_SHIFT];
        const o = (i & (CHUNK - 1)) * this.W;
        for (let k = 0; k < this.W; k++)
            dest[at + k] = a[o + k];
    }
    /** memory held: the table, the arena's chunks, the cache of recent lookups */
    get bytes() {
        return this.table.byteLength + this.chunks.reduce((t, c) => t + c.byteLength, 0) + (this.recent?.byteLength ?? 0);
    }
    /** the slot of the scratch state, or -1 */
    find() {
        this.hash(this.scratch, 0, this.W, this.fp);
        const i = this.probe(this.fp[0] | 0, this.home());
        return this.table[i * this.S + this.S - 1] === 0 ? -1 : i;
    }
    /**
     * The first slot to probe for the state whose hashes are in this.fp: from
     * the tag itself when the slot keeps a tag (so growing reads only the
     * table), from the second hash when it keeps the words (hashed again then).
     */
    home() {
        return (this.inline ? this.fp[1] : this.fp[0]) & this.mask;
    }
    /** the slot holding the scratch state, or the empty slot where it goes; from slot i on */
    probe(tag, i) {
        const t = this.table;
        const S = this.S;
        const mask = this.mask;
        if (this.inline) {
            const w0 = this.scratch[0] | 0;
            const w1 = S === 3 ? this.scratch[1] | 0 : 0;
            for (;; i = (i + 1) & mask) {
                const b = i * S;
                if (t[b + S - 1] === 0)
                    return i;
                if (t[b] === w0 && (S === 2 || t[b + 1] === w1))
                    return i;
            }
        }
        for (;; i = (i + 1) & mask) {
            const v = t[i * 2 + 1];
            if (v === 0)
                return i;
            if (t[i * 2] === tag && this.sameWords(v - 1))
                return i;
        }
    }
    /** the scratch state's index, as StateStore.add answers */
    insert() {
        this.hash(this.scratch, 0, this.W, this.fp);
        return this.insertHashed();
    }
    /** insert(), the scratch state's hashes already in this.fp */
    insertHashed(staged = false) {
        if (this.count >= this.limit)
            this.grow();
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
            if (rc !== null && rc[cb + R - 1] !== 0 && this.isRecent(rc, cb, this.scratch, 0))
                return ~(rc[cb + R - 1] - 1);
        }
        const b = this.probe(this.fp[0] | 0, home) * S;
        const v = t[b + S - 1];
        if (rc !== null) {
            for (let k = 0; k < R - 1; k++)
                rc[cb + k] = this.scratch[k] | 0;
            rc[cb + R - 1] = v !== 0 ? v : this.count + 1;
        }
        if (v !== 0)
            return ~(v - 1);
        // the table keeps index + 1 in an Int32
        if (this.count >= 0x7ffffffe)
            throw new Error(`the exact state store holds at most ${0x7ffffffe} states`);
        const index = this.count++;
        this.fill(t, b, this.scratch, 0, index);
        const c = index >>> CHUNK_SHIFT;
        if (c === this.chunks.length)
            this.chunks.push(new Uint32Array(CHUNK * this.W));
        this.chunks[c].set(this.scratch, (index & (CHUNK - 1)) * this.W);
        return index;
    }
    /** whether the recent entry at rc[cb..] holds the state whose words are w[o ..] */
    isRecent(rc, cb, w, o) {
        for (let k = 0; k < this.W; k++)
            if (rc[cb + k] !== (w[o + k] | 0))
                return false;
        return true;
    }
    /** write the slot at t[b..] for state `index`, whose words are w[o..] (this.fp holds their hashes) */
    fill(t, b, w, o, index) {
        if (this.inline)
            for (let k = 0; k < this.W; k++)
                t[b + k] = w[o + k] | 0;
        else
            t[b] = this.fp[0] | 0;
        t[b + this.S - 1] = index + 1;
    }
    /** whether state `index` in the arena has the scratch state's words */
    sameWords(index) {
        const a = this.chunks[index >>> CHUNK_SHIFT];
        const o = (index & (CHUNK - 1)) * this.W;
        const s = this.scratch;
        for (let k = 0; k < s.length; k++)
            if (a[o + k] !== s[k])
                return false;
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
    grow() {
        const old = this.table;
        const cap = (this.mask + 1) * 2;
        const S = this.S;
        const inPlace = cap * S * 4 <= old.buffer.byteLength;
        const t = inPlace ? new Int32Array(old.buffer, 0, cap * S) : new Int32Array((0, reserve_1.reservedBuffer)(cap * S * 4, (0, reserve_1.nextReserve)(cap * S * 4), false), 0, cap * S);
        // (in place, the old slots are mapped already)
        (0, reserve_1.mapForWriting)(t, inPlace ? old.length : 0, t.length);
        // one slot's Int32s, taken out of the table while it is re-filed
        const e = new Int32Array(S);
        // (the words of a slot that keeps them, for their hash)
        const words = new Uint32Array(e.buffer, 0, this.inline ? this.W : 0);
        const half = this.mask;
        let a0 = 0;
        while (old[a0 * S + S - 1] !== 0)
            a0++;
        this.mask = cap - 1;
        // (this.fp holds the hashes of the state being inserted: put back after)
        const fp = this.fp;
        const fp0 = fp[0];
        const fp1 = fp[1];
        for (let x = a0 + 1; x < a0 + half + 1; x++) {
            const b = (x & half) * S;
            if (old[b + S - 1] === 0)
                continue;
            for (let k = 0; k < S; k++)
                e[k] = old[b + k];
            if (inPlace)
                for (let k = 0; k < S; k++)
                    old[b + k] = 0;
            if (this.inline)
                this.hash(words, 0, this.W, fp);
            else
                fp[0] = e[0];
            let i = this.home();
            while (t[i * S + S - 1] !== 0)
                i = (i + 1) & this.mask;
            for (let k = 0; k < S; k++)
                t[i * S + k] = e[k];
        }
        fp[0] = fp0;
        fp[1] = fp1;
        this.table = t;
        this.limit = Math.floor(cap * MAX_LOAD);
    }
}
exports.PackedStore = PackedStore;
//# sourceMappingURL=packed-store.js.map