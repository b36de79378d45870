// Facts about spec/shmem_uffd/shmem_uffd.spec.ts that the brief marks as high certainty,
// checked with the generated checker, plus Peter Xu's race R1 replayed step by
// step on the reference interpreter (the shortest NoSilentWrite counterexample
// of variant A is a different race; R1 is shown to be a path of the model).
import * as path from 'path';
import { checkModel, loadSpecFile } from '../src/api';
import type { Model } from '../dsl/ir';
import { Interpreter } from '../src/reference/interpreter';
import type { Value } from '../src/runtime/values';
import { stepText } from '../src/runtime/step';
import type { TraceStep } from '../src/engine/result';

const FILE = path.resolve(__dirname, '../spec/shmem_uffd/shmem_uffd.spec.ts');
const spec = loadSpecFile(FILE, 'ShmemUffd');

const A = { FAULT_AROUND: 'Always', PTE_MARKERS: false, TRUNCATE_DROPS_MARKERS: false, WRITENOTIFY: false, UFFD_MODE: 'Wp' };
const E = { ...A, TRUNCATE_UNMAPS_MAPPED: false };

function only(model: Model, names: string[]): Model {
  return { ...model, invariants: model.invariants.filter((i) => names.includes(i.name)) };
}
/** each step's label, or the action's name ('Init' for the initial state) */
const labels = (trace: TraceStep[]) => trace.map((s) => (s.step === null ? 'Init' : s.step.label ?? s.step.action));

describe('ShmemUffd, the 6.18 kernel (default constants)', () => {
  const model = spec.model({});

  test('coherence, liveness and the model invariants hold in every reachable state', () => {
    const r = checkModel(only(model, ['PteCoherent', 'NoLostWakeup', 'WpImpliesReadOnly', 'MarkersOnlyInWpVma', 'FolioLockHeldByFault']), { deadlock: true });
    expect(r.result).toBe('ok');
    expect(r.distinctStates).toBe(125089);
  });

  test('WP-only: a fault in flight across punch_begin lets the second unmap drop the protection (found by the checker)', () => {
    // Not in the brief: the second unmap passes ZAP_FLAG_DROP_MARKER, so a wp pte that a
    // racing fault re-installed after the first unmap is zapped to none, and the next store
    // allocates a fresh folio and maps it writable with no event (WP-only has no MISSING).
    const r = checkModel(only(model, ['NoSilentWrite']), { deadlock: false });
    expect(r.result).toBe('violation');
    const t = labels(r.violations[0].trace);
    expect(r.violations[0].trace.length - 1).toBe(15);
    for (const l of ['punch_begin', 'unmap_mapping_range', 'finish_fault', 'mwriteprotect_range', 'truncate_inode_folio', 'write_lands']) expect(t).toContain(l);
    expect(t).not.toContain('filemap_map_pages'); // no fault-around in a WP VMA
    const last = r.violations[0].trace[r.violations[0].trace.length - 1].state as any;
    expect(last.silent_write).toBe(true);
    expect(last.trunc['0'] + last.trunc['1']).toBe(1); // the written page was truncated first
  });

  test('what-if: truncation keeping uffd-wp markers (no DROP_MARKER in a punch) closes that race, with one mapping or two', () => {
    for (const [mappings, states] of [[1, 114175], [2, 275720]] as const) {
      const r = checkModel(spec.model({ TRUNCATE_DROPS_MARKERS: false, MAPPINGS: mappings }), { deadlock: true });
      expect(r.result).toBe('ok');
      expect(r.distinctStates).toBe(states);
    }
  });

  test('MISSING|WP: the same race raises MISSING, so no write is silent', () => {
    const r = checkModel(only(spec.model({ UFFD_MODE: 'MissingWp' }), ['NoSilentWrite', 'PteCoherent']), { deadlock: true });
    expect(r.result).toBe('ok');
  });
});

