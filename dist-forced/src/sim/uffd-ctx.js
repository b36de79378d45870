"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UffdCtx = void 0;
class UffdCtx {
    features;
    waiters = [];
    constructor(features) {
        this.features = features;
    }
    queue(task, msg) {
        task.blockedOn = 'userfault';
        this.waiters.push({ task, msg, read: false });
    }
    /**
     * read(2) of one task's message, if it is still pending (queued, not yet read): it
     * moves to the read queue like readAll's, so readAll will not return it again.
     */
    readOf(task) {
        const w = this.waiters.find((x) => x.task === task && !x.read);
        if (w === undefined)
            return null;
        w.read = true;
        return w.msg;
    }
    /** read(2) of every pending message, in queue order (the monitor never blocks on it). */
    readAll() {
        const out = [];
        for (const w of this.waiters) {
            if (!w.read) {
                w.read = true;
                out.push(w.msg);
            }
        }
        return out;
    }
    /**
     * wake_userfault over pages [lo,hi]: both pending and already-read waiters are
     * woken and removed; a message never read disappears with its waiter.
     */
    wake(lo, hi) {
        const keep = [];
        for (const w of this.waiters) {
            if (w.msg.page >= lo && w.msg.page <= hi)
                w.task.blockedOn = null;
            else
                keep.push(w);
        }
        this.waiters = keep;
    }
    isWaiting(task) {
        return this.waiters.some((w) => w.task === task);
    }
}
exports.UffdCtx = UffdCtx;
//# sourceMappingURL=uffd-ctx.js.map