// Deterministic conformance candidates of kernel-brief.md section 6 (items 1-15, on 4
// pages), and Peter's race R1 replayed label by label on the 2020 and modern variants.
import { formatObservation, Observation, Op } from '../conformance/trace';
import { Sim, StepLabel, KernelSwitches } from '../src/sim';
import { variant as kernelVariant } from '../spec/shmem_uffd/variants';

const KERNEL_2020 = kernelVariant('A').switches;

const FILLED = [1, 2, 3, 4];

function sim(fill: number[] = FILLED, variant: Partial<KernelSwitches> = {}, threads = 2): Sim {
  return new Sim({ pages: 4, threads, fill, variant });
}

/** Compact view of the pages: `cache 2 present wp` per page (formatObservation's lines). */
function pages(o: Pick<Observation, 'pages'>): string[] {
  return o.pages.map((p) => `${p.cache ? 'cache' : 'hole'} ${p.value} ${p.pte}${p.wp ? ' wp' : ''}`);
}

function applyAll(s: Sim, ops: Op[]): Observation[] {
  return ops.map((op) => s.apply(op));
}

describe('no uffd (items 1, 14)', () => {
  test('a read fault maps every cached page of the window, writable', () => {
    const s = sim([1, 2, 0, 4]);
    const o = s.apply({ op: 'read', thread: 0, page: 1 });
    expect(o.result).toBe(2);
    // fault-around never allocates: the hole at 2 stays unmapped
    expect(pages(o)).toEqual(['cache 1 present', 'cache 2 present', 'hole 0 none', 'cache 4 present']);
    expect(s.kernel.pt.ptes.map((p) => p.kind === 'present' && p.writable)).toEqual([true, true, false, true]);
  });

  test('pwrite is visible through the mapping, a mapped write through pread, a punch empties both', () => {
    const s = sim();
    s.apply({ op: 'read', thread: 0, page: 0 });
    s.apply({ op: 'pwrite', page: 1, value: 50 });
    expect(s.apply({ op: 'read', thread: 0, page: 1 }).result).toBe(50);
    s.apply({ op: 'write', thread: 1, page: 2, value: 60 });
    expect(s.apply({ op: 'pread', page: 2 }).result).toBe(60);
    const punched = s.apply({ op: 'punch', lo: 1, hi: 2 });
    expect(punched.result).toBe(0);
    expect(pages(punched)).toEqual(['cache 1 present', 'hole 0 none', 'hole 0 none', 'cache 4 present']);
    s.apply({ op: 'pwrite', page: 1, value: 70 });
    expect(s.apply({ op: 'read', thread: 0, page: 1 }).result).toBe(70);
  });
});

describe('registration gates fault-around (items 2, 3)', () => {
  test('MISSING-only still faults around', () => {
    const s = sim();
    s.apply({ op: 'register', modes: ['MISSING'] });
    expect(pages(s.apply({ op: 'read', thread: 0, page: 1 }))).toEqual([
      'cache 1 present', 'cache 2 present', 'cache 3 present', 'cache 4 present',
    ]);
  });

  test('WP registered, nothing protected: only the faulting page, read-only (writenotify), a write needs no event', () => {
    const s = sim();
    s.apply({ op: 'register', modes: ['WP'] });
    const o = s.apply({ op: 'read', thread: 0, page: 1 });
    expect(pages(o)).toEqual(['cache 1 none', 'cache 2 present', 'cache 3 none', 'cache 4 none']);
    const pte = s.kernel.pt.get(1);
    expect(pte.kind === 'present' && pte.writable).toBe(false);
    const w = s.apply({ op: 'write', thread: 0, page: 1, value: 9 });
    expect(w.result).toBe('ok');
    expect(w.events).toEqual([]);
    expect(s.apply({ op: 'pread', page: 1 }).result).toBe(9);
  });

  test('without writenotify (pre-6.2) the read fault maps the WP VMA writable', () => {
    const s = sim(FILLED, { WRITENOTIFY: false });
    s.apply({ op: 'register', modes: ['WP'] });
    s.apply({ op: 'read', thread: 0, page: 1 });
    const pte = s.kernel.pt.get(1);
    expect(pte.kind === 'present' && pte.writable).toBe(true);
  });
});

