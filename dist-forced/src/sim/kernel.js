"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Kernel = exports.VmArea = exports.PTRS_PER_PTE = exports.MAX_MAPPINGS = void 0;
exports.pte_index = pte_index;
// The whole simulated system: one shmem file (its inode, i_size and page cache), up to
// MAX_MAPPINGS MAP_SHARED mappings of it (its i_mmap), each with the userfaultfd its
// first register opened.
const page_cache_1 = require("./page-cache");
const page_table_1 = require("./page-table");
const scheduler_1 = require("./scheduler");
const vma_1 = require("./vma");
const trace_1 = require("../../conformance/trace");
Object.defineProperty(exports, "MAX_MAPPINGS", { enumerable: true, get: function () { return trace_1.MAX_MAPPINGS; } });
/** PTRS_PER_PTE on x86_64: a page table covers 2 MiB, the bound of a fault-around window. */
exports.PTRS_PER_PTE = 512;
/** pte_index(): the place of the pte of user address `address` (in pages) in its page table. */
function pte_index(address) {
    return address & (exports.PTRS_PER_PTE - 1);
}
/**
 * One vm_area_struct of the file's i_mmap tree: the VMA (flags, uffd registration,
 * vm_page_prot), where it sits in the file (vm_pgoff, vma_pages), where it sits in the
 * address space (vm_start, in pages past a 2 MiB boundary: the pte index of its first
 * page) and the ptes that map it. A mapping whose vm_start + vma_pages passes
 * PTRS_PER_PTE spans two page tables; only do_fault_around cares (its window never
 * leaves the faulting address's page table), so the ptes are kept in one array by page
 * within the mapping (`slot`), and pte_index() is computed from the address.
 * The kernel paths speak file page indices (vmf->pgoff); the accessors below translate.
 */
