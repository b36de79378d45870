// The yield points of the kernel paths. A label names the atomic step a task is about
// to execute (PlusCal style): stepping a task at label L runs L's step and stops at the
// next label. The names follow the kernel functions so they can be matched with the
// spec's process labels when a counterexample is replayed.

export type AccessLabel =
  /** a read instruction walks the pte: present -> the value is read; otherwise it faults */
  | 'load'
  /** a write instruction walks the pte: present and writable -> the write lands; otherwise it faults */
  | 'write_lands'
  /** decide `should_fault_around` for a read fault on a none pte or marker */
  | 'do_read_fault'
  /** fault-around over the whole window, under ptl */
  | 'filemap_map_pages'
  /** shmem_fault: the unlocked peek at `i_private` */
  | 'shmem_fault'
  /** shmem_fault: re-check `i_private` under i_lock and sleep on the punch's waitq */
  | 'shmem_fault_wait'
  /** shmem_get_folio_gfp: look up / lock / allocate the folio, or raise MISSING/MINOR */
  | 'shmem_get_folio'
  /** queue the uffd message and sleep (or return at once if no longer needed) */
  | 'handle_userfault'
  /** install the pte under ptl if it did not change, unlock the folio */
  | 'finish_fault'
  /** write fault on a present read-only pte: WP userfault or reuse */
  | 'do_wp_page';

export type PunchLabel = 'punch_begin' | 'unmap_mapping_range' | 'truncate_inode_folio' | 'punch_end';

/** ftruncate (shmem_setattr): inode_lock + i_size_write, the two unmaps around shmem_truncate_range, unlock. */
export type TruncateLabel = 'setattr_begin' | 'unmap_mapping_range' | 'truncate_inode_folio' | 'setattr_end';

/** fallocate allocating (shmem_fallocate without PUNCH_HOLE): inode_lock, one shmem_get_folio(SGP_FALLOC) per index, i_size and unlock. */
export type FallocLabel = 'fallocate_begin' | 'shmem_falloc_folio' | 'fallocate_end';

/** madvise(MADV_PAGEOUT): the pte walk that isolates folios, then shrink_folio_list one folio per step. */
export type PageoutLabel = 'madvise_pageout' | 'shrink_folio_list';

/** One-step operations: each is a single atomic step named after the kernel entry point. */
export type SingleStepLabel =
  | 'pread'
  | 'pwrite'
  | 'madvise_dontneed'
  | 'userfaultfd_register'
  | 'userfaultfd_unregister'
  | 'mfill_atomic_copy'
  | 'mfill_atomic_continue'
  | 'mfill_atomic_zeropage'
  /** munmap: waits (mmap_write_lock) for faults in flight on the VMA, then zaps it and removes it */
  | 'munmap'
  | 'mwriteprotect_range'
  | 'userfaultfd_wake'
  /** PAGEMAP_SCAN (do_pagemap_scan): the whole walk, pte table by pte table under each ptl */
  | 'pagemap_scan';

export type Label = AccessLabel | PunchLabel | TruncateLabel | FallocLabel | PageoutLabel | SingleStepLabel;

/** What `step` returns once a task has nothing left to run. */
export const DONE = 'done' as const;
export type StepLabel = Label | typeof DONE;
