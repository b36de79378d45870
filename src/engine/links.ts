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
const COLUMN_SHIFT = 16;
const COLUMN_CHUNK = 1 << COLUMN_SHIFT;

/** An Int32 column in fixed-size chunks: growing never copies, and no more than one chunk is unused. */
export class Column {
  private readonly chunks: Int32Array[] = [];
  n = 0;
  push(v: number): void {
    const c = this.n >>> COLUMN_SHIFT;
    if (c === this.chunks.length) this.chunks.push(new Int32Array(COLUMN_CHUNK));
    this.chunks[c][this.n & (COLUMN_CHUNK - 1)] = v;
    this.n++;
  }
  /** push src[from .. from+n) */
  append(src: Int32Array, from: number, n: number): void {
    for (let done = 0; done < n; ) {
      const c = this.n >>> COLUMN_SHIFT;
      if (c === this.chunks.length) this.chunks.push(new Int32Array(COLUMN_CHUNK));
      const at = this.n & (COLUMN_CHUNK - 1);
      const k = Math.min(n - done, COLUMN_CHUNK - at);
      this.chunks[c].set(src.subarray(from + done, from + done + k), at);
      this.n += k;
      done += k;
    }
  }
  at(i: number): number {
    return this.chunks[i >>> COLUMN_SHIFT][i & (COLUMN_CHUNK - 1)];
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

/** Three Int32 columns in memory. */
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
