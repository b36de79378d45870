"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TraceError = exports.OP_NAMES = exports.MADVISE_ADVICES = exports.PTRS_PER_PTE = exports.UFFD_FEATURES = exports.UFFD_MODES = exports.FAULT_AROUND_PAGES = exports.MAX_MAPPINGS = exports.MAX_THREADS = exports.MAX_PAGES = exports.TRACE_FORMAT = void 0;
exports.readJsonFile = readJsonFile;
exports.mappingsOf = mappingsOf;
exports.sizeOf = sizeOf;
exports.pteIndexOf = pteIndexOf;
exports.faultAroundRange = faultAroundRange;
exports.mapsPage = mapsPage;
exports.loadTrace = loadTrace;
exports.validateTrace = validateTrace;
exports.compareObservation = compareObservation;
exports.countFields = countFields;
exports.formatObservation = formatObservation;
// The conformance trace (docs/trace-format.md): its types, a hand-written validator
// that turns every defect of a trace file into one line naming the field and the step,
// and the comparison/rendering of observations used by side-by-side reports.
const fs_1 = require("fs");
const variants_1 = require("../spec/shmem_uffd/variants");
const uapi_1 = require("../src/sim/uapi");
Object.defineProperty(exports, "UFFD_FEATURES", { enumerable: true, get: function () { return uapi_1.UFFD_FEATURES; } });
Object.defineProperty(exports, "UFFD_MODES", { enumerable: true, get: function () { return uapi_1.UFFD_MODES; } });
exports.TRACE_FORMAT = 'uffdspec-trace/1';
/** Pages of the file a trace observes (four fault-around windows). */
exports.MAX_PAGES = 64;
exports.MAX_THREADS = 8;
/** MAP_SHARED mappings of the file a trace may use. */
exports.MAX_MAPPINGS = 4;
/** fault_around_bytes / PAGE_SIZE: the kernel's default (64 KiB), which every target uses. */
exports.FAULT_AROUND_PAGES = 16;
/** PTRS_PER_PTE on x86-64: the ptes of one page table (2 MiB of address space). */
exports.PTRS_PER_PTE = 512;
exports.MADVISE_ADVICES = ['DONTNEED', 'REMOVE', 'PAGEOUT'];
exports.OP_NAMES = [
    'read', 'write', 'pread', 'pwrite', 'punch', 'madvise', 'ftruncate', 'fallocate', 'munmap',
    'register', 'unregister', 'copy', 'zeropage', 'continue', 'writeprotect', 'wake', 'pagemap_scan',
];
/** A defect in a trace file; `message` is the whole one-line diagnostic. */
class TraceError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TraceError';
    }
}
exports.TraceError = TraceError;
/** The JSON value in a file; an unreadable file or bad JSON is a one-line TraceError. */
function readJsonFile(path) {
    let text;
    try {
        text = (0, fs_1.readFileSync)(path, 'utf8');
    }
    catch (e) {
        throw new TraceError(`${path}: cannot read: ${e.code ?? String(e)}`);
    }
    try {
        return JSON.parse(text);
    }
    catch (e) {
        // file:line:col of the position JSON.parse names, as every other diagnostic
        const msg = e.message.split('\n')[0];
        const at = /at position (\d+)/.exec(msg);
        const offset = at ? Number(at[1]) : /end of JSON input/.test(msg) ? text.length : null;
        if (offset === null)
            throw new TraceError(`${path}: not valid JSON: ${msg}`);
        const before = text.slice(0, offset).split('\n');
        throw new TraceError(`${path}:${before.length}:${before[before.length - 1].length + 1}: not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')}`);
    }
}
/** Every mapping of a trace with its geometry. */
function mappingsOf(trace) {
    const m = trace.mappings ?? 1;
    return typeof m === 'number' ? Array.from({ length: m }, () => ({ offset: 0, length: trace.pages })) : m;
}
/** i_size of a trace's file, in pages. */
function sizeOf(trace) {
    return trace.size ?? trace.pages;
}
/** The pte index of file page `page` in mapping `g` (which maps it): where it sits in its page table. */
function pteIndexOf(g, page) {
    return ((g.pteIndex ?? 0) + page - g.offset) % exports.PTRS_PER_PTE;
}
/**
 * The file pages a read fault at `page` through mapping `g` faults around
 * (do_fault_around + filemap_map_pages): the `window` ptes aligned down in the address
 * space, clipped to the mapping, to the page table and to EOF (`size` pages). Inclusive.
 */
