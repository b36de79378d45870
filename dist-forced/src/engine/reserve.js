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
exports.RESERVE_BYTES = exports.MAX_SHARED_BYTES = void 0;
exports.shareable = shareable;
exports.firstReserve = firstReserve;
exports.nextReserve = nextReserve;
exports.reservedBuffer = reservedBuffer;
exports.mapForWriting = mapForWriting;
// A state table's buffer is reserved larger than the table, so that the table
// doubles within it (re-filed in place) instead of into a new buffer. On this
// kind of machine (a virtual machine) memory a process has not touched before
// costs its first write dearly, and a doubling into a new buffer wrote a whole
// new table each time and freed the old one: about twice the final table's
// memory first-touched over a run (docs/architecture.md has what that cost,
// and when). A reservation costs no memory until written (the
// allocator maps it lazily; glibc's huge-page tunable still applies to it,
// which a growable buffer, mapped by V8 itself, would lose).
const os = __importStar(require("os"));
/**
 * The largest SharedArrayBuffer a message to a worker thread carries: node 20
 * drops a message that holds one of 4 GiB or more, without an error (the
 * receiving thread never hears of it).
 */
exports.MAX_SHARED_BYTES = 2 ** 32 - 2 ** 16;
/** refuses, with an error that says what to do, a shared buffer of `bytes` that no worker thread would receive */
function shareable(bytes, what) {
    if (bytes <= exports.MAX_SHARED_BYTES)
        return;
    throw new Error(`the parallel exploration's ${what} would need ${(bytes / 2 ** 30).toFixed(1)} GiB, and node's worker threads cannot share a buffer of 4 GiB or more; run with --workers 1`);
}
/** how much address space a grown table's buffer reserves: half the machine's memory, at most 8 GiB (a shared one: MAX_SHARED_BYTES) */
exports.RESERVE_BYTES = Math.min(2 ** 33, Math.floor(os.totalmem() / 2));
/**
 * The room a new table's buffer has: 16 times the table. Not RESERVE_BYTES at
 * once: V8 counts a buffer's whole length as memory outside its heap, and a
 * buffer of gigabytes cost a full garbage collection each (4 ms; the test
 * suite makes hundreds of stores). A table that outgrows it moves once, into
 * a buffer of RESERVE_BYTES.
 */
function firstReserve(bytes) {
    return Math.min(exports.RESERVE_BYTES, 16 * bytes);
}
/** the room of the buffer a table of `bytes` moves to when it has outgrown its own */
function nextReserve(bytes) {
    return Math.max(exports.RESERVE_BYTES, 2 * bytes);
}
/**
 * A buffer of at least `bytes`, `reserve` if that is more; when the system
 * refuses so much address space (a `ulimit -v`, strict overcommit), less, down
 * to `bytes` itself.
 */
function reservedBuffer(bytes, reserve, shared = true) {
    if (shared) {
        shareable(bytes, 'state table');
        reserve = Math.min(reserve, exports.MAX_SHARED_BYTES);
    }
    for (let r = Math.max(bytes, reserve);; r = Math.max(bytes, Math.floor(r / 2))) {
        try {
            return shared ? new SharedArrayBuffer(r) : new ArrayBuffer(r);
        }
        catch (e) {
            if (r === bytes)
                throw e;
        }
    }
}
/** Int32s per page of memory (4 KiB) */
const PAGE = 1024;
/**
 * Have the pages wholly within a's words [from, to) (counted on past a's
 * end, around to its start) mapped by a write, before any probe reads them:
 * a new buffer's page that is read first maps the shared zero page (with
 * transparent huge pages, the huge zero page), and the write that follows
 * replaces it: a second fault, which copies, and a flush of the other
 * threads' TLBs, an interrupt to every core that runs them (perf: 2.4% of a
 * two-worker run on the shmem spec in that flush and its interrupts; 12% of
 * a one-worker run on TwoPhase RM_COUNT=9 in `do_huge_pmd_wp_page` under the
 * table's insert). A plain store: V8's atomic add reads first. The words
 * belong to the caller alone (a part of a shared table's growth writes only
 * its own slots), so the 0 overwrites nothing; a page it shares with another
 * part is left to the probes.
 */
function mapForWriting(a, from, to) {
    const n = a.length;
    if (n % PAGE !== 0)
        return; // (a small table: pages and slots do not line up)
    if (to - from >= n)
        [from, to] = [0, n];
    for (let w = Math.ceil(from / PAGE) * PAGE; w + PAGE <= to; w += PAGE)
        a[w % n] = 0;
}
//# sourceMappingURL=reserve.js.map