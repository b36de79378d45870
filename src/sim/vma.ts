// The flags of a VMA of the file: MAP_SHARED, PROT_READ|PROT_WRITE, plus its uffd
// registration (where it sits in the file is in VmArea). vm_page_prot is recomputed
// whenever the registration changes, as userfaultfd_set_vm_flags does since v6.2.
import type { UffdMode } from './uapi';
import type { UffdCtx } from './uffd-ctx';
import type { KernelSwitches } from '../../spec/shmem_uffd/variants';

export type { UffdMode };

export class Vma {
  readonly VM_SHARED = true;
  readonly VM_WRITE = true;
  VM_UFFD_MISSING = false;
  VM_UFFD_WP = false;
  VM_UFFD_MINOR = false;
  /** vm_userfaultfd_ctx.ctx: the uffd this range is registered with */
  uffdCtx: UffdCtx | null = null;
  /** whether vm_page_prot carries the write bit (what a read fault installs) */
  vmPageProtWritable = true;

  constructor(private readonly variant: KernelSwitches) {
    this.setPageProt();
  }

  /** userfaultfd_armed */
  get uffdArmed(): boolean {
    return this.VM_UFFD_MISSING || this.VM_UFFD_WP || this.VM_UFFD_MINOR;
  }

  /**
   * vma_wants_writenotify for a shared writable shmem VMA: shmem has no ->page_mkwrite
   * and soft-dirty is off, so only uffd-wp (v6.2+) asks for write notification.
   */
  wantsWritenotify(): boolean {
    return this.VM_SHARED && this.VM_WRITE && this.variant.WRITENOTIFY && this.VM_UFFD_WP;
  }

  /** vma_set_page_prot: writable base protection unless writenotify is wanted */
  setPageProt(): void {
    this.vmPageProtWritable = this.VM_SHARED && this.VM_WRITE && !this.wantsWritenotify();
  }

  setUffd(ctx: UffdCtx | null, modes: readonly UffdMode[]): void {
    this.uffdCtx = ctx;
    this.VM_UFFD_MISSING = modes.includes('MISSING');
    this.VM_UFFD_WP = modes.includes('WP');
    this.VM_UFFD_MINOR = modes.includes('MINOR');
    this.setPageProt();
  }
}