describe('MINOR (items 4-6)', () => {
  test('a cached page raises MINOR; CONTINUE maps it and wakes the reader', () => {
    const s = sim();
    s.apply({ op: 'register', modes: ['MINOR'] });
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect(r.result).toBe('blocked');
    expect(r.events).toEqual([{ kind: 'MINOR', page: 1, write: false }]);
    expect(r.threads).toEqual([{ state: 'blocked' }, { state: 'idle' }]);
    s.apply({ op: 'pwrite', page: 1, value: 117 });
    const c = s.apply({ op: 'continue', page: 1, wp: false });
    expect(c.result).toBe(4096);
    expect(c.threads).toEqual([{ state: 'idle', last: 117 }, { state: 'idle' }]);
    expect(pages(c)).toEqual(['cache 1 none', 'cache 117 present', 'cache 3 none', 'cache 4 none']);
  });

  test('MINOR-only on a hole: zero page, no event', () => {
    const s = sim([1, 2, 0, 4]);
    s.apply({ op: 'register', modes: ['MINOR'] });
    const r = s.apply({ op: 'read', thread: 0, page: 2 });
    expect(r.result).toBe(0);
    expect(r.events).toEqual([]);
    expect(pages(r)[2]).toBe('cache 0 present');
  });

  test('CONTINUE on a hole is EFAULT, over a present pte EEXIST', () => {
    const s = sim([1, 2, 0, 4]);
    s.apply({ op: 'register', modes: ['MINOR'] });
    expect(s.apply({ op: 'continue', page: 2, wp: false }).result).toBe(-14);
    s.apply({ op: 'continue', page: 1, wp: false });
    expect(s.apply({ op: 'continue', page: 1, wp: false }).result).toBe(-17);
  });
});

describe('WP markers (items 7, 8, 12, 13)', () => {
  test('WRITEPROTECT of an unmapped range leaves markers; read maps wp silently; write raises one WP', () => {
    const s = sim();
    s.apply({ op: 'register', modes: ['WP'] });
    expect(pages(s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true }))).toEqual([
      'cache 1 marker wp', 'cache 2 marker wp', 'cache 3 marker wp', 'cache 4 marker wp',
    ]);
    const r = s.apply({ op: 'read', thread: 0, page: 2 });
    expect(r.result).toBe(3);
    expect(r.events).toEqual([]);
    expect(pages(r)[2]).toBe('cache 3 present wp');
    const w = s.apply({ op: 'write', thread: 0, page: 2, value: 99 });
    expect(w.result).toBe('blocked');
    expect(w.events).toEqual([{ kind: 'WP', page: 2, write: true }]);
    const u = s.apply({ op: 'writeprotect', lo: 2, hi: 2, wp: false });
    expect(u.threads[0]).toEqual({ state: 'idle', last: 'ok' });
    expect(u.events).toEqual([]);
    expect(pages(u)[2]).toBe('cache 99 present');
    expect(s.apply({ op: 'pread', page: 2 }).result).toBe(99);
  });

  test('WP-only: a punched protected page keeps a marker; read gets a zero page silently, write one WP event', () => {
    const s = sim();
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 1 },
      { op: 'writeprotect', lo: 1, hi: 1, wp: true },
    ]);
    const p = s.apply({ op: 'punch', lo: 1, hi: 1 });
    expect(pages(p)[1]).toBe('hole 0 marker wp');
    expect(s.apply({ op: 'pread', page: 1 }).result).toBe(0);
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect(r.result).toBe(0);
    expect(r.events).toEqual([]);
    expect(pages(r)[1]).toBe('cache 0 present wp');
    const w = s.apply({ op: 'write', thread: 1, page: 1, value: 7 });
    expect(w.result).toBe('blocked');
    expect(w.events).toEqual([{ kind: 'WP', page: 1, write: true }]);
  });

  test('MADV_DONTNEED keeps the marker and the cache; MADV_REMOVE keeps the marker and empties the cache', () => {
    const s = sim();
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 1 },
      { op: 'writeprotect', lo: 1, hi: 1, wp: true },
    ]);
    const d = s.apply({ op: 'madvise', advice: 'DONTNEED', lo: 0, hi: 3 });
    expect(pages(d)).toEqual(['cache 1 none', 'cache 2 marker wp', 'cache 3 none', 'cache 4 none']);
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect([r.result, r.events, pages(r)[1]]).toEqual([2, [], 'cache 2 present wp']);
    const w = s.apply({ op: 'write', thread: 0, page: 1, value: 5 });
    expect(w.events).toEqual([{ kind: 'WP', page: 1, write: true }]);
    const rm = s.apply({ op: 'madvise', advice: 'REMOVE', lo: 1, hi: 1 });
    expect(pages(rm)[1]).toBe('hole 0 marker wp');
    expect(rm.threads[0]).toEqual({ state: 'blocked' });
  });

  test('UNREGISTER clears markers and wp bits and wakes the waiter, whose write then lands', () => {
    const s = sim();
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 0 },
      { op: 'writeprotect', lo: 0, hi: 3, wp: true },
      { op: 'write', thread: 1, page: 0, value: 8 },
    ]);
    const u = s.apply({ op: 'unregister' });
    expect(pages(u)).toEqual(['cache 8 present', 'cache 2 none', 'cache 3 none', 'cache 4 none']);
    expect(u.threads[1]).toEqual({ state: 'idle', last: 'ok' });
  });
});

