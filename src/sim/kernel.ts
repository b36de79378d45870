// The whole simulated system: one shmem file, one or two MAP_SHARED mappings of it (its
// i_mmap), at most one uffd. Only mapping 0 is ever registered with the uffd.
import { AddressSpace, Folio } from './page-cache';
import { PageTable } from './page-table';
import { UffdCtx } from './uffd-ctx';
import type { KernelSwitches } from '../../spec/shmem_uffd/variants';
import { Vma } from './vma';
import { MAX_MAPPINGS } from '../../conformance/trace';

export { MAX_MAPPINGS };

/**
 * One vm_area_struct of the file's i_mmap tree: the VMA (flags, uffd registration,
 * vm_page_prot) and the page table that maps it. Every mapping covers the whole file
 * from offset 0, so pte i of any mapping maps page-cache index i.
 */
export class VmArea {
  readonly vma: Vma;
  readonly pt: PageTable;

  constructor(
    /** position in Kernel.vmas (the trace's `mapping`) */
    readonly index: number,
    variant: KernelSwitches,
    pages: number,
  ) {
    this.vma = new Vma(variant);
    this.pt = new PageTable(pages);
  }

  /** Indices whose present pte maps a folio other than the one cached there (property (ii)). */
  stalePtes(mapping: AddressSpace): number[] {
    const out: number[] = [];
    this.pt.ptes.forEach((pte, i) => {
      if (pte.kind === 'present' && mapping.lookup(i) !== pte.folio) out.push(i);
    });
    return out;
  }
}

export class Kernel {
  readonly mapping: AddressSpace;
  /** i_mmap: index 0 is the mapping a `register` registers; the others never are */
  readonly vmas: readonly VmArea[];
  /** the userfaultfd opened by the first register (UFFDIO_API), kept to the end */
  uffd: UffdCtx | null = null;

  constructor(
    readonly variant: KernelSwitches,
    readonly pages: number,
    mappings = 1,
  ) {
    this.mapping = new AddressSpace(pages);
    this.vmas = Array.from({ length: mappings }, (_, i) => new VmArea(i, variant, pages));
  }

  /** mapping 0's page table (the one the uffd ioctls and the observation act on) */
  get pt(): PageTable {
    return this.vmas[0].pt;
  }

  /** mapping 0's VMA */
  get vma(): Vma {
    return this.vmas[0].vma;
  }

  /** folio_mapped(): a pte of some VMA of the file maps it (its mapcount is not zero). */
  folioMapped(folio: Folio): boolean {
    return this.vmas.some((m) => m.pt.maps(folio.index, folio));
  }

  /** Stale ptes of one mapping: page indices, sorted. */
  stalePtesOf(m: number): number[] {
    return this.vmas[m].stalePtes(this.mapping);
  }

  /** Indices with a stale pte in any mapping (property (ii)), sorted, each once. */
  stalePtes(): number[] {
    const stale = new Set(this.vmas.flatMap((m) => m.stalePtes(this.mapping)));
    return [...stale].sort((a, b) => a - b);
  }
}