function faultAroundRange(g, page, size, window) {
    const pteOff = pteIndexOf(g, page);
    const vmaOff = page - g.offset;
    const from = Math.max(pteOff - (pteOff % window), pteOff - Math.min(pteOff, vmaOff));
    const to = Math.min(from + window, exports.PTRS_PER_PTE, pteOff + g.length - vmaOff) - 1;
    return { lo: page + from - pteOff, hi: Math.min(page + to - pteOff, size - 1) };
}
/** Whether mapping `m` of the trace maps file page `page`. */
function mapsPage(g, page) {
    return page >= g.offset && page < g.offset + g.length;
}
function loadTrace(path) {
    return validateTrace(readJsonFile(path), path);
}
function show(v) {
    if (v === undefined)
        return 'nothing';
    const s = JSON.stringify(v);
    return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
/** Reads fields of one JSON object, reporting defects against its path. */
class Fields {
    v;
    path;
    obj;
    used = new Set();
    constructor(v, path, obj) {
        this.v = v;
        this.path = path;
        this.obj = obj;
    }
    /** top-level fields are named bare (`pages`), nested ones with their parent (`steps[3].op.page`) */
    at(key) {
        return this.path === '' ? key : `${this.path}.${key}`;
    }
    has(key) {
        return key in this.obj;
    }
    raw(key) {
        this.used.add(key);
        return this.obj[key];
    }
    int(key, lo, hi) {
        const x = this.raw(key);
        if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
            this.v.fail(this.at(key), `expected an integer in ${lo}..${hi}`, x);
        return x;
    }
    bool(key, dflt) {
        const x = this.raw(key);
        if (x === undefined && dflt !== undefined)
            return dflt;
        if (typeof x !== 'boolean')
            this.v.fail(this.at(key), 'expected true or false', x);
        return x;
    }
    str(key) {
        const x = this.raw(key);
        if (typeof x !== 'string' || x.length === 0)
            this.v.fail(this.at(key), 'expected a non-empty string', x);
        return x;
    }
    oneOf(key, values) {
        const x = this.raw(key);
        if (typeof x !== 'string' || !values.includes(x))
            this.v.fail(this.at(key), `expected one of ${values.join(', ')}`, x);
        return x;
    }
    obj_(key) {
        return this.v.object(this.raw(key), this.at(key));
    }
    arr(key) {
        return this.v.array(this.raw(key), this.at(key));
    }
    /** Every field of the object must have been read: an unknown one is most likely a typo. */
    done() {
        for (const key of Object.keys(this.obj))
            if (!this.used.has(key))
                this.v.failMsg(this.at(key), 'unknown field');
    }
}
class Validator {
    file;
    constructor(file) {
        this.file = file;
    }
    fail(path, expected, got) {
        throw new TraceError(`${this.file}: ${path}: ${expected}, got ${show(got)}`);
    }
    failMsg(path, message) {
        throw new TraceError(`${this.file}: ${path}: ${message}`);
    }
    object(x, path) {
        if (typeof x !== 'object' || x === null || Array.isArray(x))
            this.fail(path, 'expected an object', x);
        return new Fields(this, path, x);
    }
    array(x, path) {
        if (!Array.isArray(x))
            this.fail(path, 'expected an array', x);
        return x;
    }
}
/** Validate a parsed trace; `fileName` only prefixes the diagnostics. */
function validateTrace(json, fileName) {
    const v = new Validator(fileName);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        v.fail('(top level)', 'expected an object', json);
    const root = new Fields(v, '', json);
    const format = root.raw('format');
    if (format !== exports.TRACE_FORMAT)
        v.fail('format', `expected "${exports.TRACE_FORMAT}"`, format);
    const name = root.str('name');
    const spec = root.has('spec') ? root.str('spec') : undefined;
    const pages = root.int('pages', 1, exports.MAX_PAGES);
    const size = root.has('size') ? root.int('size', 0, pages) : undefined;
    const threads = root.int('threads', 1, exports.MAX_THREADS);
    const mappings = root.has('mappings') ? validateMappings(v, root.raw('mappings'), pages) : undefined;
    const constants = root.has('constants') ? validateConstants(v, root.raw('constants')) : {};
    let fill = new Array(pages).fill(0);
    if (root.has('initial')) {
        const init = root.obj_('initial');
        if (init.has('fill')) {
            const arr = init.arr('fill');
            if (arr.length !== pages)
                v.failMsg('initial.fill', `expected ${pages} entries (one per page), got ${arr.length}`);
            fill = arr.map((x, i) => intIn(v, x, `initial.fill[${i}]`, 0, 255));
            const eof = size ?? pages;
            const past = fill.findIndex((x, i) => i >= eof && x !== 0);
            if (past >= 0)
                v.failMsg(`initial.fill[${past}]`, `page ${past} is past EOF (size ${eof}): it must be 0 (a pwrite there would move EOF)`);
        }
        init.done();
    }
    const geometry = mappingsOf({ pages, mappings });
    const steps = [];
    const ctx = { pages, threads, mappings: geometry, uffdOpen: geometry.map(() => false), unmapped: geometry.map(() => null), index: 0, blocked: new Array(threads).fill(false) };
    root.arr('steps').forEach((s, i) => {
        ctx.index = i;
        steps.push(validateStep(v, s, `steps[${i}]`, ctx));
    });
    root.done();
    const trace = { format: exports.TRACE_FORMAT, name, constants, pages, threads, initial: { fill }, steps };
    if (spec !== undefined)
        trace.spec = spec;
    if (size !== undefined)
        trace.size = size;
    if (mappings !== undefined)
        trace.mappings = mappings;
    return trace;
}
/** `mappings`: a count, or one `{offset, length}` per mapping inside the trace's pages. */
function validateMappings(v, x, pages) {
    if (!Array.isArray(x))
        return intIn(v, x, 'mappings', 1, exports.MAX_MAPPINGS);
    if (x.length < 1 || x.length > exports.MAX_MAPPINGS)
        v.failMsg('mappings', `expected 1..${exports.MAX_MAPPINGS} mappings, got ${x.length}`);
    return x.map((m, i) => {
        const f = v.object(m, `mappings[${i}]`);
        const offset = f.int('offset', 0, pages - 1);
        const length = f.int('length', 1, pages - offset);
        const g = { offset, length };
        if (f.has('pteIndex'))
            g.pteIndex = f.int('pteIndex', 0, exports.PTRS_PER_PTE - 1);
        f.done();
        return g;
    });
}
function intIn(v, x, path, lo, hi) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
        v.fail(path, `expected an integer in ${lo}..${hi}`, x);
    return x;
}
/**
 * The variant constants are checked by type; other constants (the spec's own, such as
 * sizes) only need a scalar value, since the simulator and the harness ignore them.
 */
