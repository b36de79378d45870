// The ops the trace format gained (zeropage, ftruncate, fallocate, madvise PAGEOUT,
// munmap) and the registration surface (every MISSING/WP/MINOR combination, CONTINUE
// with wp, WP_ASYNC, WP_UNPOPULATED), each pinned to what Linux 6.18 does. Unless a
// test says "from source", its sequence was run on the kernel (6.18.44, root, no swap)
// with a standalone C probe (memfd + MAP_SHARED mappings, pagemap bits 63/57 for the
// ptes, lseek(SEEK_DATA) for `cache`, pread for the value) and the expectations here are
// what it printed, except `cache`, which the trace format now takes from cachestat(2)
// (a folio fallocate allocated and nobody wrote is cached; SEEK_DATA calls it a hole),
// as the kernel corpus in conformance/traces/kernel/ records it.
import { Observation, Op } from '../conformance/trace';
import { Sim, SimError } from '../src/sim';

function sim(fill: number[], mappings = 1, threads = 2): Sim {
  return new Sim({ pages: 4, threads, fill, mappings });
}

/** `cache 2 present wp` per page (mapping 0's pte). */
function pages(o: Pick<Observation, 'pages'>): string[] {
  return o.pages.map((p) => `${p.cache ? 'cache' : 'hole'} ${p.value} ${p.pte}${p.wp ? ' wp' : ''}`);
}

/** One mapping's ptes: `present wp` / `marker` / `none` per page. */
function ptes(s: Sim, mapping: number): string[] {
  return s.ptesOf(mapping).map((p) => `${p.pte}${p.pte === 'present' && p.wp ? ' wp' : ''}`);
}

function applyAll(s: Sim, ops: Op[]): Observation[] {
  return ops.map((op) => s.apply(op));
}

describe('madvise PAGEOUT (madvise_pageout, shrink_folio_list, no swap)', () => {
  test('unmaps the folios; dirty ones stay cached (shmem_writeout redirties without swap), a clean read-faulted zero folio is freed', () => {
    // madvise_cold_or_pageout_pte_range -> reclaim_pages -> shrink_folio_list:
    // try_to_unmap, then pageout() -> shmem_writeout (!total_swap_pages: redirty) or __remove_mapping
    const s = sim([1, 2, 0, 0]);
    applyAll(s, [
      { op: 'read', thread: 0, page: 0 },
      { op: 'read', thread: 0, page: 2 },
      { op: 'write', thread: 0, page: 3, value: 9 },
    ]);
    expect(pages(s.observe())).toEqual(['cache 1 present', 'cache 2 present', 'cache 0 present', 'cache 9 present']);
    const o = s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 });
    expect(o.result).toBe(0);
    expect(pages(o)).toEqual(['cache 1 none', 'cache 2 none', 'hole 0 none', 'cache 9 none']);
  });

  test('skips a folio another mapping maps too (folio_mapcount != 1)', () => {
    // madvise_cold_or_pageout_pte_range: "do not interfere with other mappings of this folio"
    const s = sim([1, 2, 3, 4], 2);
    applyAll(s, [
      { op: 'read', thread: 0, page: 0 },
      { op: 'read', thread: 0, page: 0, mapping: 1 },
      { op: 'madvise', advice: 'DONTNEED', lo: 1, hi: 3, mapping: 1 },
    ]);
    const o = s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 });
    expect(pages(o)).toEqual(['cache 1 present', 'cache 2 none', 'cache 3 none', 'cache 4 none']);
    expect(ptes(s, 1)).toEqual(['present', 'none', 'none', 'none']);
  });

  test('a uffd-wp pte becomes a marker (try_to_unmap_one -> pte_install_uffd_wp_if_needed); a read then maps it wp', () => {
    const s = sim([1, 2, 0, 4]);
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 0 },
      { op: 'read', thread: 0, page: 1 },
      { op: 'read', thread: 0, page: 3 },
      { op: 'write', thread: 0, page: 3, value: 7 },
      { op: 'writeprotect', lo: 0, hi: 0, wp: true },
    ]);
    expect(pages(s.observe())).toEqual(['cache 1 present wp', 'cache 2 present', 'hole 0 none', 'cache 7 present']);
    expect(pages(s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 }))).toEqual(['cache 1 marker wp', 'cache 2 none', 'hole 0 none', 'cache 7 none']);
    expect(pages(s.apply({ op: 'read', thread: 0, page: 0 }))[0]).toBe('cache 1 present wp');
  });

  test('a clean wp-protected zero folio is freed and leaves a marker over a hole', () => {
    const s = sim([0, 2, 0, 0]);
    applyAll(s, [
      { op: 'read', thread: 0, page: 0 },
      { op: 'read', thread: 0, page: 1 },
      { op: 'register', modes: ['WP', 'MISSING'] },
      { op: 'writeprotect', lo: 0, hi: 1, wp: true },
    ]);
    expect(pages(s.observe())).toEqual(['cache 0 present wp', 'cache 2 present wp', 'hole 0 none', 'hole 0 none']);
    expect(pages(s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 }))).toEqual(['hole 0 marker wp', 'cache 2 marker wp', 'hole 0 none', 'hole 0 none']);
  });

  test('only folios this mapping maps are taken: cached but unmapped pages are left alone', () => {
    // the walk visits present ptes only
    const s = sim([1, 2, 3, 4]);
    applyAll(s, [
      { op: 'read', thread: 0, page: 0 },
      { op: 'madvise', advice: 'DONTNEED', lo: 1, hi: 3 },
    ]);
    expect(pages(s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 }))).toEqual(['cache 1 none', 'cache 2 none', 'cache 3 none', 'cache 4 none']);
  });
});

