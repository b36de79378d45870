// The arena of states' words, shared with every thread: a growable
// SharedArrayBuffer that grows in place, so that doubling it copies nothing
// (parallel.ts appends each level's winners; the threads read parents from it).
import { MAX_SHARED_BYTES, shareable } from '../reserve';

/**
 * The most a growable buffer reserves (V8 refuses more than 4 GiB; a worker never receives
 * one of 4 GiB, reserve.ts). Its address space is reserved at once and its pages are mapped
 * as they are first written, so growing copies nothing: the arena of states doubled by
 * copies, each copy writing pages never touched before.
 */
const GROWABLE_MAX = MAX_SHARED_BYTES;

/** ES2024's growable SharedArrayBuffer (Node 20 has it; the project's lib is ES2022) */
type Growable = SharedArrayBuffer & { readonly growable: boolean; readonly maxByteLength: number; grow(bytes: number): void };
const Sab = SharedArrayBuffer as unknown as new (bytes: number, opts?: { maxByteLength: number }) => Growable;

/** a SharedArrayBuffer of `bytes` that can grow in place up to GROWABLE_MAX; `what` it holds, for the error past it */
export function growableBuffer(bytes: number, what = 'arena of states'): SharedArrayBuffer {
  shareable(bytes, what);
  return new Sab(bytes, { maxByteLength: GROWABLE_MAX });
}

/**
 * A view of `a`'s buffer at `words` words, grown in place when it can (its first `keep`
 * words are then where they were), else a copy into a new buffer. Views are of a fixed
 * length: a view that tracks a growable buffer's length is read on a slower path.
 */
export function grownView(a: Uint32Array<SharedArrayBuffer>, words: number, keep: number, what?: string): Uint32Array<SharedArrayBuffer> {
  const sab = a.buffer as Growable;
  if (sab.growable && 4 * words <= sab.maxByteLength) {
    sab.grow(4 * words);
    return new Uint32Array(sab, 0, words);
  }
  const b = wordsOf(growableBuffer(4 * words, what));
  b.set(a.subarray(0, keep));
  return b;
}

/** a fixed-length view of all of a (maybe growable) shared buffer */
export function wordsOf(sab: SharedArrayBuffer): Uint32Array<SharedArrayBuffer> {
  return new Uint32Array(sab, 0, sab.byteLength >>> 2);
}
