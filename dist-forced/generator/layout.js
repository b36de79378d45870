"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hexMask = void 0;
exports.layout = layout;
exports.pieces = pieces;
exports.readField = readField;
exports.writeField = writeField;
const types_1 = require("../src/runtime/types");
function layout(model) {
    let bit = 0;
    const fields = model.vars.map((v) => {
        const width = (0, types_1.packedWidth)(v.type);
        const f = { name: v.name, bit, width };
        bit += width;
        return f;
    });
    return { fields, words: Math.max(1, Math.ceil(bit / 32)) };
}
/** A field's pieces at word boundaries: word, offset in it, width, and the piece's weight in the field's value. */
function pieces(f) {
    const out = [];
    let bit = f.bit;
    let remaining = f.width;
    let shift = 0;
    while (remaining > 0) {
        const off = bit & 31;
        const chunk = Math.min(32 - off, remaining);
        out.push({ w: bit >> 5, off, chunk, scale: 2 ** shift });
        bit += chunk;
        remaining -= chunk;
        shift += chunk;
    }
    return out;
}
const hexMask = (chunk) => (chunk === 32 ? '0xffffffff' : `0x${(2 ** chunk - 1).toString(16)}`);
exports.hexMask = hexMask;
/** Lines adding the value of field `f` of words[o..] to x (x = 0 before); widths above 32 bits use arithmetic, not shifts. */
function readField(f) {
    return pieces(f).map(({ w, off, chunk, scale }) => `  x += (((w[o + ${w}] >>> ${off}) & ${(0, exports.hexMask)(chunk)}) >>> 0)${scale === 1 ? '' : ` * ${scale}`};`);
}
/** Lines writing x into field `f` of words[o..] (`word`: the code of word k), the other bits kept. */
function writeField(f, word = (k) => `w[o + ${k}]`, x = 'x') {
    return pieces(f).map(({ w, off, chunk, scale }) => {
        const keep = `0x${(~((2 ** chunk - 1) * 2 ** off) >>> 0).toString(16)}`;
        return `  ${word(w)} = ((${word(w)} & ${keep}) | ((${scale === 1 ? x : `Math.floor(${x} / ${scale})`} & ${(0, exports.hexMask)(chunk)}) << ${off})) >>> 0;`.replace(`(${x} & 0xffffffff)`, `(${x} >>> 0)`);
    });
}
//# sourceMappingURL=layout.js.map