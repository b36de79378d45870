// A set of 64-bit state fingerprints: open addressing with linear probing on
// typed arrays (two 32-bit halves per slot), mapping each fingerprint to the
// index of its state. Zero is the empty marker, so fingerprint 0:0 is remapped.

export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private val: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacityPow2 = 1 << 16) {
    this.hi = new Uint32Array(capacityPow2);
    this.lo = new Uint32Array(capacityPow2);
    this.val = new Int32Array(capacityPow2);
    this.mask = capacityPow2 - 1;
  }

  /** the index stored for (h, l), or -1 after storing `index` for it */
  getOrAdd(h: number, l: number, index: number): number {
    if (h === 0 && l === 0) l = 1;
    if ((this.size + 1) * 2 > this.mask) this.grow();
    let i = (l ^ Math.imul(h, 0x9e3779b1)) & this.mask;
    for (;;) {
      const sh = this.hi[i];
      const sl = this.lo[i];
      if (sh === 0 && sl === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.val[i] = index;
        this.size++;
        return -1;
      }
      if (sh === h && sl === l) return this.val[i];
      i = (i + 1) & this.mask;
    }
  }

  /** the index stored for (h, l), or -1 */
  find(h: number, l: number): number {
    if (h === 0 && l === 0) l = 1;
    let i = (l ^ Math.imul(h, 0x9e3779b1)) & this.mask;
    for (;;) {
      const sh = this.hi[i];
      const sl = this.lo[i];
      if (sh === 0 && sl === 0) return -1;
      if (sh === h && sl === l) return this.val[i];
      i = (i + 1) & this.mask;
    }
  }

  private grow() {
    const { hi, lo, val } = this;
    const cap = hi.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.getOrAdd(hi[i], lo[i], val[i]);
  }

  get bytes(): number {
    return this.hi.byteLength * 2 + this.val.byteLength;
  }
}

/** Two independent 32-bit hashes (murmur3-style mixing) of words[o .. o+n). */
export function fingerprint(w: Uint32Array, o: number, n: number, out: Uint32Array): void {
  let h1 = 0x9747b28c;
  let h2 = 0x85ebca6b ^ n;
  for (let i = 0; i < n; i++) {
    let k = w[o + i];
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= Math.imul(w[o + i] ^ (i * 0x27d4eb2d), 0x165667b1);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 = Math.imul(h2, 0x85ebca77);
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x2c1b3c6d);
  h2 ^= h2 >>> 12;
  h2 = Math.imul(h2, 0x297a2d39);
  h2 ^= h2 >>> 15;
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}
