// The simulator's geometry (docs/trace-format.md, "The system under test"): the
// fault-around window of do_fault_around / filemap_map_pages, i_size and EOF, mappings
// at an offset of the file, and a userfaultfd per registered mapping.
import * as fc from 'fast-check';
import { Sim, SimError } from '../src/sim';
import { FAULT_AROUND_PAGES, MAX_PAGES, PTRS_PER_PTE, faultAroundRange, pteIndexOf, validateTrace, type MappingGeometry, type Observation } from '../conformance/trace';

/** `pages` pages, each cached with first byte i+1 (below `size`). */
function filled(pages: number, size = pages): number[] {
  return Array.from({ length: pages }, (_, i) => (i < size ? i + 1 : 0));
}

/** The file pages whose pte is present in mapping `m`. */
function present(s: Sim, m = 0): number[] {
  return s.ptesOf(m).flatMap((p, i) => (p.pte === 'present' ? [i] : []));
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

describe('the fault-around window (do_fault_around)', () => {
  test('is the 16 pages around the fault, aligned down: a read of page 20 of 64 maps exactly 16..31', () => {
    expect(FAULT_AROUND_PAGES).toBe(16);
    const s = new Sim({ pages: 64, threads: 1, fill: filled(64) });
    const r = s.apply({ op: 'read', thread: 0, page: 20 });
    expect(r.result).toBe(21);
    expect(present(s)).toEqual(range(16, 31));
    expect(r.pages.filter((p) => p.pte === 'present').length).toBe(16);
  });

  test('aligns within the mapping: a read of file page 10 through a mapping at offset 8 maps its ptes 0..15 = file pages 8..23', () => {
    const s = new Sim({ pages: 32, threads: 1, fill: filled(32), mappings: [{ offset: 8, length: 20 }] });
    const r = s.apply({ op: 'read', thread: 0, page: 10 });
    expect(r.result).toBe(11);
    expect(present(s)).toEqual(range(8, 23));
    expect(s.kernel.vmas[0].pt.ptes.map((p) => p.kind === 'present')).toEqual([...new Array(16).fill(true), ...new Array(4).fill(false)]);
    // pages[i].pte is mapping 0's, by file page: none outside the mapping
    expect(r.pages.map((p) => p.pte)).toEqual(range(0, 31).map((i) => (i >= 8 && i <= 23 ? 'present' : 'none')));
  });

  test('is clamped to the mapping: a read of its pte 18 (of 20) maps ptes 16..19 only', () => {
    const s = new Sim({ pages: 32, threads: 1, fill: filled(32), mappings: [{ offset: 8, length: 20 }] });
    expect(s.apply({ op: 'read', thread: 0, page: 26 }).result).toBe(27);
    expect(present(s)).toEqual(range(24, 27));
  });

  test('is per mapping: the same read through two mappings at different offsets maps different windows', () => {
    const s = new Sim({ pages: 40, threads: 1, fill: filled(40), mappings: [{ offset: 0, length: 40 }, { offset: 4, length: 36 }] });
    s.apply({ op: 'read', thread: 0, page: 18 });
    const r = s.apply({ op: 'read', thread: 0, page: 18, mapping: 1 });
    expect(present(s, 0)).toEqual(range(16, 31));
    // pte 14 of mapping 1: its window is ptes 0..15 = file pages 4..19
    expect(present(s, 1)).toEqual(range(4, 19));
    expect(r.pages[4].others).toEqual([{ pte: 'present', wp: false }]);
    expect(r.pages[20].others).toEqual([{ pte: 'none', wp: false }]);
  });

  test('maps only cached pages: the holes of the window stay none', () => {
    const fill = filled(32).map((v, i) => (i % 2 === 0 ? v : 0));
    const s = new Sim({ pages: 32, threads: 1, fill });
    s.apply({ op: 'read', thread: 0, page: 4 });
    expect(present(s)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
  });
});

describe('the fault-around window in the address space (pteIndex)', () => {
  test('a mapping 5 ptes past a 2 MiB boundary: a read of file page 20 maps exactly 11..26 (ptes 16..31)', () => {
    const s = new Sim({ pages: 64, threads: 1, fill: filled(64), mappings: [{ offset: 0, length: 64, pteIndex: 5 }] });
    expect(s.kernel.vmas[0].pteIndex(20)).toBe(25);
    const r = s.apply({ op: 'read', thread: 0, page: 20 });
    expect(r.result).toBe(21);
    expect(present(s)).toEqual(range(11, 26));
  });

  test('windows start at mapping pages 11, 27, ...; one that would start before the VMA starts at it and keeps its 16 ptes (5..20 = pages 0..15)', () => {
    const s = new Sim({ pages: 64, threads: 1, fill: filled(64), mappings: [{ offset: 0, length: 64, pteIndex: 5 }] });
    s.apply({ op: 'read', thread: 0, page: 3 });
    expect(present(s)).toEqual(range(0, 15));
    s.apply({ op: 'read', thread: 0, page: 27 });
    expect(present(s)).toEqual([...range(0, 15), ...range(27, 42)]);
  });

  test('a mapping across two page tables (offset 0, length 40, pteIndex 500): the window stops at the page table\'s end', () => {
    const geometry = [{ offset: 0, length: 40, pteIndex: 500 }];
    // mapping page 5 is pte 505: window 496..511, clipped to the VMA start (pte 500) and the page table end
    const a = new Sim({ pages: 40, threads: 1, fill: filled(40), mappings: geometry });
    expect(a.apply({ op: 'read', thread: 0, page: 5 }).result).toBe(6);
    expect(present(a)).toEqual(range(0, 11));
    // mapping page 14 is pte 2 of the next page table: window 0..15 = pages 12..27
    const b = new Sim({ pages: 40, threads: 1, fill: filled(40), mappings: geometry });
    expect(b.kernel.vmas[0].pteIndex(14)).toBe(2);
    expect(b.apply({ op: 'read', thread: 0, page: 14 }).result).toBe(15);
    expect(present(b)).toEqual(range(12, 27));
    // and page 11 (pte 511) never brings in page 12 (pte 0 of the next table)
    const c = new Sim({ pages: 40, threads: 1, fill: filled(40), mappings: geometry });
    c.apply({ op: 'read', thread: 0, page: 11 });
    expect(present(c)).toEqual(range(0, 11));
  });

  test('the same file pages through two mappings at different pte indices fault around different windows', () => {
    const s = new Sim({ pages: 48, threads: 1, fill: filled(48), mappings: [{ offset: 0, length: 48 }, { offset: 0, length: 48, pteIndex: 8 }] });
    s.apply({ op: 'read', thread: 0, page: 20 });
    s.apply({ op: 'read', thread: 0, page: 20, mapping: 1 });
    expect(present(s, 0)).toEqual(range(16, 31));
    expect(present(s, 1)).toEqual(range(8, 23));
  });

  test('a zap across the page table boundary: ptes on both sides go, and a later fault-around re-maps per page table', () => {
    const s = new Sim({ pages: 40, threads: 1, fill: filled(40), mappings: [{ offset: 0, length: 40, pteIndex: 500 }] });
    s.apply({ op: 'read', thread: 0, page: 5 });
    s.apply({ op: 'read', thread: 0, page: 14 });
    expect(present(s)).toEqual(range(0, 27));
    s.apply({ op: 'madvise', advice: 'DONTNEED', lo: 10, hi: 13 });
    expect(present(s)).toEqual([...range(0, 9), ...range(14, 27)]);
    const r = s.apply({ op: 'punch', lo: 9, hi: 14 });
    expect(r.pages.slice(9, 15).map((p) => [p.cache, p.pte])).toEqual(new Array(6).fill([false, 'none']));
    s.apply({ op: 'pwrite', page: 11, value: 7 });
    s.apply({ op: 'pwrite', page: 12, value: 8 });
    // a read of page 12 (pte 0 of the second table) maps 12 (13, 14 are holes): page 11, cached
    // again but on pte 511 of the first table, stays none
    expect(s.apply({ op: 'read', thread: 0, page: 12 }).result).toBe(8);
    expect(present(s)).toEqual([...range(0, 8), 12, ...range(15, 27)]);
  });

  test('a pteIndex outside 0..511 is refused', () => {
    expect(() => new Sim({ pages: 4, threads: 1, mappings: [{ offset: 0, length: 4, pteIndex: 512 }] })).toThrow('mappings[0].pteIndex: expected an integer in 0..511, got 512');
    expect(() => new Sim({ pages: 4, threads: 1, mappings: [{ offset: 0, length: 4, pteIndex: -1 }] })).toThrow('mappings[0].pteIndex: expected an integer in 0..511, got -1');
  });

  test('agrees with faultAroundRange (conformance/trace.ts) on random geometries: a read fault through an unregistered mapping with every page cached', () => {
    expect(PTRS_PER_PTE).toBe(512);
    const geometry = fc
      .record({
        pages: fc.integer({ min: 1, max: MAX_PAGES }),
        offset: fc.nat(),
        length: fc.nat(),
        // absent, anywhere, or near the end of the page table (the mapping then spans two)
        pteIndex: fc.oneof(
          fc.constant(undefined),
          fc.integer({ min: 0, max: PTRS_PER_PTE - 1 }),
          fc.integer({ min: PTRS_PER_PTE - MAX_PAGES, max: PTRS_PER_PTE - 1 }),
        ),
        size: fc.nat(),
        at: fc.nat(),
      })
      .map(({ pages, offset, length, pteIndex, size, at }) => {
        const o = offset % pages;
        const g: MappingGeometry = { offset: o, length: 1 + (length % (pages - o)) };
        if (pteIndex !== undefined) g.pteIndex = pteIndex;
        // a file page inside the mapping and before EOF (a fault past EOF is SIGBUS, no window)
        const sz = g.offset + 1 + (size % (pages - g.offset));
        const page = g.offset + (at % Math.min(g.length, sz - g.offset));
        return { pages, g, size: sz, page };
      });
    fc.assert(
      fc.property(geometry, ({ pages, g, size, page }) => {
        const s = new Sim({ pages, threads: 1, size, fill: filled(pages, size), mappings: [g] });
        expect(s.kernel.vmas[0].pteIndex(page)).toBe(pteIndexOf(g, page));
        expect(s.apply({ op: 'read', thread: 0, page }).result).toBe(page + 1);
        const { lo, hi } = faultAroundRange(g, page, size, FAULT_AROUND_PAGES);
        expect(present(s)).toEqual(range(lo, hi));
      }),
      { numRuns: 400, seed: 20261202 },
    );
  });
});

describe('i_size and EOF', () => {
  test('fault-around stops at EOF: size 18, a read of page 17 maps 16..17 only; a read of page 18 gets SIGBUS', () => {
    const s = new Sim({ pages: 32, threads: 1, fill: filled(32, 18), size: 18 });
    expect(s.apply({ op: 'read', thread: 0, page: 17 }).result).toBe(18);
    expect(present(s)).toEqual([16, 17]);
    const r = s.apply({ op: 'read', thread: 0, page: 18 });
    expect(r.result).toBe('SIGBUS');
    expect(r.pages[18]).toEqual({ cache: false, value: 0, pte: 'none', wp: false });
    expect(present(s)).toEqual([16, 17]);
  });

  test('a store past EOF gets SIGBUS and allocates nothing', () => {
    const s = new Sim({ pages: 4, threads: 1, size: 2 });
    const r = s.apply({ op: 'write', thread: 0, page: 3, value: 7 });
    expect([r.result, r.pages[3].cache, r.pages[3].pte]).toEqual(['SIGBUS', false, 'none']);
  });

  test('past EOF comes before any userfault: a MISSING- or MINOR-registered mapping raises no event there', () => {
    for (const modes of [['MISSING'], ['MINOR'], ['MISSING', 'WP']] as const) {
      const s = new Sim({ pages: 4, threads: 1, size: 2, fill: [1, 2, 0, 0] });
      s.apply({ op: 'register', modes: [...modes] });
      const r = s.apply({ op: 'read', thread: 0, page: 2 });
      expect([modes, r.result, r.events, r.threads]).toEqual([modes, 'SIGBUS', [], [{ state: 'idle', last: 'SIGBUS' }]]);
    }
  });

  test('a size-0 file: every access is SIGBUS', () => {
    const s = new Sim({ pages: 2, threads: 1, size: 0 });
    expect(s.apply({ op: 'read', thread: 0, page: 0 }).result).toBe('SIGBUS');
    expect(s.apply({ op: 'write', thread: 0, page: 1, value: 1 }).result).toBe('SIGBUS');
  });

  test('pwrite of a byte at page p past EOF moves i_size to p+1 pages; the pages in between become holes inside the file', () => {
    const s = new Sim({ pages: 8, threads: 1, size: 2, fill: [1, 2, 0, 0, 0, 0, 0, 0] });
    expect(s.apply({ op: 'pwrite', page: 5, value: 9 }).result).toBe(0);
    expect(s.kernel.mapping.i_size).toBe(6);
    expect(s.apply({ op: 'read', thread: 0, page: 5 }).result).toBe(9);
    expect(s.apply({ op: 'read', thread: 0, page: 3 }).result).toBe(0);
    expect(s.apply({ op: 'read', thread: 0, page: 6 }).result).toBe('SIGBUS');
    // a pwrite inside the file leaves i_size alone
    s.apply({ op: 'pwrite', page: 1, value: 4 });
    expect(s.kernel.mapping.i_size).toBe(6);
  });

  test('pread past EOF reads nothing (0)', () => {
    const s = new Sim({ pages: 4, threads: 1, size: 2, fill: [1, 2, 0, 0] });
    expect(s.apply({ op: 'pread', page: 3 }).result).toBe(0);
  });

  test('UFFDIO_COPY at or past EOF is EFAULT (-14) and leaves the cache alone; inside the file it works', () => {
    const s = new Sim({ pages: 4, threads: 1, size: 2 });
    s.apply({ op: 'register', modes: ['MISSING'] });
    const r = s.apply({ op: 'copy', page: 2, value: 5, wp: false });
    expect([r.result, r.pages[2].cache, r.pages[2].pte]).toEqual([-14, false, 'none']);
    expect(s.apply({ op: 'copy', page: 1, value: 5, wp: false }).result).toBe(4096);
  });

  test('UFFDIO_CONTINUE past EOF: shmem_get_folio(SGP_NOALLOC) is -EINVAL there, passed on as it is (-22)', () => {
    const s = new Sim({ pages: 4, threads: 1, size: 2, fill: [1, 2, 0, 0] });
    s.apply({ op: 'register', modes: ['MINOR'] });
    expect(s.apply({ op: 'continue', page: 3, wp: false }).result).toBe(-22);
    // a hole inside the file is still EFAULT
    s.apply({ op: 'punch', lo: 1, hi: 1 });
    expect(s.apply({ op: 'continue', page: 1, wp: false }).result).toBe(-14);
  });

  test('a fill past EOF is refused, as the trace validator refuses it', () => {
    expect(() => new Sim({ pages: 3, threads: 1, size: 2, fill: [1, 0, 3] })).toThrow(new SimError('fill[2]: page 2 is past EOF (size 2): it must be 0'));
    expect(() => new Sim({ pages: 3, threads: 1, size: 4 })).toThrow('size: expected an integer in 0..3, got 4');
  });
});

describe('mappings at an offset of the file', () => {
  const geometry = [{ offset: 0, length: 16 }, { offset: 8, length: 8 }];

  test('a punch zaps every mapping that maps the range, each at its own pte index', () => {
    const s = new Sim({ pages: 16, threads: 1, fill: filled(16), mappings: geometry });
    s.apply({ op: 'read', thread: 0, page: 0 });
    s.apply({ op: 'read', thread: 0, page: 8, mapping: 1 });
    const r = s.apply({ op: 'punch', lo: 6, hi: 9 });
    expect(present(s, 0)).toEqual([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]);
    expect(present(s, 1)).toEqual(range(10, 15));
    expect(r.pages[9]).toEqual({ cache: false, value: 0, pte: 'none', wp: false, others: [{ pte: 'none', wp: false }] });
    expect(r.pages[5].others).toEqual([{ pte: 'none', wp: false }]);
  });

  test('MADV_DONTNEED and MADV_REMOVE take file pages of their mapping', () => {
    const s = new Sim({ pages: 16, threads: 1, fill: filled(16), mappings: geometry });
    s.apply({ op: 'read', thread: 0, page: 0 });
    s.apply({ op: 'read', thread: 0, page: 8, mapping: 1 });
    s.apply({ op: 'madvise', advice: 'DONTNEED', lo: 9, hi: 10, mapping: 1 });
    expect(present(s, 1)).toEqual([8, 11, 12, 13, 14, 15]);
    expect(present(s, 0)).toEqual(range(0, 15));
    const r = s.apply({ op: 'madvise', advice: 'REMOVE', lo: 12, hi: 12, mapping: 1 });
    expect([r.pages[12].cache, r.pages[12].pte, r.pages[12].others]).toEqual([false, 'none', [{ pte: 'none', wp: false }]]);
  });

  test('a page outside the mapping is refused', () => {
    const s = new Sim({ pages: 16, threads: 1, mappings: geometry });
    expect(() => s.start({ op: 'read', thread: 0, page: 7, mapping: 1 })).toThrow('page: expected an integer in 8..15, got 7');
    expect(() => s.start({ op: 'madvise', advice: 'DONTNEED', lo: 4, hi: 9, mapping: 1 })).toThrow('lo: expected an integer in 8..15, got 4');
    expect(() => new Sim({ pages: 16, threads: 1, mappings: [{ offset: 8, length: 9 }] })).toThrow('mappings[0].length: expected an integer in 1..8, got 9');
  });

  test('a mapping reaching past EOF: SIGBUS there through it too', () => {
    const s = new Sim({ pages: 16, threads: 1, size: 12, fill: filled(16, 12), mappings: geometry });
    expect(s.apply({ op: 'read', thread: 0, page: 11, mapping: 1 }).result).toBe(12);
    expect(present(s, 1)).toEqual(range(8, 11));
    expect(s.apply({ op: 'read', thread: 0, page: 12, mapping: 1 }).result).toBe('SIGBUS');
  });
});

describe('a userfaultfd per registered mapping', () => {
  const events = (o: Observation) => o.events;

  test('a fault in a second registered mapping raises its event on that mapping\'s uffd (mapping: 1)', () => {
    const s = new Sim({ pages: 4, threads: 2, mappings: 2 });
    s.apply({ op: 'register', modes: ['MISSING'] });
    s.apply({ op: 'register', modes: ['MISSING'], mapping: 1 });
    expect(s.kernel.vmas[0].uffd).not.toBe(s.kernel.vmas[1].uffd);
    const r1 = s.apply({ op: 'read', thread: 0, page: 2, mapping: 1 });
    expect([r1.result, events(r1)]).toEqual(['blocked', [{ kind: 'MISSING', page: 2, write: false, mapping: 1 }]]);
    const r0 = s.apply({ op: 'read', thread: 1, page: 3 });
    expect(events(r0)).toEqual([{ kind: 'MISSING', page: 3, write: false }]);
    // a COPY through mapping 0's uffd wakes only mapping 0's waiter
    const c0 = s.apply({ op: 'copy', page: 3, value: 7, wp: false });
    expect([c0.result, c0.threads]).toEqual([4096, [{ state: 'blocked' }, { state: 'idle', last: 7 }]]);
    // a WAKE on mapping 0's uffd does not reach a waiter of mapping 1's
    expect(s.apply({ op: 'wake', lo: 2, hi: 2 }).threads[0]).toEqual({ state: 'blocked' });
    const c1 = s.apply({ op: 'copy', page: 2, value: 5, wp: false, mapping: 1 });
    expect([c1.result, c1.threads[0]]).toEqual([4096, { state: 'idle', last: 5 }]);
    expect([c1.pages[2].pte, c1.pages[2].others]).toEqual(['none', [{ pte: 'present', wp: false }]]);
  });

  test('each mapping takes its own features and modes; an ioctl needs its own mapping\'s uffd', () => {
    const s = new Sim({ pages: 4, threads: 1, mappings: 3 });
    s.apply({ op: 'register', modes: ['MISSING'], features: ['SIGBUS'] });
    s.apply({ op: 'register', modes: ['WP'], mapping: 2 });
    expect(() => s.start({ op: 'copy', page: 0, value: 1, wp: false, mapping: 1 })).toThrow('copy: no uffd yet (no register of mapping 1 before it)');
    expect(() => s.start({ op: 'register', modes: ['WP'], features: ['SIGBUS'], mapping: 2 })).toThrow('register: features are only taken by the first register of mapping 2 (UFFDIO_API)');
    // SIGBUS is mapping 0's feature only; mapping 1 is not registered at all
    expect(s.apply({ op: 'read', thread: 0, page: 0 }).result).toBe('SIGBUS');
    expect(s.apply({ op: 'read', thread: 0, page: 1, mapping: 1 }).result).toBe(0);
    // WP through mapping 2: protect, then a store raises WP on mapping 2's uffd
    const wp = s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true, mapping: 2 });
    expect(wp.result).toBe(0);
    expect(wp.pages.map((p) => p.others![1].pte)).toEqual(['marker', 'marker', 'marker', 'marker']);
    // mapping 0's read got SIGBUS; mapping 1's allocated page 1 and mapped it there only
    expect(wp.pages.map((p) => [p.pte, p.others![0].pte])).toEqual([['none', 'none'], ['none', 'present'], ['none', 'none'], ['none', 'none']]);
    const w = s.apply({ op: 'write', thread: 0, page: 1, value: 3, mapping: 2 });
    expect([w.result, w.events]).toEqual(['blocked', [{ kind: 'WP', page: 1, write: true, mapping: 2 }]]);
    expect(s.apply({ op: 'writeprotect', lo: 1, hi: 1, wp: false, mapping: 2 }).threads).toEqual([{ state: 'idle', last: 'ok' }]);
  });

  test('UNREGISTER of one mapping wakes only its own waiters and keeps its uffd', () => {
    const s = new Sim({ pages: 4, threads: 2, mappings: 2 });
    s.apply({ op: 'register', modes: ['MISSING'] });
    s.apply({ op: 'register', modes: ['MISSING'], mapping: 1 });
    s.apply({ op: 'read', thread: 0, page: 0 });
    s.apply({ op: 'read', thread: 1, page: 0, mapping: 1 });
    const u = s.apply({ op: 'unregister', mapping: 1 });
    expect(u.threads).toEqual([{ state: 'blocked' }, { state: 'idle', last: 0 }]);
    expect(s.apply({ op: 'copy', page: 1, value: 1, wp: false, mapping: 1 }).result).toBe(-2);
    expect(s.apply({ op: 'wake', lo: 0, hi: 3, mapping: 1 }).result).toBe(0);
  });

  test('one mapping: no others, no mapping on events (a one-mapping trace reads back as before)', () => {
    const s = new Sim({ pages: 2, threads: 1 });
    s.apply({ op: 'register', modes: ['MISSING'] });
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect(r.events).toEqual([{ kind: 'MISSING', page: 1, write: false }]);
    expect(r.pages.every((p) => !('others' in p))).toBe(true);
  });
});