describe('MISSING and COPY (items 9-11)', () => {
  test('MISSING|WP: a punched protected page raises MISSING; COPY MODE_WP re-protects; write raises WP', () => {
    const s = sim();
    applyAll(s, [
      { op: 'register', modes: ['MISSING', 'WP'] },
      { op: 'read', thread: 0, page: 1 },
      { op: 'writeprotect', lo: 1, hi: 1, wp: true },
      { op: 'punch', lo: 1, hi: 1 },
    ]);
    const r = s.apply({ op: 'read', thread: 0, page: 1 });
    expect([r.result, r.events]).toEqual(['blocked', [{ kind: 'MISSING', page: 1, write: false }]]);
    const c = s.apply({ op: 'copy', page: 1, value: 67, wp: true });
    expect(c.result).toBe(4096);
    expect(c.threads[0]).toEqual({ state: 'idle', last: 67 });
    expect(pages(c)[1]).toBe('cache 67 present wp');
    const w = s.apply({ op: 'write', thread: 0, page: 1, value: 1 });
    expect(w.events).toEqual([{ kind: 'WP', page: 1, write: true }]);
  });

  test('COPY results: 4096, EEXIST twice, EINVAL for MODE_WP without WP, ENOENT once unregistered', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    const c = s.apply({ op: 'copy', page: 0, value: 10, wp: false });
    expect([c.result, pages(c)[0]]).toEqual([4096, 'cache 10 present']);
    expect(s.apply({ op: 'copy', page: 0, value: 11, wp: false }).result).toBe(-17);
    s.apply({ op: 'pwrite', page: 1, value: 12 });
    expect(s.apply({ op: 'copy', page: 1, value: 13, wp: false }).result).toBe(-17);
    expect(s.apply({ op: 'copy', page: 2, value: 14, wp: true }).result).toBe(-22);
    s.apply({ op: 'unregister' });
    const u = s.apply({ op: 'copy', page: 3, value: 15, wp: false });
    expect([u.result, pages(u)[3]]).toEqual([-2, 'hole 0 none']);
  });

  test('a failed COPY wakes nobody; UFFDIO_WAKE does, and the reader sees the pwritten byte', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    expect(s.apply({ op: 'read', thread: 0, page: 1 }).events).toEqual([{ kind: 'MISSING', page: 1, write: false }]);
    s.apply({ op: 'pwrite', page: 1, value: 42 });
    const c = s.apply({ op: 'copy', page: 1, value: 43, wp: false });
    expect([c.result, c.events, c.threads[0]]).toEqual([-17, [], { state: 'blocked' }]);
    const w = s.apply({ op: 'wake', lo: 1, hi: 1 });
    expect([w.result, w.events, w.threads[0]]).toEqual([0, [], { state: 'idle', last: 42 }]);
  });

  test('COPY with DONTWAKE maps the page but leaves the reader blocked until WAKE', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    s.apply({ op: 'read', thread: 1, page: 3 });
    const c = s.apply({ op: 'copy', page: 3, value: 5, wp: false, dontwake: true });
    expect([c.result, c.threads[1], pages(c)[3]]).toEqual([4096, { state: 'blocked' }, 'cache 5 present']);
    expect(s.apply({ op: 'wake', lo: 0, hi: 3 }).threads[1]).toEqual({ state: 'idle', last: 5 });
  });
});