describe('fallocate (shmem_fallocate, shmem_get_folio_gfp SGP_FALLOC)', () => {
  test('allocated folios are not uptodate: cached, but pread reads 0 and fault-around skips them; a fault zeroes them; a second fallocate zeroes them too', () => {
    const s = sim([1, 0, 0, 0]);
    expect(pages(s.apply({ op: 'ftruncate', size: 2 }))).toEqual(['cache 1 none', 'hole 0 none', 'hole 0 none', 'hole 0 none']);
    // KEEP_SIZE past EOF: no EOF check for SGP_FALLOC, i_size stays
    const f = s.apply({ op: 'fallocate', lo: 1, hi: 3, keepSize: true });
    expect([f.result, pages(f)]).toEqual([0, ['cache 1 none', 'cache 0 none', 'cache 0 none', 'cache 0 none']]);
    expect(s.kernel.mapping.lookup(1)?.uptodate).toBe(false);
    // filemap_map_pages skips !uptodate folios
    expect(pages(s.apply({ op: 'read', thread: 0, page: 0 }))).toEqual(['cache 1 present', 'cache 0 none', 'cache 0 none', 'cache 0 none']);
    // shmem_fault -> shmem_get_folio_gfp(SGP_CACHE) clears it
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect([r.result, pages(r)]).toEqual([0, ['cache 1 present', 'cache 0 present', 'cache 0 none', 'cache 0 none']]);
    // mode 0 moves EOF to hi + 1; the folios at 2..3 were !uptodate: SGP_FALLOC clears them now
    const g = s.apply({ op: 'fallocate', lo: 2, hi: 3, keepSize: false });
    expect(s.kernel.mapping.i_size).toBe(4);
    expect(pages(g)).toEqual(['cache 1 present', 'cache 0 present', 'cache 0 none', 'cache 0 none']);
    expect(pages(s.apply({ op: 'read', thread: 0, page: 2 }))).toEqual(['cache 1 present', 'cache 0 present', 'cache 0 present', 'cache 0 present']);
    // fallocate marks its folios dirty: reclaim keeps them
    expect(pages(s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 }))).toEqual(['cache 1 none', 'cache 0 none', 'cache 0 none', 'cache 0 none']);
  });

  test('a second fallocate of a !uptodate folio makes it data; a MISSING-registered read of one raises no event', () => {
    const s = sim([1, 0, 0, 0]);
    expect(pages(s.apply({ op: 'fallocate', lo: 1, hi: 2, keepSize: true }))).toEqual(['cache 1 none', 'cache 0 none', 'cache 0 none', 'hole 0 none']);
    expect(s.kernel.mapping.lookup(1)?.uptodate).toBe(false);
    expect(pages(s.apply({ op: 'fallocate', lo: 1, hi: 1, keepSize: true }))).toEqual(['cache 1 none', 'cache 0 none', 'cache 0 none', 'hole 0 none']);
    expect(s.kernel.mapping.lookup(1)?.uptodate).toBe(true);
    s.apply({ op: 'register', modes: ['MISSING'] });
    // the slot is occupied, so shmem_get_folio_gfp never reaches the MISSING check
    const r = s.apply({ op: 'read', thread: 0, page: 2 });
    expect([r.result, r.events, pages(r)]).toEqual([0, [], ['cache 1 present', 'cache 0 present', 'cache 0 present', 'hole 0 none']]);
  });

  test('CONTINUE maps a falloc-ed folio zeroed (SGP_NOALLOC clears it); COPY and ZEROPAGE there are EEXIST', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MINOR', 'WP'] });
    s.apply({ op: 'fallocate', lo: 0, hi: 1, keepSize: true });
    expect(s.apply({ op: 'continue', page: 0, wp: true }).result).toBe(4096);
    expect(s.apply({ op: 'continue', page: 2, wp: false }).result).toBe(-14);
    expect(s.apply({ op: 'copy', page: 1, value: 5, wp: false }).result).toBe(-17);
    expect(s.apply({ op: 'zeropage', page: 1 }).result).toBe(-17);
    const z = s.apply({ op: 'zeropage', page: 2 });
    expect([z.result, pages(z)]).toEqual([4096, ['cache 0 present wp', 'cache 0 none', 'cache 0 present', 'hole 0 none']]);
  });
});

