"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.userfaultfd_register = userfaultfd_register;
exports.uffd_wp_range = uffd_wp_range;
exports.userfaultfd_unregister = userfaultfd_unregister;
exports.mfill_atomic_copy = mfill_atomic_copy;
exports.mfill_atomic_zeropage = mfill_atomic_zeropage;
exports.mfill_atomic_continue = mfill_atomic_continue;
exports.mwriteprotect_range = mwriteprotect_range;
exports.userfaultfd_wake = userfaultfd_wake;
const errno_1 = require("./errno");
const mfill_1 = require("./mfill");
const page_table_1 = require("./page-table");
const shmem_1 = require("./shmem");
const uffd_ctx_1 = require("./uffd-ctx");
/** The file pages a VMA maps, as a [lo,hi] range. */
function wholeOf(m) {
    return [m.vm_pgoff, m.vm_pgoff + m.vm_pages - 1];
}
/**
 * UFFDIO_REGISTER of the whole of mapping `m` with its uffd (the uffd and its
 * UFFDIO_API are made by the mapping's first register). Registering again with the
 * same uffd replaces the modes.
 */
function* userfaultfd_register(k, m, modes, features) {
    yield 'userfaultfd_register';
    if (m.uffd === null)
        m.uffd = new uffd_ctx_1.UffdCtx(userfaultfd_api(features));
    if (modes.length === 0)
        return -errno_1.EINVAL;
    // after munmap there is no VMA in the range: vma_find() fails, -EINVAL (recorded on 6.18)
    if (m.unmapped)
        return -errno_1.EINVAL;
    // Any combination of MISSING, WP and MINOR is accepted on shmem (vma_can_userfault):
    // each flag is tested on its own by the fault paths.
    m.vma.setUffd(m.uffd, modes);
    return 0;
}
/**
 * UFFDIO_API's features: WP_ASYNC relies on WP_UNPOPULATED, which the kernel turns on
 * with it. On shmem WP_UNPOPULATED changes nothing a trace sees: it only lets an
 * anonymous VMA get markers on none ptes (userfaultfd_wp_use_markers is already true
 * for a file VMA), and THREAD_ID / EXACT_ADDRESS only change the message's fields.
 */
function userfaultfd_api(features) {
    const f = new Set(features);
    if (f.has('WP_ASYNC'))
        f.add('WP_UNPOPULATED');
    return f;
}
/**
 * uffd_wp_range / change_pte_range with MM_CP_UFFD_WP(_RESOLVE) over file pages
 * [lo,hi] of mapping `m`. Protecting sets uffd-wp (and clears write) on present ptes
 * and, with PTE_MARKERS, turns none ptes of this shmem VMA into markers (i_size plays no
 * part: a none pte past EOF gets one too; change_pmd_prepare allocates the page table
 * for them, see VmArea.pte_alloc). Unprotecting clears the bit and drops
 * markers; the pte gets write back from vm_page_prot, or (writenotify) only if it is dirty.
 */
function uffd_wp_range(k, m, lo, hi, enable) {
    for (let i = lo; i <= hi; i++) {
        const pte = m.pte(i);
        if (pte.kind === 'present') {
            pte.uffd_wp = enable;
            pte.writable = enable ? false : m.vma.vmPageProtWritable || pte.dirty;
        }
        else if (pte.kind === 'none' && enable && k.variant.PTE_MARKERS) {
            m.setPte(i, page_table_1.PTE_MARKER);
        }
        else if (pte.kind === 'marker' && !enable) {
            m.setPte(i, page_table_1.PTE_NONE);
        }
    }
}
/**
 * UFFDIO_UNREGISTER of the whole of mapping `m`: wake the range's waiters (modern
 * kernels do it for any armed VMA), clear protection and markers if WP, drop the flags.
 */
