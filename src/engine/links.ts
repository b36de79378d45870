// Per-state trace links: each distinct state's parent (its index; -1 for an
// initial state) and the step that produced it (action, combo). explore()
// follows them back from a violating state to build a shortest
// counterexample. Two homes: columns in memory (the default; liveness.ts
// reads them as arrays), or an append-only file of fixed-size records that
// also holds each state's 64-bit fingerprint (--fingerprint-only, where
// memory holds no state but the frontier).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface TraceLinks {
  /** the links of the next state (the one the store has just added) */
  push(parent: number, action: number, combo: number): void;
  parent(i: number): number;
  action(i: number): number;
  combo(i: number): number;
  /** memory held, in bytes */
  readonly bytes: number;
}

/** log2 of the values per column chunk */
export const COLUMN_SHIFT = 16;
const COLUMN_CHUNK = 1 << COLUMN_SHIFT;

/**
 * Chunks first .. first+k-1 of a column (their buffers shared): where the
 * parallel engine's threads write the links of a level's new states
 * (parallel/winners.ts), value i in chunks[(i >>> COLUMN_SHIFT) - first].
 */
export interface ColumnPart {
  first: number;
  chunks: Int32Array[];
}

/** chunks a column's slab holds (64 MiB of address space, mapped as written) */
export const SLAB_CHUNKS = 256;

/** ES2024's growable SharedArrayBuffer (Node 20 has it; the project's lib is ES2022) */
type Growable = SharedArrayBuffer & { grow(bytes: number): void };
const Sab = SharedArrayBuffer as unknown as new (bytes: number, opts: { maxByteLength: number }) => Growable;

/**
 * An Int32 column in fixed-size chunks: growing never copies, and no more
 * than one chunk is unused. The chunks are views of growable
 * SharedArrayBuffers (slabs of SLAB_CHUNKS chunks, each grown a chunk at a
 * time), which other threads may fill (part(), then setLength()).
 * - Not one plain SharedArrayBuffer a chunk: node allocates those with
 *   calloc, which on the calling thread cleared memory glibc had mapped for
 *   huge pages, and the parallel engine makes a level's chunks on the main
 *   thread while the other threads wait: on the shmem spec at PAGES=3
 *   THREADS=3 with two workers, 195-238 ms a run (0.7 ms a chunk) went
 *   there; a slab's new pages are first touched by the threads that write
 *   the links (winners.ts), in 2 ms of the main thread's time.
 * - Not plain ArrayBuffers with one thread either: V8 maps a slab itself, in
 *   small pages, out of reach of glibc's huge-page tunable. The links are
 *   written in order and read only for a counterexample, so huge pages save
 *   them no TLB misses, and on this kind of machine (a virtual machine) a
 *   huge page the system has not handed out lately costs its first write
 *   about 2 ms a MiB against 0.4 in small pages: Counters K=70 (2.4·10^7
 *   states, 12 B of links a state) ran 0.964x the time, the system time
 *   0.62 s against 1.05 (docs/architecture.md). (Resizable ArrayBuffers, the
 *   other buffers V8 maps itself, are read on a slower path: 1.09x the user
 *   time, measured 2026-12-04.)
 */
export class Column {
  private readonly chunks: Int32Array[] = [];
  n = 0;
  private slab: Growable | null = null;
  /** chunks in the current slab */
  private inSlab = 0;
  /** `slabChunks`: chunks per slab (a test's small slabs) */
  constructor(private readonly slabChunks = SLAB_CHUNKS) {}
  private chunk(): Int32Array {
    const bytes = 4 * COLUMN_CHUNK;
    if (this.slab === null || this.inSlab === this.slabChunks) {
      this.slab = new Sab(bytes, { maxByteLength: bytes * this.slabChunks });
      this.inSlab = 0;
    } else this.slab.grow(bytes * (this.inSlab + 1));
    return new Int32Array(this.slab, bytes * this.inSlab++, COLUMN_CHUNK);
  }
  push(v: number): void {
    const c = this.n >>> COLUMN_SHIFT;
    if (c === this.chunks.length) this.chunks.push(this.chunk());
    this.chunks[c][this.n & (COLUMN_CHUNK - 1)] = v;
    this.n++;
  }
  at(i: number): number {
    return this.chunks[i >>> COLUMN_SHIFT][i & (COLUMN_CHUNK - 1)];
  }
  /** the chunks that hold values [from, to), made as needed (their memory is touched by whoever writes it) */
  part(from: number, to: number): ColumnPart {
    const first = from >>> COLUMN_SHIFT;
    if (to <= from) return { first, chunks: [] };
    const last = (to - 1) >>> COLUMN_SHIFT;
    while (this.chunks.length <= last) this.chunks.push(this.chunk());
    return { first, chunks: this.chunks.slice(first, last + 1) };
  }
  /** append src's first n values: whole chunks at once when this column ends at a chunk's end (as an empty one does) */
  append(src: Column, n: number): void {
    const start = this.n;
    if ((start & (COLUMN_CHUNK - 1)) !== 0) {
      for (let i = 0; i < n; i++) this.push(src.at(i));
      return;
    }
    const part = this.part(start, start + n);
    for (let k = 0; k * COLUMN_CHUNK < n; k++) part.chunks[k].set(src.chunks[k].subarray(0, Math.min(COLUMN_CHUNK, n - k * COLUMN_CHUNK)));
    this.n = start + n;
  }
  /** the column holds n values, the ones written through part() included */
  setLength(n: number): void {
    if (n > this.chunks.length << COLUMN_SHIFT) throw new Error(`internal error: a column of ${this.chunks.length} chunks cannot hold ${n} values`);
    this.n = n;
  }
  /** the values as one array (a copy: for the liveness check, which indexes them directly) */
  toArray(): Int32Array {
    const out = new Int32Array(this.n);
    this.chunks.forEach((c, k) => out.set(c.subarray(0, Math.min(COLUMN_CHUNK, this.n - k * COLUMN_CHUNK)), k * COLUMN_CHUNK));
    return out;
  }
  get bytes(): number {
    return this.chunks.length * COLUMN_CHUNK * 4;
  }
}

