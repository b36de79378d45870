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
exports.Staged = void 0;
exports.lastLevelCacheBytes = lastLevelCacheBytes;
// The lookups a store has staged (StateStore.stage, explore.ts): each
// state's packed words and its two hashes, in staging order, until the
// batch is committed.
const fs = __importStar(require("fs"));
class Staged {
    W;
    words = new Uint32Array(0);
    /** state j's two hashes at 2j, 2j + 1 */
    fps = new Uint32Array(0);
    n = 0;
    constructor(W) {
        this.W = W;
    }
    /** where the next state's words go in `words` (made room for) */
    next() {
        const { W, n } = this;
        if ((n + 1) * W > this.words.length || (n + 1) * 2 > this.fps.length) {
            const cap = Math.max(64, n * 2);
            const words = new Uint32Array(cap * W);
            words.set(this.words);
            this.words = words;
            const fps = new Uint32Array(cap * 2);
            fps.set(this.fps);
            this.fps = fps;
        }
        return n * W;
    }
    /** the state whose words next() placed is staged, with its hashes */
    keep(fp) {
        const j = this.n++;
        this.fps[j * 2] = fp[0];
        this.fps[j * 2 + 1] = fp[1];
        return j;
    }
    /** staged state j: its words to dest[0 ..), its hashes to fp */
    take(j, dest, fp) {
        const W = this.W;
        for (let k = 0; k < W; k++)
            dest[k] = this.words[j * W + k];
        fp[0] = this.fps[j * 2];
        fp[1] = this.fps[j * 2 + 1];
    }
}
exports.Staged = Staged;
/**
 * The processor's last-level cache, in bytes (Linux sysfs; 32 MiB where it
 * cannot be read). A store of states kept in their slots stages its lookups
 * once its table outgrows it: before, a lookup's read is answered from the
 * cache and staging only adds work (TwoPhase RM_COUNT=9, a 192 MiB table
 * inside this machine's 260 MiB: 1.03-1.05x user time staged; RM_COUNT=10,
 * 1.5 GiB: 0.89x).
 */
function lastLevelCacheBytes() {
    if (cached !== undefined)
        return cached;
    cached = 32 << 20;
    try {
        const dir = '/sys/devices/system/cpu/cpu0/cache';
        let level = 0;
        for (const e of fs.readdirSync(dir)) {
            if (!e.startsWith('index'))
                continue;
            const l = Number(fs.readFileSync(`${dir}/${e}/level`, 'utf8'));
            const m = /^(\d+)([KMG]?)/.exec(fs.readFileSync(`${dir}/${e}/size`, 'utf8').trim());
            if (!m || !(l > level))
                continue;
            level = l;
            cached = Number(m[1]) * (m[2] === 'G' ? 2 ** 30 : m[2] === 'M' ? 2 ** 20 : m[2] === 'K' ? 1024 : 1);
        }
    }
    catch {
        // (not Linux, or no cache information: the default)
    }
    return cached;
}
let cached;
//# sourceMappingURL=staging.js.map