describe('features', () => {
  test('SIGBUS: a MISSING fault kills the access instead of queueing an event', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'], features: ['SIGBUS'] });
    const r = s.apply({ op: 'read', thread: 0, page: 0 });
    expect([r.result, r.events, r.threads[0]]).toEqual(['SIGBUS', [], { state: 'idle', last: 'SIGBUS' }]);
  });

  test('WP_ASYNC (item 15): a write to a protected page clears wp in place, no event', () => {
    const s = sim();
    s.apply({ op: 'register', modes: ['WP'], features: ['WP_ASYNC'] });
    s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true });
    const w = s.apply({ op: 'write', thread: 0, page: 2, value: 77 });
    expect([w.result, w.events]).toEqual(['ok', []]);
    expect(pages(w)).toEqual(['cache 1 marker wp', 'cache 2 marker wp', 'cache 77 present', 'cache 4 marker wp']);
  });
});

// ---- Peter Xu's race R1, replayed label by label --------------------------------------

/** Step a task until it is about to run `label`, returning the labels it passed through. */
function runUntil(s: Sim, task: number, label: StepLabel): StepLabel[] {
  const seen: StepLabel[] = [];
  while (s.status(task).label !== label) {
    expect(s.status(task).state).toBe('runnable');
    seen.push(s.step(task));
  }
  return seen;
}

/** Step a task until it finishes or blocks; returns the labels it reached. */
function finish(s: Sim, task: number): StepLabel[] {
  const seen: StepLabel[] = [];
  while (s.status(task).state === 'runnable') seen.push(s.step(task));
  return seen;
}

/**
 * P = page 1 protected while mapped, Q = page 2 unmapped but cached. The punch of P runs
 * its first unmap; a read of Q faults; a write to P; then the punch finishes.
 */
function raceR1(variant: Partial<KernelSwitches>, modes: ('MISSING' | 'WP')[]) {
  const s = sim(FILLED, variant);
  applyAll(s, [
    { op: 'register', modes },
    { op: 'read', thread: 0, page: 1 },
    // with fault-around the read mapped the whole window: unmap all but P again
    { op: 'madvise', advice: 'DONTNEED', lo: 0, hi: 0 },
    { op: 'madvise', advice: 'DONTNEED', lo: 2, hi: 3 },
    { op: 'writeprotect', lo: 1, hi: 1, wp: true },
  ]);
  const before = pages(s.observe());
  const punch = s.start({ op: 'punch', lo: 1, hi: 1 });
  const punchHead = runUntil(s, punch, 'truncate_inode_folio');
  const afterUnmap = pages(s.observe())[1];
  const read = s.start({ op: 'read', thread: 1, page: 2 });
  const readPath = finish(s, read);
  const afterRead = pages(s.observe())[1];
  const write = s.start({ op: 'write', thread: 0, page: 1, value: 9 });
  const writePath = finish(s, write);
  const punchTail = finish(s, punch);
  s.settle();
  return { s, before, punchHead, afterUnmap, readPath, afterRead, write, writePath, punchTail, end: s.observe() };
}