describe('UFFDIO_ZEROPAGE (mfill_atomic_zeropage -> shmem_mfill_atomic_pte)', () => {
  test('EEXIST on a cached page, replaces a marker (not wp), works without MISSING, EFAULT past EOF, ENOENT unregistered', () => {
    const s = sim([1, 0, 0, 0], 2);
    applyAll(s, [
      { op: 'register', modes: ['MISSING', 'WP'] },
      { op: 'register', modes: ['MINOR'], mapping: 1 },
      { op: 'writeprotect', lo: 1, hi: 1, wp: true },
    ]);
    expect(s.apply({ op: 'zeropage', page: 0 }).result).toBe(-17);
    expect(s.apply({ op: 'zeropage', page: 1 }).result).toBe(4096);
    const z = s.apply({ op: 'zeropage', page: 2, mapping: 1 });
    expect(z.result).toBe(4096);
    expect(pages(z)).toEqual(['cache 1 none', 'cache 0 present', 'cache 0 none', 'hole 0 none']);
    expect(ptes(s, 1)).toEqual(['none', 'none', 'present', 'none']);
    s.apply({ op: 'ftruncate', size: 3 });
    expect(s.apply({ op: 'zeropage', page: 3 }).result).toBe(-14);
    s.apply({ op: 'unregister' });
    expect(s.apply({ op: 'zeropage', page: 3 }).result).toBe(-2);
  });

  test('wakes the MISSING fault it answers unless dontwake (from source: userfaultfd_zeropage wakes range.len = ret)', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect([r.result, r.events]).toEqual(['blocked', [{ kind: 'MISSING', page: 1, write: false }]]);
    const quiet = s.apply({ op: 'zeropage', page: 1, dontwake: true });
    expect([quiet.result, quiet.threads[0]]).toEqual([4096, { state: 'blocked' }]);
    const woke = s.apply({ op: 'wake', lo: 1, hi: 1 });
    expect(woke.threads[0]).toEqual({ state: 'idle', last: 0 });
    s.apply({ op: 'read', thread: 0, page: 2 });
    expect(s.apply({ op: 'zeropage', page: 2 }).threads[0]).toEqual({ state: 'idle', last: 0 });
  });
});

describe('ZEROPAGE, COPY, PAGEOUT and ftruncate together', () => {
  test('ZEROPAGE and COPY folios are dirty (mfill_atomic_install_pte: pte_mkdirty), so PAGEOUT keeps them; a marker past EOF reads SIGBUS', () => {
    const s = sim([1, 0, 0, 0]);
    applyAll(s, [
      { op: 'register', modes: ['MISSING', 'WP'] },
      { op: 'zeropage', page: 1 },
      { op: 'copy', page: 2, value: 5, wp: false },
      { op: 'read', thread: 0, page: 0 },
    ]);
    expect(pages(s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true }))).toEqual(['cache 1 present wp', 'cache 0 present wp', 'cache 5 present wp', 'hole 0 marker wp']);
    expect(pages(s.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3 }))).toEqual(['cache 1 marker wp', 'cache 0 marker wp', 'cache 5 marker wp', 'hole 0 marker wp']);
    expect(pages(s.apply({ op: 'ftruncate', size: 1 }))).toEqual(['cache 1 marker wp', 'hole 0 marker wp', 'hole 0 marker wp', 'hole 0 marker wp']);
    // do_pte_missing on the marker -> shmem_fault past EOF -> VM_FAULT_SIGBUS; the marker stays
    const r = s.apply({ op: 'read', thread: 0, page: 2 });
    expect([r.result, r.events, pages(r)[2]]).toEqual(['SIGBUS', [], 'hole 0 marker wp']);
  });
});

