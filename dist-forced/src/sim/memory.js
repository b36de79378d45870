"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.handle_access = handle_access;
exports.madvise_dontneed = madvise_dontneed;
exports.madvise_pageout = madvise_pageout;
exports.do_munmap = do_munmap;
// mm/memory.c and mm/filemap.c for a user access through one mapping: the instruction
// itself, do_read_fault with fault-around, do_shared_fault, do_wp_page, marker
// handling and finish_fault; plus madvise(MADV_DONTNEED). Every path takes the VMA it
// acts on: flags, vm_page_prot and ptes are per mapping, the page cache is shared.
const kernel_1 = require("./kernel");
const trace_1 = require("../../conformance/trace");
const page_table_1 = require("./page-table");
const shmem_1 = require("./shmem");
const zap_1 = require("./zap");
const userfaultfd_1 = require("./userfaultfd");
const zap_2 = require("./zap");
const errors_1 = require("./errors");
/**
 * A thread's load or store of the page's first byte. The instruction is re-executed
 * after every fault, as the CPU does; it completes only through a present pte (and a
 * writable one for a store).
 */
function* handle_access(k, m, task, page, write, value) {
    for (;;) {
        yield write ? 'write_lands' : 'load';
        // After munmap the address is in no VMA: lock_mm_and_find_vma fails and the access
        // gets SIGSEGV, which the trace format cannot express (only a blocked access, woken
        // after the munmap, can get here: the harness refuses new accesses there).
        if (m.unmapped)
            throw new errors_1.SimError(`an access through mapping ${m.index} re-executes after munmap: SIGSEGV, which the trace format cannot express`);
        m.faulting++;
        try {
            const r = yield* access_step(k, m, task, page, write, value);
            if (r !== null)
                return r;
        }
        finally {
            if (--m.faulting === 0)
                m.mmapLockWaiters.wakeAll();
        }
    }
}
/**
 * One execution of the instruction: its result, or null when it faulted and the fault
 * asks to re-execute it. The caller counts it as a fault in flight on the VMA (the
 * kernel holds mmap_lock, or the per-VMA lock, for read across the fault).
 */
function* access_step(k, m, task, page, write, value) {
    {
        const pte = m.pte(page);
        let end;
        if (pte.kind === 'present') {
            if (!write)
                return pte.folio.value;
            if (pte.writable) {
                pte.folio.value = value;
                pte.dirty = true;
                return 'ok';
            }
            end = yield* do_wp_page(m, task, page);
        }
        else if (pte.kind === 'marker' && !m.vma.VM_UFFD_WP) {
            // handle_pte_marker: a wp marker in a VMA no longer WP-registered is stale; drop it.
            m.setPte(page, page_table_1.PTE_NONE);
            end = 'retry';
        }
        else if (write) {
            end = yield* do_shared_fault(k, m, task, page, pte.kind);
        }
        else {
            end = yield* do_read_fault(k, m, task, page, pte.kind);
        }
        return end === 'SIGBUS' ? 'SIGBUS' : null;
    }
}
/**
 * should_fault_around, per variant: only the faulting VMA's flags matter, never the pte
 * or i_private — so a mapping that is not registered always faults around.
 */
function should_fault_around(k, m) {
    switch (k.variant.FAULT_AROUND) {
        case 'Always':
        case 'ShmemMapPages':
            return true;
        case 'SkipIfUffdArmed':
            return !m.vma.uffdArmed;
        case 'SkipIfWpOrMinor':
            return !(m.vma.VM_UFFD_WP || m.vma.VM_UFFD_MINOR);
    }
}
/**
 * do_fault_around: the window of fault_around_pages ptes around the faulting one,
 * aligned down in the address space (pte_off is pte_index() of the faulting address,
 * not the page's index within the VMA: a mapping need not start 2 MiB aligned) and
 * clamped to the VMA and to the faulting address's page table, handed to ->map_pages
 * as file pages:
 *   from_pte = max(ALIGN_DOWN(pte_off, nr_pages), pte_off - min(pte_off, vma_off))
 *   to_pte   = min3(from_pte + nr_pages, PTRS_PER_PTE, pte_off + vma_pages - vma_off) - 1
 */
