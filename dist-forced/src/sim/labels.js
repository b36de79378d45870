"use strict";
// The yield points of the kernel paths. A label names the atomic step a task is about
// to execute (PlusCal style): stepping a task at label L runs L's step and stops at the
// next label. The names follow the kernel functions so they can be matched with the
// spec's process labels when a counterexample is replayed.
Object.defineProperty(exports, "__esModule", { value: true });
exports.DONE = void 0;
/** What `step` returns once a task has nothing left to run. */
exports.DONE = 'done';
//# sourceMappingURL=labels.js.map