"use strict";
// Bit fields in the packed state words (generator/emit.ts lays them out):
// the fields of maps packed entry by entry, read and written by the emitted
// code through ops.ts, and the slices moved by the symmetry canonicalizer.
// A field of up to 52 bits may cross word boundaries; it is split there.
Object.defineProperty(exports, "__esModule", { value: true });
exports.putBits = putBits;
exports.clearBits = clearBits;
exports.getBits = getBits;
/**
 * Put the field `x` (width bits, width <= 52) at bit `bit` of words[o..]: the
 * per-entry fields of a map packed entry by entry. Fields wider than a word's
 * rest are split at word boundaries, as the emitted per-variable code does.
 */
function putBits(w, o, bit, width, x) {
    let shift = 0;
    while (width > 0) {
        const i = o + (bit >>> 5);
        const off = bit & 31;
        const chunk = Math.min(32 - off, width);
        const part = Math.floor(x / 2 ** shift) % 2 ** chunk;
        w[i] = (w[i] | (part << off)) >>> 0;
        bit += chunk;
        width -= chunk;
        shift += chunk;
    }
}
/** Zero the `width` bits at bit `bit` of words[o..] (before putBits packs a field again). */
function clearBits(w, o, bit, width) {
    while (width > 0) {
        const i = o + (bit >>> 5);
        const off = bit & 31;
        const chunk = Math.min(32 - off, width);
        const field = chunk === 32 ? 0xffffffff : ((2 ** chunk - 1) << off) >>> 0;
        w[i] = (w[i] & ~field) >>> 0;
        bit += chunk;
        width -= chunk;
    }
}
/** The field of `width` bits at bit `bit` of words[o..] (putBits's inverse). */
function getBits(w, o, bit, width) {
    let x = 0;
    let shift = 0;
    while (width > 0) {
        const i = o + (bit >>> 5);
        const off = bit & 31;
        const chunk = Math.min(32 - off, width);
        const part = chunk === 32 ? w[i] >>> 0 : (w[i] >>> off) & (2 ** chunk - 1);
        x += part * 2 ** shift;
        bit += chunk;
        width -= chunk;
        shift += chunk;
    }
    return x;
}
//# sourceMappingURL=bits.js.map