describe("Peter Xu's race R1", () => {
  test('2020 kernel (fault-around ignores uffd, no markers): the write lands on the protected page with no event', () => {
    const r = raceR1(KERNEL_2020, ['WP']);
    expect(r.before).toEqual(['cache 1 none', 'cache 2 present wp', 'cache 3 none', 'cache 4 none']);
    expect(r.punchHead).toEqual(['unmap_mapping_range', 'truncate_inode_folio']);
    expect(r.afterUnmap).toBe('cache 2 none'); // the wp bit died with the pte
    expect(r.readPath).toEqual(['do_read_fault', 'filemap_map_pages', 'load', 'done']);
    expect(r.afterRead).toBe('cache 2 present'); // fault-around re-mapped P, writable, no wp
    expect(r.writePath).toEqual(['done']); // no fault at all
    expect(r.s.status(r.write).result).toBe('ok');
    expect(r.punchTail).toEqual(['punch_end', 'done']);
    expect(r.end.events).toEqual([]);
    expect(pages(r.end)[1]).toBe('hole 0 none'); // and the written byte went with the folio
    expect(r.s.kernel.stalePtes()).toEqual([]); // the second unmap kept coherence
  });

  test('the 2020 kernel without the second unmap also leaves a stale pte (variant E)', () => {
    const r = raceR1({ ...KERNEL_2020, TRUNCATE_UNMAPS_MAPPED: false }, ['WP']);
    expect(r.end.events).toEqual([]);
    expect(pages(r.end)[1]).toBe('hole 0 present');
    expect(r.s.kernel.stalePtes()).toEqual([1]);
  });

  test('modern kernel, same interleaving: no fault-around, the write waits for the punch, then raises WP', () => {
    const r = raceR1({}, ['WP']);
    expect(r.before).toEqual(['cache 1 none', 'cache 2 present wp', 'cache 3 none', 'cache 4 none']);
    expect(r.afterUnmap).toBe('cache 2 marker wp');
    // the unlocked peek sees the punch; the check under i_lock finds Q outside it
    expect(r.readPath).toEqual(['do_read_fault', 'shmem_fault', 'shmem_fault_wait', 'shmem_get_folio', 'finish_fault', 'load', 'done']);
    expect(r.afterRead).toBe('cache 2 marker wp');
    expect(r.writePath).toEqual(['shmem_fault', 'shmem_fault_wait', 'write_lands']); // asleep on the punch's waitq
    expect(r.punchTail).toEqual(['punch_end', 'done']);
    expect(r.end.events).toEqual([{ kind: 'WP', page: 1, write: true }]);
    expect(r.end.threads[0]).toEqual({ state: 'blocked' });
    expect(pages(r.end)[1]).toBe('cache 0 present wp');
  });

  test('modern kernel with MISSING|WP: the same interleaving raises MISSING', () => {
    const r = raceR1({}, ['MISSING', 'WP']);
    expect(r.end.events).toEqual([{ kind: 'MISSING', page: 1, write: true }]);
    expect(pages(r.end)[1]).toBe('hole 0 marker wp');
  });

  test("skipping fault-around in armed VMAs (Peter's patch) closes R1 for MISSING|WP", () => {
    const r = raceR1({ ...KERNEL_2020, FAULT_AROUND: 'SkipIfUffdArmed' }, ['MISSING', 'WP']);
    expect(r.afterRead).toBe('cache 2 none');
    expect(r.end.events).toEqual([{ kind: 'MISSING', page: 1, write: true }]);
  });

  test("Andrea's shmem_map_pages closes R1 for MISSING|WP even though it faults around", () => {
    const r = raceR1({ ...KERNEL_2020, FAULT_AROUND: 'ShmemMapPages' }, ['MISSING', 'WP']);
    expect(r.readPath).toContain('filemap_map_pages');
    expect(r.afterRead).toBe('cache 2 none');
    expect(r.end.events).toEqual([{ kind: 'MISSING', page: 1, write: true }]);
  });

  test('replays are deterministic', () => {
    const a = raceR1(KERNEL_2020, ['WP']);
    const b = raceR1(KERNEL_2020, ['WP']);
    expect(formatObservation({ result: 0, ...a.end })).toBe(formatObservation({ result: 0, ...b.end }));
  });
});

