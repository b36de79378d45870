// The floor of a quotient of ordinals, in the form V8 keeps optimized.
//
// V8 compiles a division it has only seen come out exact as an int32
// division, and throws that code away at the first inexact one ("lost
// precision"); `Math.floor(a / b)` is such a division, so every step function
// that takes an ordinal apart was optimized again, in each thread. For
// 0 <= a < 2^31 the quotient truncated to int32 is its floor, and `(a / b) | 0`
// is compiled as the int32 division it is from the start.

/** ordinals below this have their quotients truncated by `| 0` */
export const MAX_ORD = 2 ** 31;

/** The code of floor(num / den), for 0 <= num < bound (a type's size or a field's range). */
export function quotient(num: string, den: string | number, bound: number): string {
  return bound <= MAX_ORD ? `((${num} / ${den}) | 0)` : `Math.floor(${num} / ${den})`;
}