function validateConstants(v, x) {
    const f = v.object(x, 'constants');
    const out = {};
    for (const key of Object.keys(x)) {
        if (key === 'FAULT_AROUND')
            out[key] = f.oneOf(key, variants_1.FAULT_AROUND_VALUES);
        else if (variants_1.SWITCH_NAMES.includes(key))
            out[key] = f.bool(key);
        else {
            const c = f.raw(key);
            if (typeof c !== 'string' && typeof c !== 'boolean' && !(typeof c === 'number' && Number.isInteger(c)))
                v.fail(`constants.${key}`, 'expected a string, an integer or a boolean', c);
            out[key] = c;
        }
    }
    return out;
}
const UFFD_IOCTLS = ['unregister', 'copy', 'zeropage', 'continue', 'writeprotect', 'wake'];
/** ops that go through a mapping (and take `mapping`): loads, stores, madvise and the uffd of a mapping */
const MAPPED_OPS = ['read', 'write', 'madvise', 'pagemap_scan', 'register', ...UFFD_IOCTLS];
function validateStep(v, x, path, ctx) {
    const step = v.object(x, path);
    const op = validateOp(v, step.raw('op'), `${path}.op`, ctx);
    const expect = validateObservation(v, step.raw('expect'), `${path}.expect`, op, ctx);
    step.done();
    expect.threads.forEach((t, i) => (ctx.blocked[i] = t.state === 'blocked'));
    return { op, expect };
}
function validateOp(v, x, path, ctx) {
    const f = v.object(x, path);
    const kind = f.oneOf('op', exports.OP_NAMES);
    // the mapping comes first: it bounds the pages an op through it may name
    const through = MAPPED_OPS.includes(kind);
    if (f.has('mapping') && !through && kind !== 'munmap')
        v.failMsg(f.at('mapping'), 'unknown field');
    const m = f.has('mapping') || kind === 'munmap' ? f.int('mapping', 0, ctx.mappings.length - 1) : 0;
    const g = ctx.mappings[m];
    // loads, stores and madvise need the mapping in place (the uffd of an unmapped range stays open)
    const gone = ctx.unmapped[m];
    if (gone !== null && (kind === 'read' || kind === 'write' || kind === 'madvise' || kind === 'munmap' || kind === 'pagemap_scan'))
        v.failMsg(f.at('mapping'), `mapping ${m} was unmapped at steps[${gone}]`);
    const first = through ? g.offset : 0;
    const last = through ? g.offset + g.length - 1 : ctx.pages - 1;
    const inside = through && (g.offset > 0 || g.length < ctx.pages) ? ` (mapping ${m} covers pages ${first}..${last})` : '';
    const pageIn = (key, lo) => {
        const x = f.raw(key);
        if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > last)
            v.fail(f.at(key), `expected an integer in ${lo}..${last}${inside}`, x);
        return x;
    };
    const page = () => pageIn('page', first);
    const range = () => {
        const lo = pageIn('lo', first);
        return { lo, hi: pageIn('hi', lo) };
    };
    const thread = () => {
        const t = f.int('thread', 0, ctx.threads - 1);
        if (ctx.blocked[t])
            v.failMsg(f.at('thread'), `thread ${t} is blocked on a userfault (previous step's expect.threads[${t}])`);
        return t;
    };
    const dontwake = (o) => {
        if (f.has('dontwake'))
            o.dontwake = f.bool('dontwake');
    };
    // kept only when given, so a one-mapping trace reads back exactly as written
    const mapping = (o) => {
        if (f.has('mapping'))
            o.mapping = m;
    };
    if (UFFD_IOCTLS.includes(kind) && !ctx.uffdOpen[m])
        v.failMsg(f.at('op'), `${kind} needs the uffd of mapping ${m}, which no earlier register step opened`);
    let op;
    switch (kind) {
        case 'read': {
            const a = { op: kind, thread: thread(), page: page() };
            mapping(a);
            op = a;
            break;
        }
        case 'write': {
            const a = { op: kind, thread: thread(), page: page(), value: f.int('value', 1, 255) };
            mapping(a);
            op = a;
            break;
        }
        case 'pread':
            op = { op: kind, page: page() };
            break;
        case 'pwrite':
            op = { op: kind, page: page(), value: f.int('value', 0, 255) };
            break;
        case 'punch':
            op = { op: kind, ...range() };
            break;
        case 'ftruncate':
            op = { op: kind, size: f.int('size', 0, ctx.pages) };
            break;
        case 'fallocate':
            op = { op: kind, ...range(), keepSize: f.bool('keepSize') };
            break;
        case 'munmap':
            op = { op: kind, mapping: m };
            ctx.unmapped[m] = ctx.index;
            break;
        case 'pagemap_scan': {
            const a = { op: kind, ...range(), wpMatching: f.bool('wpMatching') };
            mapping(a);
            op = a;
            break;
        }
        case 'wake': {
            const w = { op: kind, ...range() };
            mapping(w);
            op = w;
            break;
        }
        case 'madvise': {
            const a = { op: kind, advice: f.oneOf('advice', exports.MADVISE_ADVICES), ...range() };
            mapping(a);
            op = a;
            break;
        }
        case 'register': {
            const modes = f.arr('modes').map((m, i) => {
                if (typeof m !== 'string' || !uapi_1.UFFD_MODES.includes(m))
                    v.fail(`${f.at('modes')}[${i}]`, `expected one of ${uapi_1.UFFD_MODES.join(', ')}`, m);
                return m;
            });
            const dup = modes.find((m, i) => modes.indexOf(m) !== i);
            if (dup !== undefined)
                v.failMsg(f.at('modes'), `${dup} is listed twice`);
            const reg = { op: kind, modes };
            mapping(reg);
            if (f.has('features')) {
                if (ctx.uffdOpen[m])
                    v.failMsg(f.at('features'), `only the first register of mapping ${m} opens its uffd (UFFDIO_API) and may give features`);
                reg.features = f.arr('features').map((m, i) => {
                    if (typeof m !== 'string' || !uapi_1.UFFD_FEATURES.includes(m))
                        v.fail(`${f.at('features')}[${i}]`, `expected one of ${uapi_1.UFFD_FEATURES.join(', ')}`, m);
                    return m;
                });
            }
            ctx.uffdOpen[m] = true;
            op = reg;
            break;
        }
        case 'unregister': {
            const u = { op: kind };
            mapping(u);
            op = u;
            break;
        }
        case 'copy': {
            const c = { op: kind, page: page(), value: f.int('value', 0, 255), wp: f.bool('wp') };
            dontwake(c);
            mapping(c);
            op = c;
            break;
        }
        case 'zeropage': {
            const c = { op: kind, page: page() };
            dontwake(c);
            mapping(c);
            op = c;
            break;
        }
        case 'continue': {
            const c = { op: kind, page: page(), wp: f.bool('wp') };
            dontwake(c);
            mapping(c);
            op = c;
            break;
        }
        case 'writeprotect': {
            const c = { op: kind, ...range(), wp: f.bool('wp') };
            dontwake(c);
            mapping(c);
            op = c;
            break;
        }
    }
    f.done();
    return op;
}
/** The results an op can have, as (description, predicate). */
function resultShape(op) {
    const byte = (r) => typeof r === 'number' && Number.isInteger(r) && r >= 0 && r <= 255;
    const errno = (r) => typeof r === 'number' && Number.isInteger(r) && r <= 0 && r >= -4095;
    switch (op.op) {
        case 'read':
            return ['expected a byte 0..255, "SIGBUS" or "blocked"', (r) => byte(r) || r === 'SIGBUS' || r === 'blocked'];
        case 'write':
            return ['expected "ok", "SIGBUS" or "blocked"', (r) => r === 'ok' || r === 'SIGBUS' || r === 'blocked'];
        case 'pread':
            return ['expected a byte 0..255', byte];
        case 'copy':
        case 'zeropage':
        case 'continue':
            return ['expected 4096 or a negative errno', (r) => r === 4096 || (errno(r) && r !== 0)];
        case 'pagemap_scan':
            return ['expected a count of pages or a negative errno', (r) => typeof r === 'number' && Number.isInteger(r) && r >= -4095 && r <= exports.MAX_PAGES];
        default:
            return ['expected 0 or a negative errno', errno];
    }
}
function validateObservation(v, x, path, op, ctx) {
    const f = v.object(x, path);
    const [what, ok] = resultShape(op);
    // a field absent from an expectation is not specified: the comparison skips it
    const result = f.has('result') ? f.raw('result') : undefined;
    if (result !== undefined && !ok(result))
        v.fail(f.at('result'), what, result);
    const pagesArr = f.arr('pages');
    if (pagesArr.length !== ctx.pages)
        v.failMsg(f.at('pages'), `expected ${ctx.pages} entries (one per page), got ${pagesArr.length}`);
    const pages = pagesArr.map((p, i) => validatePage(v, p, `${f.at('pages')}[${i}]`, ctx.mappings.length));
    const events = f.arr('events').map((e, i) => {
        const ef = v.object(e, `${f.at('events')}[${i}]`);
        const ev = { kind: ef.oneOf('kind', ['MISSING', 'WP', 'MINOR']), page: ef.int('page', 0, ctx.pages - 1), write: ef.bool('write') };
        if (ef.has('mapping'))
            ev.mapping = ef.int('mapping', 0, ctx.mappings.length - 1);
        ef.done();
        return ev;
    });
    const threadsArr = f.arr('threads');
    if (threadsArr.length !== ctx.threads)
        v.failMsg(f.at('threads'), `expected ${ctx.threads} entries (one per thread), got ${threadsArr.length}`);
    const threads = threadsArr.map((t, i) => validateThread(v, t, `${f.at('threads')}[${i}]`));
    if ((op.op === 'read' || op.op === 'write') && result !== undefined && (result === 'blocked') !== (threads[op.thread].state === 'blocked'))
        v.failMsg(f.at('result'), `"blocked" exactly when threads[${op.thread}] is blocked`);
    f.done();
    const obs = { pages, events, threads };
    if (result !== undefined)
        obs.result = result;
    return obs;
}
function validatePage(v, x, path, mappings) {
    const f = v.object(x, path);
    const page = { cache: f.bool('cache'), pte: f.oneOf('pte', ['none', 'marker', 'present']), wp: f.bool('wp') };
    if (f.has('value'))
        page.value = f.int('value', 0, 255);
    checkPte(v, f, page);
    if (f.has('others')) {
        const arr = f.arr('others');
        if (arr.length !== mappings - 1)
            v.failMsg(f.at('others'), `expected ${mappings - 1} entries (mappings 1..${mappings - 1}), got ${arr.length}`);
        page.others = arr.map((o, i) => {
            const g = v.object(o, `${f.at('others')}[${i}]`);
            const m = { pte: g.oneOf('pte', ['none', 'marker', 'present']), wp: g.bool('wp') };
            checkPte(v, g, m);
            g.done();
            return m;
        });
    }
    f.done();
    if (!page.cache && page.value !== undefined && page.value !== 0)
        v.failMsg(f.at('value'), `a page not in the cache reads 0, got ${page.value}`);
    return page;
}
function checkPte(v, f, p) {
    if (p.pte === 'marker' && !p.wp)
        v.failMsg(f.at('wp'), 'a marker is always wp');
    if (p.pte === 'none' && p.wp)
        v.failMsg(f.at('wp'), 'a none pte is never wp');
}
function validateThread(v, x, path) {
    const f = v.object(x, path);
    const state = f.oneOf('state', ['idle', 'blocked']);
    let t;
    if (state === 'idle') {
        t = { state };
        if (f.has('last')) {
            const last = f.raw('last');
            const byte = typeof last === 'number' && Number.isInteger(last) && last >= 0 && last <= 255;
            if (!byte && last !== 'ok' && last !== 'SIGBUS')
                v.fail(f.at('last'), 'expected a byte 0..255, "ok" or "SIGBUS"', last);
            t.last = last;
        }
    }
    else {
        t = { state };
    }
    f.done();
    return t;
}
// ---- comparison and rendering ------------------------------------------------------
function showResult(r) {
    return r === undefined ? 'none' : String(r);
}
function showEvent(e) {
    if (e === undefined)
        return 'none';
    return `${e.kind} ${e.write ? 'write' : 'read'} page ${e.page}${e.mapping ? ` mapping ${e.mapping}` : ''}`;
}
function showThread(t) {
    if (t.state !== 'idle')
        return t.state;
    return t.last === undefined ? 'idle' : `idle last=${t.last}`;
}
function showMap(p) {
    return p === undefined ? 'nothing' : `${p.pte}${p.wp ? ' wp' : ''}`;
}
/** null when equal; otherwise the first difference, e.g. `pages[2].pte: expected marker, got none`. */
function compareObservation(expected, actual) {
    return guarded(() => compareFields(expected, actual));
}
function compareFields(expected, actual) {
    if (expected.result !== undefined && expected.result !== actual.result)
        return `result: expected ${showResult(expected.result)}, got ${showResult(actual.result)}`;
    const n = Math.max(expected.pages.length, actual.pages.length);
    for (let i = 0; i < n; i++) {
        const e = expected.pages[i];
        const a = actual.pages[i];
        if (e === undefined || a === undefined)
            return `pages: expected ${expected.pages.length} pages, got ${actual.pages.length}`;
        for (const key of ['cache', 'value', 'pte', 'wp']) {
            if (key === 'value' && e.value === undefined)
                continue;
            if (e[key] !== a[key])
                return `pages[${i}].${key}: expected ${e[key]}, got ${a[key]}`;
        }
        (e.others ?? []).forEach((o, j) => {
            const ao = a.others?.[j];
            if (ao === undefined || o.pte !== ao.pte || o.wp !== ao.wp)
                throw new Mismatch(`pages[${i}].others[${j}] (mapping ${j + 1}): expected ${showMap(o)}, got ${showMap(ao)}`);
        });
    }
    const m = Math.max(expected.events.length, actual.events.length);
    for (let i = 0; i < m; i++) {
        const e = expected.events[i];
        const a = actual.events[i];
        if (e === undefined || a === undefined || e.kind !== a.kind || e.page !== a.page || e.write !== a.write || (e.mapping ?? 0) !== (a.mapping ?? 0))
            return `events[${i}]: expected ${showEvent(e)}, got ${showEvent(a)}`;
    }
    const t = Math.max(expected.threads.length, actual.threads.length);
    for (let i = 0; i < t; i++) {
        const e = expected.threads[i];
        const a = actual.threads[i];
        if (e === undefined || a === undefined)
            return `threads: expected ${expected.threads.length} threads, got ${actual.threads.length}`;
        // an idle thread without `last` in the expectation: its last result is not specified
        const shownA = e.state === 'idle' && e.last === undefined && a.state === 'idle' ? 'idle' : showThread(a);
        if (showThread(e) !== shownA)
            return `threads[${i}]: expected ${showThread(e)}, got ${showThread(a)}`;
    }
    return null;
}
class Mismatch extends Error {
}
/** null when `f` returns it or throws a Mismatch; otherwise the difference. */
function guarded(f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof Mismatch)
            return e.message;
        throw e;
    }
}
/**
 * How many fields of an expectation a comparison checks, and how many it leaves out
 * because the expectation does not specify them (a generated trace leaves out what its
 * spec run did not model): the conformance report prints both, so an agreement is
 * never silent about what it did not compare.
 */
