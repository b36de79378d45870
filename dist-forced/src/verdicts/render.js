"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pageCells = pageCells;
exports.renderTrace = renderTrace;
exports.constantValue = constantValue;
exports.renderMarkdown = renderMarkdown;
exports.renderJson = renderJson;
const json_1 = require("../runtime/json");
const step_1 = require("../runtime/step");
const rows_1 = require("../../spec/shmem_uffd/rows");
const variants_1 = require("../../spec/shmem_uffd/variants");
const shmem_uffd_1 = require("../../spec/shmem_uffd");
/** The kernel function behind each label / action of spec/shmem_uffd/shmem_uffd.spec.ts. */
const KERNEL = {
    access: 'user program issues the next access',
    load: 'load: pte walk (present: read done; else page fault)',
    write_lands: 'store: pte walk (present+writable: the write lands; else page fault)',
    do_read_fault: 'do_read_fault: should_fault_around()',
    filemap_map_pages: 'do_fault_around -> filemap_map_pages (under ptl)',
    shmem_fault: 'shmem_fault: unlocked peek at i_private',
    shmem_fault_wait: 'shmem_falloc_wait: i_private under i_lock, sleep on the waitq if in [start,next)',
    shmem_get_folio: 'shmem_get_folio_gfp: lock / allocate folio, or MISSING/MINOR userfault',
    finish_fault: 'finish_fault: install pte under ptl unless it changed; folio_unlock',
    do_wp_page: 'do_wp_page: uffd-wp -> WP userfault, else wp_page_reuse',
    handle_userfault: 'handle_userfault: queue msg, sleep if userfaultfd_must_wait()',
    exit: 'thread exits',
    punch_begin: 'shmem_fallocate: inode_lock, i_private = {start,next}',
    unmap_mapping_range: 'shmem_fallocate: first unmap, unmap_mapping_range (no folio lock)',
    truncate_inode_folio: 'shmem_undo_range -> truncate_inode_folio (folio locked: second unmap if mapped, delete)',
    punch_end: 'shmem_fallocate: i_private = NULL, wake_up_all, inode_unlock',
    madvise_dontneed: 'madvise(MADV_DONTNEED): zap_page_range_single',
    madvise_pageout: 'madvise(MADV_PAGEOUT): reclaim_pages -> shrink_folio_list -> try_to_unmap (no swap: the folio stays cached)',
    pwrite: 'pwrite(2) into a hole: shmem_write_begin allocates',
    userfaultfd_read: 'monitor read(2): userfaultfd_ctx_read',
    mfill_atomic_copy: 'monitor UFFDIO_COPY: mfill_atomic -> shmem_mfill_atomic_pte',
    mfill_atomic_continue: 'monitor UFFDIO_CONTINUE: mfill_atomic_pte_continue',
    mwriteprotect_range: 'monitor UFFDIO_WRITEPROTECT: mwriteprotect_range -> change_pte_range',
    userfaultfd_wake: 'monitor UFFDIO_WAKE',
};
const arr = (m) => Array.isArray(m) ? m : Object.keys(m).sort((a, b) => Number(a) - Number(b)).map((k) => m[k]);
function pteText(p) {
    switch ((0, json_1.tagOfJson)(p)) {
        case 'PteNone':
            return 'none';
        case 'PteMarker':
            return 'marker';
        default:
            return `g${p.folio}:${p.writable ? 'rw' : 'ro'}${p.wp ? '+wp' : ''}`;
    }
}
function cacheText(c, locked) {
    return (0, json_1.tagOfJson)(c) === 'Hole' ? 'hole' : `folio g${c.gen}${locked ? ' (locked)' : ''}`;
}
/** per page: "cache | pte of mapping 0 | pte of mapping 1" */
function pageCells(s) {
    const cache = arr(s.cache);
    const locked = arr(s.locked);
    const ptes = arr(s.pte).map(arr);
    const armed = arr(s.armed);
    return cache.map((c, i) => {
        const ps = ptes.map((row, m) => `m${m} ${pteText(row[i])}`).join(', ');
        return `${cacheText(c, locked[i])}; ${ps}${armed[i] ? '; **armed**' : ''}`;
    });
}
function uffdText(s) {
    const msgs = arr(s.uffd_msg);
    const ps = arr(s['Thread.p'] ?? {});
    const parts = [];
    msgs.forEach((m, t) => {
        if ((0, json_1.tagOfJson)(m) === 'NoMsg')
            return;
        const kind = m.reason === 'VmUffdWp' ? 'WP' : m.reason === 'VmUffdMinor' ? 'MINOR' : 'MISSING';
        parts.push(`T${t} ${kind}${m.write ? '|WRITE' : ''} p${ps[t]} ${(0, json_1.tagOfJson)(m) === 'Pending' ? 'queued' : 'read'}`);
    });
    const held = (s.mon_held ?? {});
    for (const [reason, pages] of Object.entries(held)) {
        const kind = reason === 'VmUffdWp' ? 'WP' : reason === 'VmUffdMinor' ? 'MINOR' : 'MISSING';
        for (const [pg, on] of Object.entries(pages))
            if (on)
                parts.push(`monitor answers ${kind} p${pg}`);
    }
    for (const [pg, on] of Object.entries((s.mon_wake ?? {})))
        if (on)
            parts.push(`monitor must wake p${pg}`);
    const fw = arr(s.falloc_wait);
    fw.forEach((w, t) => w && parts.push(`T${t} on falloc waitq`));
    return parts.join('; ') || '—';
}
function iPrivateText(s) {
    const f = s.i_private;
    return (0, json_1.tagOfJson)(f) === 'Punching' ? `[${f.start},${f.next})` : '—';
}
/**
 * The who and step columns: a process step's instance and label
 * ('Thread[1]', 'write_lands'); an action is the monitor's or, for the two
 * that are system calls of the program, 'syscall', and its name is the
 * label (the key of KERNEL).
 */