describe('variant A (2020 code + shmem uffd-wp)', () => {
  const model = spec.model(A);

  test('NoSilentWrite is violated; the shortest trace has the punch, both fault-around and the landing write', () => {
    const r = checkModel(only(model, ['NoSilentWrite']), { deadlock: false });
    expect(r.result).toBe('violation');
    const t = labels(r.violations[0].trace);
    for (const l of ['punch_begin', 'unmap_mapping_range', 'filemap_map_pages', 'write_lands']) expect(t).toContain(l);
    expect(t[t.length - 1]).toBe('write_lands');
  });

  test('coherence holds: folio lock plus second unmap', () => {
    const r = checkModel(only(model, ['PteCoherent', 'NoLostWakeup']), { deadlock: true });
    expect(r.result).toBe('ok');
  });

  test("Peter's race R1 is a path of the model: fault-around re-maps the punched page writable", () => {
    // Two threads with two accesses each: T0 loads p0 (fault-around maps p0, p1), the monitor
    // protects p0, the punch of [0,2) zaps both ptes (the wp bit is lost), T1's load of the
    // neighbour p1 faults around and maps p0 again, writable, without wp; T0's store lands.
    const m = spec.model({ ...A, ACCESSES: 2 });
    const it = new Interpreter(m);
    const idx = (name: string) => m.vars.findIndex((v) => v.name === name);
    let s: Value[] = it.initialStates()[0];
    const json = (st: Value[]) => it.stateToJSON(st) as any;
    const step = (name: string, pred: (j: any) => boolean = () => true) => {
      const found: Value[][] = [];
      it.successors(s, (_a, step, next) => {
        if (stepText(step) === name && pred(json(next))) found.push(next);
      });
      expect({ step: name, enabled: found.length > 0 }).toEqual({ step: name, enabled: true });
      s = found[0];
      return json(s);
    };
    step('Thread[0]:access', (j) => j['Thread.p']['0'] === 0 && !j['Thread.wr']['0']);
    step('Thread[0]:load');
    step('Thread[0]:do_read_fault');
    let j = step('Thread[0]:filemap_map_pages');
    expect(j.pte['0']['0']).toEqual({ tag: 'Present', folio: 0, writable: true, wp: false });
    j = step('mwriteprotect_range(0, true)');
    expect(j.pte['0']['0']).toEqual({ tag: 'Present', folio: 0, writable: false, wp: true });
    step('Punch:punch_begin', (x) => x.i_private.tag === 'Punching' && x.i_private.start === 0 && x.i_private.next === 2);
    j = step('Punch:unmap_mapping_range');
    expect(j.pte['0']['0']).toBe('PteNone'); // no markers: the wp bit is gone
    expect(j.cache['0']).toEqual({ tag: 'Folio', gen: 0 }); // folio still cached, unlocked
    step('Thread[1]:access', (x) => x['Thread.p']['1'] === 1 && !x['Thread.wr']['1']);
    step('Thread[1]:load');
    step('Thread[1]:do_read_fault');
    j = step('Thread[1]:filemap_map_pages');
    expect(j.pte['0']['0']).toEqual({ tag: 'Present', folio: 0, writable: true, wp: false });
    step('Thread[0]:access', (x) => x['Thread.p']['0'] === 0 && x['Thread.wr']['0']);
    j = step('Thread[0]:write_lands');
    expect(j.silent_write).toBe(true);
    expect(j.armed['0']).toBe(true);
    expect(idx('silent_write')).toBeGreaterThanOrEqual(0);
  });
});

describe('variant C (shmem_map_pages, i_private checked under ptl)', () => {
  test('closes R1: fault-around during the punch skips the punched page', () => {
    const m = spec.model({ ...A, FAULT_AROUND: 'ShmemMapPages', ACCESSES: 2 });
    const it = new Interpreter(m);
    let s: Value[] = it.initialStates()[0];
    const step = (name: string, pred: (j: any) => boolean = () => true) => {
      const found: Value[][] = [];
      it.successors(s, (_a, step, next) => {
        if (stepText(step) === name && pred(it.stateToJSON(next))) found.push(next);
      });
      expect({ step: name, enabled: found.length > 0 }).toEqual({ step: name, enabled: true });
      s = found[0];
      return it.stateToJSON(s) as any;
    };
    step('Thread[0]:access', (j) => j['Thread.p']['0'] === 0 && !j['Thread.wr']['0']);
    step('Thread[0]:load');
    step('Thread[0]:do_read_fault');
    step('Thread[0]:filemap_map_pages');
    step('mwriteprotect_range(0, true)');
    step('Punch:punch_begin', (x) => x.i_private.tag === 'Punching' && x.i_private.start === 0 && x.i_private.next === 2);
    step('Punch:unmap_mapping_range');
    step('Thread[1]:access', (x) => x['Thread.p']['1'] === 1 && !x['Thread.wr']['1']);
    step('Thread[1]:load');
    step('Thread[1]:do_read_fault');
    const j = step('Thread[1]:filemap_map_pages');
    expect(j.pte['0']['0']).toBe('PteNone');
    expect(j['Thread.pc']['1']).toBe('shmem_fault'); // p1 is in the hole too: a real fault, which will wait
  });
});

describe('other variants', () => {
  test('E (no second unmap) violates PteCoherent: a pte outlives its folio', () => {
    const r = checkModel(only(spec.model(E), ['PteCoherent']), { deadlock: false });
    expect(r.result).toBe('violation');
    const last = r.violations[0].trace[r.violations[0].trace.length - 1].state as any;
    const t = labels(r.violations[0].trace);
    expect(t[t.length - 1]).toBe('truncate_inode_folio');
    expect(Object.values(last.cache)).toContain('Hole');
  });

  test('without uffd and with the second unmap, no pte points to a removed folio (Andrea\'s first question)', () => {
    const r = checkModel(only(spec.model({ ...A, UFFD_MODE: 'None' }), ['PteCoherent']), { deadlock: true });
    expect(r.result).toBe('ok');
  });

  test('a monitor that forgets UFFDIO_WAKE after a failed COPY leaves a thread asleep (every variant)', () => {
    const r = checkModel(only(spec.model({ UFFD_MODE: 'Missing', MAPPINGS: 2, MONITOR_WAKES_ON_FAILURE: false }), ['NoLostWakeup']), { deadlock: true });
    expect(['violation', 'deadlock']).toContain(r.result);
    const t = labels(r.violations[0].trace);
    expect(t).toContain('mfill_atomic_copy');
    expect(t).toContain('handle_userfault');
  });
});