function do_fault_around(k, m, page, peeked) {
    const nr_pages = trace_1.FAULT_AROUND_PAGES;
    const pte_off = (0, kernel_1.pte_index)(m.address(page));
    const vma_off = page - m.vm_pgoff;
    const from_pte = Math.max(ALIGN_DOWN(pte_off, nr_pages), pte_off - Math.min(pte_off, vma_off));
    const to_pte = Math.min(from_pte + nr_pages, kernel_1.PTRS_PER_PTE, pte_off + m.vm_pages - vma_off) - 1;
    filemap_map_pages(k, m, page + from_pte - pte_off, page + to_pte - pte_off, peeked);
}
/** ALIGN_DOWN(x, a) for a power of two `a`. */
function ALIGN_DOWN(x, a) {
    return x & ~(a - 1);
}
/**
 * filemap_map_pages over file pages [start_pgoff, end_pgoff] of one VMA, under that
 * VMA's ptl: the end is clipped to the last page before EOF (no pte beyond i_size, so
 * an access there still gets SIGBUS); maps cached folios that are uptodate, unlocked
 * (trylock) and still in the file, into ptes that are none — never markers — with the
 * VMA's vm_page_prot. It never allocates, never raises an event, never sets uffd-wp,
 * and ignores i_private, except in the 'ShmemMapPages' variant (a shmem vm_op, so in
 * every VMA), which skips the indices of an active punch.
 */
function filemap_map_pages(k, m, start_pgoff, end_pgoff, peeked) {
    const falloc = k.variant.FAULT_AROUND !== 'ShmemMapPages' ? null : peeked !== undefined ? peeked : k.mapping.i_private;
    const file_end = k.mapping.i_size - 1;
    const end = Math.min(end_pgoff, file_end);
    for (let i = start_pgoff; i <= end; i++) {
        if (m.pte(i).kind !== 'none')
            continue;
        const folio = k.mapping.lookup(i);
        if (folio === null || !folio.uptodate || folio.locked || folio.mapping === null)
            continue;
        if (falloc !== null && i >= falloc.start && i < falloc.next)
            continue;
        m.installPte(i, folio, m.vma.vmPageProtWritable, false, false);
    }
}
/** do_read_fault: fault-around first if allowed, returning if it filled the faulting pte. */
function* do_read_fault(k, m, task, page, orig) {
    yield 'do_read_fault';
    if (should_fault_around(k, m)) {
        // the check-then-lock form of shmem_map_pages reads i_private before taking ptl
        const peeked = k.variant.MAP_PAGES_CHECK_UNDER_PTL ? undefined : k.mapping.i_private;
        yield 'filemap_map_pages';
        do_fault_around(k, m, page, peeked);
        if (m.pte(page).kind === 'present')
            return 'retry';
    }
    const got = yield* (0, shmem_1.shmem_fault)(k, m, task, page, false);
    if (got === 'retry' || got === 'SIGBUS')
        return got;
    yield 'finish_fault';
    finish_fault(m, page, got.folio, false, orig);
    return 'retry';
}
/** do_shared_fault: shmem has no ->page_mkwrite, so nothing can refuse the write. */
function* do_shared_fault(k, m, task, page, orig) {
    const got = yield* (0, shmem_1.shmem_fault)(k, m, task, page, true);
    if (got === 'retry' || got === 'SIGBUS')
        return got;
    yield 'finish_fault';
    finish_fault(m, page, got.folio, true, orig);
    return 'retry';
}
/**
 * finish_fault under ptl: if the pte is still what the fault started from, install with
 * vm_page_prot (writable+dirty for a write), adding uffd-wp and read-only when it
 * replaces a wp marker; either way unlock the folio.
 */
function finish_fault(m, page, folio, write, orig) {
    if (m.pte(page).kind === orig) {
        const wp = orig === 'marker' && m.vma.VM_UFFD_WP;
        m.installPte(page, folio, write || m.vma.vmPageProtWritable, write, wp);
        if (write)
            folio.dirty = true;
    }
    folio.unlock();
}
/**
 * do_wp_page on a present read-only pte: a uffd-wp pte in a WP VMA raises WP (or, with
 * WP_ASYNC, loses the bit in place); otherwise the shared page is reused writable.
 */
