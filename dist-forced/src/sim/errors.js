"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SimError = void 0;
// The simulator's error for misuse: an op it cannot start, or a behaviour the trace
// format cannot express. The message is one line.
class SimError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SimError';
    }
}
exports.SimError = SimError;
//# sourceMappingURL=errors.js.map