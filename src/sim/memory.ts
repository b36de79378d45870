// mm/memory.c and mm/filemap.c for a user access through the mapping: the instruction
// itself, do_read_fault with fault-around, do_shared_fault, do_wp_page, marker
// handling and finish_fault; plus madvise(MADV_DONTNEED).
import type { Kernel } from './kernel';
import { Folio } from './page_cache';
import { PTE_NONE } from './page_table';
import { KPath, Task, TaskResult } from './scheduler';
import { shmem_fault } from './shmem';
import { handle_userfault } from './userfaultfd';
import { zap_page_range } from './zap';

/**
 * How a fault ends: 'retry' re-executes the instruction (the fault was handled, or
 * VM_FAULT_NOPAGE/RETRY asked for it, possibly after sleeping), 'SIGBUS' kills the access.
 */
type FaultEnd = 'retry' | 'SIGBUS';

/** What the faulting pte was when the fault started (vmf->orig_pte for finish_fault). */
type OrigPte = 'none' | 'marker';

/**
 * A thread's load or store of the page's first byte. The instruction is re-executed
 * after every fault, as the CPU does; it completes only through a present pte (and a
 * writable one for a store).
 */
export function* handle_access(k: Kernel, task: Task, page: number, write: boolean, value: number): KPath<TaskResult> {
  for (;;) {
    yield write ? 'write_lands' : 'load';
    const pte = k.pt.get(page);
    let end: FaultEnd;
    if (pte.kind === 'present') {
      if (!write) return pte.folio.value;
      if (pte.writable) {
        pte.folio.value = value;
        pte.dirty = true;
        return 'ok';
      }
      end = yield* do_wp_page(k, task, page);
    } else if (pte.kind === 'marker' && !k.vma.VM_UFFD_WP) {
      // handle_pte_marker: a wp marker in a VMA no longer WP-registered is stale; drop it.
      k.pt.set(page, PTE_NONE);
      end = 'retry';
    } else if (write) {
      end = yield* do_shared_fault(k, task, page, pte.kind);
    } else {
      end = yield* do_read_fault(k, task, page, pte.kind);
    }
    if (end === 'SIGBUS') return 'SIGBUS';
  }
}

/** should_fault_around, per variant: only the VMA's flags matter, never the pte or i_private. */
function should_fault_around(k: Kernel): boolean {
  switch (k.variant.FAULT_AROUND) {
    case 'Always':
    case 'ShmemMapPages':
      return true;
    case 'SkipIfUffdArmed':
      return !k.vma.uffdArmed;
    case 'SkipIfWpOrMinor':
      return !(k.vma.VM_UFFD_WP || k.vma.VM_UFFD_MINOR);
  }
}

/**
 * filemap_map_pages over the window (the harness aligns the mapping so the window covers
 * every page), under ptl: maps cached folios that are uptodate, unlocked (trylock) and
 * still in the file, into ptes that are none — never markers. It never allocates, never
 * raises an event, never sets uffd-wp, and ignores i_private, except in the
 * 'ShmemMapPages' variant, which skips the indices of an active punch.
 */
function filemap_map_pages(k: Kernel): void {
  const falloc = k.variant.FAULT_AROUND === 'ShmemMapPages' ? k.mapping.i_private : null;
  for (let i = 0; i < k.pages; i++) {
    if (k.pt.get(i).kind !== 'none') continue;
    const folio = k.mapping.lookup(i);
    if (folio === null || !folio.uptodate || folio.locked || folio.mapping === null) continue;
    if (falloc !== null && i >= falloc.start && i < falloc.next) continue;
    k.pt.install(i, folio, k.vma.vmPageProtWritable, false, false);
  }
}

/** do_read_fault: fault-around first if allowed, returning if it filled the faulting pte. */
function* do_read_fault(k: Kernel, task: Task, page: number, orig: OrigPte): KPath<FaultEnd> {
  yield 'do_read_fault';
  if (should_fault_around(k)) {
    yield 'filemap_map_pages';
    filemap_map_pages(k);
    if (k.pt.get(page).kind === 'present') return 'retry';
  }
  const got = yield* shmem_fault(k, task, page, false);
  if (got === 'retry' || got === 'SIGBUS') return got;
  yield 'finish_fault';
  finish_fault(k, page, got.folio, false, orig);
  return 'retry';
}

/** do_shared_fault: shmem has no ->page_mkwrite, so nothing can refuse the write. */
function* do_shared_fault(k: Kernel, task: Task, page: number, orig: OrigPte): KPath<FaultEnd> {
  const got = yield* shmem_fault(k, task, page, true);
  if (got === 'retry' || got === 'SIGBUS') return got;
  yield 'finish_fault';
  finish_fault(k, page, got.folio, true, orig);
  return 'retry';
}

/**
 * finish_fault under ptl: if the pte is still what the fault started from, install with
 * vm_page_prot (writable+dirty for a write), adding uffd-wp and read-only when it
 * replaces a wp marker; either way unlock the folio.
 */
function finish_fault(k: Kernel, page: number, folio: Folio, write: boolean, orig: OrigPte): void {
  if (k.pt.get(page).kind === orig) {
    const wp = orig === 'marker' && k.vma.VM_UFFD_WP;
    k.pt.install(page, folio, write || k.vma.vmPageProtWritable, write, wp);
    if (write) folio.dirty = true;
  }
  folio.unlock();
}

/**
 * do_wp_page on a present read-only pte: a uffd-wp pte in a WP VMA raises WP (or, with
 * WP_ASYNC, loses the bit in place); otherwise the shared page is reused writable.
 */
function* do_wp_page(k: Kernel, task: Task, page: number): KPath<FaultEnd> {
  yield 'do_wp_page';
  const pte = k.pt.get(page);
  if (pte.kind !== 'present' || pte.writable) return 'retry';
  if (k.vma.VM_UFFD_WP && pte.uffd_wp) {
    if (!k.vma.uffdCtx?.features.has('WP_ASYNC')) return yield* handle_userfault(k, task, page, 'WP', true);
    pte.uffd_wp = false;
  }
  pte.writable = true;
  pte.dirty = true;
  return 'retry';
}

/** madvise(MADV_DONTNEED): zap the ptes, keep the page cache (markers survive). */
export function* madvise_dontneed(k: Kernel, lo: number, hi: number): KPath<TaskResult> {
  yield 'madvise_dontneed';
  zap_page_range(k, lo, hi);
  return 0;
}
