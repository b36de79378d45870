"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.zap_page_range = zap_page_range;
exports.unmap_mapping_range = unmap_mapping_range;
exports.unmap_mapping_folio = unmap_mapping_folio;
exports.unmap_mapping_range_from = unmap_mapping_range_from;
exports.try_to_unmap = try_to_unmap;
exports.unmap_vma = unmap_vma;
const page_table_1 = require("./page-table");
/**
 * Zap the pte that maps file page `index` in mapping `m` (zap_present_folio_ptes +
 * zap_install_uffd_wp_if_needed; try_to_unmap_one does the same through
 * pte_install_uffd_wp_if_needed).
 */
function zap_pte(k, m, index, dropMarkers) {
    const pte = m.pte(index);
    if (pte.kind === 'present') {
        // The dirty bit moves to the folio (folio_mark_dirty in zap_present_folio_ptes).
        if (pte.dirty)
            pte.folio.dirty = true;
        const keepWp = k.variant.PTE_MARKERS && !dropMarkers && m.vma.VM_UFFD_WP && pte.uffd_wp;
        m.setPte(index, keepWp ? page_table_1.PTE_MARKER : page_table_1.PTE_NONE);
    }
    else if (pte.kind === 'marker' && dropMarkers) {
        m.setPte(index, page_table_1.PTE_NONE);
    }
}
/** Zap file pages [lo,hi] (inside the mapping) of one mapping, keeping markers (MADV_DONTNEED passes no details). */
function zap_page_range(k, m, lo, hi) {
    for (let i = lo; i <= hi; i++)
        zap_pte(k, m, i, false);
}
/**
 * unmap_mapping_range as the punch's first unmap calls it: every VMA of the file's
 * i_mmap that maps part of file pages [lo,hi] (vma_interval_tree_foreach), every pte
 * of that part, under ptl, taking no folio lock (so fault-around may re-map a folio
 * right after).
 */
function unmap_mapping_range(k, lo, hi) {
    for (const m of k.vmas) {
        const part = m.clip(lo, hi);
        if (part !== null)
            zap_page_range(k, m, part[0], part[1]);
    }
}
/**
 * unmap_mapping_folio (5.10: unmap_mapping_pages of one index): the second unmap,
 * called with the folio locked, over every VMA that maps the index; 5.19+ passes
 * ZAP_FLAG_DROP_MARKER, so a marker at the index goes too, in every VMA. The zap
 * takes whatever file pte is at the index (should_zap_folio only spares anon folios).
 */
function unmap_mapping_folio(k, folio) {
    for (const m of k.vmas)
        if (m.covers(folio.index))
            zap_pte(k, m, folio.index, k.variant.TRUNCATE_DROPS_MARKERS);
}
/**
 * unmap_mapping_range(mapping, holebegin, 0, even_cows=1) as shmem_setattr calls it on a
 * shrinking ftruncate: every pte of every VMA from file page `from` on. Its zap_details
 * carry no ZAP_FLAG_DROP_MARKER (only unmap_mapping_folio's do), so a present uffd-wp
 * pte of a WP VMA becomes a marker and markers stay, past the new EOF (recorded on 6.18).
 */
function unmap_mapping_range_from(k, from) {
    if (from < k.pages)
        unmap_mapping_range(k, from, k.pages - 1);
}
/**
 * try_to_unmap of one small folio (mm/rmap.c try_to_unmap_one over the rmap walk): every
 * pte of every VMA that maps it is cleared, its dirty bit moves to the folio, and a
 * uffd-wp pte of a WP VMA becomes a marker (pte_install_uffd_wp_if_needed).
 */
function try_to_unmap(k, folio) {
    for (const m of k.vmas)
        if (m.mapsFolio(folio))
            zap_pte(k, m, folio.index, false);
}
/**
 * unmap_vmas as munmap calls it (vms_clear_ptes): every pte of the VMA, with
 * ZAP_FLAG_DROP_MARKER, so markers go too.
 */
function unmap_vma(k, m) {
    for (let i = m.vm_pgoff; i < m.vm_pgoff + m.vm_pages; i++)
        zap_pte(k, m, i, true);
}
//# sourceMappingURL=zap.js.map