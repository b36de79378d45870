"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.FingerprintStore = exports.FRONTIER_BYTES = void 0;
// --fingerprint-only (TLC's way): memory keeps only the 64-bit fingerprint
// of each seen state, in one interleaved [hi, lo] Uint32Array (8 B per slot,
// load between 0.53 and 0.8), and the full packed states of the BFS frontier
// (the level being expanded and the next), in chunks that are freed as the
// breadth-first scan passes them and written to a spill file when the
// frontier outgrows its memory bound. Each state's parent link, producing
// step and fingerprint go to an append-only file (links.ts DiskLinks);
// counterexamples are rebuilt by replay (replay.ts) matching fingerprints.
// Two states with the same fingerprint are taken for one: the result carries
// the estimated probability that this happened (explore.ts).
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const fpset_1 = require("./fpset");
const links_1 = require("./links");
const staging_1 = require("./staging");
/** the table grows past this load, by GROWTH */
const MAX_LOAD = 0.8;
const GROWTH = 1.5;
/** log2 of the states per frontier chunk */
const CHUNK_SHIFT = 12;
const CHUNK = 1 << CHUNK_SHIFT;
/** the frontier's memory bound by default */
exports.FRONTIER_BYTES = 256 << 20;
class FingerprintStore {
    m;
    tracesByReplay = true;
    mode = 'fingerprint-only';
    links;
    table;
    cap;
    scale;
    limit;
    count = 0;
    W;
    scratch;
    fp = new Uint32Array(2);
    hash;
    staged;
    /** what touch() read (kept, so that the reads are made) */
    sink = 0;
    dir;
    // the frontier: chunk c holds states c*CHUNK .. (c+1)*CHUNK-1; a number is a chunk spilled at that file offset
    frontier = [];
    low = 0;
    inMemory = 0;
    peakFrontier = 0;
    spillFd = -1;
    spilled = 0;
    frontierBytes;
    closed = false;
    constructor(m, opts = {}) {
        this.m = m;
        this.W = m.WORDS;
        this.scratch = new Uint32Array(this.W);
        this.staged = new staging_1.Staged(this.W);
        this.hash = opts.hash ?? fpset_1.fingerprint;
        this.frontierBytes = opts.frontierBytes ?? exports.FRONTIER_BYTES;
        this.cap = Math.max(1024, Math.ceil((opts.statesHint ?? 0) / MAX_LOAD));
        this.table = new Uint32Array(this.cap * 2);
        this.scale = this.cap / 4294967296;
        this.limit = Math.floor(this.cap * MAX_LOAD);
        this.dir = (0, links_1.scratchDir)('uffdspec-fp-');
        this.links = new links_1.DiskLinks(path.join(this.dir.dir, 'links'), this.fp);
    }
    get size() {
        return this.count;
    }
    add(n) {
        this.m.encode(n, this.scratch, 0);
        this.fingerprintScratch();
        return this.insert();
    }
    /**
     * Staged lookups (StateStore.stage, as packed-store.ts has them): every
     * lookup here reads the table at random, far outside the processor's
     * cache; staged, the reads of a batch are made together (touch).
     */
    stage(n) {
        const st = this.staged;
        const o = st.next();
        this.m.encode(n, st.words, o);
        this.hash(st.words, o, this.W, this.fp);
        if (this.fp[0] === 0 && this.fp[1] === 0)
            this.fp[1] = 1;
        return st.keep(this.fp);
    }
    touch() {
        const t = this.table;
        const f = this.staged.fps;
        let x = 0;
        for (let j = 0; j < this.staged.n; j++)
            x ^= t[Math.floor(f[j * 2] * this.scale) * 2];
        this.sink = x;
    }
    commit(j) {
        this.staged.take(j, this.scratch, this.fp);
        return this.insert();
    }
    unstage(j = 0) {
        this.staged.n = j;
    }
    /** the words of the state added or committed last */
    get words() {
        return this.scratch;
    }
    /** the table's size from which lookups are staged (StateStore.batches; a test sets 0) */
    batchFrom = (0, staging_1.lastLevelCacheBytes)();
    /** whether staged lookups pay now: the table has outgrown the processor's last-level cache */
    get batches() {
        return this.table.byteLength >= this.batchFrom;
    }
    /** the scratch state, its fingerprint in this.fp: as add() answers */
    insert() {
        if (this.count >= this.limit)
            this.grow();
        const hi = this.fp[0];
        const lo = this.fp[1];
        const t = this.table;
        let i = Math.floor(hi * this.scale);
        for (;;) {
            const h = t[i * 2];
            const l = t[i * 2 + 1];
            if (h === 0 && l === 0)
                break;
            // seen: explore() needs no index of a seen state when it keeps no liveness graph
            if (h === hi && l === lo)
                return ~0;
            if (++i === this.cap)
                i = 0;
        }
        t[i * 2] = hi;
        t[i * 2 + 1] = lo;
        this.append(this.count);
        return this.count++;
    }
    /** the index of a seen state: a scan of the links file (replay uses `matches`) */
    indexOf(n) {
        this.m.encode(n, this.scratch, 0);
        this.fingerprintScratch();
        return this.links.find(this.fp[0], this.fp[1]);
    }
    /** whether `n` is the state filed as `i` (the same fingerprint) */
    matches(n, i) {
        this.m.encode(n, this.scratch, 0);
        this.fingerprintScratch();
        return this.links.hasFingerprint(i, this.fp[0], this.fp[1]);
    }
    /** a state of the frontier; the breadth-first scan asks in index order, and the chunks before the one before are freed */
    get(i) {
        const c = i >>> CHUNK_SHIFT;
        // (one chunk back is kept: explore() may expand the parents of its batch again, BATCH_PARENTS at most)
        while (this.low < c - 1)
            this.release(this.low++);
        let chunk = this.frontier[c];
        if (typeof chunk === 'number')
            chunk = this.unspill(c, chunk);
        if (!chunk)
            throw new Error(`internal: state ${i} is no longer on the frontier`);
        return this.m.decode(chunk, (i & (CHUNK - 1)) * this.W);
    }
    /** memory held now: the table, the frontier's chunks (the links' buffer is counted by explore() as the links') */
    get bytes() {
        return this.table.byteLength + this.inMemory;
    }
    /** the table at its size now and the frontier at its largest (the two need not peak together: an upper bound) */
    get peakBytes() {
        return this.table.byteLength + this.peakFrontier;
    }
    /** bytes written to temporary files (links, spilled frontier) */
    get diskBytes() {
        return this.links.diskBytes + this.spilled;
    }
    /** bytes of frontier written to the spill file */
    get spilledBytes() {
        return this.spilled;
    }
    /** the temporary directory, while the run lasts */
    get tempDir() {
        return this.dir.dir;
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        try {
            this.links.close();
            if (this.spillFd >= 0)
                fs.closeSync(this.spillFd);
        }
        finally {
            this.dir.remove();
        }
    }
    fingerprintScratch() {
        this.hash(this.scratch, 0, this.W, this.fp);
        // (0, 0) marks an empty slot
        if (this.fp[0] === 0 && this.fp[1] === 0)
            this.fp[1] = 1;
    }
    /** the scratch state as state `index` of the frontier */
    append(index) {
        const c = index >>> CHUNK_SHIFT;
        if (c === this.frontier.length) {
            // the chunk before is full: over the bound, it waits on disk
            if (c > 0 && this.inMemory + CHUNK * this.W * 4 > this.frontierBytes && c - 1 > this.low)
                this.spill(c - 1);
            this.frontier.push(new Uint32Array(CHUNK * this.W));
            this.inMemory += CHUNK * this.W * 4;
            if (this.inMemory > this.peakFrontier)
                this.peakFrontier = this.inMemory;
        }
        this.frontier[c].set(this.scratch, (index & (CHUNK - 1)) * this.W);
    }
    release(c) {
        const chunk = this.frontier[c];
        if (chunk instanceof Uint32Array)
            this.inMemory -= chunk.byteLength;
        this.frontier[c] = null;
    }
    spill(c) {
        const chunk = this.frontier[c];
        if (!(chunk instanceof Uint32Array))
            return;
        if (this.spillFd < 0)
            this.spillFd = fs.openSync(path.join(this.dir.dir, 'frontier'), 'w+');
        const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        const at = this.spilled;
        let done = 0;
        while (done < bytes.length)
            done += fs.writeSync(this.spillFd, bytes, done, bytes.length - done, at + done);
        this.spilled += bytes.length;
        this.frontier[c] = at;
        this.inMemory -= chunk.byteLength;
    }
    unspill(c, at) {
        const chunk = new Uint32Array(CHUNK * this.W);
        const bytes = new Uint8Array(chunk.buffer);
        let done = 0;
        while (done < bytes.length) {
            const got = fs.readSync(this.spillFd, bytes, done, bytes.length - done, at + done);
            if (got === 0)
                throw new Error(`internal: the frontier file ends before chunk ${c}`);
            done += got;
        }
        this.frontier[c] = chunk;
        this.inMemory += chunk.byteLength;
        if (this.inMemory > this.peakFrontier)
            this.peakFrontier = this.inMemory;
        return chunk;
    }
    /** GROWTH times the slots, each fingerprint re-filed from the old table */
    grow() {
        const old = this.table;
        const cap = Math.ceil(this.cap * GROWTH);
        const t = new Uint32Array(cap * 2);
        const scale = cap / 4294967296;
        for (let j = 0; j < old.length; j += 2) {
            const hi = old[j];
            const lo = old[j + 1];
            if (hi === 0 && lo === 0)
                continue;
            let i = Math.floor(hi * scale);
            while (t[i * 2] !== 0 || t[i * 2 + 1] !== 0)
                if (++i === cap)
                    i = 0;
            t[i * 2] = hi;
            t[i * 2 + 1] = lo;
        }
        this.table = t;
        this.cap = cap;
        this.scale = scale;
        this.limit = Math.floor(cap * MAX_LOAD);
    }
}
exports.FingerprintStore = FingerprintStore;
//# sourceMappingURL=fingerprint-store.js.map