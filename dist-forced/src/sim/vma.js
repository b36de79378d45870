"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Vma = void 0;
class Vma {
    variant;
    VM_SHARED = true;
    VM_WRITE = true;
    VM_UFFD_MISSING = false;
    VM_UFFD_WP = false;
    VM_UFFD_MINOR = false;
    /** vm_userfaultfd_ctx.ctx: the uffd this range is registered with */
    uffdCtx = null;
    /** whether vm_page_prot carries the write bit (what a read fault installs) */
    vmPageProtWritable = true;
    constructor(variant) {
        this.variant = variant;
        this.setPageProt();
    }
    /** userfaultfd_armed */
    get uffdArmed() {
        return this.VM_UFFD_MISSING || this.VM_UFFD_WP || this.VM_UFFD_MINOR;
    }
    /**
     * vma_wants_writenotify for a shared writable shmem VMA: shmem has no ->page_mkwrite
     * and soft-dirty is off, so only uffd-wp (v6.2+) asks for write notification.
     */
    wantsWritenotify() {
        return this.VM_SHARED && this.VM_WRITE && this.variant.WRITENOTIFY && this.VM_UFFD_WP;
    }
    /** vma_set_page_prot: writable base protection unless writenotify is wanted */
    setPageProt() {
        this.vmPageProtWritable = this.VM_SHARED && this.VM_WRITE && !this.wantsWritenotify();
    }
    setUffd(ctx, modes) {
        this.uffdCtx = ctx;
        this.VM_UFFD_MISSING = modes.includes('MISSING');
        this.VM_UFFD_WP = modes.includes('WP');
        this.VM_UFFD_MINOR = modes.includes('MINOR');
        this.setPageProt();
    }
}
exports.Vma = Vma;
//# sourceMappingURL=vma.js.map