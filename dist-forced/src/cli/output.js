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
exports.ClosedStdout = void 0;
exports.stdoutLine = stdoutLine;
exports.stderrLine = stderrLine;
exports.stderrRaw = stderrRaw;
// Standard output and error for the commands. Lines are written
// synchronously, so a run that ends prints everything it said; when the
// reader of stdout has gone (`uffdspec check ... | head -1`), the next write
// throws ClosedStdout and the command ends quietly with exit 141, as grep and
// git do (they die of SIGPIPE, which the shell reports as 128 + 13).
const fs = __importStar(require("fs"));
class ClosedStdout extends Error {
    constructor() {
        super('standard output was closed');
    }
}
exports.ClosedStdout = ClosedStdout;
let stdoutClosed = false;
function writeAll(fd, text) {
    const buf = Buffer.from(text);
    let off = 0;
    let waits = 0;
    while (off < buf.length) {
        try {
            off += fs.writeSync(fd, buf, off);
            waits = 0;
        }
        catch (e) {
            const code = e.code;
            // a non-blocking pipe that is full: wait for the reader, bounded (60 s in all)
            if (code === 'EAGAIN' && waits < 60000) {
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
                waits++;
                continue;
            }
            throw e;
        }
    }
}
function stdoutLine(s) {
    if (stdoutClosed)
        throw new ClosedStdout();
    try {
        writeAll(1, s + '\n');
    }
    catch (e) {
        if (e.code === 'EPIPE') {
            stdoutClosed = true;
            throw new ClosedStdout();
        }
        throw e;
    }
}
function stderrLine(s) {
    try {
        writeAll(2, s + '\n');
    }
    catch {
        // stderr closed: there is nowhere left to report to
    }
}
/** Text written to stderr without a newline (a progress line redrawn in place). */
function stderrRaw(s) {
    try {
        writeAll(2, s);
    }
    catch {
        // as above
    }
}
// Anything written through process.stdout (not these functions) that meets a
// closed pipe ends the run the same way, instead of an unhandled 'error'.
process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE')
        process.exit(141);
});
//# sourceMappingURL=output.js.map