// The native userfaultfd harness on the real kernel: the deterministic candidates of
// the domain brief (section 6) on a 4-page file, and the harness's own robustness.
// Skipped, with one line saying why, where the harness cannot run; REQUIRE_NATIVE=1
// turns that into a failure.
import { spawn, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { release } from 'os';
import { NativeHarness, NativeHarnessError, nativeAvailability, NATIVE_HARNESS_PATH } from '../conformance/native-driver';
import { FAULT_AROUND_PAGES, faultAroundRange, type Observation, type Op, type PageObs, type ThreadObs } from '../conformance/trace';

const avail = nativeAvailability();
const required = process.env.REQUIRE_NATIVE === '1';
if (!avail.ok && !required) process.stderr.write(`native tests skipped: ${avail.reason}\n`);
const describeNative = avail.ok || required ? describe : describe.skip;

const WAIT_MS = 100;
// blocked threads that no wake reached are watched this long: brief section 6, candidate 11
// (after a COPY that fails with EEXIST the reader is still blocked 300 ms later)
const NOWAKE_MS = 300;

/** Pages in a compact notation: "C1:Mw" = cached, value 1, marker, wp; "-0:n" = hole, none. */
function pages(spec: string): PageObs[] {
  return spec.split(/\s+/).map((tok) => {
    const m = /^([C-])(\d+):([nMP])(w?)$/.exec(tok);
    if (!m) throw new Error(`bad page token ${tok}`);
    const pte = m[3] === 'n' ? 'none' : m[3] === 'M' ? 'marker' : 'present';
    return { cache: m[1] === 'C', value: Number(m[2]), pte, wp: m[4] === 'w' };
  });
}
const idle = (last?: number | 'ok' | 'SIGBUS'): ThreadObs => (last === undefined ? { state: 'idle' } : { state: 'idle', last });
const blocked: ThreadObs = { state: 'blocked' };
const wpEv = (page: number) => ({ kind: 'WP' as const, page, write: true });

/** Runs ops one by one and checks each observation exactly. */
async function run(h: NativeHarness, steps: Array<[Op, Observation]>): Promise<void> {
  for (const [i, [op, expected]] of steps.entries()) {
    const got = await h.apply(op);
    expect({ step: i, op, obs: got }).toEqual({ step: i, op, obs: expected });
  }
}

function obs(result: Observation['result'], pg: string, threads: ThreadObs[], events: Observation['events'] = []): Observation {
  return { result, pages: pages(pg), events, threads };
}

describe('native harness availability', () => {
  (required ? test : test.skip)('REQUIRE_NATIVE=1: the harness is built and userfaultfd is usable', () => {
    expect(avail).toEqual({ ok: true });
  });
});

describeNative('native harness on the real kernel', () => {
  let h: NativeHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const start = async (fill: number[], threads: number) => {
    h = await NativeHarness.start({ pages: fill.length, threads, fill, waitMs: WAIT_MS, noWakeMs: NOWAKE_MS });
    return h;
  };

  test('info reports this kernel and its userfaultfd features', async () => {
    const x = await start([1], 0);
    const info = await x.info();
    expect(info.uname).toBe(release());
    expect(info.uffd).toMatch(/^(syscall|dev|user-mode-only)$/);
    expect(info.attempts?.[info.uffd === 'user-mode-only' ? 'user_mode_only' : (info.uffd as 'syscall' | 'dev')]).toBe('ok');
    expect(info.features).toMatch(/^0x[0-9a-f]+$/);
    // WP on shmem (bit 12) and MINOR on shmem (bit 10) exist on every kernel this targets
    expect(BigInt(info.features!) & 0x1400n).toBe(0x1400n);
  });

  test('initial state: filled pages cached, holes absent, no ptes', async () => {
    const x = await start([1, 0, 3, 4], 2);
    expect(x.initial).toEqual(obs('ok', 'C1:n -0:n C3:n C4:n', [idle(), idle()]));
  });

  test('no uffd: a read faults around every cached page; pwrite and punch are seen through the mapping', async () => {
    const x = await start([1, 2, 0, 4], 1);
    await run(x, [
      [{ op: 'read', thread: 0, page: 1 }, obs(2, 'C1:P C2:P -0:n C4:P', [idle(2)])],
      [{ op: 'pwrite', page: 0, value: 7 }, obs(0, 'C7:P C2:P -0:n C4:P', [idle(2)])],
      [{ op: 'read', thread: 0, page: 0 }, obs(7, 'C7:P C2:P -0:n C4:P', [idle(7)])],
      [{ op: 'write', thread: 0, page: 3, value: 9 }, obs('ok', 'C7:P C2:P -0:n C9:P', [idle('ok')])],
      [{ op: 'pread', page: 3 }, obs(9, 'C7:P C2:P -0:n C9:P', [idle('ok')])],
      [{ op: 'punch', lo: 1, hi: 1 }, obs(0, 'C7:P -0:n -0:n C9:P', [idle('ok')])],
      [{ op: 'pwrite', page: 1, value: 5 }, obs(0, 'C7:P C5:n -0:n C9:P', [idle('ok')])],
      [{ op: 'read', thread: 0, page: 1 }, obs(5, 'C7:P C5:P -0:n C9:P', [idle(5)])],
    ]);
  });

  test('uffd-wp: markers, read without event, blocked write, unprotect, DONTNEED, WAKE, punch, REMOVE, UNREGISTER', async () => {
    const x = await start([1, 2, 3, 4], 2);
    await run(x, [
      [{ op: 'register', modes: ['WP'] }, obs(0, 'C1:n C2:n C3:n C4:n', [idle(), idle()])],
      [{ op: 'writeprotect', lo: 0, hi: 3, wp: true }, obs(0, 'C1:Mw C2:Mw C3:Mw C4:Mw', [idle(), idle()])],
      // a read of a marker maps the page read-only and wp, without event and without fault-around
      [{ op: 'read', thread: 0, page: 1 }, obs(2, 'C1:Mw C2:Pw C3:Mw C4:Mw', [idle(2), idle()])],
      [{ op: 'write', thread: 0, page: 1, value: 9 }, obs('blocked', 'C1:Mw C2:Pw C3:Mw C4:Mw', [blocked, idle()], [wpEv(1)])],
      [{ op: 'writeprotect', lo: 1, hi: 1, wp: false }, obs(0, 'C1:Mw C9:P C3:Mw C4:Mw', [idle('ok'), idle()])],
      // DONTNEED keeps a marker, and turns a present wp pte into one
      [{ op: 'madvise', advice: 'DONTNEED', lo: 2, hi: 2 }, obs(0, 'C1:Mw C9:P C3:Mw C4:Mw', [idle('ok'), idle()])],
      [{ op: 'read', thread: 1, page: 2 }, obs(3, 'C1:Mw C9:P C3:Pw C4:Mw', [idle('ok'), idle(3)])],
      [{ op: 'madvise', advice: 'DONTNEED', lo: 2, hi: 2 }, obs(0, 'C1:Mw C9:P C3:Mw C4:Mw', [idle('ok'), idle(3)])],
      [{ op: 'write', thread: 1, page: 2, value: 7 }, obs('blocked', 'C1:Mw C9:P C3:Pw C4:Mw', [idle('ok'), blocked], [wpEv(2)])],
      // a WAKE without unprotecting: the write retries, faults again and raises a new event
      [{ op: 'wake', lo: 2, hi: 2 }, obs(0, 'C1:Mw C9:P C3:Pw C4:Mw', [idle('ok'), blocked], [wpEv(2)])],
      [{ op: 'writeprotect', lo: 2, hi: 2, wp: false }, obs(0, 'C1:Mw C9:P C7:P C4:Mw', [idle('ok'), idle('ok')])],
      // punching a protected page leaves the marker; a read maps a fresh zero page, wp, no event
      [{ op: 'punch', lo: 3, hi: 3 }, obs(0, 'C1:Mw C9:P C7:P -0:Mw', [idle('ok'), idle('ok')])],
      [{ op: 'read', thread: 0, page: 3 }, obs(0, 'C1:Mw C9:P C7:P C0:Pw', [idle(0), idle('ok')])],
      [{ op: 'madvise', advice: 'REMOVE', lo: 0, hi: 0 }, obs(0, '-0:Mw C9:P C7:P C0:Pw', [idle(0), idle('ok')])],
      // UNREGISTER drops markers and clears wp on present ptes
      [{ op: 'unregister' }, obs(0, '-0:n C9:P C7:P C0:P', [idle(0), idle('ok')])],
    ]);
  });

  test('write to a marker after a punch raises exactly one WP event', async () => {
    const x = await start([1, 2, 3, 4], 1);
    await run(x, [
      [{ op: 'register', modes: ['WP'] }, obs(0, 'C1:n C2:n C3:n C4:n', [idle()])],
      [{ op: 'read', thread: 0, page: 2 }, obs(3, 'C1:n C2:n C3:P C4:n', [idle(3)])],
      [{ op: 'writeprotect', lo: 2, hi: 2, wp: true }, obs(0, 'C1:n C2:n C3:Pw C4:n', [idle(3)])],
      [{ op: 'punch', lo: 2, hi: 2 }, obs(0, 'C1:n C2:n -0:Mw C4:n', [idle(3)])],
      [{ op: 'write', thread: 0, page: 2, value: 5 }, obs('blocked', 'C1:n C2:n C0:Pw C4:n', [blocked], [wpEv(2)])],
      [{ op: 'writeprotect', lo: 2, hi: 2, wp: false }, obs(0, 'C1:n C2:n C5:P C4:n', [idle('ok')])],
    ]);
  });

  test('MISSING: a read blocks, COPY resolves and wakes; COPY errors; EEXIST leaves the thread blocked until WAKE', async () => {
    const x = await start([0, 0, 0, 0], 2);
    const missing = (page: number) => ({ kind: 'MISSING' as const, page, write: false });
    await run(x, [
      [{ op: 'register', modes: ['MISSING'] }, obs(0, '-0:n -0:n -0:n -0:n', [idle(), idle()])],
      [{ op: 'read', thread: 0, page: 1 }, obs('blocked', '-0:n -0:n -0:n -0:n', [blocked, idle()], [missing(1)])],
      [{ op: 'copy', page: 1, value: 5, wp: false }, obs(4096, '-0:n C5:P -0:n -0:n', [idle(5), idle()])],
      [{ op: 'copy', page: 1, value: 6, wp: false }, obs(-17, '-0:n C5:P -0:n -0:n', [idle(5), idle()])],
      [{ op: 'pwrite', page: 2, value: 6 }, obs(0, '-0:n C5:P C6:n -0:n', [idle(5), idle()])],
      [{ op: 'copy', page: 2, value: 7, wp: false }, obs(-17, '-0:n C5:P C6:n -0:n', [idle(5), idle()])],
      [{ op: 'copy', page: 3, value: 7, wp: true }, obs(-22, '-0:n C5:P C6:n -0:n', [idle(5), idle()])],
      [{ op: 'continue', page: 3, wp: false }, obs(-14, '-0:n C5:P C6:n -0:n', [idle(5), idle()])],
      // MISSING-only VMAs still fault around: page 2 (cached) gets mapped by this read
      [{ op: 'read', thread: 1, page: 3 }, obs('blocked', '-0:n C5:P C6:P -0:n', [idle(5), blocked], [missing(3)])],
      [{ op: 'pwrite', page: 3, value: 8 }, obs(0, '-0:n C5:P C6:P C8:n', [idle(5), blocked])],
      [{ op: 'copy', page: 3, value: 9, wp: false }, obs(-17, '-0:n C5:P C6:P C8:n', [idle(5), blocked])],
      [{ op: 'wake', lo: 3, hi: 3 }, obs(0, '-0:n C5:P C6:P C8:P', [idle(5), idle(8)])],
      [{ op: 'read', thread: 0, page: 0 }, obs('blocked', '-0:n C5:P C6:P C8:P', [blocked, idle(8)], [missing(0)])],
      [{ op: 'copy', page: 0, value: 4, wp: false, dontwake: true }, obs(4096, 'C4:P C5:P C6:P C8:P', [blocked, idle(8)])],
      [{ op: 'wake', lo: 0, hi: 3 }, obs(0, 'C4:P C5:P C6:P C8:P', [idle(4), idle(8)])],
      [{ op: 'unregister' }, obs(0, 'C4:P C5:P C6:P C8:P', [idle(4), idle(8)])],
      [{ op: 'copy', page: 0, value: 4, wp: false }, obs(-2, 'C4:P C5:P C6:P C8:P', [idle(4), idle(8)])],
    ]);
  });

  test('MINOR: event on a cached page, CONTINUE maps it; CONTINUE errors; a hole reads 0 without event', async () => {
    const x = await start([1, 0, 3, 4], 1);
    const minor = (page: number, write: boolean) => ({ kind: 'MINOR' as const, page, write });
    await run(x, [
      [{ op: 'register', modes: ['MINOR'] }, obs(0, 'C1:n -0:n C3:n C4:n', [idle()])],
      [{ op: 'read', thread: 0, page: 0 }, obs('blocked', 'C1:n -0:n C3:n C4:n', [blocked], [minor(0, false)])],
      [{ op: 'continue', page: 0, wp: false }, obs(4096, 'C1:P -0:n C3:n C4:n', [idle(1)])],
      [{ op: 'continue', page: 0, wp: false }, obs(-17, 'C1:P -0:n C3:n C4:n', [idle(1)])],
      [{ op: 'continue', page: 1, wp: false }, obs(-14, 'C1:P -0:n C3:n C4:n', [idle(1)])],
      [{ op: 'read', thread: 0, page: 1 }, obs(0, 'C1:P C0:P C3:n C4:n', [idle(0)])],
      [{ op: 'write', thread: 0, page: 2, value: 5 }, obs('blocked', 'C1:P C0:P C3:n C4:n', [blocked], [minor(2, true)])],
      [{ op: 'continue', page: 2, wp: false }, obs(4096, 'C1:P C0:P C5:P C4:n', [idle('ok')])],
    ]);
  });

  // ---- geometry: i_size, several mappings at offsets, a uffd per registered mapping

  /** mapping k's pte of every page, compactly: n none, M marker, P present, W present wp */
  const ptes = (o: Observation, k: number) =>
    o.pages.map((p) => (k === 0 ? p : p.others![k - 1])).map((p) => (p.pte === 'none' ? 'n' : p.pte === 'marker' ? 'M' : p.wp ? 'W' : 'P')).join('');

  test('two mappings, one at an offset: fault-around windows align within each mapping; others only with several mappings', async () => {
    const fill = Array.from({ length: 32 }, (_, i) => i + 1);
    h = await NativeHarness.start({ pages: 32, threads: 1, fill, mappings: [{ offset: 0, length: 32 }, { offset: 8, length: 20 }], waitMs: WAIT_MS });
    expect(h.initial.pages.every((p) => p.others?.length === 1)).toBe(true);
    let o = await h.apply({ op: 'read', thread: 0, page: 10, mapping: 1 });
    expect(o.result).toBe(11);
    expect(ptes(o, 0)).toBe('n'.repeat(32));
    expect(ptes(o, 1)).toBe('n'.repeat(8) + 'P'.repeat(16) + 'n'.repeat(8));
    o = await h.apply({ op: 'read', thread: 0, page: 26, mapping: 1 });
    expect(ptes(o, 1)).toBe('n'.repeat(8) + 'P'.repeat(20) + 'n'.repeat(4)); // clipped to the mapping's end
    o = await h.apply({ op: 'read', thread: 0, page: 10 });
    expect(ptes(o, 0)).toBe('P'.repeat(16) + 'n'.repeat(16));
    await expect(h.apply({ op: 'read', thread: 0, page: 30, mapping: 1 })).rejects.toThrow(
      'native harness: op.page: expected an integer in 8..27 (mapping 1 covers pages 8..27) (step 3)',
    );
    await expect(h.apply({ op: 'read', thread: 0, page: 0, mapping: 2 })).rejects.toThrow('native harness: op.mapping: expected an integer in 0..1 (step 4)');
    const one = await NativeHarness.start({ pages: 2, threads: 0, fill: [1, 2], mappings: [{ offset: 1, length: 1 }] });
    try {
      expect(one.initial.pages).toEqual(pages('C1:n C2:n')); // no others with one mapping; page 0 is not mapped
    } finally {
      await one.close();
    }
  });

  // pteIndex: the harness maps a mapping pteIndex pages past the 2 MiB aligned start of
  // its own 4 MiB slot; the kernel's fault-around window (do_fault_around) is aligned in
  // the address space, clipped to the VMA and to the page table: faultAroundRange
  test('pteIndex: fault-around windows align in the address space, not in the mapping, and stop at the end of a page table', async () => {
    const span = (n: number, lo: number, hi: number) => 'n'.repeat(lo) + 'P'.repeat(hi - lo + 1) + 'n'.repeat(n - hi - 1);
    const fill = Array.from({ length: 64 }, (_, i) => i + 1);
    const g = { offset: 0, length: 64, pteIndex: 5 };
    h = await NativeHarness.start({ pages: 64, threads: 1, fill, mappings: [g], waitMs: WAIT_MS });
    let o = await h.apply({ op: 'read', thread: 0, page: 20 });
    expect([o.result, ptes(o, 0)]).toEqual([21, span(64, 11, 26)]); // ptes 16..31
    expect(faultAroundRange(g, 20, 64, FAULT_AROUND_PAGES)).toEqual({ lo: 11, hi: 26 });
    await h.apply({ op: 'madvise', advice: 'DONTNEED', lo: 0, hi: 63 });
    // ptes 0..15 clipped at the VMA start (pte 5): the window then runs 16 ptes from
    // there (to_pte = from_pte + nr_pages), file pages 0..15, not 0..10
    o = await h.apply({ op: 'read', thread: 0, page: 2 });
    expect(ptes(o, 0)).toBe(span(64, 0, 15));
    expect(faultAroundRange(g, 2, 64, FAULT_AROUND_PAGES)).toEqual({ lo: 0, hi: 15 });
    await h.close();

    // 40 pages from pte 500: file page 12 is pte 0 of the next page table
    const fill48 = Array.from({ length: 48 }, (_, i) => i + 1);
    const t = { offset: 0, length: 40, pteIndex: 500 };
    h = await NativeHarness.start({ pages: 48, threads: 1, fill: fill48, mappings: [t], waitMs: WAIT_MS });
    o = await h.apply({ op: 'read', thread: 0, page: 5 });
    expect([o.result, ptes(o, 0)]).toEqual([6, span(48, 0, 11)]); // ptes 500..511: the VMA start and the end of the page table
    expect(faultAroundRange(t, 5, 48, FAULT_AROUND_PAGES)).toEqual({ lo: 0, hi: 11 });
    o = await h.apply({ op: 'read', thread: 0, page: 14 });
    expect(ptes(o, 0)).toBe(span(48, 0, 27)); // adds 12..27: ptes 0..15 of the second page table
    expect(faultAroundRange(t, 14, 48, FAULT_AROUND_PAGES)).toEqual({ lo: 12, hi: 27 });
    await expect(NativeHarness.start({ pages: 2, threads: 0, fill: [1, 2], mappings: [{ offset: 0, length: 2, pteIndex: 512 }] })).rejects.toThrow(
      'native harness: init.mappings[0].pteIndex: expected an integer in 0..511 (init)',
    );
  });

  test('i_size: fault-around stops at EOF, SIGBUS past it (no MISSING event), COPY past it gives EFAULT, pwrite moves it', async () => {
    const fill = Array.from({ length: 24 }, (_, i) => (i < 18 ? i + 1 : 0));
    h = await NativeHarness.start({ pages: 24, size: 18, threads: 1, fill, waitMs: WAIT_MS });
    let o = await h.apply({ op: 'read', thread: 0, page: 17 });
    expect(ptes(o, 0)).toBe('n'.repeat(16) + 'PP' + 'n'.repeat(6));
    expect((await h.apply({ op: 'register', modes: ['MISSING'] })).result).toBe(0);
    o = await h.apply({ op: 'read', thread: 0, page: 18 });
    expect([o.result, o.events]).toEqual(['SIGBUS', []]);
    expect((await h.apply({ op: 'write', thread: 0, page: 23, value: 1 })).result).toBe('SIGBUS');
    expect((await h.apply({ op: 'copy', page: 20, value: 1, wp: false })).result).toBe(-14);
    expect((await h.apply({ op: 'pread', page: 22 })).result).toBe(0);
    expect((await h.apply({ op: 'pwrite', page: 20, value: 21 })).result).toBe(0);
    expect((await h.apply({ op: 'copy', page: 19, value: 5, wp: false })).result).toBe(4096);
    o = await h.apply({ op: 'copy', page: 21, value: 5, wp: false });
    expect(o.result).toBe(-14);
    expect(o.pages.slice(18).map((p) => [p.cache, p.value])).toEqual([[false, 0], [true, 5], [true, 21], [false, 0], [false, 0], [false, 0]]);
    await expect(NativeHarness.start({ pages: 2, size: 1, threads: 0, fill: [1, 2] })).rejects.toThrow(
      'native harness: init.fill[1]: page 1 is past EOF (size 1): expected 0 (init)',
    );
  });

  test('a uffd per registered mapping: events carry their mapping, a WAKE reaches only its own uffd\'s waiters', async () => {
    h = await NativeHarness.start({ pages: 4, threads: 2, fill: [1, 0, 3, 4], mappings: [{ offset: 0, length: 4 }, { offset: 0, length: 4 }], waitMs: WAIT_MS, noWakeMs: 50 });
    expect((await h.apply({ op: 'copy', page: 1, value: 1, wp: false, mapping: 1 })).result).toBe(-9); // no uffd for mapping 1 yet
    await h.apply({ op: 'register', modes: ['MISSING'] });
    await h.apply({ op: 'register', modes: ['WP'], mapping: 1 });
    let o = await h.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true, mapping: 1 });
    expect([ptes(o, 0), ptes(o, 1)]).toEqual(['nnnn', 'MMMM']);
    o = await h.apply({ op: 'read', thread: 0, page: 1 });
    expect(o.events).toEqual([{ kind: 'MISSING', page: 1, write: false }]);
    o = await h.apply({ op: 'write', thread: 1, page: 2, value: 9, mapping: 1 });
    expect(o.events).toEqual([{ kind: 'WP', page: 2, write: true, mapping: 1 }]);
    // mapping 0's WAKE: its waiter retries and blocks again; mapping 1's waiter is on the other uffd and sleeps on
    o = await h.apply({ op: 'wake', lo: 0, hi: 3 });
    expect([o.events, o.threads]).toEqual([[{ kind: 'MISSING', page: 1, write: false }], [blocked, blocked]]);
    o = await h.apply({ op: 'writeprotect', lo: 2, hi: 2, wp: false, mapping: 1 });
    expect(o.threads).toEqual([blocked, idle('ok')]);
    o = await h.apply({ op: 'copy', page: 1, value: 2, wp: false });
    expect([o.threads, ptes(o, 0), ptes(o, 1)]).toEqual([[idle(2), idle('ok')], 'PPPP', 'MMPM']);
  });

  test('ZEROPAGE: fills a hole and wakes (DONTWAKE leaves the reader blocked until WAKE); EEXIST on a cached page', async () => {
    h = await NativeHarness.start({ pages: 4, threads: 2, fill: [1, 0, 0, 4], waitMs: WAIT_MS, noWakeMs: 50 });
    await h.apply({ op: 'register', modes: ['MISSING'] });
    let o = await h.apply({ op: 'read', thread: 0, page: 1 });
    expect([o.result, o.events]).toEqual(['blocked', [{ kind: 'MISSING', page: 1, write: false }]]);
    o = await h.apply({ op: 'zeropage', page: 1 });
    expect([o.result, o.threads[0], o.pages[1]]).toEqual([4096, idle(0), { cache: true, value: 0, pte: 'present', wp: false }]);
    expect((await h.apply({ op: 'zeropage', page: 0 })).result).toBe(-17);
    o = await h.apply({ op: 'read', thread: 1, page: 2 });
    expect(o.threads[1]).toEqual(blocked);
    o = await h.apply({ op: 'zeropage', page: 2, dontwake: true });
    expect([o.result, o.threads[1], o.pages[2].cache]).toEqual([4096, blocked, true]);
    o = await h.apply({ op: 'wake', lo: 2, hi: 2 });
    expect([o.threads[1], o.events]).toEqual([idle(0), []]);
  });

  test('ftruncate, fallocate (cachestat counts a fallocated folio), MADV_PAGEOUT without swap, munmap of one of two mappings', async () => {
    h = await NativeHarness.start({ pages: 4, threads: 1, fill: [1, 2, 0, 0], mappings: [{ offset: 0, length: 4 }, { offset: 0, length: 4 }], waitMs: WAIT_MS, noWakeMs: 50 });
    expect((await h.apply({ op: 'fallocate', lo: 2, hi: 2, keepSize: true })).pages[2]).toEqual({ cache: true, value: 0, pte: 'none', wp: false, others: [{ pte: 'none', wp: false }] });
    let o = await h.apply({ op: 'read', thread: 0, page: 0, mapping: 1 });
    expect(ptes(o, 1)).toBe('PPnn'); // fault-around skips the fallocated page (not uptodate: next_uptodate_folio)
    o = await h.apply({ op: 'madvise', advice: 'PAGEOUT', lo: 0, hi: 3, mapping: 1 });
    // reclaim unmaps the two pages and, with no swap, keeps the (dirty) folios cached; it
    // is best effort: a folio still in another CPU's LRU batch is skipped and stays mapped
    expect([o.result, o.pages.map((p) => p.cache)]).toEqual([0, [true, true, true, false]]);
    expect(ptes(o, 1)).toMatch(/^[nP][nP]nn$/);
    o = await h.apply({ op: 'ftruncate', size: 1 });
    expect([o.result, o.pages.map((p) => p.cache)]).toEqual([0, [true, false, false, false]]);
    expect((await h.apply({ op: 'read', thread: 0, page: 2 })).result).toBe('SIGBUS');
    o = await h.apply({ op: 'ftruncate', size: 4 });
    expect((await h.apply({ op: 'read', thread: 0, page: 2 })).result).toBe(0);
    o = await h.apply({ op: 'munmap', mapping: 1 });
    expect([o.result, ptes(o, 1)]).toEqual([0, 'nnnn']);
    await expect(h.apply({ op: 'read', thread: 0, page: 0, mapping: 1 })).rejects.toThrow('op.mapping: mapping 1 was unmapped');
    expect((await h.apply({ op: 'fallocate', lo: 3, hi: 3, keepSize: false })).result).toBe(0);
    expect((await h.apply({ op: 'write', thread: 0, page: 3, value: 7 })).result).toBe('ok');
  });

  test('WP_ASYNC: a store to a wp page lands without an event, the kernel clears the wp bit', async () => {
    h = await NativeHarness.start({ pages: 3, threads: 1, fill: [1, 2, 0], waitMs: WAIT_MS });
    await h.apply({ op: 'register', modes: ['WP'], features: ['WP_ASYNC'] });
    let o = await h.apply({ op: 'writeprotect', lo: 0, hi: 2, wp: true });
    expect(ptes(o, 0)).toBe('MMM');
    o = await h.apply({ op: 'write', thread: 0, page: 0, value: 9 });
    expect([o.result, o.events, ptes(o, 0), o.pages[0].value]).toEqual(['ok', [], 'PMM', 9]);
    o = await h.apply({ op: 'read', thread: 0, page: 1 });
    expect([o.result, o.events, ptes(o, 0)]).toEqual([2, [], 'PWM']);
  });

  test('PAGEMAP_SCAN: written = not uffd-wp (none ptes included, markers not); wpMatching re-protects under WP_ASYNC, -EPERM without it', async () => {
    h = await NativeHarness.start({ pages: 4, threads: 1, fill: [1, 2, 0, 4], mappings: [{ offset: 0, length: 4 }, { offset: 0, length: 4 }], waitMs: WAIT_MS });
    const scan = async (lo: number, hi: number, wpMatching: boolean, mapping = 0) => (await h!.apply({ op: 'pagemap_scan', lo, hi, wpMatching, mapping })).result;
    // unregistered, no page table yet: nothing written; wpMatching (CHECK_WPASYNC): EPERM
    expect([await scan(0, 3, false, 1), await scan(0, 3, true, 1)]).toEqual([0, -1]);
    await h.apply({ op: 'register', modes: ['WP'], features: ['WP_ASYNC'] });
    await h.apply({ op: 'writeprotect', lo: 0, hi: 1, wp: true });
    expect(await scan(0, 3, false)).toBe(2); // the none ptes of 2 and 3, not the markers
    let o = await h.apply({ op: 'pagemap_scan', lo: 0, hi: 3, wpMatching: true });
    expect([o.result, ptes(o, 0)]).toEqual([2, 'MMMM']);
    o = await h.apply({ op: 'write', thread: 0, page: 3, value: 9 });
    expect([o.result, o.events, await scan(0, 3, false)]).toEqual(['ok', [], 1]);
    o = await h.apply({ op: 'pagemap_scan', lo: 3, hi: 3, wpMatching: true });
    expect([o.result, ptes(o, 0), await scan(0, 3, false)]).toEqual([1, 'MMMW', 0]);
    // the other mapping, unregistered: fault-around maps 0, 1, 3; the hole's none pte counts too
    await h.apply({ op: 'read', thread: 0, page: 0, mapping: 1 });
    expect(await scan(0, 3, false, 1)).toBe(4);
    await expect(h.apply({ op: 'pagemap_scan', lo: 2, hi: 1, wpMatching: false })).rejects.toThrow('op.lo: 2 is greater than op.hi 1');
  });

  test('bad requests get a one-line error and the harness goes on', async () => {
    const x = await start([1, 2], 1);
    await expect(x.apply({ op: 'read', thread: 3, page: 0 })).rejects.toThrow(
      new NativeHarnessError('native harness: op.thread: expected an integer in 0..0 (step 0)'),
    );
    await expect(x.apply({ op: 'register', modes: ['WP'], features: ['EVENT_FORK' as never] })).rejects.toThrow(
      /^native harness: op\.features\[0\]: feature EVENT_FORK is not supported by the harness .* \(step 1\)$/,
    );
    await expect(x.apply({ op: 'register', modes: ['WP'], features: ['NO_SUCH' as never] })).rejects.toThrow(
      "native harness: op.features[0]: unknown feature 'NO_SUCH' (step 2)",
    );
    await expect(x.apply({ op: 'frobnicate' } as never)).rejects.toThrow("unknown operation 'frobnicate' (step 3)");
    expect((await x.apply({ op: 'pread', page: 1 })).result).toBe(2);
  });

  test('malformed lines get an error reply on the wire; EOF ends the harness cleanly', () => {
    const input = ['{"cmd":"op"', 'not json', '{"cmd":"op","op":{"op":"pread","page":0}}', '{"cmd":"nope"}', '{"cmd":"init","pages":0}', ''].join('\n');
    const r = spawnSync(NATIVE_HARNESS_PATH, [], { input, encoding: 'utf8', timeout: 5000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { ok: false, error: "bad JSON at column 12: expected ',' or '}'" },
      { ok: false, error: 'bad JSON at column 1: expected a value' },
      { ok: false, error: 'op: send init first' },
      { ok: false, error: "request: unknown cmd 'nope'" },
      { ok: false, error: 'init.pages: expected an integer in 1..512' },
    ]);
  });

  test('a harness killed mid-trace gives a one-line error and leaves no process', async () => {
    const x = await start([0, 0], 1);
    await x.apply({ op: 'register', modes: ['MISSING'] });
    expect((await x.apply({ op: 'read', thread: 0, page: 0 })).result).toBe('blocked');
    const pid = x.pid!;
    process.kill(pid, 'SIGKILL');
    await expect(x.apply({ op: 'wake', lo: 0, hi: 1 })).rejects.toThrow(/^native harness: harness killed by SIGKILL \(step 2\)$/);
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  test('the stress program dies with its parent (PR_SET_PDEATHSIG)', async () => {
    const stress = join(dirname(NATIVE_HARNESS_PATH), 'stress');
    // a parent that starts stress for 20 s, says its pid, and is then killed
    const script = `const c = require('child_process').spawn(${JSON.stringify(stress)}, ['--seconds', '20'], { stdio: 'ignore' }); console.log(c.pid); setTimeout(() => {}, 30000);`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    let timer: NodeJS.Timeout | undefined;
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.setEncoding('utf8').once('data', (d: string) => resolve(Number(d.trim())));
      parent.once('exit', () => reject(new Error('the parent exited early')));
      timer = setTimeout(() => reject(new Error('no pid within 5 s')), 5000);
    }).finally(() => clearTimeout(timer));
    const alive = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie is dead
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    parent.kill('SIGKILL');
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    if (alive()) process.kill(pid, 'SIGKILL');
    expect(alive()).toBe(false);
  });

  test('uffdspec stress prints the rate it saw and says a stress run is probabilistic', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'uffdspec'), 'stress', '--runs', '1', '--seconds', '1'], { encoding: 'utf8', timeout: 30000, env: { ...process.env, UFFDSPEC_PROGRESS_MS: '0' } });
    expect([0, 1]).toContain(r.status);
    // the generated reproducer's TAP output, then the rate on stderr
    expect(r.stdout).toMatch(/^# D-wp-1\/NoSilentWrite: /m);
    const hits = Number(/^# attempts \d+, hits (\d+), /m.exec(r.stdout)![1]);
    expect(r.status).toBe(hits ? 1 : 0);
    expect(r.stderr).toContain('A stress run is probabilistic: a run that finds nothing proves nothing.');
    expect(r.stderr).toMatch(r.status === 1 ? new RegExp(`^stress: violation found \\(violation seen in 1 of 1 runs, \\d+ attempts, ${hits} hits\\)`) : /^stress: no violation found \(violation seen in 0 of 1 runs/);
  });

  test('a request that misses its deadline kills the harness', async () => {
    h = await NativeHarness.start({ pages: 1, threads: 1, fill: [0], waitMs: 3000, noWakeMs: 3000, timeoutMs: 500 });
    await h.apply({ op: 'register', modes: ['MISSING'] });
    await h.apply({ op: 'read', thread: 0, page: 0 });
    await h.apply({ op: 'pwrite', page: 0, value: 1 });
    const pid = h.pid!;
    // the COPY fails with EEXIST and wakes nobody: the harness watches the thread for its 3 s no-wake bound
    await expect(h.apply({ op: 'copy', page: 0, value: 2, wp: false })).rejects.toThrow(
      'native harness: no reply within 500 ms (step 3)',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