describe('ftruncate (shmem_setattr, unmap_mapping_range, shmem_truncate_range)', () => {
  test('shrinking: wp ptes past EOF become markers, markers stay (no ZAP_FLAG_DROP_MARKER), other mappings lose their ptes; growing keeps them', () => {
    const s = sim([1, 2, 3, 4], 2);
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 1 },
      { op: 'read', thread: 0, page: 2 },
      { op: 'read', thread: 0, page: 3, mapping: 1 },
      { op: 'read', thread: 0, page: 2, mapping: 1 },
      { op: 'writeprotect', lo: 0, hi: 3, wp: true },
      { op: 'write', thread: 0, page: 2, value: 8, mapping: 1 },
    ]);
    expect(pages(s.observe())).toEqual(['cache 1 marker wp', 'cache 2 present wp', 'cache 8 present wp', 'cache 4 marker wp']);
    const t = s.apply({ op: 'ftruncate', size: 1 });
    expect([t.result, pages(t)]).toEqual([0, ['cache 1 marker wp', 'hole 0 marker wp', 'hole 0 marker wp', 'hole 0 marker wp']]);
    expect(ptes(s, 1)).toEqual(['present', 'none', 'none', 'none']);
    // a marker past EOF faults into shmem_fault, which is -EINVAL -> SIGBUS
    expect(s.apply({ op: 'read', thread: 1, page: 2 }).result).toBe('SIGBUS');
    expect(pages(s.apply({ op: 'ftruncate', size: 4 }))).toEqual(['cache 1 marker wp', 'hole 0 marker wp', 'hole 0 marker wp', 'hole 0 marker wp']);
    const r = s.apply({ op: 'read', thread: 0, page: 2 });
    expect([r.result, pages(r)[2]]).toEqual([0, 'cache 0 present wp']);
  });

  test('a shrink drops folios a KEEP_SIZE fallocate put past EOF (shmem_truncate_range to the end); a grow shows holes', () => {
    const s = sim([1, 0, 0, 0]);
    s.apply({ op: 'ftruncate', size: 1 });
    s.apply({ op: 'fallocate', lo: 2, hi: 3, keepSize: true });
    expect(s.kernel.mapping.lookup(2)).not.toBeNull();
    s.apply({ op: 'ftruncate', size: 1 });
    expect(s.kernel.mapping.lookup(2)).toBeNull();
    expect(pages(s.apply({ op: 'ftruncate', size: 4 }))).toEqual(['cache 1 none', 'hole 0 none', 'hole 0 none', 'hole 0 none']);
  });

  test('a fault that starts after i_size_write is a SIGBUS before the unmaps have run (from source: shmem_setattr order)', () => {
    const s = sim([1, 2, 3, 4]);
    const t = s.start({ op: 'ftruncate', size: 2 });
    s.step(t); // setattr_begin: inode_lock, i_size_write
    const r = s.start({ op: 'read', thread: 0, page: 3 });
    s.settle();
    expect(s.status(r).result).toBe('SIGBUS');
    expect(s.status(t).state).toBe('done');
  });
});

