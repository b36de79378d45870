"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.do_pagemap_scan = do_pagemap_scan;
const errno_1 = require("./errno");
const page_table_1 = require("./page-table");
const errors_1 = require("./errors");
const uffd_ioctl_1 = require("./uffd-ioctl");
/**
 * do_pagemap_scan -> walk_page_range(pagemap_scan_ops) over one VMA; the result is the
 * number of pages the returned page_regions cover (the ioctl itself returns the number
 * of regions).
 *
 * pagemap_scan_test_walk: wp_allowed = userfaultfd_wp_async (the VMA's uffd has
 * UFFD_FEATURE_WP_ASYNC; VM_UFFD_WP is not asked) && userfaultfd_wp_use_markers (a file
 * VMA: VM_UFFD_WP). Without it PM_SCAN_CHECK_WPASYNC fails the walk with -EPERM; a scan
 * without WP_MATCHING walks any VMA, registered or not.
 *
 * Then per page table (pmd) of the range:
 *  - no page table (pmd_none): pagemap_scan_pte_hole. Its categories are the VMA's
 *    (PAGE_IS_WPALLOWED) plus PAGE_IS_WRITTEN when the VMA is VM_UFFD_WP: that is the
 *    stable fix "fix PAGEMAP_SCAN written state for PMD holes" (July 2026), and what
 *    6.18.44 does (recorded); the code before it never reported a hole. So a hole of a
 *    WP VMA is reported whole, and under WP_MATCHING armed by uffd_wp_range, which
 *    allocates the table and puts a marker in every pte; a hole of any other VMA is not
 *    reported.
 *  - a page table: pagemap_scan_pmd_entry's PAGE_IS_WRITTEN fast path. A pte is written
 *    unless it is present and uffd-wp or a uffd-wp swap/marker entry
 *    (pte_swp_uffd_wp_any), so a none pte counts as written whatever the VMA (the slow
 *    path's pagemap_page_category agrees since the stable fix "fix PAGEMAP_SCAN written
 *    state for unpopulated ptes"). Under WP_MATCHING each reported pte goes through
 *    make_uffd_wp_pte: a present one gets uffd-wp and loses write (pte_mkuffd_wp), a none
 *    one becomes a marker.
 * i_size plays no part: a none pte past EOF is written and gets a marker too.
 */
function* do_pagemap_scan(k, m, lo, hi, wpMatching) {
    yield 'pagemap_scan';
    // PAGEMAP_SCAN came with UFFD_FEATURE_WP_ASYNC in 6.7, long after pte markers (5.19):
    // make_uffd_wp_pte has no marker-less form to model.
    if (!k.variant.PTE_MARKERS)
        throw new errors_1.SimError('pagemap_scan: PAGEMAP_SCAN (6.7+) needs pte markers, which this variant does not have (PTE_MARKERS false)');
    if (!pagemap_scan_test_walk(m) && wpMatching)
        return -errno_1.EPERM;
    let found = 0;
    for (let a = lo; a <= hi;) {
        // walk_pmd_range: the part of the range under one pmd
        let b = a;
        while (b < hi && m.pteTable(b + 1) === m.pteTable(a))
            b++;
        found += m.pmdNone(a) ? pagemap_scan_pte_hole(k, m, a, b, wpMatching) : pagemap_scan_pmd_entry(m, a, b, wpMatching);
        a = b + 1;
    }
    return found;
}
/** Whether the VMA is PAGE_IS_WPALLOWED: userfaultfd_wp_async(vma) && userfaultfd_wp_use_markers(vma). */
function pagemap_scan_test_walk(m) {
    const ctx = m.vma.uffdCtx;
    return ctx !== null && ctx.features.has('WP_ASYNC') && m.vma.VM_UFFD_WP;
}
/** A pmd with no page table over file pages [lo,hi]: the pages reported. */
function pagemap_scan_pte_hole(k, m, lo, hi, wpMatching) {
    if (!m.vma.VM_UFFD_WP)
        return 0;
    if (wpMatching)
        (0, uffd_ioctl_1.uffd_wp_range)(k, m, lo, hi, true);
    return hi - lo + 1;
}
/** The ptes of one page table over file pages [lo,hi], under its ptl: the pages reported. */
function pagemap_scan_pmd_entry(m, lo, hi, wpMatching) {
    let found = 0;
    for (let i = lo; i <= hi; i++) {
        const pte = m.pte(i);
        if ((pte.kind === 'present' && pte.uffd_wp) || pte.kind === 'marker')
            continue;
        found++;
        if (wpMatching)
            make_uffd_wp_pte(m, i);
    }
    return found;
}
/** make_uffd_wp_pte: pte_mkuffd_wp on a present pte (x86 also write-protects it), a marker on a none one. */
function make_uffd_wp_pte(m, pgoff) {
    const pte = m.pte(pgoff);
    if (pte.kind === 'present') {
        pte.uffd_wp = true;
        pte.writable = false;
    }
    else {
        m.setPte(pgoff, page_table_1.PTE_MARKER);
    }
}
//# sourceMappingURL=pagemap.js.map