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
import * as fs from 'fs';
import * as path from 'path';
import { fingerprint } from './fpset';
import { DiskLinks, scratchDir } from './links';
import type { PackedCodec, WordHash } from './packed-store';
import type { StateStore } from './explore';
import { Staged, lastLevelCacheBytes } from './staging';

/** the table grows past this load, by GROWTH */
const MAX_LOAD = 0.8;
const GROWTH = 1.5;
/** log2 of the states per frontier chunk */
const CHUNK_SHIFT = 12;
const CHUNK = 1 << CHUNK_SHIFT;
/** the frontier's memory bound by default */
export const FRONTIER_BYTES = 256 << 20;

export interface FingerprintStoreOptions {
  statesHint?: number;
  /** frontier chunks beyond this many bytes in memory go to the spill file */
  frontierBytes?: number;
  hash?: WordHash;
}

export class FingerprintStore<S> implements StateStore<S> {
  readonly tracesByReplay = true;
  readonly mode = 'fingerprint-only';
  readonly links: DiskLinks;
  private table: Uint32Array;
  private cap: number;
  private scale: number;
  private limit: number;
  private count = 0;
  private readonly W: number;
  private readonly scratch: Uint32Array;
  private readonly fp = new Uint32Array(2);
  private readonly hash: WordHash;
  private readonly staged: Staged;
  /** what touch() read (kept, so that the reads are made) */
  private sink = 0;
  private readonly dir: { dir: string; remove(): void };
  // the frontier: chunk c holds states c*CHUNK .. (c+1)*CHUNK-1; a number is a chunk spilled at that file offset
  private readonly frontier: (Uint32Array | number | null)[] = [];
  private low = 0;
  private inMemory = 0;
  private peakFrontier = 0;
  private spillFd = -1;
  private spilled = 0;
  private readonly frontierBytes: number;
  private closed = false;

  constructor(
    private readonly m: PackedCodec<S>,
    opts: FingerprintStoreOptions = {},
  ) {
    this.W = m.WORDS;
    this.scratch = new Uint32Array(this.W);
    this.staged = new Staged(this.W);
    this.hash = opts.hash ?? fingerprint;
    this.frontierBytes = opts.frontierBytes ?? FRONTIER_BYTES;
    this.cap = Math.max(1024, Math.ceil((opts.statesHint ?? 0) / MAX_LOAD));
    this.table = new Uint32Array(this.cap * 2);
    this.scale = this.cap / 4294967296;
    this.limit = Math.floor(this.cap * MAX_LOAD);
    this.dir = scratchDir('uffdspec-fp-');
    this.links = new DiskLinks(path.join(this.dir.dir, 'links'), this.fp);
  }

  get size(): number {
    return this.count;
  }

  add(n: S): number {
    this.m.encode(n, this.scratch, 0);
    this.fingerprintScratch();
    return this.insert();
  }

  /**
   * Staged lookups (StateStore.stage, as packed-store.ts has them): every
   * lookup here reads the table at random, far outside the processor's
   * cache; staged, the reads of a batch are made together (touch).
   */
  stage(n: S): number {
    const st = this.staged;
    const o = st.next();
    this.m.encode(n, st.words, o);
    this.hash(st.words, o, this.W, this.fp);
    if (this.fp[0] === 0 && this.fp[1] === 0) this.fp[1] = 1;
    return st.keep(this.fp);
  }

  touch(): void {
    const t = this.table;
    const f = this.staged.fps;
    let x = 0;
    for (let j = 0; j < this.staged.n; j++) x ^= t[Math.floor(f[j * 2] * this.scale) * 2];
    this.sink = x;
  }

  commit(j: number): number {
    this.staged.take(j, this.scratch, this.fp);
    return this.insert();
  }

  unstage(j = 0): void {
    this.staged.n = j;
  }

  /** the words of the state added or committed last */
  get words(): Uint32Array {
    return this.scratch;
  }

  /** the table's size from which lookups are staged (StateStore.batches; a test sets 0) */
  batchFrom = lastLevelCacheBytes();

  /** whether staged lookups pay now: the table has outgrown the processor's last-level cache */
  get batches(): boolean {
    return this.table.byteLength >= this.batchFrom;
  }

  /** the scratch state, its fingerprint in this.fp: as add() answers */
  private insert(): number {
    if (this.count >= this.limit) this.grow();
    const hi = this.fp[0];
    const lo = this.fp[1];
    const t = this.table;
    let i = Math.floor(hi * this.scale);
    for (;;) {
      const h = t[i * 2];
      const l = t[i * 2 + 1];
      if (h === 0 && l === 0) break;
      // seen: explore() needs no index of a seen state when it keeps no liveness graph
      if (h === hi && l === lo) return ~0;
      if (++i === this.cap) i = 0;
    }
    t[i * 2] = hi;
    t[i * 2 + 1] = lo;
    this.append(this.count);
    return this.count++;
  }

