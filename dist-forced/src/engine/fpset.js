"use strict";
// State fingerprints: two independent 32-bit hashes of a state's packed
// words. packed-store.ts uses one as a tag and one as a slot; fingerprint-
// store.ts keeps both as the state's 64-bit identity.
Object.defineProperty(exports, "__esModule", { value: true });
exports.fingerprint = fingerprint;
// (a module binding: inside a vm context, as under jest, every lookup of a
// global such as Math goes through the context's interceptor: a million
// fingerprints took 4.6 s there, 15 ms in plain node)
const Math = globalThis.Math;
/** Two independent 32-bit hashes (murmur3-style mixing) of words[o .. o+n). */
function fingerprint(w, o, n, out) {
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
//# sourceMappingURL=fpset.js.map