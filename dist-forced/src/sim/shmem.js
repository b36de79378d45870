"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shmem_fault = shmem_fault;
exports.shmem_clear_folio = shmem_clear_folio;
exports.truncate_inode_folio = truncate_inode_folio;
exports.shmem_fallocate_punch = shmem_fallocate_punch;
exports.shmem_setattr_size = shmem_setattr_size;
exports.shmem_fallocate_alloc = shmem_fallocate_alloc;
exports.shmem_file_read = shmem_file_read;
exports.shmem_file_write = shmem_file_write;
exports.shmem_mfill_atomic_pte = shmem_mfill_atomic_pte;
const errno_1 = require("./errno");
const mfill_1 = require("./mfill");
const scheduler_1 = require("./scheduler");
const userfaultfd_1 = require("./userfaultfd");
const zap_1 = require("./zap");
/**
 * shmem_fault. While a punch's i_private covers the page, the fault sleeps on the
 * punch's waitq and then returns VM_FAULT_NOPAGE, so the whole fault re-executes.
 * The first look is an unlocked peek; only the second, under i_lock, decides.
 */
function* shmem_fault(k, m, task, page, write) {
    yield 'shmem_fault';
    if (k.mapping.i_private !== null) {
        yield 'shmem_fault_wait';
        const falloc = k.mapping.i_private;
        if (falloc !== null && page >= falloc.start && page < falloc.next) {
            falloc.waitq.sleep(task);
            return 'retry';
        }
    }
    return yield* shmem_get_folio_fault(k, m, task, page, write);
}
/**
 * shmem_get_folio_gfp as called from a fault (SGP_CACHE): past EOF it is -EINVAL before
 * anything else, which shmem_fault turns into VM_FAULT_SIGBUS (vmf_error), so a
 * registered VMA raises no event there; MINOR when the folio is cached and the faulting
 * VMA is MINOR-registered; otherwise lock the cached folio; an empty slot raises MISSING
 * in a MISSING-registered VMA, else gets a new zero folio.
 */
function* shmem_get_folio_fault(k, m, task, page, write) {
    for (;;) {
        yield 'shmem_get_folio';
        if (k.mapping.pastEof(page))
            return 'SIGBUS';
        const folio = k.mapping.lookup(page);
        if (folio !== null && m.vma.VM_UFFD_MINOR)
            return yield* (0, userfaultfd_1.handle_userfault)(m, task, page, 'MINOR', write);
        if (folio !== null) {
            // folio_lock sleeps; when woken the step re-runs the lookup, like the kernel's
            // re-check of folio->mapping after taking the lock.
            if (!folio.lockOrSleep(task))
                continue;
            shmem_clear_folio(folio);
            return { folio };
        }
        if (m.vma.VM_UFFD_MISSING)
            return yield* (0, userfaultfd_1.handle_userfault)(m, task, page, 'MISSING', write);
        const fresh = k.mapping.addFolio(page, 0);
        fresh.trylock(task);
        return { folio: fresh };
    }
}
/**
 * shmem_get_folio_gfp's `clear:` for a cached folio that is not uptodate (fallocate
 * allocated it and nobody wrote it): every caller but SGP_READ and SGP_WRITE zeroes it
 * and marks it uptodate (SGP_CACHE faults, SGP_NOALLOC for UFFDIO_CONTINUE, and
 * SGP_FALLOC when fallocate meets a folio an earlier fallocate left !uptodate).
 */
function shmem_clear_folio(folio) {
    if (!folio.uptodate) {
        folio.value = 0;
        folio.uptodate = true;
    }
}
/**
 * truncate_inode_folio, folio locked: the second unmap (only if the folio is still
 * mapped by some VMA — folio_mapped(), so a lone marker is not visited), over every
 * VMA of the file, then removal from the cache.
 */