  /** the index of a seen state: a scan of the links file (replay uses `matches`) */
  indexOf(n: S): number {
    this.m.encode(n, this.scratch, 0);
    this.fingerprintScratch();
    return this.links.find(this.fp[0], this.fp[1]);
  }

  /** whether `n` is the state filed as `i` (the same fingerprint) */
  matches(n: S, i: number): boolean {
    this.m.encode(n, this.scratch, 0);
    this.fingerprintScratch();
    return this.links.hasFingerprint(i, this.fp[0], this.fp[1]);
  }

  /** a state of the frontier; the breadth-first scan asks in index order, and the chunks before the one before are freed */
  get(i: number): S {
    const c = i >>> CHUNK_SHIFT;
    // (one chunk back is kept: explore() may expand the parents of its batch again, BATCH_PARENTS at most)
    while (this.low < c - 1) this.release(this.low++);
    let chunk = this.frontier[c];
    if (typeof chunk === 'number') chunk = this.unspill(c, chunk);
    if (!chunk) throw new Error(`internal: state ${i} is no longer on the frontier`);
    return this.m.decode(chunk, (i & (CHUNK - 1)) * this.W);
  }

  /** memory held now: the table, the frontier's chunks (the links' buffer is counted by explore() as the links') */
  get bytes(): number {
    return this.table.byteLength + this.inMemory;
  }

  /** the table at its size now and the frontier at its largest (the two need not peak together: an upper bound) */
  get peakBytes(): number {
    return this.table.byteLength + this.peakFrontier;
  }

  /** bytes written to temporary files (links, spilled frontier) */
  get diskBytes(): number {
    return this.links.diskBytes + this.spilled;
  }

  /** bytes of frontier written to the spill file */
  get spilledBytes(): number {
    return this.spilled;
  }

  /** the temporary directory, while the run lasts */
  get tempDir(): string {
    return this.dir.dir;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.links.close();
      if (this.spillFd >= 0) fs.closeSync(this.spillFd);
    } finally {
      this.dir.remove();
    }
  }

  private fingerprintScratch(): void {
    this.hash(this.scratch, 0, this.W, this.fp);
    // (0, 0) marks an empty slot
    if (this.fp[0] === 0 && this.fp[1] === 0) this.fp[1] = 1;
  }

  /** the scratch state as state `index` of the frontier */
  private append(index: number): void {
    const c = index >>> CHUNK_SHIFT;
    if (c === this.frontier.length) {
      // the chunk before is full: over the bound, it waits on disk
      if (c > 0 && this.inMemory + CHUNK * this.W * 4 > this.frontierBytes && c - 1 > this.low) this.spill(c - 1);
      this.frontier.push(new Uint32Array(CHUNK * this.W));
      this.inMemory += CHUNK * this.W * 4;
      if (this.inMemory > this.peakFrontier) this.peakFrontier = this.inMemory;
    }
    (this.frontier[c] as Uint32Array).set(this.scratch, (index & (CHUNK - 1)) * this.W);
  }

  private release(c: number): void {
    const chunk = this.frontier[c];
    if (chunk instanceof Uint32Array) this.inMemory -= chunk.byteLength;
    this.frontier[c] = null;
  }

  private spill(c: number): void {
    const chunk = this.frontier[c];
    if (!(chunk instanceof Uint32Array)) return;
    if (this.spillFd < 0) this.spillFd = fs.openSync(path.join(this.dir.dir, 'frontier'), 'w+');
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const at = this.spilled;
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.spillFd, bytes, done, bytes.length - done, at + done);
    this.spilled += bytes.length;
    this.frontier[c] = at;
    this.inMemory -= chunk.byteLength;
  }

  private unspill(c: number, at: number): Uint32Array {
    const chunk = new Uint32Array(CHUNK * this.W);
    const bytes = new Uint8Array(chunk.buffer);
    let done = 0;
    while (done < bytes.length) {
      const got = fs.readSync(this.spillFd, bytes, done, bytes.length - done, at + done);
      if (got === 0) throw new Error(`internal: the frontier file ends before chunk ${c}`);
      done += got;
    }
    this.frontier[c] = chunk;
    this.inMemory += chunk.byteLength;
    if (this.inMemory > this.peakFrontier) this.peakFrontier = this.inMemory;
    return chunk;
  }

  /** GROWTH times the slots, each fingerprint re-filed from the old table */
  private grow(): void {
    const old = this.table;
    const cap = Math.ceil(this.cap * GROWTH);
    const t = new Uint32Array(cap * 2);
    const scale = cap / 4294967296;
    for (let j = 0; j < old.length; j += 2) {
      const hi = old[j];
      const lo = old[j + 1];
      if (hi === 0 && lo === 0) continue;
      let i = Math.floor(hi * scale);
      while (t[i * 2] !== 0 || t[i * 2 + 1] !== 0) if (++i === cap) i = 0;
      t[i * 2] = hi;
      t[i * 2 + 1] = lo;
    }
    this.table = t;
    this.cap = cap;
    this.scale = scale;
    this.limit = Math.floor(cap * MAX_LOAD);
  }
}
