"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Sim = exports.SimError = void 0;
exports.variantOf = variantOf;
exports.makeVariant = makeVariant;
const trace_1 = require("../../conformance/trace");
const kernel_1 = require("./kernel");
const errors_1 = require("./errors");
Object.defineProperty(exports, "SimError", { enumerable: true, get: function () { return errors_1.SimError; } });
const memory_1 = require("./memory");
const pagemap_1 = require("./pagemap");
const scheduler_1 = require("./scheduler");
const shmem_1 = require("./shmem");
const uffd_ioctl_1 = require("./uffd-ioctl");
const variants_1 = require("../../spec/shmem_uffd/variants");
class Sim {
    kernel;
    threads;
    sched = new scheduler_1.Scheduler();
    /** per thread: the access it is executing, if any */
    current;
    last;
    constructor(opts) {
        if (!Number.isInteger(opts.pages) || opts.pages < 1)
            throw new errors_1.SimError(`pages: expected a positive integer, got ${opts.pages}`);
        if (!Number.isInteger(opts.threads) || opts.threads < 1)
            throw new errors_1.SimError(`threads: expected a positive integer, got ${opts.threads}`);
        const mappings = opts.mappings ?? 1;
        if (typeof mappings === 'number') {
            if (!Number.isInteger(mappings) || mappings < 1 || mappings > kernel_1.MAX_MAPPINGS)
                throw new errors_1.SimError(`mappings: expected an integer in 1..${kernel_1.MAX_MAPPINGS}, got ${mappings}`);
        }
        else {
            if (mappings.length < 1 || mappings.length > kernel_1.MAX_MAPPINGS)
                throw new errors_1.SimError(`mappings: expected 1..${kernel_1.MAX_MAPPINGS} mappings, got ${mappings.length}`);
            mappings.forEach((g, i) => {
                this.checkRange(`mappings[${i}].offset`, g.offset, 0, opts.pages - 1);
                this.checkRange(`mappings[${i}].length`, g.length, 1, opts.pages - g.offset);
                if (g.pteIndex !== undefined)
                    this.checkRange(`mappings[${i}].pteIndex`, g.pteIndex, 0, kernel_1.PTRS_PER_PTE - 1);
            });
        }
        const size = this.checkRange('size', opts.size ?? opts.pages, 0, opts.pages);
        this.kernel = new kernel_1.Kernel(makeVariant(opts.variant), opts.pages, mappings, size);
        this.threads = opts.threads;
        this.current = new Array(opts.threads).fill(null);
        this.last = new Array(opts.threads).fill(undefined);
        const fill = opts.fill ?? [];
        if (fill.length > opts.pages)
            throw new errors_1.SimError(`fill: ${fill.length} values for ${opts.pages} pages`);
        fill.forEach((v, i) => {
            if (v !== 0 && i >= size)
                throw new errors_1.SimError(`fill[${i}]: page ${i} is past EOF (size ${size}): it must be 0`);
            if (v !== 0)
                this.kernel.mapping.addFolio(i, v).dirty = true;
        });
    }
    /** The system a trace describes, in its initial state. */
    static fromTrace(trace) {
        return new Sim({
            pages: trace.pages,
            threads: trace.threads,
            mappings: (0, trace_1.mappingsOf)(trace),
            size: (0, trace_1.sizeOf)(trace),
            variant: variantOf(trace.constants),
            fill: trace.initial.fill,
        });
    }
    get variant() {
        return this.kernel.variant;
    }
    /** Run one trace op to quiescence and observe; the monitor reads every pending message. */
    apply(op) {
        const task = this.sched.get(this.start(op));
        this.sched.runToQuiescence(task);
        const result = this.resultOf(task);
        const snap = this.observe();
        this.sched.reap();
        return { result, ...snap };
    }
    /** Create the task for an op, stopped at its first label; returns its id. */
    start(op) {
        this.syncThreads();
        const k = this.kernel;
        // file pages: anywhere in the file for a syscall on the fd, inside the mapping for
        // an access, a madvise or a uffd ioctl (an address outside it is another VMA's)
        const page = (p, m) => this.checkRange('page', p, m?.vm_pgoff ?? 0, m ? m.vm_pgoff + m.vm_pages - 1 : k.pages - 1);
        const range = (lo, hi, m) => {
            const last = m ? m.vm_pgoff + m.vm_pages - 1 : k.pages - 1;
            this.checkRange('lo', lo, m?.vm_pgoff ?? 0, last);
            this.checkRange('hi', hi, lo, last);
        };
        let make;
        let thread = null;
        switch (op.op) {
            case 'read':
            case 'write': {
                thread = this.checkRange('thread', op.thread, 0, this.threads - 1);
                if (this.current[thread] !== null)
                    throw new errors_1.SimError(`thread ${thread} is still in an access (task ${this.current[thread].id})`);
                const m = this.mappedVmaOf(op.op, op.mapping);
                page(op.page, m);
                const write = op.op === 'write';
                const value = op.op === 'write' ? op.value : 0;
                make = (t) => (0, memory_1.handle_access)(k, m, t, op.page, write, value);
                break;
            }
            case 'pread':
                page(op.page);
                make = (t) => (0, shmem_1.shmem_file_read)(k, t, op.page);
                break;
            case 'pwrite':
                page(op.page);
                make = (t) => (0, shmem_1.shmem_file_write)(k, t, op.page, op.value);
                break;
            case 'punch':
                range(op.lo, op.hi);
                make = (t) => (0, shmem_1.shmem_fallocate_punch)(k, t, op.lo, op.hi);
                break;
            case 'madvise': {
                const m = this.mappedVmaOf(op.op, op.mapping);
                range(op.lo, op.hi, m);
                // MADV_REMOVE drops mmap_lock and calls vfs_fallocate(PUNCH_HOLE|KEEP_SIZE) at
                // vm_pgoff + the offset in the VMA, i.e. the file pages the op names: a punch of
                // the file, seen by every mapping.
                if (op.advice === 'REMOVE')
                    make = (t) => (0, shmem_1.shmem_fallocate_punch)(k, t, op.lo, op.hi);
                else if (op.advice === 'PAGEOUT')
                    make = (t) => (0, memory_1.madvise_pageout)(k, m, t, op.lo, op.hi);
                else
                    make = () => (0, memory_1.madvise_dontneed)(k, m, op.lo, op.hi);
                break;
            }
            case 'ftruncate':
                this.checkRange('size', op.size, 0, k.pages);
                make = (t) => (0, shmem_1.shmem_setattr_size)(k, t, op.size);
                break;
            case 'fallocate':
                range(op.lo, op.hi);
                make = (t) => (0, shmem_1.shmem_fallocate_alloc)(k, t, op.lo, op.hi, op.keepSize);
                break;
            case 'munmap': {
                const m = this.mappedVmaOf(op.op, op.mapping);
                make = (t) => (0, memory_1.do_munmap)(k, m, t);
                break;
            }
            case 'pagemap_scan': {
                // an ioctl on /proc/self/pagemap over addresses of the mapping: it must still be mapped
                const m = this.mappedVmaOf(op.op, op.mapping);
                range(op.lo, op.hi, m);
                make = () => (0, pagemap_1.do_pagemap_scan)(k, m, op.lo, op.hi, op.wpMatching);
                break;
            }
            case 'zeropage': {
                const m = this.vmaOf(op.mapping);
                page(op.page, m);
                make = () => (0, uffd_ioctl_1.mfill_atomic_zeropage)(k, m, op.page, op.dontwake ?? false);
                break;
            }
            case 'register': {
                const m = this.vmaOf(op.mapping);
                if (op.features !== undefined && m.uffd !== null)
                    throw new errors_1.SimError(`register: features are only taken by the first register${ofMapping(m)} (UFFDIO_API)`);
                make = () => (0, uffd_ioctl_1.userfaultfd_register)(k, m, op.modes, op.features ?? []);
                break;
            }
            case 'unregister': {
                const m = this.vmaOf(op.mapping);
                make = () => (0, uffd_ioctl_1.userfaultfd_unregister)(k, m);
                break;
            }
            case 'copy': {
                const m = this.vmaOf(op.mapping);
                page(op.page, m);
                make = () => (0, uffd_ioctl_1.mfill_atomic_copy)(k, m, op.page, op.value, op.wp, op.dontwake ?? false);
                break;
            }
            case 'continue': {
                const m = this.vmaOf(op.mapping);
                page(op.page, m);
                make = (t) => (0, uffd_ioctl_1.mfill_atomic_continue)(k, m, t, op.page, op.wp, op.dontwake ?? false);
                break;
            }
            case 'writeprotect': {
                const m = this.vmaOf(op.mapping);
                range(op.lo, op.hi, m);
                make = () => (0, uffd_ioctl_1.mwriteprotect_range)(k, m, op.lo, op.hi, op.wp, op.dontwake ?? false);
                break;
            }
            case 'wake': {
                const m = this.vmaOf(op.mapping);
                range(op.lo, op.hi, m);
                make = () => (0, uffd_ioctl_1.userfaultfd_wake)(m, op.lo, op.hi);
                break;
            }
        }
        if (isUffdIoctl(op)) {
            const m = this.vmaOf(op.mapping);
            if (m.uffd === null)
                throw new errors_1.SimError(`${op.op}: no uffd yet (no register${ofMapping(m)} before it)`);
        }
        const task = this.sched.spawn(op.op, thread, make);
        if (thread !== null)
            this.current[thread] = task;
        return task.id;
    }
    /** Tasks that can take a step, with the label of the step they would take, in id order. */
    runnable() {
        return this.sched.runnable().map((t) => ({ task: t.id, label: t.label }));
    }
    /** Run one step of a runnable task; returns the label it stopped at ('done' when finished). */
    step(taskId) {
        const t = this.sched.get(taskId);
        if (!t.runnable)
            throw new errors_1.SimError(`task ${taskId} (${t.op}) is ${t.done ? 'done' : `blocked (${t.blockedOn})`}`);
        return t.step();
    }
    /** Run every runnable task to completion or blocking, in the fixed order. */
    settle() {
        this.sched.runToQuiescence();
    }
    status(taskId) {
        const t = this.sched.get(taskId);
        const s = { task: t.id, op: t.op, thread: t.thread, label: t.label, state: t.done ? 'done' : t.runnable ? 'runnable' : 'blocked' };
        if (t.done)
            s.result = t.result;
        if (t.blockedOn !== null)
            s.blockedOn = t.blockedOn;
        return s;
    }
    /**
     * read(2) of the one pending (not yet read) uffd message of the thread's current
     * access; it moves to the read queue, so `observe()` will not report it again. null
     * when the thread is in no access or its access has no pending message.
     */
    readMessage(thread) {
        this.checkRange('thread', thread, 0, this.threads - 1);
        this.syncThreads();
        const t = this.current[thread];
        if (t === null)
            return null;
        for (const m of this.kernel.vmas) {
            const msg = m.uffd?.readOf(t) ?? null;
            if (msg !== null)
                return eventOf(m, msg);
        }
        return null;
    }
    /**
     * Every pte of one mapping, indexed by file page (0..pages-1; `none` where the
     * mapping does not reach); the observation's pages[i].pte/wp are mapping 0's.
     */
    ptesOf(mapping) {
        const k = this.kernel;
        const m = this.vmaOf(mapping);
        return Array.from({ length: k.pages }, (_, i) => {
            if (!m.covers(i))
                return { pte: 'none', wp: false, writable: false, stale: false };
            const pte = m.pte(i);
            return { ...mapObs(pte), writable: pte.kind === 'present' && pte.writable, stale: pte.kind === 'present' && k.mapping.lookup(i) !== pte.folio };
        });
    }
    /**
     * The observable state; reads (and so consumes) the pending uffd messages, one uffd
     * after the other in the order of the mappings.
     */
    observe() {
        this.syncThreads();
        const k = this.kernel;
        const [first, ...rest] = k.vmas;
        const pteOf = (m, i) => (m.covers(i) ? mapObs(m.pte(i)) : { pte: 'none', wp: false });
        const pages = Array.from({ length: k.pages }, (_, i) => {
            const p = { cache: k.mapping.cached(i), value: k.mapping.readValue(i), ...pteOf(first, i) };
            if (rest.length > 0)
                p.others = rest.map((m) => pteOf(m, i));
            return p;
        });
        const events = k.vmas.flatMap((m) => (m.uffd?.readAll() ?? []).map((msg) => eventOf(m, msg)));
        const threads = this.current.map((t, i) => {
            if (t === null) {
                const last = this.last[i];
                return last === undefined ? { state: 'idle' } : { state: 'idle', last };
            }
            return t.blockedOn === 'userfault' ? { state: 'blocked' } : { state: 'running' };
        });
        return { pages, events, threads };
    }
    resultOf(task) {
        if (task.done)
            return task.result;
        if (task.blockedOn === 'userfault' && task.thread !== null)
            return 'blocked';
        // Only an access can legitimately wait past quiescence; anything else is a model bug.
        throw new Error(`internal: ${task.op} (task ${task.id}) stuck at ${task.label} on ${task.blockedOn}`);
    }
    /** Threads whose access finished become idle with the access's result. */
    syncThreads() {
        this.current.forEach((t, i) => {
            if (t !== null && t.done) {
                this.last[i] = t.result;
                this.current[i] = null;
            }
        });
    }
    /** The mapping a load, store, madvise or munmap goes through: it must still be mapped. */
    mappedVmaOf(what, mapping) {
        const m = this.vmaOf(mapping);
        if (m.unmapped)
            throw new errors_1.SimError(`${what}: mapping ${m.index} was unmapped (munmap)`);
        return m;
    }
    /** The mapping an access or madvise goes through (default 0). */
    vmaOf(mapping) {
        return this.kernel.vmas[this.checkRange('mapping', mapping ?? 0, 0, this.kernel.vmas.length - 1)];
    }
    checkRange(field, x, lo, hi) {
        if (!Number.isInteger(x) || x < lo || x > hi)
            throw new errors_1.SimError(`${field}: expected an integer in ${lo}..${hi}, got ${x}`);
        return x;
    }
}
exports.Sim = Sim;
/** A pte as the observation shows it: the uffd-wp bit is pagemap bit 57, set for a marker too. */
function mapObs(pte) {
    return { pte: pte.kind, wp: pte.kind === 'marker' || (pte.kind === 'present' && pte.uffd_wp) };
}
/** A message as the monitor reads it from mapping `m`'s uffd (`mapping` left out for 0, as in a trace). */
function eventOf(m, msg) {
    const e = { kind: msg.kind, page: msg.page, write: msg.write };
    if (m.index !== 0)
        e.mapping = m.index;
    return e;
}
/** ` of mapping m` for mappings other than 0, so one-mapping messages read as before. */
function ofMapping(m) {
    return m.index === 0 ? '' : ` of mapping ${m.index}`;
}
function isUffdIoctl(op) {
    return op.op === 'unregister' || op.op === 'copy' || op.op === 'zeropage' || op.op === 'continue' || op.op === 'writeprotect' || op.op === 'wake';
}
/** The variant named by a trace's constants (other constants are the spec's business). */
function variantOf(constants) {
    const v = {};
    for (const key of variants_1.SWITCH_NAMES) {
        const c = constants[key];
        if (key === 'FAULT_AROUND' ? variants_1.FAULT_AROUND_VALUES.includes(c) : typeof c === 'boolean')
            v[key] = c;
    }
    return v;
}
/** The kernel switches: the given ones over the kernel this project runs on. */
function makeVariant(partial = {}) {
    return Object.freeze({ ...variants_1.DEFAULT_SWITCHES, ...partial });
}
//# sourceMappingURL=sim.js.map