// The ptes of one mapping: one per page of the mapping, by page within the mapping
// (a mapping may span two page tables; VmArea.pteIndex gives a pte's pte_index()). A pte
// is none, a uffd-wp marker (PTE_MARKER_UFFD_WP: "write-protected, nothing mapped"),
// or present.
import { Folio } from './page-cache';

export type Pte =
  | { kind: 'none' }
  | { kind: 'marker' }
  | { kind: 'present'; folio: Folio; writable: boolean; dirty: boolean; uffd_wp: boolean };

export type PresentPte = Extract<Pte, { kind: 'present' }>;

export const PTE_NONE: Pte = Object.freeze({ kind: 'none' });
export const PTE_MARKER: Pte = Object.freeze({ kind: 'marker' });

/** pte_none_mostly(): none or a marker — "nothing mapped here" for fault and mfill purposes */
export function pteNoneMostly(pte: Pte): boolean {
  return pte.kind !== 'present';
}

export class PageTable {
  readonly ptes: Pte[];

  constructor(pages: number) {
    this.ptes = new Array<Pte>(pages).fill(PTE_NONE);
  }

  get(index: number): Pte {
    return this.ptes[index];
  }

  set(index: number, pte: Pte): void {
    this.ptes[index] = pte;
  }

  /** set_pte_range for one page */
  install(index: number, folio: Folio, writable: boolean, dirty: boolean, uffd_wp: boolean): void {
    // pte_mkuffd_wp also clears the write bit: a wp pte is never writable.
    this.ptes[index] = { kind: 'present', folio, writable: writable && !uffd_wp, dirty, uffd_wp };
  }

  /** whether this page table maps the folio (folio_mapped() asks every mapping: Kernel.folioMapped) */
  maps(index: number, folio: Folio): boolean {
    const pte = this.ptes[index];
    return pte.kind === 'present' && pte.folio === folio;
  }
}