function whoAndLabel(step) {
    if (step === null)
        return { actor: '', label: 'Init' };
    const actor = (0, step_1.stepActor)(step);
    if (actor !== null && step.label !== null)
        return { actor, label: step.label };
    const label = step.action;
    return { actor: label === 'madvise_dontneed' || label === 'madvise_pageout' || label === 'pwrite' ? 'syscall' : 'monitor', label };
}
/** What a step did, read from the step's parameters and the states before and after it. */
function detail(t, prev) {
    const s = t.state;
    const step = t.step;
    if (step === null)
        return '';
    if (step.process === 'Thread' && step.label !== null && prev) {
        const u = (0, step_1.intInstance)(step);
        const label = step.label;
        const src = label === 'access' ? s : prev;
        const op = `${src['Thread.wr'][u] ? 'store' : 'load'} p${src['Thread.p'][u]} via m${src['Thread.m'][u]}`;
        if (label === 'write_lands' && !prev.silent_write && s.silent_write)
            return `${op}: **the write lands silently**`;
        if (label === 'write_lands' && s['Thread.left'][u] < prev['Thread.left'][u])
            return `${op}: the write lands`;
        return op;
    }
    switch (step.action) {
        case 'mwriteprotect_range':
            return `${(0, step_1.boolParam)(step, 'protect') ? 'protect' : 'unprotect'} p${(0, step_1.intParam)(step, 'pg')}`;
        case 'madvise_pageout':
        case 'madvise_dontneed': {
            const lo = (0, step_1.intParam)(step, 'lo');
            const hi = (0, step_1.intParam)(step, 'hi');
            return `m${(0, step_1.intParam)(step, 'mm')} p${lo}${hi > lo ? `..${hi}` : ''}`;
        }
        case 'pwrite':
            return `p${(0, step_1.intParam)(step, 'pg')}`;
        case 'userfaultfd_read':
            return `message of T${(0, step_1.intParam)(step, 'u')}`;
    }
    return '';
}
function renderTrace(trace) {
    const first = trace[0].state;
    const pages = arr(first.cache).length;
    const head = ['#', 'who', 'step', 'kernel path', 'what', ...Array.from({ length: pages }, (_, i) => `page ${i}`), 'i_private', 'uffd'];
    const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
    trace.forEach((step, i) => {
        const s = step.state;
        const { actor, label } = whoAndLabel(step.step);
        const cells = [
            String(i),
            actor,
            step.step === null ? 'Init' : `\`${label}\``,
            step.step === null ? 'initial state' : KERNEL[label] ?? '',
            i === 0 ? '' : detail(step, trace[i - 1].state),
            ...pageCells(s),
            iPrivateText(s),
            uffdText(s),
        ];
        lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    });
    return lines.join('\n');
}
/** The columns of the table: every kernel switch of the variant table, then the registration and the mappings. */
const COLUMNS = [...variants_1.SWITCHES, { name: 'UFFD_MODE', short: 'uffd' }, { name: 'MAPPINGS', short: 'maps' }];
const SHOWN_CONSTANTS = COLUMNS.map((c) => c.name);
const DEFAULTS = { MAPPINGS: 1 };
function constantValue(r, name) {
    return r.row.constants[name] ?? DEFAULTS[name];
}
function otherConstants(r) {
    return Object.entries(r.row.constants)
        .filter(([k]) => !SHOWN_CONSTANTS.includes(k))
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
}
function verdictCell(r, p) {
    const v = r.verdicts[p];
    if (v.holds)
        return 'holds';
    return `[**violated** (${v.steps} steps)](#${anchor(r.row.id, p)})`;
}
function anchor(id, p) {
    return `cex-${id}-${p}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}
function renderMarkdown(results, preamble) {
    const cols = ['row', 'variant', ...COLUMNS.map((c) => c.short), 'other', ...rows_1.PROPERTIES, 'distinct states'];
    const out = [preamble.trimEnd(), '', '## Verdicts', ''];
    out.push(`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
    for (const r of results) {
        const cells = [
            `\`${r.row.id}\``,
            r.row.variant,
            ...SHOWN_CONSTANTS.map((c) => String(constantValue(r, c))),
            otherConstants(r) || '',
            ...rows_1.PROPERTIES.map((p) => verdictCell(r, p)),
            String(r.distinctStates),
        ];
        out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('', '### What each row asks', '');
    for (const r of results) {
        const patch = r.patch ? ` (also checked as the patch module \`${r.patch.file}\`: the same verdicts, counterexample lengths and ${r.patch.distinctStates} states)` : '';
        out.push(`- \`${r.row.id}\` (${r.row.variant}): ${r.row.question}${patch}`);
    }
    out.push('', '### Time per row', '', 'Wall-clock time of all runs of the row (varies between machines and runs).', '');
    out.push('| row | time (s) |', '|---|---|');
    for (const r of results)
        out.push(`| \`${r.row.id}\` | ${(r.durationMs / 1000).toFixed(1)} |`);
    out.push('', '## Counterexamples', '');
    out.push('Each is the shortest for its property (breadth-first). A page column shows, after the step: the page cache slot ' +
        '(`folio gN` = the folio allocated after N truncations at that index, `hole`), then each mapping\'s pte ' +
        '(`none`, `marker` = uffd-wp pte marker, `gN:rw`/`gN:ro` present mapping folio gN, `+wp` = uffd-wp bit); ' +
        '**armed** = the monitor protected the page and no event for it has reached the monitor since.', '');
    for (const r of results) {
        for (const t of r.traces) {
            out.push(`<a id="${anchor(r.row.id, t.property)}"></a>`, '');
            out.push(`### \`${r.row.id}\`: ${t.property} (${t.trace.length - 1} steps)`, '');
            out.push(renderTrace(t.trace), '');
            if (t.loopFrom !== undefined) {
                out.push(t.stutter
                    ? 'A lasso: after the last step nothing more happens, forever (no step that fairness requires is enabled).'
                    : `A lasso: the last state is the state of step ${t.loopFrom} again, and steps ${t.loopFrom + 1}.. repeat forever.`, '');
            }
        }
    }
    return out.join('\n') + '\n';
}
function renderJson(results) {
    const rows = results.map((r) => ({
        id: r.row.id,
        variant: r.row.variant,
        question: r.row.question,
        constants: r.row.constants,
        verdicts: r.verdicts,
        distinctStates: r.distinctStates,
        statesGenerated: r.statesGenerated,
        depth: r.depth,
        durationMs: r.durationMs,
        counterexamples: r.traces.map((t) => ({ property: t.property, steps: t.trace.map((s) => s.action) })),
        ...(r.patch ? { patch: r.patch.file } : {}),
    }));
    return JSON.stringify({ spec: 'ShmemUffd', file: shmem_uffd_1.SPEC_PATH, properties: rows_1.PROPERTIES, rows }, null, 2) + '\n';
}
//# sourceMappingURL=render.js.map