"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.growableBuffer = growableBuffer;
exports.grownView = grownView;
exports.wordsOf = wordsOf;
// The arena of states' words, shared with every thread: a growable
// SharedArrayBuffer that grows in place, so that doubling it copies nothing
// (parallel.ts appends each level's winners; the threads read parents from it).
const reserve_1 = require("../reserve");
/**
 * The most a growable buffer reserves (V8 refuses more than 4 GiB; a worker never receives
 * one of 4 GiB, reserve.ts). Its address space is reserved at once and its pages are mapped
 * as they are first written, so growing copies nothing: the arena of states doubled by
 * copies, each copy writing pages never touched before.
 */
const GROWABLE_MAX = reserve_1.MAX_SHARED_BYTES;
const Sab = SharedArrayBuffer;
/** a SharedArrayBuffer of `bytes` that can grow in place up to GROWABLE_MAX */
function growableBuffer(bytes) {
    (0, reserve_1.shareable)(bytes, 'arena of states');
    return new Sab(bytes, { maxByteLength: GROWABLE_MAX });
}
/**
 * A view of `a`'s buffer at `words` words, grown in place when it can (its first `keep`
 * words are then where they were), else a copy into a new buffer. Views are of a fixed
 * length: a view that tracks a growable buffer's length is read on a slower path.
 */
function grownView(a, words, keep) {
    const sab = a.buffer;
    if (sab.growable && 4 * words <= sab.maxByteLength) {
        sab.grow(4 * words);
        return new Uint32Array(sab, 0, words);
    }
    const b = wordsOf(growableBuffer(4 * words));
    b.set(a.subarray(0, keep));
    return b;
}
/** a fixed-length view of all of a (maybe growable) shared buffer */
function wordsOf(sab) {
    return new Uint32Array(sab, 0, sab.byteLength >>> 2);
}
//# sourceMappingURL=arena.js.map