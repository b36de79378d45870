// Where each state variable lives in the packed words, and the code that
// reads and writes one field: shared by the value codec (emit.ts) and the
// steps that work on the words themselves (word-steps.ts).
import type { Model } from '../dsl/ir';
import { packedWidth } from '../src/runtime/types';

export interface FieldLayout {
  name: string;
  /** first bit, counted from bit 0 of word 0 */
  bit: number;
  /** all its bits: one field, or (a map of more than 2^52 values) one field per entry, entries in key order */
  width: number;
}

export function layout(model: Model): { fields: FieldLayout[]; words: number } {
  let bit = 0;
  const fields = model.vars.map((v) => {
    const width = packedWidth(v.type);
    const f = { name: v.name, bit, width };
    bit += width;
    return f;
  });
  return { fields, words: Math.max(1, Math.ceil(bit / 32)) };
}

/** A field's pieces at word boundaries: word, offset in it, width, and the piece's weight in the field's value. */
export function pieces(f: FieldLayout): { w: number; off: number; chunk: number; scale: number }[] {
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

export const hexMask = (chunk: number) => (chunk === 32 ? '0xffffffff' : `0x${(2 ** chunk - 1).toString(16)}`);

/** Lines adding the value of field `f` of words[o..] to x (x = 0 before); widths above 32 bits use arithmetic, not shifts. */
export function readField(f: FieldLayout): string[] {
  return pieces(f).map(({ w, off, chunk, scale }) => `  x += (((w[o + ${w}] >>> ${off}) & ${hexMask(chunk)}) >>> 0)${scale === 1 ? '' : ` * ${scale}`};`);
}

/** Lines writing x into field `f` of words[o..] (`word`: the code of word k), the other bits kept. */
export function writeField(f: FieldLayout, word = (k: number) => `w[o + ${k}]`, x = 'x'): string[] {
  return pieces(f).map(({ w, off, chunk, scale }) => {
    const keep = `0x${(~((2 ** chunk - 1) * 2 ** off) >>> 0).toString(16)}`;
    // (a field of at most 32 bits holds below 2^32, so its higher pieces are shifts, which V8
    // keeps as int32 code where a division by the piece's weight was optimized again at
    // its first inexact quotient)
    const part = scale === 1 ? x : f.width <= 32 ? `(${x} >>> ${Math.log2(scale)})` : `Math.floor(${x} / ${scale})`;
    return `  ${word(w)} = ((${word(w)} & ${keep}) | ((${part} & ${hexMask(chunk)}) << ${off})) >>> 0;`.replace(`(${x} & 0xffffffff)`, `(${x} >>> 0)`);
  });
}
