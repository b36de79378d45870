"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PageTable = exports.PTE_MARKER = exports.PTE_NONE = void 0;
exports.pteNoneMostly = pteNoneMostly;
exports.PTE_NONE = Object.freeze({ kind: 'none' });
exports.PTE_MARKER = Object.freeze({ kind: 'marker' });
/** pte_none_mostly(): none or a marker — "nothing mapped here" for fault and mfill purposes */
function pteNoneMostly(pte) {
    return pte.kind !== 'present';
}
class PageTable {
    ptes;
    constructor(pages) {
        this.ptes = new Array(pages).fill(exports.PTE_NONE);
    }
    get(index) {
        return this.ptes[index];
    }
    set(index, pte) {
        this.ptes[index] = pte;
    }
    /** set_pte_range for one page */
    install(index, folio, writable, dirty, uffd_wp) {
        // pte_mkuffd_wp also clears the write bit: a wp pte is never writable.
        this.ptes[index] = { kind: 'present', folio, writable: writable && !uffd_wp, dirty, uffd_wp };
    }
    /** whether this page table maps the folio (folio_mapped() asks every mapping: Kernel.folioMapped) */
    maps(index, folio) {
        const pte = this.ptes[index];
        return pte.kind === 'present' && pte.folio === folio;
    }
}
exports.PageTable = PageTable;
//# sourceMappingURL=page-table.js.map