"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Progress = void 0;
exports.progressIntervalMs = progressIntervalMs;
// Progress of long phases, on stderr only (stdout stays the result, so
// `--json` output is one JSON document). On a terminal: one status line
// redrawn in place, with a bar when the amount of work is known, cleared at
// the end. Otherwise: a line when a slow phase starts and a line every
// interval while work reports progress. UFFDSPEC_PROGRESS_MS sets the
// interval (default 3000 ms); 0 turns progress off.
const options_1 = require("./options");
const output_1 = require("./output");
/** UFFDSPEC_PROGRESS_MS: milliseconds between reports (default 3000; 0: none). */
function progressIntervalMs(env = process.env.UFFDSPEC_PROGRESS_MS) {
    if (env === undefined || env === '')
        return 3000;
    if (!/^\d+$/.test(env))
        throw new options_1.UsageError(`UFFDSPEC_PROGRESS_MS expects a number of milliseconds, got '${env}'`);
    return Number(env);
}
class Progress {
    intervalMs;
    tty;
    last = 0;
    drawn = false;
    constructor(intervalMs = progressIntervalMs(), tty = !!process.stderr.isTTY) {
        this.intervalMs = intervalMs;
        this.tty = tty;
    }
    get enabled() {
        return this.intervalMs > 0;
    }
    /**
     * A phase begins. On a terminal it is shown at once; elsewhere only a
     * `slow` phase gets its line (short phases would only be noise in logs).
     */
    phase(label, slow = false) {
        if (!this.enabled)
            return;
        if (this.tty)
            this.draw(`${label}…`);
        else if (slow)
            (0, output_1.stderrLine)(`uffdspec: ${label}…`);
        this.last = Date.now();
    }
    /**
     * Work in progress: `done` of `total` (a bar on a terminal) or a free text.
     * Throttled: a line at most every interval off a terminal, a redraw at most
     * every 100 ms on one.
     */
    update(text, done, total, force = false) {
        if (!this.enabled)
            return;
        const now = Date.now();
        if (!force && now - this.last < (this.tty ? 100 : this.intervalMs))
            return;
        this.last = now;
        if (this.tty) {
            const bar = total ? `[${'#'.repeat(Math.round((20 * (done ?? 0)) / total)).padEnd(20, '.')}] ` : '';
            this.draw(`${bar}${text}`);
        }
        else
            (0, output_1.stderrLine)(`Progress: ${text}`);
    }
    /** The phase is over: the status line is cleared (a terminal) and the next report starts a new interval. */
    end() {
        if (this.drawn)
            (0, output_1.stderrRaw)('\r\x1b[K');
        this.drawn = false;
        this.last = Date.now();
    }
    draw(text) {
        const width = process.stderr.columns || 100;
        (0, output_1.stderrRaw)(`\r\x1b[K${text.length >= width ? text.slice(0, width - 1) : text}`);
        this.drawn = true;
    }
}
exports.Progress = Progress;
//# sourceMappingURL=progress.js.map