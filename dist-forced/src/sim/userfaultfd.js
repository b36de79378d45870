"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.handle_userfault = handle_userfault;
/**
 * userfaultfd_must_wait: the lockless re-check after queuing. Nothing mapped (none or
 * marker) still needs userspace; for WP, so does a present pte that is not writable.
 */
function userfaultfd_must_wait(m, page, reason) {
    const pte = m.pte(page);
    if (pte.kind !== 'present')
        return true; // pte_none_mostly: none or marker
    return reason === 'WP' && !pte.writable;
}
/**
 * handle_userfault on the faulting VMA (only a registered one gets here): queue a
 * message and sleep until a UFFDIO_* wakes the range. The
 * outcome is VM_FAULT_RETRY either way (the fault restarts from the top), or SIGBUS
 * with UFFD_FEATURE_SIGBUS. When it returns 'retry' with the task blocked, the caller
 * must yield before doing anything else.
 */
function* handle_userfault(m, task, page, reason, write) {
    yield 'handle_userfault';
    const ctx = m.vma.uffdCtx;
    // The kernel holds mmap_lock across the fault, so UNREGISTER cannot slip in between
    // raising and handling; the simulator's steps are finer, so treat it as a retry.
    if (ctx === null)
        return 'retry';
    if (ctx.features.has('SIGBUS'))
        return 'SIGBUS';
    if (userfaultfd_must_wait(m, page, reason))
        ctx.queue(task, { kind: reason, page, write });
    return 'retry';
}
//# sourceMappingURL=userfaultfd.js.map