function* do_wp_page(m, task, page) {
    yield 'do_wp_page';
    const pte = m.pte(page);
    if (pte.kind !== 'present' || pte.writable)
        return 'retry';
    if (m.vma.VM_UFFD_WP && pte.uffd_wp) {
        if (!m.vma.uffdCtx?.features.has('WP_ASYNC'))
            return yield* (0, userfaultfd_1.handle_userfault)(m, task, page, 'WP', true);
        pte.uffd_wp = false;
    }
    pte.writable = true;
    pte.dirty = true;
    return 'retry';
}
/** madvise(MADV_DONTNEED) of file pages [lo,hi] of one mapping: zap its ptes, keep the page cache (markers survive). */
function* madvise_dontneed(k, m, lo, hi) {
    yield 'madvise_dontneed';
    (0, zap_2.zap_page_range)(k, m, lo, hi);
    return 0;
}
/**
 * madvise(MADV_PAGEOUT) of file pages [lo,hi] of one mapping (mm/madvise.c
 * madvise_pageout, root may page out a shared file mapping: can_do_file_pageout).
 * madvise_cold_or_pageout_pte_range, under ptl: present ptes only (markers and none are
 * skipped), and only folios this pte alone maps (folio_mapcount() == 1: "do not
 * interfere with other mappings of this folio"), isolated from the LRU. Then
 * reclaim_pages -> shrink_folio_list, one folio per step: a folio it cannot trylock is
 * kept; try_to_unmap clears every pte that maps it (a uffd-wp pte of a WP VMA becomes a
 * marker, the pte's dirty bit moves to the folio); then a dirty folio goes to
 * shmem_writeout, which with no swap (total_swap_pages == 0) redirties it and returns
 * AOP_WRITEPAGE_ACTIVATE: it stays in the page cache, unmapped. A clean one (a zero
 * folio a read fault allocated, never written) is freed by __remove_mapping: the page
 * becomes a hole. (Recorded on 6.18 with no swap.) Not modelled: a folio not yet on the
 * LRU (still in another CPU's lru_add batch; madvise only drains its own) is skipped.
 */
function* madvise_pageout(k, m, task, lo, hi) {
    yield 'madvise_pageout';
    const folios = [];
    for (let i = lo; i <= hi; i++) {
        const pte = m.pte(i);
        if (pte.kind !== 'present')
            continue;
        if (k.folioMapcount(pte.folio) !== 1)
            continue;
        folios.push(pte.folio);
    }
    for (const folio of folios) {
        yield 'shrink_folio_list';
        if (!folio.trylock(task))
            continue;
        if (k.folioMapped(folio))
            (0, zap_1.try_to_unmap)(k, folio);
        // shmem_writeout without swap: redirty and keep; a clean folio is freed
        if (!folio.dirty && folio.mapping !== null)
            k.mapping.removeFolio(folio);
        folio.unlock();
    }
    return 0;
}
/**
 * munmap(2) of the whole of one mapping: mmap_write_lock waits for the faults in flight
 * on it (see VmArea.faulting); then unmap_vmas zaps every pte with ZAP_FLAG_DROP_MARKER
 * (markers go too) and the VMA is gone, and with it its registration. The uffd stays
 * open (without UFFD_FEATURE_EVENT_UNMAP nothing is said to it, and a thread sleeping
 * on it stays asleep): UFFDIO_COPY/ZEROPAGE/CONTINUE/WRITEPROTECT there find no VMA
 * (-ENOENT), UNREGISTER and REGISTER find none either (-EINVAL), WAKE still returns 0
 * (recorded on 6.18).
 */
function* do_munmap(k, m, task) {
    for (;;) {
        yield 'munmap';
        if (m.faulting === 0)
            break;
        m.mmapLockWaiters.sleep(task);
    }
    (0, zap_1.unmap_vma)(k, m);
    m.vma.setUffd(null, []);
    m.unmapped = true;
    return 0;
}
//# sourceMappingURL=memory.js.map