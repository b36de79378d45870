"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Scheduler = exports.WaitQueue = exports.Task = void 0;
// Tasks are kernel paths written as generators that yield at labels; the scheduler runs
// one task one step at a time. Nothing here is random: the caller picks the task, and
// `runToQuiescence` uses a fixed order, so every run of the same ops is the same.
const labels_1 = require("./labels");
class Task {
    id;
    op;
    thread;
    label;
    blockedOn = null;
    result;
    constructor(id, 
    /** the trace op that started it (`read`, `punch`, ...) */
    op, 
    /** the user thread for memory accesses, null for syscalls issued by the harness */
    thread, make) {
        this.id = id;
        this.op = op;
        this.thread = thread;
        this.gen = make(this);
        // Run to the first yield: kernel paths do nothing observable before their first label.
        this.label = this.advance();
    }
    gen;
    get done() {
        return this.label === labels_1.DONE;
    }
    get runnable() {
        return !this.done && this.blockedOn === null;
    }
    /** Execute the step at the current label; returns the label reached. */
    step() {
        if (!this.runnable)
            throw new Error(`task ${this.id} (${this.op}) is not runnable`);
        this.label = this.advance();
        return this.label;
    }
    advance() {
        const r = this.gen.next();
        if (r.done) {
            this.result = r.value;
            return labels_1.DONE;
        }
        return r.value;
    }
}
exports.Task = Task;
/** A wait queue: `sleep` marks the task blocked, `wakeAll` makes every sleeper runnable. */
class WaitQueue {
    reason;
    sleepers = [];
    constructor(reason) {
        this.reason = reason;
    }
    sleep(task) {
        task.blockedOn = this.reason;
        this.sleepers.push(task);
    }
    wakeAll() {
        for (const t of this.sleepers)
            t.blockedOn = null;
        this.sleepers = [];
    }
    get length() {
        return this.sleepers.length;
    }
}
exports.WaitQueue = WaitQueue;
class Scheduler {
    tasks = new Map();
    nextId = 0;
    spawn(op, thread, make) {
        const task = new Task(this.nextId++, op, thread, make);
        this.tasks.set(task.id, task);
        return task;
    }
    get(id) {
        const t = this.tasks.get(id);
        if (!t)
            throw new Error(`no task ${id}`);
        return t;
    }
    /** Tasks not finished, in id order. */
    live() {
        return [...this.tasks.values()].filter((t) => !t.done);
    }
    runnable() {
        return this.live().filter((t) => t.runnable);
    }
    /** Forget finished tasks (their results have been read). */
    reap() {
        for (const [id, t] of this.tasks)
            if (t.done)
                this.tasks.delete(id);
    }
    /**
     * Run `first` until it finishes or blocks, then repeatedly the lowest-id runnable
     * task until it finishes or blocks, until nothing is runnable. Running the issuing
     * task first models a syscall that completes before the woken threads are scheduled.
     */
    runToQuiescence(first) {
        let budget = STEP_BUDGET;
        const run = (t) => {
            while (t.runnable) {
                if (--budget < 0)
                    throw new Error(`no quiescence after ${STEP_BUDGET} steps (task ${t.id} ${t.op} at ${t.label})`);
                t.step();
            }
        };
        if (first)
            run(first);
        for (;;) {
            const next = this.runnable()[0];
            if (!next)
                return;
            run(next);
        }
    }
}
exports.Scheduler = Scheduler;
/** A livelock guard: no trace op legitimately needs anywhere near this many steps. */
const STEP_BUDGET = 100000;
//# sourceMappingURL=scheduler.js.map