function countFields(expected, mappings) {
    let compared = expected.events.length + expected.threads.length;
    let unspecified = 0;
    const count = (given) => (given ? compared++ : unspecified++);
    count(expected.result !== undefined);
    for (const p of expected.pages) {
        compared += 3; // cache, pte, wp
        count(p.value !== undefined);
        if (mappings > 1) {
            if (p.others === undefined)
                unspecified += 2 * (mappings - 1);
            else
                compared += 2 * p.others.length;
        }
    }
    for (const t of expected.threads)
        if (t.state === 'idle' && t.last === undefined)
            unspecified++;
    return { compared, unspecified };
}
/**
 * Compact human form, one line per page, for side-by-side reports:
 *   result 0
 *   page 0: cache 1 present wp
 *   page 1: hole 0 marker wp
 *   events: WP write page 1
 *   threads: t0 blocked, t1 idle last=3
 */
function formatObservation(obs) {
    const lines = [`result ${showResult(obs.result)}`];
    obs.pages.forEach((p, i) => lines.push(`page ${i}: ${p.cache ? 'cache' : 'hole'} ${p.value ?? '?'} ${p.pte}${p.wp ? ' wp' : ''}${(p.others ?? []).map((o, j) => `, m${j + 1} ${showMap(o)}`).join('')}`));
    lines.push(`events: ${obs.events.length === 0 ? 'none' : obs.events.map((e) => showEvent(e)).join(', ')}`);
    lines.push(`threads: ${obs.threads.map((t, i) => `t${i} ${showThread(t)}`).join(', ')}`);
    return lines.join('\n');
}
//# sourceMappingURL=trace.js.map