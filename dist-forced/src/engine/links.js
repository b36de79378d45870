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
exports.DiskLinks = exports.MemoryLinks = exports.Column = exports.COLUMN_SHIFT = void 0;
exports.scratchDir = scratchDir;
// Per-state trace links: each distinct state's parent (its index; -1 for an
// initial state) and the step that produced it (action, combo). explore()
// follows them back from a violating state to build a shortest
// counterexample. Two homes: columns in memory (the default; liveness.ts
// reads them as arrays), or an append-only file of fixed-size records that
// also holds each state's 64-bit fingerprint (--fingerprint-only, where
// memory holds no state but the frontier).
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
/** log2 of the values per column chunk */
exports.COLUMN_SHIFT = 16;
const COLUMN_CHUNK = 1 << exports.COLUMN_SHIFT;
/**
 * An Int32 column in fixed-size chunks: growing never copies, and no more
 * than one chunk is unused. `shared`: the chunks are SharedArrayBuffers, which
 * other threads fill (part(), then setLength()).
 */
class Column {
    shared;
    chunks = [];
    n = 0;
    constructor(shared = false) {
        this.shared = shared;
    }
    chunk() {
        return this.shared ? new Int32Array(new SharedArrayBuffer(4 * COLUMN_CHUNK)) : new Int32Array(COLUMN_CHUNK);
    }
    push(v) {
        const c = this.n >>> exports.COLUMN_SHIFT;
        if (c === this.chunks.length)
            this.chunks.push(this.chunk());
        this.chunks[c][this.n & (COLUMN_CHUNK - 1)] = v;
        this.n++;
    }
    at(i) {
        return this.chunks[i >>> exports.COLUMN_SHIFT][i & (COLUMN_CHUNK - 1)];
    }
    /** the chunks that hold values [from, to), made as needed (their memory is touched by whoever writes it) */
    part(from, to) {
        const first = from >>> exports.COLUMN_SHIFT;
        if (to <= from)
            return { first, chunks: [] };
        const last = (to - 1) >>> exports.COLUMN_SHIFT;
        while (this.chunks.length <= last)
            this.chunks.push(this.chunk());
        return { first, chunks: this.chunks.slice(first, last + 1) };
    }
    /** the column holds n values, the ones written through part() included */
    setLength(n) {
        if (n > this.chunks.length << exports.COLUMN_SHIFT)
            throw new Error(`internal error: a column of ${this.chunks.length} chunks cannot hold ${n} values`);
        this.n = n;
    }
    /** the values as one array (a copy: for the liveness check, which indexes them directly) */
    toArray() {
        const out = new Int32Array(this.n);
        this.chunks.forEach((c, k) => out.set(c.subarray(0, Math.min(COLUMN_CHUNK, this.n - k * COLUMN_CHUNK)), k * COLUMN_CHUNK));
        return out;
    }
    get bytes() {
        return this.chunks.length * COLUMN_CHUNK * 4;
    }
}
exports.Column = Column;
/** Three Int32 columns in memory (of shared chunks: Column). */
class MemoryLinks {
    parents;
    actions;
    combos;
    constructor(shared = false) {
        this.parents = new Column(shared);
        this.actions = new Column(shared);
        this.combos = new Column(shared);
    }
    push(parent, action, combo) {
        this.parents.push(parent);
        this.actions.push(action);
        this.combos.push(combo);
    }
    parent(i) {
        return this.parents.at(i);
    }
    action(i) {
        return this.actions.at(i);
    }
    combo(i) {
        return this.combos.at(i);
    }
    get bytes() {
        return this.parents.bytes + this.actions.bytes + this.combos.bytes;
    }
}
exports.MemoryLinks = MemoryLinks;
/** int32 fields of a record: parent, action, combo, fingerprint hi, fingerprint lo */
const FIELDS = 5;
const RECORD_BYTES = FIELDS * 4;
/** records buffered in memory before a write */
const BUFFERED = 1 << 14;
/** A scratch directory of our own under the system's temporary directory, removed by `remove`. */
function scratchDir(prefix) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
/**
 * The links on disk: one record of FIELDS int32 per state, in index order,
 * written in blocks of BUFFERED records; a record not yet written is read
 * from the buffer. `fp` is where the store leaves the fingerprint of the
 * state it has just added, written with its links.
 */
class DiskLinks {
    file;
    fp;
    fd;
    buf = new Int32Array(BUFFERED * FIELDS);
    bufBytes = new Uint8Array(this.buf.buffer);
    buffered = 0;
    /** records written to the file */
    written = 0;
    one = new Int32Array(FIELDS);
    constructor(file, fp) {
        this.file = file;
        this.fp = fp;
        this.fd = fs.openSync(file, 'w+');
    }
    push(parent, action, combo) {
        const o = this.buffered * FIELDS;
        this.buf[o] = parent;
        this.buf[o + 1] = action;
        this.buf[o + 2] = combo;
        this.buf[o + 3] = this.fp[0] | 0;
        this.buf[o + 4] = this.fp[1] | 0;
        if (++this.buffered === BUFFERED)
            this.flush();
    }
    flush() {
        const bytes = this.buffered * RECORD_BYTES;
        let done = 0;
        while (done < bytes)
            done += fs.writeSync(this.fd, this.bufBytes, done, bytes - done, this.written * RECORD_BYTES + done);
        this.written += this.buffered;
        this.buffered = 0;
    }
    /** record i's field k */
    field(i, k) {
        if (i >= this.written)
            return this.buf[(i - this.written) * FIELDS + k];
        const bytes = new Uint8Array(this.one.buffer);
        let done = 0;
        while (done < RECORD_BYTES) {
            const got = fs.readSync(this.fd, bytes, done, RECORD_BYTES - done, i * RECORD_BYTES + done);
            if (got === 0)
                throw new Error(`internal: the links file ${this.file} ends before record ${i}`);
            done += got;
        }
        return this.one[k];
    }
    parent(i) {
        return this.field(i, 0);
    }
    action(i) {
        return this.field(i, 1);
    }
    combo(i) {
        return this.field(i, 2);
    }
    /** whether state i's fingerprint is (hi, lo) */
    hasFingerprint(i, hi, lo) {
        return this.field(i, 3) === (hi | 0) && this.field(i, 4) === (lo | 0);
    }
    /** the first state whose fingerprint is (hi, lo), or -1: a scan of every record */
    find(hi, lo) {
        const total = this.written + this.buffered;
        const block = new Int32Array(BUFFERED * FIELDS);
        const bytes = new Uint8Array(block.buffer);
        for (let first = 0; first < this.written; first += BUFFERED) {
            const n = Math.min(BUFFERED, this.written - first);
            let done = 0;
            while (done < n * RECORD_BYTES)
                done += fs.readSync(this.fd, bytes, done, n * RECORD_BYTES - done, first * RECORD_BYTES + done);
            for (let r = 0; r < n; r++)
                if (block[r * FIELDS + 3] === (hi | 0) && block[r * FIELDS + 4] === (lo | 0))
                    return first + r;
        }
        for (let i = this.written; i < total; i++)
            if (this.hasFingerprint(i, hi, lo))
                return i;
        return -1;
    }
    get bytes() {
        return this.buf.byteLength;
    }
    get diskBytes() {
        return this.written * RECORD_BYTES;
    }
    close() {
        fs.closeSync(this.fd);
    }
}
exports.DiskLinks = DiskLinks;
//# sourceMappingURL=links.js.map