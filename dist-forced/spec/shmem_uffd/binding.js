"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COPY_VALUE = exports.PWRITE_VALUE = exports.WRITE_VALUE = void 0;
exports.uffdModeOf = uffdModeOf;
exports.shmemBinding = shmemBinding;
const variants_1 = require("./variants");
const json_1 = require("../../src/runtime/json");
const step_1 = require("../../src/runtime/step");
/** The bytes the generated traces write: fixed, so sim and kernel can be compared on contents. */
const WRITE_VALUE = (thread) => 0x41 + thread; // 'A', 'B', ...
exports.WRITE_VALUE = WRITE_VALUE;
exports.PWRITE_VALUE = 0x50; // 'P'
exports.COPY_VALUE = 0x43; // 'C'
const EVENT_KIND = { VmUffdMissing: 'MISSING', VmUffdWp: 'WP', VmUffdMinor: 'MINOR' };
/** The trace op each spec action starts (the Thread's `access` and the Punch's `punch_begin` aside). */
const OP_OF_ACTION = {
    madvise_dontneed: 'madvise',
    pwrite: 'pwrite',
    mwriteprotect_range: 'writeprotect',
    mfill_atomic_copy: 'copy',
    mfill_atomic_continue: 'continue',
    userfaultfd_wake: 'wake',
    UFFDIO_COPY: 'copy',
    UFFDIO_ZEROPAGE: 'zeropage',
    munmap: 'munmap',
    ftruncate: 'ftruncate',
    fallocate: 'fallocate',
    madvise_pageout: 'madvise',
    pagemap_scan: 'pagemap_scan',
    UFFDIO_CONTINUE: 'continue',
    UFFDIO_WRITEPROTECT: 'writeprotect',
    UFFDIO_WAKE: 'wake',
    UFFDIO_REGISTER: 'register',
    UFFDIO_UNREGISTER: 'unregister',
    mmap: 'mmap',
};
/** The spec's UFFD_MODE member for each set of UFFDIO_REGISTER modes it models. */
const MODES_OF = Object.fromEntries(variants_1.REGISTRATIONS.map((r) => [r.name, [...(r.modes ?? [])]]));
const MODE_OF = Object.fromEntries(variants_1.REGISTRATIONS.map((r) => [[...(r.modes ?? [])].sort().join(','), r.name]));
function uffdModeOf(modes) {
    return MODE_OF[[...modes].sort().join(',')] ?? null;
}
function shmemBinding(constants, contents = { predicted: false, alphabet: [] }) {
    const regWp = (0, variants_1.registers)(String(constants.UFFD_MODE), 'WP');
    const registered = (0, variants_1.registerModes)(String(constants.UFFD_MODE));
    const byte = (v) => (v === 0 ? 0 : contents.alphabet[v - 1]);
    /** the page a monitor answer took: the one whose flag (mon_held[reason] or mon_wake) it cleared */
    const answered = (from, to) => Number(Object.keys(from).find((pg) => from[pg] && !to[pg]));
    /** what pread(2) of the page's first byte returns: 0 for a hole and at or past EOF */
    const valueAt = (j, pg) => {
        const slot = j.cache[pg];
        return (0, json_1.tagOfJson)(slot) === 'Hole' || pg >= j.i_size ? 0 : byte(j.data[pg][slot.gen]);
    };
    const mapObs = (pte) => {
        const tag = (0, json_1.tagOfJson)(pte);
        return {
            pte: tag === 'PteNone' ? 'none' : tag === 'PteMarker' ? 'marker' : 'present',
            wp: tag === 'PteMarker' || (tag === 'Present' && pte.wp === true),
        };
    };
    const withMapping = (op, m) => (m === 0 ? op : { ...op, mapping: m });
    const mappingOf = (op) => ('mapping' in op ? op.mapping ?? 0 : 0);
    /** a trace-driven ioctl's step is on the op's mapping */
    const sameMapping = (step, op) => step.params.mm === undefined || step.params.mm === mappingOf(op);
    return {
        registered,
        fill(json) {
            // page i of a file written before the trace starts holds byte i+1 (0: a hole)
            const cache = json.cache;
            return Object.keys(cache).map((k, i) => (cache[k] === 'Hole' ? 0 : i + 1));
        },
        kindOf(step) {
            if (step.action === 'userfaultfd_read')
                return 'internal';
            if (step.action === 'Thread:access' || step.action === 'Punch:punch_begin' || step.action in OP_OF_ACTION)
                return 'op';
            // the rest of a kernel path: every other step of a thread or of the punch
            return step.process === 'Thread' || step.process === 'Punch' ? 'internal' : null;
        },
        actionStarts(action, op) {
            switch (action) {
                case 'Thread:access':
                    return op.op === 'read' || op.op === 'write';
                case 'Punch:punch_begin':
                    return op.op === 'punch' || (op.op === 'madvise' && op.advice === 'REMOVE');
                case 'madvise_dontneed':
                    return op.op === 'madvise' && op.advice === 'DONTNEED';
                case 'madvise_pageout':
                    return op.op === 'madvise' && op.advice === 'PAGEOUT';
                default:
                    return OP_OF_ACTION[action] === op.op;
            }
        },
        paramsOf(action, op) {
            const mm = mappingOf(op);
            const v = (value) => (value === 0 ? 0 : contents.alphabet.indexOf(value) + 1);
            switch (action) {
                case 'Thread:access':
                    return op.op === 'read' || op.op === 'write' ? { self: op.thread } : null;
                case 'madvise_dontneed':
                    return op.op === 'madvise' ? { mm, lo: op.lo, hi: op.hi } : null;
                case 'pwrite':
                    return op.op === 'pwrite' ? { pg: op.page } : null;
                case 'UFFDIO_COPY':
                    return op.op === 'copy' && contents.predicted ? { mm, pg: op.page, v: v(op.value), wpmode: op.wp, wake: !op.dontwake } : null;
                case 'UFFDIO_ZEROPAGE':
                    return op.op === 'zeropage' ? { mm, pg: op.page, wake: !op.dontwake } : null;
                case 'munmap':
                    return op.op === 'munmap' ? { mm: op.mapping } : null;
                case 'madvise_pageout':
                    return op.op === 'madvise' ? { mm, lo: op.lo, hi: op.hi } : null;
                case 'ftruncate':
                    return op.op === 'ftruncate' ? { size: op.size } : null;
                case 'pagemap_scan':
                    return op.op === 'pagemap_scan' ? { mm, lo: op.lo, hi: op.hi, wp_matching: op.wpMatching } : null;
                case 'fallocate':
                    return op.op === 'fallocate' ? { lo: op.lo, hi: op.hi, keep_size: op.keepSize } : null;
                case 'UFFDIO_CONTINUE':
                    return op.op === 'continue' ? { mm, pg: op.page, wpmode: op.wp, wake: !op.dontwake } : null;
                case 'UFFDIO_WRITEPROTECT':
                    return op.op === 'writeprotect' ? { mm, lo: op.lo, hi: op.hi, protect: op.wp, wake: !op.dontwake } : null;
                case 'UFFDIO_WAKE':
                    return op.op === 'wake' ? { mm, lo: op.lo, hi: op.hi } : null;
                case 'UFFDIO_REGISTER': {
                    if (op.op !== 'register')
                        return null;
                    const mode = uffdModeOf(op.modes);
                    const f = op.features;
                    return mode === null ? null : { mm, mode, api: f !== undefined, sigbus_f: f?.includes('SIGBUS') ?? false, wp_async_f: f?.includes('WP_ASYNC') ?? false };
                }
                case 'UFFDIO_UNREGISTER':
                    return op.op === 'unregister' ? { mm } : null;
                case 'mmap':
                    return op.op === 'mmap' ? { mm: op.mapping, off: op.offset, len: op.length, first_pte: op.pteIndex } : null;
            }
            return null;
        },
        mayStart(step, op) {
            switch (step.action) {
                case 'Thread:access':
                    return (op.op === 'read' || op.op === 'write') && (0, step_1.intInstance)(step) === op.thread;
                case 'Punch:punch_begin':
                    return op.op === 'punch' || (op.op === 'madvise' && op.advice === 'REMOVE');
                case 'madvise_dontneed':
                    return op.op === 'madvise' && op.advice === 'DONTNEED' && (0, step_1.intParam)(step, 'mm') === (op.mapping ?? 0) && (0, step_1.intParam)(step, 'lo') === op.lo && (0, step_1.intParam)(step, 'hi') === op.hi;
                case 'pwrite':
                    return op.op === 'pwrite' && (0, step_1.intParam)(step, 'pg') === op.page;
                case 'mmap':
                    return op.op === 'mmap' && (0, step_1.intParam)(step, 'mm') === op.mapping && (0, step_1.intParam)(step, 'off') === op.offset && (0, step_1.intParam)(step, 'len') === op.length && (0, step_1.intParam)(step, 'first_pte') === op.pteIndex;
                default:
                    return OP_OF_ACTION[step.action] === op.op && sameMapping(step, op);
            }
        },
        opOf(x) {
            const f = x.from;
            const step = x.step;
            switch (step.action) {
                case 'Thread:access': {
                    const t = x.to.json;
                    const u = (0, step_1.intInstance)(step);
                    const m = t['Thread.m'][u];
                    const page = t['Thread.p'][u];
                    if (!t['Thread.wr'][u])
                        return withMapping({ op: 'read', thread: u, page }, m);
                    const v = t['Thread.val'][u];
                    return withMapping({ op: 'write', thread: u, page, value: contents.predicted ? byte(v) : (0, exports.WRITE_VALUE)(u) }, m);
                }
                case 'Punch:punch_begin': {
                    const t = x.to.json;
                    return { op: 'punch', lo: t['Punch.lo'], hi: t['Punch.hi'] - 1 };
                }
                case 'madvise_dontneed':
                    return withMapping({ op: 'madvise', advice: 'DONTNEED', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi') }, (0, step_1.intParam)(step, 'mm'));
                case 'pwrite': {
                    const pg = (0, step_1.intParam)(step, 'pg');
                    return { op: 'pwrite', page: pg, value: contents.predicted ? valueAt(x.to.json, pg) : exports.PWRITE_VALUE };
                }
                // the spec's own monitor: the page of the message it answers
                case 'mwriteprotect_range': {
                    const pg = (0, step_1.intParam)(step, 'pg');
                    return { op: 'writeprotect', lo: pg, hi: pg, wp: (0, step_1.boolParam)(step, 'protect') };
                }
                case 'mfill_atomic_copy': {
                    const pg = answered(f.mon_held.VmUffdMissing, x.to.json.mon_held.VmUffdMissing);
                    return { op: 'copy', page: pg, value: exports.COPY_VALUE, wp: regWp && f.mon_prot[pg] === true };
                }
                case 'mfill_atomic_continue':
                    return { op: 'continue', page: answered(f.mon_held.VmUffdMinor, x.to.json.mon_held.VmUffdMinor), wp: false };
                case 'userfaultfd_wake': {
                    const pg = answered(f.mon_wake, x.to.json.mon_wake);
                    return { op: 'wake', lo: pg, hi: pg };
                }
                // the syscalls a trace issues, on the uffd of mapping mm
                case 'UFFDIO_COPY': {
                    const pg = (0, step_1.intParam)(step, 'pg');
                    const op = { op: 'copy', page: pg, value: byte((0, step_1.intParam)(step, 'v')), wp: (0, step_1.boolParam)(step, 'wpmode') };
                    return withMapping((0, step_1.boolParam)(step, 'wake') ? op : { ...op, dontwake: true }, (0, step_1.intParam)(step, 'mm'));
                }
                case 'UFFDIO_ZEROPAGE': {
                    const op = { op: 'zeropage', page: (0, step_1.intParam)(step, 'pg') };
                    return withMapping((0, step_1.boolParam)(step, 'wake') ? op : { ...op, dontwake: true }, (0, step_1.intParam)(step, 'mm'));
                }
                case 'munmap':
                    return { op: 'munmap', mapping: (0, step_1.intParam)(step, 'mm') };
                case 'madvise_pageout':
                    return withMapping({ op: 'madvise', advice: 'PAGEOUT', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi') }, (0, step_1.intParam)(step, 'mm'));
                case 'ftruncate':
                    return { op: 'ftruncate', size: (0, step_1.intParam)(step, 'size') };
                case 'pagemap_scan':
                    return withMapping({ op: 'pagemap_scan', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi'), wpMatching: (0, step_1.boolParam)(step, 'wp_matching') }, (0, step_1.intParam)(step, 'mm'));
                case 'fallocate':
                    return { op: 'fallocate', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi'), keepSize: (0, step_1.boolParam)(step, 'keep_size') };
                case 'UFFDIO_CONTINUE': {
                    const op = { op: 'continue', page: (0, step_1.intParam)(step, 'pg'), wp: (0, step_1.boolParam)(step, 'wpmode') };
                    return withMapping((0, step_1.boolParam)(step, 'wake') ? op : { ...op, dontwake: true }, (0, step_1.intParam)(step, 'mm'));
                }
                case 'UFFDIO_WRITEPROTECT': {
                    const op = { op: 'writeprotect', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi'), wp: (0, step_1.boolParam)(step, 'protect') };
                    return withMapping((0, step_1.boolParam)(step, 'wake') ? op : { ...op, dontwake: true }, (0, step_1.intParam)(step, 'mm'));
                }
                case 'UFFDIO_WAKE':
                    return withMapping({ op: 'wake', lo: (0, step_1.intParam)(step, 'lo'), hi: (0, step_1.intParam)(step, 'hi') }, (0, step_1.intParam)(step, 'mm'));
                case 'UFFDIO_REGISTER': {
                    const op = { op: 'register', modes: MODES_OF[String(step.params.mode)] };
                    if ((0, step_1.boolParam)(step, 'api'))
                        op.features = [...((0, step_1.boolParam)(step, 'sigbus_f') ? ['SIGBUS'] : []), ...((0, step_1.boolParam)(step, 'wp_async_f') ? ['WP_ASYNC'] : [])];
                    return withMapping(op, (0, step_1.intParam)(step, 'mm'));
                }
                case 'UFFDIO_UNREGISTER':
                    return withMapping({ op: 'unregister' }, (0, step_1.intParam)(step, 'mm'));
                case 'mmap':
                    return { op: 'mmap', mapping: (0, step_1.intParam)(step, 'mm'), offset: (0, step_1.intParam)(step, 'off'), length: (0, step_1.intParam)(step, 'len'), pteIndex: (0, step_1.intParam)(step, 'first_pte') };
            }
            return null;
        },
        eventOf(x) {
            if (x.step.action !== 'userfaultfd_read')
                return null;
            const u = (0, step_1.intParam)(x.step, 'u');
            const msg = x.from.uffd_msg[u];
            const ev = { kind: EVENT_KIND[msg.reason], page: x.from['Thread.p'][u], write: msg.write };
            const m = x.from['Thread.m'][u];
            return m === 0 ? ev : { ...ev, mapping: m };
        },
        observe(op, start, final, events, ctx) {
            const mappings = Object.keys(final.pte).length;
            const pages = Object.keys(final.cache).map((k) => {
                // a folio in the page cache (cachestat(2)), fallocated ones too
                const p = { cache: (0, json_1.tagOfJson)(final.cache[k]) !== 'Hole', ...mapObs(final.pte['0'][k]) };
                if (contents.predicted)
                    p.value = valueAt(final, Number(k));
                if (mappings > 1)
                    p.others = Array.from({ length: mappings - 1 }, (_, j) => mapObs(final.pte[String(j + 1)][k]));
                return p;
            });
            const blocked = (u) => (0, json_1.tagOfJson)(final.uffd_msg[u]) !== 'NoMsg' || final.falloc_wait[u] === true;
            /** what thread u's last completed access returned, where the spec predicts it */
            const last = (u) => {
                const kind = ctx?.lastAccess[u] ?? null;
                if (kind === null)
                    return undefined;
                if (final['Thread.sigbus'][u])
                    return 'SIGBUS';
                if (kind === 'write')
                    return 'ok';
                return contents.predicted ? byte(final['Thread.got'][u]) : undefined;
            };
            const threads = Object.keys(final.uffd_msg).map((k, u) => {
                if (blocked(k))
                    return { state: 'blocked' };
                const l = last(u);
                return l === undefined ? { state: 'idle' } : { state: 'idle', last: l };
            });
            let result = 0;
            const f = start?.from;
            // an ioctl's result from the state it started in: the checks of mfill_atomic and
            // mwriteprotect_range in the order the kernel makes them
            const mm = String(mappingOf(op));
            const reg = f ? String(f.reg[mm]) : '';
            const notRegistered = reg === 'None';
            const wpReg = reg !== '' && (0, variants_1.registers)(reg, 'WP');
            switch (op.op) {
                case 'read':
                case 'write': {
                    const t = threads[op.thread];
                    result = t.state === 'blocked' ? 'blocked' : t.state === 'idle' && t.last !== undefined ? t.last : op.op === 'write' ? 'ok' : undefined;
                    break;
                }
                case 'pread':
                    result = contents.predicted ? valueAt(final, op.page) : undefined;
                    break;
                case 'zeropage':
                    if (!f)
                        break;
                    result = notRegistered ? -2 : op.page >= f.i_size ? -14 : (0, json_1.tagOfJson)(f.cache[op.page]) !== 'Hole' || (0, json_1.tagOfJson)(f.pte[mm][op.page]) === 'Present' ? -17 : 4096;
                    break;
                case 'copy':
                    if (!f)
                        break;
                    result = notRegistered ? -2 : op.wp && !wpReg ? -22 : op.page >= f.i_size ? -14 : (0, json_1.tagOfJson)(f.cache[op.page]) !== 'Hole' || (0, json_1.tagOfJson)(f.pte[mm][op.page]) === 'Present' ? -17 : 4096;
                    break;
                case 'continue':
                    if (!f)
                        break;
                    result = notRegistered ? -2 : op.wp && !wpReg ? -22 : op.page >= f.i_size ? -22 : (0, json_1.tagOfJson)(f.cache[op.page]) === 'Hole' ? -14 : (0, json_1.tagOfJson)(f.pte[mm][op.page]) === 'Present' ? -17 : 4096;
                    break;
                case 'writeprotect':
                    // mwriteprotect_range: MODE_WP with MODE_DONTWAKE -> -EINVAL; no VMA registered WP -> -ENOENT
                    if (f)
                        result = op.wp && op.dontwake ? -22 : wpReg ? 0 : -2;
                    break;
                case 'pagemap_scan': {
                    if (!f)
                        break;
                    // PM_SCAN_CHECK_WPASYNC: -EPERM unless the VMA is uffd-wp async; else the pages written
                    if (op.wpMatching && !(wpReg && f.uffd_wp_async[mm] === true))
                        result = -1;
                    else
                        result = Object.values(final.scan_reported).filter(Boolean).length;
                    break;
                }
                case 'register':
                case 'unregister':
                    // no VMA in the range (munmapped) -> -EINVAL; UFFDIO_REGISTER without modes -> -EINVAL
                    result = (f && f.vm_pages[mm] === 0) || (op.op === 'register' && op.modes.length === 0) ? -22 : 0;
                    break;
            }
            const obs = { pages, events, threads };
            if (result !== undefined)
                obs.result = result;
            return obs;
        },
        opKey(op) {
            // madvise(MADV_REMOVE) is a hole punch of the file range (vfs_fallocate)
            const o = op.op === 'madvise' && op.advice === 'REMOVE' ? { op: 'punch', lo: op.lo, hi: op.hi } : { ...op };
            // the features that change what a fault does; the others change nothing here
            if (op.op === 'register') {
                o.modes = [...op.modes].sort();
                if (op.features !== undefined)
                    o.features = op.features.filter((x) => x === 'SIGBUS' || x === 'WP_ASYNC').sort();
            }
            // the spec's own runs write fixed bytes it does not model
            if (!contents.predicted)
                delete o.value;
            if ('dontwake' in o && !o.dontwake)
                delete o.dontwake;
            if (o.mapping === 0)
                delete o.mapping;
            return JSON.stringify(o, Object.keys(o).sort());
        },
    };
}
//# sourceMappingURL=binding.js.map