/** Three Int32 columns in memory (of shared chunks: Column). */
export class MemoryLinks implements TraceLinks {
  readonly parents = new Column();
  readonly actions = new Column();
  readonly combos = new Column();
  push(parent: number, action: number, combo: number): void {
    this.parents.push(parent);
    this.actions.push(action);
    this.combos.push(combo);
  }
  parent(i: number): number {
    return this.parents.at(i);
  }
  action(i: number): number {
    return this.actions.at(i);
  }
  combo(i: number): number {
    return this.combos.at(i);
  }
  get bytes(): number {
    return this.parents.bytes + this.actions.bytes + this.combos.bytes;
  }
}

/** int32 fields of a record: parent, action, combo, fingerprint hi, fingerprint lo */
const FIELDS = 5;
const RECORD_BYTES = FIELDS * 4;
/** records buffered in memory before a write */
const BUFFERED = 1 << 14;

/** A scratch directory of our own under the system's temporary directory, removed by `remove`. */
export function scratchDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The links on disk: one record of FIELDS int32 per state, in index order,
 * written in blocks of BUFFERED records; a record not yet written is read
 * from the buffer. `fp` is where the store leaves the fingerprint of the
 * state it has just added, written with its links.
 */
export class DiskLinks implements TraceLinks {
  private readonly fd: number;
  private readonly buf = new Int32Array(BUFFERED * FIELDS);
  private readonly bufBytes = new Uint8Array(this.buf.buffer);
  private buffered = 0;
  /** records written to the file */
  private written = 0;
  private readonly one = new Int32Array(FIELDS);

  constructor(
    readonly file: string,
    private readonly fp: Uint32Array,
  ) {
    this.fd = fs.openSync(file, 'w+');
  }

  push(parent: number, action: number, combo: number): void {
    const o = this.buffered * FIELDS;
    this.buf[o] = parent;
    this.buf[o + 1] = action;
    this.buf[o + 2] = combo;
    this.buf[o + 3] = this.fp[0] | 0;
    this.buf[o + 4] = this.fp[1] | 0;
    if (++this.buffered === BUFFERED) this.flush();
  }

  private flush(): void {
    const bytes = this.buffered * RECORD_BYTES;
    let done = 0;
    while (done < bytes) done += fs.writeSync(this.fd, this.bufBytes, done, bytes - done, this.written * RECORD_BYTES + done);
    this.written += this.buffered;
    this.buffered = 0;
  }

  /** record i's field k */
  private field(i: number, k: number): number {
    if (i >= this.written) return this.buf[(i - this.written) * FIELDS + k];
    const bytes = new Uint8Array(this.one.buffer);
    let done = 0;
    while (done < RECORD_BYTES) {
      const got = fs.readSync(this.fd, bytes, done, RECORD_BYTES - done, i * RECORD_BYTES + done);
      if (got === 0) throw new Error(`internal: the links file ${this.file} ends before record ${i}`);
      done += got;
    }
    return this.one[k];
  }

  parent(i: number): number {
    return this.field(i, 0);
  }
  action(i: number): number {
    return this.field(i, 1);
  }
  combo(i: number): number {
    return this.field(i, 2);
  }
  /** whether state i's fingerprint is (hi, lo) */
  hasFingerprint(i: number, hi: number, lo: number): boolean {
    return this.field(i, 3) === (hi | 0) && this.field(i, 4) === (lo | 0);
  }

  /** the first state whose fingerprint is (hi, lo), or -1: a scan of every record */
  find(hi: number, lo: number): number {
    const total = this.written + this.buffered;
    const block = new Int32Array(BUFFERED * FIELDS);
    const bytes = new Uint8Array(block.buffer);
    for (let first = 0; first < this.written; first += BUFFERED) {
      const n = Math.min(BUFFERED, this.written - first);
      let done = 0;
      while (done < n * RECORD_BYTES) done += fs.readSync(this.fd, bytes, done, n * RECORD_BYTES - done, first * RECORD_BYTES + done);
      for (let r = 0; r < n; r++) if (block[r * FIELDS + 3] === (hi | 0) && block[r * FIELDS + 4] === (lo | 0)) return first + r;
    }
    for (let i = this.written; i < total; i++) if (this.hasFingerprint(i, hi, lo)) return i;
    return -1;
  }

  get bytes(): number {
    return this.buf.byteLength;
  }

  get diskBytes(): number {
    return this.written * RECORD_BYTES;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
