// The whole simulated system: one shmem file, one shared mapping of it, at most one uffd.
import { AddressSpace } from './page_cache';
import { PageTable } from './page_table';
import { UffdCtx } from './userfaultfd';
import { Variant } from './variant';
import { Vma } from './vma';

export class Kernel {
  readonly mapping: AddressSpace;
  readonly pt: PageTable;
  readonly vma: Vma;
  /** the userfaultfd opened by the first register (UFFDIO_API), kept to the end */
  uffd: UffdCtx | null = null;

  constructor(
    readonly variant: Variant,
    readonly pages: number,
  ) {
    this.mapping = new AddressSpace(pages);
    this.pt = new PageTable(pages);
    this.vma = new Vma(variant);
  }

  /** Indices whose present pte maps a folio other than the one cached there (property (ii)). */
  stalePtes(): number[] {
    const out: number[] = [];
    this.pt.ptes.forEach((pte, i) => {
      if (pte.kind === 'present' && this.mapping.lookup(i) !== pte.folio) out.push(i);
    });
    return out;
  }
}