function* userfaultfd_unregister(k, m) {
    yield 'userfaultfd_unregister';
    // after munmap there is no VMA in the range: -EINVAL (recorded on 6.18)
    if (m.unmapped)
        return -errno_1.EINVAL;
    const ctx = m.vma.uffdCtx;
    if (ctx === null)
        return 0;
    const [lo, hi] = wholeOf(m);
    ctx.wake(lo, hi);
    if (m.vma.VM_UFFD_WP)
        uffd_wp_range(k, m, lo, hi, false);
    m.vma.setUffd(null, []);
    return 0;
}
/** validate_dst_vma / uffd_mfill_lock: the page must be in a VMA registered with this uffd. */
function registeredWith(m) {
    return m.uffd !== null && m.vma.uffdCtx === m.uffd;
}
/** UFFDIO_COPY of one page through mapping `dst`'s uffd. A failed COPY wakes nobody. */
function* mfill_atomic_copy(k, dst, page, value, wp, dontwake) {
    yield 'mfill_atomic_copy';
    if (!registeredWith(dst))
        return -errno_1.ENOENT;
    if (wp && !dst.vma.VM_UFFD_WP)
        return -errno_1.EINVAL;
    // mfill_atomic allocates the page table before it tries the page, so it stays even
    // when the copy fails (EEXIST, EFAULT past EOF; recorded on 6.18 with PAGEMAP_SCAN)
    dst.pte_alloc(page);
    const err = (0, shmem_1.shmem_mfill_atomic_pte)(k, dst, page, value, wp);
    if (err !== 0)
        return err;
    if (!dontwake)
        dst.uffd.wake(page, page);
    return errno_1.PAGE_SIZE;
}
/**
 * UFFDIO_ZEROPAGE of one page through mapping `dst`'s uffd (userfaultfd_zeropage,
 * mfill_atomic_zeropage): on shmem, shmem_mfill_atomic_pte with MFILL_ATOMIC_ZEROPAGE
 * allocates a folio and clears it (clear_user_highpage) instead of copying, then goes
 * the same way as COPY: EFAULT at or past EOF, EEXIST on an occupied slot (even a
 * folio fallocate left !uptodate), a marker is replaced, never uffd-wp (ZEROPAGE has
 * no MODE_WP). Like COPY it needs only a registration with this uffd, not MISSING (a
 * WP- or MINOR-only mapping takes it too); unregistered or unmapped is -ENOENT.
 * Returns the `zeropage` field: PAGE_SIZE or -errno. (Recorded on 6.18.)
 */
function* mfill_atomic_zeropage(k, dst, page, dontwake) {
    yield 'mfill_atomic_zeropage';
    if (!registeredWith(dst))
        return -errno_1.ENOENT;
    dst.pte_alloc(page); // mfill_atomic's __pte_alloc, as for COPY
    const err = (0, shmem_1.shmem_mfill_atomic_pte)(k, dst, page, 0, false);
    if (err !== 0)
        return err;
    if (!dontwake)
        dst.uffd.wake(page, page);
    return errno_1.PAGE_SIZE;
}
/**
 * UFFDIO_CONTINUE of one page through mapping `dst`'s uffd: map the folio already in
 * the cache, found by shmem_get_folio(SGP_NOALLOC). SGP_NOALLOC is below SGP_CACHE, so
 * at or past EOF that is -EINVAL, which mfill_atomic_pte_continue passes on as it is
 * (only -ENOENT becomes -EFAULT); a hole is EFAULT. The folio is locked meanwhile, so
 * wait for a fault holding it.
 */
function* mfill_atomic_continue(k, dst, task, page, wp, dontwake) {
    for (;;) {
        yield 'mfill_atomic_continue';
        if (!registeredWith(dst))
            return -errno_1.ENOENT;
        if (wp && !dst.vma.VM_UFFD_WP)
            return -errno_1.EINVAL;
        dst.pte_alloc(page); // mfill_atomic's __pte_alloc comes before mfill_atomic_pte_continue's lookup
        if (k.mapping.pastEof(page))
            return -errno_1.EINVAL;
        const folio = k.mapping.lookup(page);
        if (folio === null)
            return -errno_1.EFAULT;
        if (!folio.lockOrSleep(task))
            continue;
        // SGP_NOALLOC zeroes a folio fallocate left !uptodate (recorded on 6.18)
        (0, shmem_1.shmem_clear_folio)(folio);
        const err = (0, mfill_1.mfill_atomic_install_pte)(k, dst, page, folio, wp);
        folio.unlock();
        if (err !== 0)
            return err;
        if (!dontwake)
            dst.uffd.wake(page, page);
        return errno_1.PAGE_SIZE;
    }
}
/** UFFDIO_WRITEPROTECT of file pages [lo,hi] of mapping `m`: WP together with DONTWAKE is EINVAL; only unprotect wakes. */
function* mwriteprotect_range(k, m, lo, hi, wp, dontwake) {
    yield 'mwriteprotect_range';
    if (wp && dontwake)
        return -errno_1.EINVAL;
    if (!registeredWith(m) || !m.vma.VM_UFFD_WP)
        return -errno_1.ENOENT;
    uffd_wp_range(k, m, lo, hi, wp);
    if (!wp && !dontwake)
        m.uffd.wake(lo, hi);
    return 0;
}
/** UFFDIO_WAKE on mapping `m`'s uffd: wake the range, whatever its ptes. */
function* userfaultfd_wake(m, lo, hi) {
    yield 'userfaultfd_wake';
    m.uffd?.wake(lo, hi);
    return 0;
}
//# sourceMappingURL=uffd-ioctl.js.map