function truncate_inode_folio(k, folio) {
    if (k.variant.TRUNCATE_UNMAPS_MAPPED && k.folioMapped(folio))
        (0, zap_1.unmap_mapping_folio)(k, folio);
    k.mapping.removeFolio(folio);
}
/**
 * shmem_fallocate(FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE) over whole pages [lo,hi]:
 * inode_lock and i_private; the first unmap of the whole range with no folio locks;
 * shmem_undo_range, one index per step in index order (the kernel's two passes,
 * trylock then folio_lock, collapse into one blocking pass; a hole's step does
 * nothing, so the steps line up with the spec's); then clear i_private and wake the
 * faults that waited.
 */
function* shmem_fallocate_punch(k, task, lo, hi) {
    for (;;) {
        yield 'punch_begin';
        if (k.mapping.inodeLockOrSleep(task))
            break;
    }
    const falloc = { start: lo, next: hi + 1, waitq: new scheduler_1.WaitQueue('falloc_waitq') };
    k.mapping.i_private = falloc;
    yield 'unmap_mapping_range';
    if (k.variant.FIRST_UNMAP)
        (0, zap_1.unmap_mapping_range)(k, lo, hi);
    yield* shmem_undo_range(k, task, lo, hi);
    yield 'punch_end';
    k.mapping.i_private = null;
    falloc.waitq.wakeAll();
    k.mapping.inodeUnlock();
    return 0;
}
/**
 * shmem_undo_range over whole pages [lo,hi] (unfalloc false: every folio goes, uptodate
 * or not), one index per step in index order; a hole's step does nothing.
 */
function* shmem_undo_range(k, task, lo, hi) {
    for (let index = lo; index <= hi;) {
        yield 'truncate_inode_folio';
        const folio = k.mapping.lookup(index);
        if (folio !== null) {
            // folio_lock sleeps; the step is re-run for the same index once woken.
            if (!folio.lockOrSleep(task))
                continue;
            truncate_inode_folio(k, folio);
            folio.unlock();
        }
        index++;
    }
}
/**
 * ftruncate(2) to `size` pages: do_truncate takes inode_lock, then shmem_setattr:
 * i_size_write first (a fault from then on past the new EOF is a SIGBUS); growing does
 * nothing else (the new pages are holes). Not growing: unmap_mapping_range from the new
 * EOF on in every VMA (even_cows, no ZAP_FLAG_DROP_MARKER: a uffd-wp pte becomes a
 * marker and markers stay, past EOF), shmem_truncate_range(newsize, -1) — which also
 * drops folios a KEEP_SIZE fallocate put past the old EOF — and the same unmap again.
 * No i_private: faults are not held off, they see the new i_size.
 */
function* shmem_setattr_size(k, task, size) {
    for (;;) {
        yield 'setattr_begin';
        if (k.mapping.inodeLockOrSleep(task))
            break;
    }
    const oldsize = k.mapping.i_size;
    k.mapping.i_size = size;
    if (size <= oldsize) {
        const holebegin = size;
        if (oldsize > holebegin) {
            yield 'unmap_mapping_range';
            (0, zap_1.unmap_mapping_range_from)(k, holebegin);
        }
        yield* shmem_undo_range(k, task, size, k.pages - 1);
        if (oldsize > holebegin) {
            yield 'unmap_mapping_range';
            (0, zap_1.unmap_mapping_range_from)(k, holebegin);
        }
    }
    yield 'setattr_end';
    k.mapping.inodeUnlock();
    return 0;
}
/**
 * shmem_fallocate without FALLOC_FL_PUNCH_HOLE over whole pages [lo,hi], under
 * inode_lock: shmem_get_folio(SGP_FALLOC) per index (no EOF check, no vma, so no uffd
 * event). A new folio becomes SGP_WRITE and is left !uptodate (not cleared): pread and
 * lseek(SEEK_DATA) see a hole, filemap_map_pages skips it, and the first fault,
 * CONTINUE or second fallocate zeroes it (shmem_clear_folio); an occupied slot is
 * UFFDIO_COPY's EEXIST. Either way the folio is marked dirty, so reclaim keeps it. Then
 * without KEEP_SIZE i_size moves to hi + 1 if it was below. The kernel also points
 * i_private at a shmem_falloc whose waitq is NULL: shmem_fault only waits on a punch's
 * (non-NULL) waitq and only shmem_writeout reads the counters, so it is not modelled.
 */