describe('fine-grained scheduling', () => {
  /** A read fault holds the new folio locked between shmem_get_folio and finish_fault. */
  function punchDuringFault(variant: Partial<KernelSwitches>) {
    const s = sim([0, 0, 0, 0], variant);
    const read = s.start({ op: 'read', thread: 0, page: 1 });
    expect(runUntil(s, read, 'finish_fault')).toEqual(['do_read_fault', 'filemap_map_pages', 'shmem_fault', 'shmem_get_folio', 'finish_fault']);
    const punch = s.start({ op: 'punch', lo: 1, hi: 1 });
    expect(finish(s, punch)).toEqual(['unmap_mapping_range', 'truncate_inode_folio', 'truncate_inode_folio']);
    expect(s.status(punch).state).toBe('blocked'); // folio_lock
    expect(s.runnable()).toEqual([{ task: read, label: 'finish_fault' }]);
    expect(s.step(read)).toBe('load'); // pte installed, folio unlocked: the punch is runnable again
    expect(s.runnable().map((r) => r.task)).toEqual([read, punch]);
    expect(finish(s, punch)).toEqual(['punch_end', 'done']);
    const afterPunch = pages(s.observe())[1];
    const readTail = finish(s, read);
    return { s, read, afterPunch, readTail };
  }

  test('truncation waits for the faulting thread’s folio lock, then unmaps what it mapped', () => {
    const { s, read, afterPunch, readTail } = punchDuringFault({});
    expect(afterPunch).toBe('hole 0 none');
    // the re-executed load faults again and gets a new zero folio
    expect(readTail).toEqual(['do_read_fault', 'filemap_map_pages', 'shmem_fault', 'shmem_get_folio', 'finish_fault', 'load', 'done']);
    expect(s.status(read).result).toBe(0);
    expect(pages(s.observe())[1]).toBe('cache 0 present');
    expect(s.kernel.stalePtes()).toEqual([]);
  });

  test('without the second unmap the pte outlives the folio (variant E)', () => {
    const { s, afterPunch, readTail } = punchDuringFault({ TRUNCATE_UNMAPS_MAPPED: false });
    expect(afterPunch).toBe('hole 0 present');
    expect(readTail).toEqual(['done']); // the load goes through the stale pte
    expect(s.kernel.stalePtes()).toEqual([1]);
  });

  test('misuse is a one-line SimError', () => {
    const s = sim([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    s.apply({ op: 'read', thread: 0, page: 0 });
    expect(() => s.start({ op: 'write', thread: 0, page: 1, value: 1 })).toThrow(/^thread 0 is still in an access \(task \d+\)$/);
    expect(() => s.start({ op: 'read', thread: 1, page: 4 })).toThrow('page: expected an integer in 0..3, got 4');
    expect(() => new Sim({ pages: 2, threads: 1 }).start({ op: 'wake', lo: 0, hi: 0 })).toThrow('wake: no uffd yet (no register before it)');
  });
});

// ---- a second, never-registered MAP_SHARED mapping of the same file -------------------

describe('two mappings', () => {
  function sim2(fill: number[] = FILLED, variant: Partial<KernelSwitches> = {}, threads = 2): Sim {
    return new Sim({ pages: 4, threads, fill, variant, mappings: 2 });
  }

  /** Compact view of one mapping's ptes: `present rw`, `present wp`, `marker`, `none`, plus ` stale`. */
  function ptes(s: Sim, m: number): string[] {
    return s.ptesOf(m).map((p) => {
      const kind = p.pte !== 'present' ? p.pte : `present ${p.wp ? 'wp' : p.writable ? 'rw' : 'ro'}`;
      return p.stale ? `${kind} stale` : kind;
    });
  }

  test('a read through mapping 1 of a WP-registered file faults around, writable, while mapping 0 keeps its markers', () => {
    const s = sim2();
    s.apply({ op: 'register', modes: ['WP'] });
    s.apply({ op: 'writeprotect', lo: 0, hi: 3, wp: true });
    const r = s.apply({ op: 'read', thread: 0, page: 1, mapping: 1 });
    expect([r.result, r.events]).toEqual([2, []]);
    // should_fault_around on the unarmed VMA; its vm_page_prot has no writenotify
    expect(ptes(s, 1)).toEqual(['present rw', 'present rw', 'present rw', 'present rw']);
    expect(pages(r)).toEqual(['cache 1 marker wp', 'cache 2 marker wp', 'cache 3 marker wp', 'cache 4 marker wp']);
    expect(ptes(s, 0)).toEqual(['marker', 'marker', 'marker', 'marker']);
    // wp is per address per mm: a store through mapping 1 lands with no event
    const w = s.apply({ op: 'write', thread: 1, page: 2, value: 30, mapping: 1 });
    expect([w.result, w.events, pages(w)[2]]).toEqual(['ok', [], 'cache 30 marker wp']);
  });

  test('an unregistered mapping raises no MISSING or MINOR event', () => {
    const missing = sim2([0, 0, 0, 0]);
    missing.apply({ op: 'register', modes: ['MISSING'] });
    const r = missing.apply({ op: 'read', thread: 0, page: 3, mapping: 1 });
    expect([r.result, r.events, pages(r)[3]]).toEqual([0, [], 'cache 0 none']);
    expect(ptes(missing, 1)[3]).toBe('present rw');

    const minor = sim2();
    minor.apply({ op: 'register', modes: ['MINOR'] });
    const m = minor.apply({ op: 'read', thread: 0, page: 1, mapping: 1 });
    expect([m.result, m.events]).toEqual([2, []]);
  });

  test('MADV_DONTNEED zaps only the mapping it is given', () => {
    const s = sim2();
    s.apply({ op: 'read', thread: 0, page: 0 });
    s.apply({ op: 'read', thread: 0, page: 0, mapping: 1 });
    s.apply({ op: 'madvise', advice: 'DONTNEED', lo: 1, hi: 2, mapping: 1 });
    expect(ptes(s, 0)).toEqual(['present rw', 'present rw', 'present rw', 'present rw']);
    expect(ptes(s, 1)).toEqual(['present rw', 'none', 'none', 'present rw']);
  });

  test('a punch zaps the range in both mappings; only mapping 0 (WP-registered) keeps markers', () => {
    const s = sim2();
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 1 },
      { op: 'writeprotect', lo: 1, hi: 2, wp: true },
      { op: 'read', thread: 0, page: 0, mapping: 1 },
    ]);
    expect(ptes(s, 0)).toEqual(['none', 'present wp', 'marker', 'none']);
    expect(ptes(s, 1)).toEqual(['present rw', 'present rw', 'present rw', 'present rw']);
    const p = s.apply({ op: 'punch', lo: 1, hi: 2 });
    expect(pages(p)).toEqual(['cache 1 none', 'hole 0 marker wp', 'hole 0 marker wp', 'cache 4 none']);
    expect(ptes(s, 1)).toEqual(['present rw', 'none', 'none', 'present rw']);
    expect(s.kernel.stalePtes()).toEqual([]);
  });

  /**
   * R1 through the second mapping: P = page 1 protected in mapping 0. The punch of P runs
   * its first unmap; a read of Q = page 2 through mapping 1 faults around and maps P
   * there again; then the punch truncates P.
   */
  function raceR1ViaMapping1(variant: Partial<KernelSwitches>) {
    const s = sim2(FILLED, variant);
    applyAll(s, [
      { op: 'register', modes: ['WP'] },
      { op: 'read', thread: 0, page: 1 },
      { op: 'writeprotect', lo: 1, hi: 1, wp: true },
    ]);
    const before = [ptes(s, 0)[1], ptes(s, 1)[1]];
    const punch = s.start({ op: 'punch', lo: 1, hi: 1 });
    runUntil(s, punch, 'truncate_inode_folio');
    const afterUnmap = [ptes(s, 0)[1], ptes(s, 1)[1]];
    const read = s.start({ op: 'read', thread: 1, page: 2, mapping: 1 });
    const readPath = finish(s, read);
    const afterRead = [ptes(s, 0)[1], ptes(s, 1)[1]];
    const punchTail = finish(s, punch);
    s.settle();
    return { s, before, afterUnmap, readPath, afterRead, punchTail, end: s.observe() };
  }

  // Peter's never-merged fix: no fault-around in armed VMAs — but mapping 1 is not armed.
  const PETER_FIX: Partial<KernelSwitches> = { ...KERNEL_2020, FAULT_AROUND: 'SkipIfUffdArmed', PTE_MARKERS: false };

  test("2020 + Peter's fix: mapping 1's fault-around re-maps P mid-punch; truncation unmaps it from both", () => {
    const r = raceR1ViaMapping1(PETER_FIX);
    expect(r.before).toEqual(['present wp', 'none']);
    expect(r.afterUnmap).toEqual(['none', 'none']); // no markers: the wp bit died with the pte
    expect(r.readPath).toEqual(['do_read_fault', 'filemap_map_pages', 'load', 'done']);
    expect(r.afterRead).toEqual(['none', 'present rw']);
    expect(r.punchTail).toEqual(['punch_end', 'done']);
    expect(pages(r.end)[1]).toBe('hole 0 none');
    expect(ptes(r.s, 1)[1]).toBe('none');
    expect(r.s.kernel.stalePtes()).toEqual([]);
  });

  test("2020 + Peter's fix without the second unmap: a stale pte in mapping 1 (mmap and pread disagree)", () => {
    const r = raceR1ViaMapping1({ ...PETER_FIX, TRUNCATE_UNMAPS_MAPPED: false });
    expect(r.afterRead).toEqual(['none', 'present rw']);
    expect(pages(r.end)[1]).toBe('hole 0 none');
    expect(ptes(r.s, 1)[1]).toBe('present rw stale');
    expect([r.s.kernel.stalePtesOf(0), r.s.kernel.stalePtesOf(1), r.s.kernel.stalePtes()]).toEqual([[], [1], [1]]);
    expect(r.s.apply({ op: 'read', thread: 0, page: 1, mapping: 1 }).result).toBe(2); // the truncated folio
    expect(r.s.apply({ op: 'pread', page: 1 }).result).toBe(0);
  });

  test("6.18: the same interleaving with a protect after the re-map loses mapping 0's marker (DROP_MARKER in every VMA)", () => {
    const s = sim2();
    s.apply({ op: 'register', modes: ['WP'] });
    const punch = s.start({ op: 'punch', lo: 1, hi: 1 });
    runUntil(s, punch, 'truncate_inode_folio');
    finish(s, s.start({ op: 'read', thread: 1, page: 2, mapping: 1 }));
    expect(ptes(s, 1)[1]).toBe('present rw');
    // the monitor protects P while the punch is still between its two unmaps (start, not
    // apply: apply would run the punch to the end as well)
    expect(finish(s, s.start({ op: 'writeprotect', lo: 1, hi: 1, wp: true }))).toEqual(['done']);
    expect(ptes(s, 0)[1]).toBe('marker');
    // folio_mapped() through mapping 1, so unmap_mapping_folio runs, over both VMAs
    expect(finish(s, punch)).toEqual(['punch_end', 'done']);
    expect([ptes(s, 0)[1], ptes(s, 1)[1]]).toEqual(['none', 'none']);
    const w = s.apply({ op: 'write', thread: 0, page: 1, value: 5 });
    expect([w.result, w.events]).toEqual(['ok', []]);
  });

  test('readMessage reads one thread’s pending message; observe() no longer reports it', () => {
    const s = sim2([0, 0, 0, 0]);
    s.apply({ op: 'register', modes: ['MISSING'] });
    s.start({ op: 'read', thread: 0, page: 1 });
    s.start({ op: 'write', thread: 1, page: 2, value: 7 });
    s.settle();
    expect(s.readMessage(1)).toEqual({ kind: 'MISSING', page: 2, write: true });
    expect(s.readMessage(1)).toBeNull(); // read(2) already took it
    const o = s.observe();
    expect(o.events).toEqual([{ kind: 'MISSING', page: 1, write: false }]);
    expect(o.threads).toEqual([{ state: 'blocked' }, { state: 'blocked' }]);
    expect(s.readMessage(0)).toBeNull(); // observe() read it
    // a woken access that blocks again has a new pending message
    s.apply({ op: 'wake', lo: 2, hi: 2 });
    expect(s.readMessage(1)).toBeNull(); // apply's observe() read the re-raised one
    s.apply({ op: 'copy', page: 2, value: 9, wp: false });
    expect(s.readMessage(1)).toBeNull(); // idle: no access, no message
    expect(() => s.readMessage(2)).toThrow('thread: expected an integer in 0..1, got 2');
  });

  test('readMessage of a re-raised message before observe()', () => {
    const s = sim2([0, 0, 0, 0], {}, 1);
    s.apply({ op: 'register', modes: ['MISSING'] });
    s.apply({ op: 'read', thread: 0, page: 0 });
    const wake = s.start({ op: 'wake', lo: 0, hi: 0 });
    finish(s, wake);
    s.settle(); // the woken fault re-executes and raises MISSING again
    expect(s.readMessage(0)).toEqual({ kind: 'MISSING', page: 0, write: false });
    expect(s.observe().events).toEqual([]);
  });

  test('misuse: mappings outside 1..4, a mapping the sim does not have', () => {
    expect(() => new Sim({ pages: 2, threads: 1, mappings: 5 })).toThrow(/^mappings: expected an integer in 1\.\.4, got 5$/);
    expect(() => new Sim({ pages: 2, threads: 1, mappings: 0 })).toThrow('mappings: expected an integer in 1..4, got 0');
    expect(() => sim().start({ op: 'read', thread: 0, page: 0, mapping: 1 })).toThrow('mapping: expected an integer in 0..0, got 1');
    expect(() => sim2().start({ op: 'madvise', advice: 'DONTNEED', lo: 0, hi: 0, mapping: 2 })).toThrow('mapping: expected an integer in 0..1, got 2');
    expect(() => sim2().ptesOf(2)).toThrow('mapping: expected an integer in 0..1, got 2');
  });
});