class VmArea {
    index;
    vm_pgoff;
    vm_pages;
    vm_start;
    vma;
    /** indexed by page within the mapping (page - vm_pgoff), not by file page nor by pte index */
    pt;
    /**
     * The userfaultfd the mapping's first register opened (userfaultfd(2) + UFFDIO_API),
     * kept to the end even after an unregister; vma.uffdCtx is the registration itself.
     */
    uffd = null;
    /** munmap removed the VMA: its range maps nothing (its uffd, if any, stays open) */
    unmapped = false;
    /**
     * Faults in flight on this VMA, i.e. holding mmap_lock (or the per-VMA lock) for read:
     * munmap's mmap_write_lock waits for them. A fault that sleeps on a userfault or on a
     * punch's waitq has dropped the lock (handle_userfault, shmem_falloc_wait) and is not
     * counted; one sleeping on a folio lock holds it.
     */
    faulting = 0;
    mmapLockWaiters = new scheduler_1.WaitQueue('mmap_lock');
    /**
     * The page tables (by pte_table(): the 2 MiB block of the address space) that exist
     * under this mapping's pmds. A page table comes into being with the first pte set in it
     * (a fault, fault-around, a marker of UFFDIO_WRITEPROTECT or PAGEMAP_SCAN) or when
     * mfill_atomic allocates it before it tries the page (pte_alloc); nothing in the
     * simulated surface frees one while the mapping lives (a zap leaves the table: the
     * empty-table reclaim of MADV_DONTNEED needs a whole PMD range). Only PAGEMAP_SCAN
     * tells a none pte from a hole (pmd_none): see pagemap.ts.
     */
    pageTables = new Set();
    constructor(
    /** position in Kernel.vmas (the trace's `mapping`) */
    index, variant, 
    /** the file page of the mapping's first page */
    vm_pgoff, 
    /** vma_pages() */
    vm_pages, 
    /**
     * vm_start, in pages from the 2 MiB boundary at or below it (the trace's `pteIndex`,
     * 0..PTRS_PER_PTE-1): pte_index() of the mapping's first page
     */
    vm_start = 0) {
        this.index = index;
        this.vm_pgoff = vm_pgoff;
        this.vm_pages = vm_pages;
        this.vm_start = vm_start;
        if (!Number.isInteger(vm_start) || vm_start < 0 || vm_start >= exports.PTRS_PER_PTE)
            throw new Error(`internal: mapping ${index}: vm_start ${vm_start} is not a pte index (0..${exports.PTRS_PER_PTE - 1})`);
        this.vma = new vma_1.Vma(variant);
        this.pt = new page_table_1.PageTable(vm_pages);
    }
    /** Whether the mapping maps file page `pgoff`. */
    covers(pgoff) {
        return pgoff >= this.vm_pgoff && pgoff < this.vm_pgoff + this.vm_pages;
    }
    /** The page within the mapping (linear_page_index() inverted) of file page `pgoff`: its slot in `pt`. */
    slot(pgoff) {
        if (!this.covers(pgoff))
            throw new Error(`internal: mapping ${this.index} (pages ${this.vm_pgoff}..${this.vm_pgoff + this.vm_pages - 1}) does not map page ${pgoff}`);
        return pgoff - this.vm_pgoff;
    }
    /** The user address (in pages, from the same 2 MiB-aligned base as vm_start) that maps file page `pgoff`. */
    address(pgoff) {
        return this.vm_start + this.slot(pgoff);
    }
    /** pte_index() of the address that maps file page `pgoff`: its place in its page table. */
    pteIndex(pgoff) {
        return pte_index(this.address(pgoff));
    }
    /** linear_page_index() of slot `slot` (page `slot` of the mapping). */
    pgoffOf(slot) {
        return this.vm_pgoff + slot;
    }
    /** The pte that maps file page `pgoff`. */
    pte(pgoff) {
        return this.pt.get(this.slot(pgoff));
    }
    setPte(pgoff, pte) {
        if (pte.kind !== 'none')
            this.pte_alloc(pgoff);
        this.pt.set(this.slot(pgoff), pte);
    }
    /** set_pte_range for file page `pgoff` */
    installPte(pgoff, folio, writable, dirty, uffd_wp) {
        this.pte_alloc(pgoff);
        this.pt.install(this.slot(pgoff), folio, writable, dirty, uffd_wp);
    }
    /** The page table (2 MiB block of the address space) the pte of file page `pgoff` lives in. */
    pteTable(pgoff) {
        return Math.floor(this.address(pgoff) / exports.PTRS_PER_PTE);
    }
    /** pmd_none() for the pmd over file page `pgoff`: no page table there yet. */
    pmdNone(pgoff) {
        return !this.pageTables.has(this.pteTable(pgoff));
    }
    /** pte_alloc(): make sure the page table over file page `pgoff` exists. */
    pte_alloc(pgoff) {
        this.pageTables.add(this.pteTable(pgoff));
    }
    /** File pages [lo,hi] clipped to the mapping (the part of a file range it maps), or null. */
    clip(lo, hi) {
        const from = Math.max(lo, this.vm_pgoff);
        const to = Math.min(hi, this.vm_pgoff + this.vm_pages - 1);
        return from <= to ? [from, to] : null;
    }
    /** Whether a pte of this mapping maps the folio (its share of folio_mapped()). */
    mapsFolio(folio) {
        return this.covers(folio.index) && this.pt.maps(this.slot(folio.index), folio);
    }
    /** File pages whose present pte maps a folio other than the one cached there (property (ii)). */
    stalePtes(mapping) {
        const out = [];
        this.pt.ptes.forEach((pte, i) => {
            if (pte.kind === 'present' && mapping.lookup(this.pgoffOf(i)) !== pte.folio)
                out.push(this.pgoffOf(i));
        });
        return out;
    }
}
exports.VmArea = VmArea;
class Kernel {
    variant;
    pages;
    mapping;
    /** i_mmap, in the trace's order of mappings */
    vmas;
    constructor(variant, 
    /** the file pages the system observes; every mapping lies inside them */
    pages, 
    /** a count (each mapping over the whole of `pages`, 2 MiB aligned) or each mapping's place in the file and its pte index */
    mappings = 1, 
    /** initial i_size, in pages */
    i_size = pages) {
        this.variant = variant;
        this.pages = pages;
        this.mapping = new page_cache_1.AddressSpace(pages, i_size);
        const geometry = typeof mappings === 'number' ? Array.from({ length: mappings }, () => ({ offset: 0, length: pages })) : mappings;
        this.vmas = geometry.map((g, i) => new VmArea(i, variant, g.offset, g.length, g.pteIndex ?? 0));
    }
    /** mapping 0's ptes (indexed by page within the mapping, which is the file page when mapping 0 starts at offset 0) */
    get pt() {
        return this.vmas[0].pt;
    }
    /** mapping 0's VMA */
    get vma() {
        return this.vmas[0].vma;
    }
    /** folio_mapped(): a pte of some VMA of the file maps it (its mapcount is not zero). */
    folioMapped(folio) {
        return this.vmas.some((m) => m.mapsFolio(folio));
    }
    /** folio_mapcount() of a small folio: the ptes, over every VMA of the file, that map it. */
    folioMapcount(folio) {
        return this.vmas.filter((m) => m.mapsFolio(folio)).length;
    }
    /** Stale ptes of one mapping: file pages, sorted. */
    stalePtesOf(m) {
        return this.vmas[m].stalePtes(this.mapping);
    }
    /** File pages with a stale pte in any mapping (property (ii)), sorted, each once. */
    stalePtes() {
        const stale = new Set(this.vmas.flatMap((m) => m.stalePtes(this.mapping)));
        return [...stale].sort((a, b) => a - b);
    }
}
exports.Kernel = Kernel;
//# sourceMappingURL=kernel.js.map