describe('Sim.fromTrace', () => {
  test('takes the geometry and i_size of a trace', () => {
    const none = { cache: false, value: 0, pte: 'none', wp: false, others: [{ pte: 'none', wp: false }] };
    const trace = validateTrace(
      {
        format: 'uffdspec-trace/1',
        name: 'geometry',
        pages: 20,
        size: 18,
        threads: 1,
        mappings: [{ offset: 0, length: 20 }, { offset: 16, length: 4 }],
        initial: { fill: filled(20, 18) },
        steps: [
          {
            op: { op: 'read', thread: 0, page: 17, mapping: 1 },
            expect: {
              result: 18,
              pages: range(0, 19).map((i) => (i < 18 ? { ...none, cache: true, value: i + 1, others: [{ pte: i >= 16 ? 'present' : 'none', wp: false }] } : none)),
              events: [],
              threads: [{ state: 'idle', last: 18 }],
            },
          },
        ],
      },
      'geometry.json',
    );
    const s = Sim.fromTrace(trace);
    expect(s.kernel.mapping.i_size).toBe(18);
    expect(s.kernel.vmas.map((m) => [m.vm_pgoff, m.vm_pages])).toEqual([
      [0, 20],
      [16, 4],
    ]);
    expect(s.apply(trace.steps[0].op)).toEqual(trace.steps[0].expect);
  });
});