describe('munmap (unmap_vmas with ZAP_FLAG_DROP_MARKER)', () => {
  test('drops the ptes and markers of the mapping; its uffd stays: COPY/ZEROPAGE/CONTINUE/WRITEPROTECT -2, WAKE 0, UNREGISTER/REGISTER -22', () => {
    const s = sim([1, 0, 0, 0], 2);
    applyAll(s, [
      { op: 'register', modes: ['MISSING', 'WP'], mapping: 1 },
      { op: 'read', thread: 0, page: 0, mapping: 1 },
      { op: 'writeprotect', lo: 0, hi: 1, wp: true, mapping: 1 },
    ]);
    expect(ptes(s, 1)).toEqual(['present wp', 'marker', 'none', 'none']);
    expect(s.apply({ op: 'munmap', mapping: 1 }).result).toBe(0);
    expect(ptes(s, 1)).toEqual(['none', 'none', 'none', 'none']);
    expect(s.apply({ op: 'copy', page: 2, value: 5, wp: false, mapping: 1 }).result).toBe(-2);
    expect(s.apply({ op: 'zeropage', page: 3, mapping: 1 }).result).toBe(-2);
    expect(s.apply({ op: 'writeprotect', lo: 0, hi: 1, wp: false, mapping: 1 }).result).toBe(-2);
    expect(s.apply({ op: 'writeprotect', lo: 0, hi: 1, wp: true, mapping: 1 }).result).toBe(-2);
    expect(s.apply({ op: 'continue', page: 0, wp: false, mapping: 1 }).result).toBe(-2);
    expect(s.apply({ op: 'wake', lo: 0, hi: 3, mapping: 1 }).result).toBe(0);
    expect(s.apply({ op: 'unregister', mapping: 1 }).result).toBe(-22);
    expect(s.apply({ op: 'register', modes: ['MISSING'], mapping: 1 }).result).toBe(-22);
    expect(pages(s.observe())).toEqual(['cache 1 none', 'hole 0 none', 'hole 0 none', 'hole 0 none']);
    expect(() => s.start({ op: 'read', thread: 0, page: 0, mapping: 1 })).toThrow(SimError);
  });

  test('waits for a fault in flight on the VMA (mmap_write_lock), not for one asleep on a userfault (from source)', () => {
    const s = sim([1, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    const r = s.start({ op: 'read', thread: 0, page: 0 });
    s.step(r); // load: the pte is none, the fault starts
    const u = s.start({ op: 'munmap', mapping: 0 });
    s.step(u);
    expect(s.status(u)).toMatchObject({ state: 'blocked', blockedOn: 'mmap_lock' });
    s.settle();
    expect(s.status(r).result).toBe(1);
    expect(s.status(u).state).toBe('done');
    // a thread asleep on a userfault dropped mmap_lock: munmap does not wait for it
    const s2 = sim([0, 0, 0, 0]);
    s2.apply({ op: 'register', modes: ['MISSING'] });
    expect(s2.apply({ op: 'read', thread: 0, page: 1 }).result).toBe('blocked');
    const m = s2.apply({ op: 'munmap', mapping: 0 });
    expect([m.result, m.threads[0]]).toEqual([0, { state: 'blocked' }]);
    // woken, it re-executes in no VMA: SIGSEGV, which a trace cannot say
    expect(() => s2.apply({ op: 'wake', lo: 1, hi: 1 })).toThrow(/SIGSEGV/);
  });
});

describe('registration surface', () => {
  test('every combination of MISSING, WP and MINOR registers (vma_can_userfault); CONTINUE with wp maps uffd-wp; WP_ASYNC resolves WP faults in place', () => {
    const s = sim([1, 2, 3, 4]);
    expect(s.apply({ op: 'register', modes: ['MINOR', 'WP'], features: ['WP_ASYNC'] }).result).toBe(0);
    expect(s.apply({ op: 'register', modes: ['MISSING', 'MINOR'] }).result).toBe(0);
    expect(s.apply({ op: 'register', modes: ['MISSING', 'WP', 'MINOR'] }).result).toBe(0);
    expect(s.apply({ op: 'continue', page: 0, wp: true }).result).toBe(4096);
    expect(s.apply({ op: 'continue', page: 1, wp: false }).result).toBe(4096);
    expect(pages(s.observe())).toEqual(['cache 1 present wp', 'cache 2 present', 'cache 3 none', 'cache 4 none']);
    // do_wp_page: userfaultfd_wp_async -> pte_clear_uffd_wp, then wp_page_shared
    const w = applyAll(s, [
      { op: 'write', thread: 0, page: 1, value: 11 },
      { op: 'write', thread: 0, page: 0, value: 10 },
    ]);
    expect(w.map((o) => [o.result, o.events])).toEqual([['ok', []], ['ok', []]]);
    expect(pages(s.observe())).toEqual(['cache 10 present', 'cache 11 present', 'cache 3 none', 'cache 4 none']);
    // a store on a marker of a cached page: MINOR comes first (shmem_get_folio_gfp); the kernel blocks there
    s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true });
    const b = s.apply({ op: 'write', thread: 1, page: 2, value: 12 });
    expect([b.result, b.events]).toEqual(['blocked', [{ kind: 'MINOR', page: 2, write: true }]]);
  });

  test('MISSING|MINOR: a hole raises MISSING, a cached page MINOR, no fault-around (from source: shmem_get_folio_gfp, uffd_disable_fault_around)', () => {
    const s = sim([1, 0, 3, 4]);
    s.apply({ op: 'register', modes: ['MISSING', 'MINOR'] });
    expect(s.apply({ op: 'read', thread: 0, page: 0 }).events).toEqual([{ kind: 'MINOR', page: 0, write: false }]);
    expect(s.apply({ op: 'read', thread: 1, page: 1 }).events).toEqual([{ kind: 'MISSING', page: 1, write: false }]);
    const c = s.apply({ op: 'continue', page: 0, wp: false });
    expect(pages(c)).toEqual(['cache 1 present', 'hole 0 none', 'cache 3 none', 'cache 4 none']);
    expect(s.apply({ op: 'copy', page: 1, value: 5, wp: false }).threads[1]).toEqual({ state: 'idle', last: 5 });
  });

  test('WP_UNPOPULATED changes nothing on shmem (userfaultfd_wp_use_markers is already true for a file VMA); WP_ASYNC turns it on (from source: userfaultfd_api)', () => {
    const run = (features: ('WP_UNPOPULATED' | 'WP_ASYNC')[]) => {
      const s = sim([1, 0, 3, 4]);
      s.apply({ op: 'register', modes: ['WP'], features });
      s.apply({ op: 'read', thread: 0, page: 0 });
      return { s, o: pages(s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true })) };
    };
    expect(run(['WP_UNPOPULATED']).o).toEqual(run([]).o);
    expect(run([]).o).toEqual(['cache 1 present wp', 'hole 0 marker wp', 'cache 3 marker wp', 'cache 4 marker wp']);
    expect(run(['WP_ASYNC']).s.kernel.vmas[0].uffd?.features.has('WP_UNPOPULATED')).toBe(true);
  });
});