function* shmem_fallocate_alloc(k, task, lo, hi, keepSize) {
    for (;;) {
        yield 'fallocate_begin';
        if (k.mapping.inodeLockOrSleep(task))
            break;
    }
    for (let index = lo; index <= hi;) {
        yield 'shmem_falloc_folio';
        const folio = k.mapping.lookup(index);
        if (folio !== null) {
            if (!folio.lockOrSleep(task))
                continue;
            shmem_clear_folio(folio);
            folio.dirty = true;
            folio.unlock();
        }
        else {
            const fresh = k.mapping.addFolio(index, 0);
            fresh.uptodate = false;
            fresh.dirty = true;
        }
        index++;
    }
    yield 'fallocate_end';
    if (!keepSize && hi + 1 > k.mapping.i_size)
        k.mapping.i_size = hi + 1;
    k.mapping.inodeUnlock();
    return 0;
}
/**
 * shmem_file_read_iter of the first byte: holes read as zeros, nothing is allocated.
 * At or past EOF it reads nothing (0 bytes), which the trace reports as 0.
 */
function* shmem_file_read(k, task, page) {
    for (;;) {
        yield 'pread';
        if (k.mapping.pastEof(page))
            return 0;
        const folio = k.mapping.lookup(page);
        if (folio === null)
            return 0;
        // shmem_get_folio(SGP_READ) locks the folio briefly: wait for a fault holding it.
        if (!folio.lockOrSleep(task))
            continue;
        folio.unlock();
        // SGP_READ on a folio fallocate left !uptodate: no folio, the caller reads zeros
        return folio.uptodate ? folio.value : 0;
    }
}
/**
 * shmem_file_write_iter of the first byte: under inode_lock (so serialized with a
 * punch), write_begin allocates a hole; no uffd event, whatever the ptes say. A write
 * at or past EOF moves it (shmem_write_end: i_size = pos + 1 byte, so page + 1 pages);
 * the pages between the old and the new EOF stay holes.
 */
function* shmem_file_write(k, task, page, value) {
    for (;;) {
        yield 'pwrite';
        // Take both locks or neither, so that a retried step starts from scratch.
        const folio = k.mapping.lookup(page);
        if (k.mapping.inodeLockedBy !== null) {
            k.mapping.inodeLockWaiters.sleep(task);
            continue;
        }
        if (folio !== null && folio.locked) {
            folio.lockWaiters.sleep(task);
            continue;
        }
        const target = folio ?? k.mapping.addFolio(page, 0);
        target.value = value;
        target.uptodate = true;
        target.dirty = true;
        if (page + 1 > k.mapping.i_size)
            k.mapping.i_size = page + 1;
        return 0;
    }
}
/**
 * shmem_mfill_atomic_pte (UFFDIO_COPY of one page into dst_vma): at or past EOF it is
 * EFAULT (the max_off check, before the folio goes into the cache); otherwise a new
 * uptodate folio holding the source bytes goes into the cache (an occupied slot is
 * EEXIST), then the pte (a pte already mapped is EEXIST, and the folio leaves the cache
 * again). Returns 0 or -errno.
 */
function shmem_mfill_atomic_pte(k, dst, page, value, wp) {
    if (k.mapping.pastEof(page))
        return -errno_1.EFAULT;
    if (k.mapping.lookup(page) !== null)
        return -errno_1.EEXIST;
    const folio = k.mapping.addFolio(page, value);
    const err = (0, mfill_1.mfill_atomic_install_pte)(k, dst, page, folio, wp);
    if (err !== 0) {
        k.mapping.removeFolio(folio);
        return err;
    }
    folio.dirty = true;
    return 0;
}
//# sourceMappingURL=shmem.js.map