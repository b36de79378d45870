"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Grow = void 0;
// A growing Int32Array: the engine's per-state and per-edge columns (parent
// links, producing steps, the liveness graph's edges) without a JS array's
// per-element cost.
class Grow {
    a;
    n = 0;
    constructor(cap = 1024) {
        this.a = new Int32Array(Math.max(1, cap));
    }
    push(v) {
        if (this.n === this.a.length) {
            const b = new Int32Array(this.a.length * 2);
            b.set(this.a);
            this.a = b;
        }
        this.a[this.n++] = v;
    }
}
exports.Grow = Grow;
//# sourceMappingURL=grow.js.map