describe('pagemap_scan (PAGEMAP_SCAN for PAGE_IS_WRITTEN: do_pagemap_scan, fs/proc/task_mmu.c)', () => {
  // Every sequence here was run on 6.18.44 (root, no swap) with a standalone C probe:
  // memfd + MAP_SHARED mappings at a 2 MiB boundary (or pte index 510), the ioctl
  // with category_mask = return_mask = PAGE_IS_WRITTEN and a 64-entry vec, the result
  // summed over the returned regions; ptes read from pagemap bits 63/62/57. The last
  // test (what the simulator refuses) has no kernel counterpart.
  const scan = (lo: number, hi: number, wpMatching = false, mapping?: number): Op => (mapping === undefined ? { op: 'pagemap_scan', lo, hi, wpMatching } : { op: 'pagemap_scan', lo, hi, wpMatching, mapping });
  const EPERM = -1;

  test('pagemap_scan_test_walk: WP_MATCHING|CHECK_WPASYNC is -EPERM unless the VMA is WP-registered with a WP_ASYNC uffd; a plain scan walks any VMA', () => {
    // userfaultfd_wp_async(vma) && userfaultfd_wp_use_markers(vma) (VM_UFFD_WP for a file VMA)
    const cases: [Op[], number][] = [
      [[], 4],
      [[{ op: 'register', modes: ['WP'] }], 4],
      [[{ op: 'register', modes: ['MISSING'], features: ['WP_ASYNC'] }], 4],
      [[{ op: 'register', modes: ['WP'], features: ['WP_ASYNC'] }, { op: 'unregister' }], 4],
    ];
    for (const [setup, plain] of cases) {
      const s = sim([1, 0, 0, 0]);
      applyAll(s, [...setup, { op: 'read', thread: 0, page: 0 }]);
      expect(s.apply(scan(0, 3)).result).toBe(plain);
      const o = s.apply(scan(0, 3, true));
      expect([o.result, pages(o)]).toEqual([EPERM, ['cache 1 present', 'hole 0 none', 'hole 0 none', 'hole 0 none']]);
    }
  });

  test('pagemap_scan_pmd_entry (PAGE_IS_WRITTEN fast path): present non-wp and none ptes are written, present wp ptes and markers are not', () => {
    const s = sim([1, 2, 0, 0]);
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 0 },
      { op: 'read', thread: 0, page: 1 },
      { op: 'writeprotect', lo: 0, hi: 0, wp: true },
    ]);
    expect(pages(s.observe())).toEqual(['cache 1 present wp', 'cache 2 present', 'hole 0 none', 'hole 0 none']);
    expect(s.apply(scan(0, 3)).result).toBe(3);
    s.apply({ op: 'writeprotect', lo: 2, hi: 2, wp: true });
    expect(s.apply(scan(0, 3)).result).toBe(2);
    expect(s.apply(scan(1, 1)).result).toBe(1);
    // a none pte counts in an unregistered VMA too, once its page table exists
    const u = sim([1, 0, 0, 0]);
    u.apply({ op: 'read', thread: 0, page: 0 });
    expect([u.apply(scan(0, 3)).result, u.apply(scan(1, 3)).result]).toEqual([4, 3]);
  });

  test('make_uffd_wp_pte under WP_MATCHING: a present pte gets uffd-wp (and loses write), a none pte a marker; a second scan finds nothing; WP_ASYNC writes show up again', () => {
    const s = sim([1, 0, 0, 0]);
    applyAll(s, [
      { op: 'register', modes: ['WP'], features: ['WP_ASYNC'] },
      { op: 'read', thread: 0, page: 0 },
    ]);
    const plain = s.apply(scan(0, 3));
    expect([plain.result, pages(plain)]).toEqual([4, ['cache 1 present', 'hole 0 none', 'hole 0 none', 'hole 0 none']]);
    const o = s.apply(scan(0, 3, true));
    expect([o.result, pages(o)]).toEqual([4, ['cache 1 present wp', 'hole 0 marker wp', 'hole 0 marker wp', 'hole 0 marker wp']]);
    expect(s.ptesOf(0)[0].writable).toBe(false);
    expect([s.apply(scan(0, 3, true)).result, s.apply(scan(0, 3)).result]).toEqual([0, 0]);
    // do_wp_page with WP_ASYNC drops the bit in place; a store on a marker maps a non-wp pte
    const w = applyAll(s, [
      { op: 'write', thread: 0, page: 0, value: 8 },
      { op: 'write', thread: 0, page: 1, value: 2 },
    ]);
    expect(w.map((x) => [x.result, x.events])).toEqual([['ok', []], ['ok', []]]);
    expect(pages(s.observe())).toEqual(['cache 8 present', 'cache 2 present', 'hole 0 marker wp', 'hole 0 marker wp']);
    expect(s.apply(scan(0, 3)).result).toBe(2);
    expect(pages(s.apply(scan(0, 3, true)))).toEqual(['cache 8 present wp', 'cache 2 present wp', 'hole 0 marker wp', 'hole 0 marker wp']);
  });

  test('pagemap_scan_pte_hole: with no page table a WP VMA reports the hole written (and WP_MATCHING arms it via uffd_wp_range), any other VMA does not', () => {
    // unregistered, MISSING + WP_ASYNC, or WP once but unregistered: nothing faulted, no page table
    for (const setup of [[], [{ op: 'register', modes: ['MISSING'], features: ['WP_ASYNC'] }], [{ op: 'register', modes: ['WP'], features: ['WP_ASYNC'] }, { op: 'unregister' }]] as Op[][]) {
      const s = sim([1, 2, 3, 4]);
      applyAll(s, setup);
      expect(s.apply(scan(0, 3)).result).toBe(0);
    }
    // WP without WP_ASYNC: reported; WP_MATCHING refused
    const w = sim([1, 2, 3, 4]);
    w.apply({ op: 'register', modes: ['WP'] });
    expect([w.apply(scan(0, 3)).result, w.apply(scan(0, 3, true)).result]).toEqual([4, EPERM]);
    // WP + WP_ASYNC: WP_MATCHING over part of the hole puts markers on that part only
    const a = sim([1, 2, 3, 4]);
    a.apply({ op: 'register', modes: ['WP'], features: ['WP_ASYNC'] });
    expect(a.apply(scan(1, 2)).result).toBe(2);
    const o = a.apply(scan(1, 2, true));
    expect([o.result, pages(o)]).toEqual([2, ['cache 1 none', 'cache 2 marker wp', 'cache 3 marker wp', 'cache 4 none']]);
    // the page table uffd_wp_range allocated stays: pages 0 and 3 are none ptes now, written
    expect(a.apply(scan(0, 3)).result).toBe(2);
    // and outlives the registration: an unregistered VMA's none ptes in it are written
    a.apply({ op: 'unregister' });
    expect(pages(a.observe())).toEqual(['cache 1 none', 'cache 2 none', 'cache 3 none', 'cache 4 none']);
    expect(a.apply(scan(0, 3)).result).toBe(4);
  });

  test('what makes a page table: a fault that maps a pte, and mfill_atomic before it tries the page (even EEXIST, EFAULT past EOF); not a SIGBUS userfault, not a zap', () => {
    const copyEexist = sim([1, 0, 0, 0]);
    copyEexist.apply({ op: 'register', modes: ['MISSING'] });
    expect(copyEexist.apply(scan(0, 3)).result).toBe(0);
    expect(copyEexist.apply({ op: 'copy', page: 0, value: 5, wp: false }).result).toBe(-17);
    expect(copyEexist.apply(scan(0, 3)).result).toBe(4);

    const copyEof = new Sim({ pages: 4, threads: 1, size: 2 });
    copyEof.apply({ op: 'register', modes: ['MISSING'] });
    expect(copyEof.apply({ op: 'copy', page: 3, value: 5, wp: false }).result).toBe(-14);
    expect(copyEof.apply(scan(0, 3)).result).toBe(4);

    const sigbus = sim([0, 0, 0, 0]);
    sigbus.apply({ op: 'register', modes: ['MISSING'], features: ['SIGBUS'] });
    expect(sigbus.apply({ op: 'read', thread: 0, page: 0 }).result).toBe('SIGBUS');
    expect(sigbus.apply(scan(0, 3)).result).toBe(0);

    // zap_pte_range frees no page table for a range this small (MADV_DONTNEED, ftruncate)
    const zap = sim([1, 0, 0, 0]);
    applyAll(zap, [
      { op: 'read', thread: 0, page: 0 },
      { op: 'madvise', advice: 'DONTNEED', lo: 0, hi: 3 },
    ]);
    expect(pages(zap.observe())).toEqual(['cache 1 none', 'hole 0 none', 'hole 0 none', 'hole 0 none']);
    expect(zap.apply(scan(0, 3)).result).toBe(4);
  });

  test('past EOF: i_size plays no part (the fast path and make_uffd_wp_pte never look at it)', () => {
    const s = new Sim({ pages: 4, threads: 1, fill: [1], size: 2 });
    applyAll(s, [
      { op: 'register', modes: ['WP'], features: ['WP_ASYNC'] },
      { op: 'read', thread: 0, page: 0 },
    ]);
    expect(s.apply(scan(2, 3)).result).toBe(2);
    const o = s.apply(scan(0, 3, true));
    expect([o.result, pages(o)]).toEqual([4, ['cache 1 present wp', 'hole 0 marker wp', 'hole 0 marker wp', 'hole 0 marker wp']]);
  });

  test('walk_pmd_range: a mapping across two page tables (pte index 510) is a populated table and a hole', () => {
    const geometry = [{ offset: 0, length: 4, pteIndex: 510 }];
    const u = new Sim({ pages: 4, threads: 1, fill: [1], mappings: geometry });
    u.apply({ op: 'read', thread: 0, page: 0 });
    expect([u.apply(scan(0, 3)).result, u.apply(scan(2, 3)).result]).toEqual([2, 0]);

    const w = new Sim({ pages: 4, threads: 1, fill: [1], mappings: geometry });
    applyAll(w, [
      { op: 'register', modes: ['WP'], features: ['WP_ASYNC'] },
      { op: 'read', thread: 0, page: 0 },
    ]);
    expect(w.apply(scan(0, 3)).result).toBe(4);
    const o = w.apply(scan(1, 2, true));
    expect([o.result, pages(o)]).toEqual([2, ['cache 1 present', 'hole 0 marker wp', 'hole 0 marker wp', 'hole 0 none']]);
    // page 3 is now a none pte of the table uffd_wp_range allocated for page 2
    expect(w.apply(scan(0, 3)).result).toBe(2);
  });

  test('through another mapping: the walk is of the VMA the addresses fall in, with its own registration, ptes and page tables', () => {
    const s = sim([1, 0, 0, 0], 2);
    applyAll(s, [
      { op: 'register', modes: ['WP'], features: ['WP_ASYNC'], mapping: 1 },
      { op: 'read', thread: 0, page: 0 },
    ]);
    expect(s.apply(scan(0, 3, true)).result).toBe(EPERM);
    const o = s.apply(scan(0, 3, true, 1));
    expect(o.result).toBe(4);
    expect([pages(o), ptes(s, 1)]).toEqual([['cache 1 present', 'hole 0 none', 'hole 0 none', 'hole 0 none'], ['marker', 'marker', 'marker', 'marker']]);
  });

  test('refused where the op cannot run: after munmap, and in a variant without pte markers', () => {
    const s = sim([1, 0, 0, 0]);
    s.apply({ op: 'munmap', mapping: 0 });
    expect(() => s.apply(scan(0, 3))).toThrow(SimError);
    const old = new Sim({ pages: 4, threads: 1, variant: { PTE_MARKERS: false } });
    expect(() => old.apply(scan(0, 3))).toThrow(/PTE_MARKERS/);
  });
});
