// Facts about spec/shmem_uffd/shmem_uffd.spec.ts that the brief marks as high
// certainty. The verdicts are read from docs/verdicts.json: `uffdspec verdicts
// --check` (run by CI on the whole table) proves that file is what the current
// spec gives, and test/counterexamples.test.ts replays every counterexample in
// it, so checking the same rows again here would only repeat that work. Peter
// Xu's race R1 is replayed step by step on the reference interpreter (the
// shortest NoSilentWrite counterexample of variant A is a different race; R1
// is shown to be a path of the model).
import * as path from 'path';
import { loadSpecFile } from '../src/api';
import { Interpreter } from '../src/reference/interpreter';
import type { Value } from '../src/runtime/values';
import { ROWS } from '../spec/shmem_uffd/rows';
import { stepText, type Step } from '../src/runtime/step';
import { generateChecker } from '../generator/load';

const FILE = path.resolve(__dirname, '../spec/shmem_uffd/shmem_uffd.spec.ts');
const spec = loadSpecFile(FILE, 'ShmemUffd');

const A = { FAULT_AROUND: 'Always', PTE_MARKERS: false, TRUNCATE_DROPS_MARKERS: false, WRITENOTIFY: false, UFFD_MODE: 'Wp' };

interface RowVerdicts {
  id: string;
  constants: Record<string, unknown>;
  distinctStates: number;
  verdicts: Record<string, { holds: boolean; steps?: number }>;
  counterexamples: { property: string; steps: string[] }[];
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const table = require('../docs/verdicts.json') as { rows: RowVerdicts[] };
const row = (id: string): RowVerdicts => {
  const r = table.rows.find((x) => x.id === id);
  if (!r) throw new Error(`docs/verdicts.json has no row ${id}`);
  return r;
};
const holds = (id: string, props: string[]) => props.map((p) => `${p}: ${row(id).verdicts[p].holds ? 'holds' : 'violated'}`);
const all = (props: string[]) => props.map((p) => `${p}: holds`);

/** Every step of the row's model, by its text (the form verdicts.json stores). */
function stepsByText(id: string): Map<string, Step> {
  const { checker } = generateChecker(spec.model(ROWS.find((r) => r.id === id)!.constants));
  const out = new Map<string, Step>();
  checker.META.actions.forEach((a, i) => {
    const combos = (a as { params: { size: number }[] }).params.reduce((m, p) => m * p.size, 1);
    for (let c = 0; c < combos; c++) {
      const st = checker.stepOf(i, c);
      out.set(stepText(st), st);
    }
  });
  return out;
}
/** the labels of a counterexample after its initial state (a process step's label, or the action's name) */
const labels = (id: string, property: string) => {
  const steps = stepsByText(id);
  const [init, ...rest] = row(id).counterexamples.find((c) => c.property === property)!.steps;
  expect(init).toBe('Init');
  return rest.map((t) => {
    const st = steps.get(t);
    if (!st) throw new Error(`${id}: '${t}' is not a step of the spec`);
    return st.label ?? st.action;
  });
};

describe('ShmemUffd, the 6.18 kernel (default constants)', () => {
  test('the default constants are row D-wp-1', () => {
    const model = spec.model({});
    const defaults = Object.fromEntries(model.constants.map((c) => [c.name, c.value]));
    for (const [k, v] of Object.entries(ROWS.find((r) => r.id === 'D-wp-1')!.constants)) expect({ [k]: defaults[k] }).toEqual({ [k]: v });
  });

  test('coherence, liveness and the model invariants hold in every reachable state', () => {
    const props = ['PteCoherent', 'NoLostWakeup', 'Deadlock', 'WpImpliesReadOnly', 'MarkersOnlyInWpVma', 'FolioLockHeldByFault'];
    expect(holds('D-wp-1', props)).toEqual(all(props));
    expect(row('D-wp-1').distinctStates).toBe(125148);
  });

  test('WP-only: a fault in flight across punch_begin lets the second unmap drop the protection (found by the checker)', () => {
    // Not in the brief: the second unmap passes ZAP_FLAG_DROP_MARKER, so a wp pte that a
    // racing fault re-installed after the first unmap is zapped to none, and the next store
    // allocates a fresh folio and maps it writable with no event (WP-only has no MISSING).
    expect(row('D-wp-1').verdicts.NoSilentWrite).toEqual({ holds: false, steps: 15 });
    const t = labels('D-wp-1', 'NoSilentWrite');
    for (const l of ['punch_begin', 'unmap_mapping_range', 'finish_fault', 'mwriteprotect_range', 'truncate_inode_folio', 'write_lands']) expect(t).toContain(l);
    expect(t).not.toContain('filemap_map_pages'); // no fault-around in a WP VMA
    expect(t[t.length - 1]).toBe('write_lands');
    expect(t.lastIndexOf('truncate_inode_folio')).toBeLessThan(t.length - 1); // the page was truncated before the store
  });

  test('what-if: truncation keeping uffd-wp markers (no DROP_MARKER in a punch) closes that race, with one mapping or two', () => {
    for (const [id, states] of [['D-wp-keepmarker', 114225], ['D-wp-keepmarker-2', 275770]] as const) {
      expect(row(id).constants.TRUNCATE_DROPS_MARKERS).toBe(false);
      expect(Object.values(row(id).verdicts).every((v) => v.holds)).toBe(true);
      expect(row(id).distinctStates).toBe(states);
    }
  });

  test('MISSING|WP: the same race raises MISSING, so no write is silent', () => {
    expect(holds('D-missingwp-1', ['NoSilentWrite', 'PteCoherent', 'Deadlock'])).toEqual(all(['NoSilentWrite', 'PteCoherent', 'Deadlock']));
  });
});

describe('variant A (2020 code + shmem uffd-wp)', () => {
  test('NoSilentWrite is violated; the shortest trace has the punch, both fault-around and the landing write', () => {
    expect(row('A-wp-1').verdicts.NoSilentWrite.holds).toBe(false);
    const t = labels('A-wp-1', 'NoSilentWrite');
    for (const l of ['punch_begin', 'unmap_mapping_range', 'filemap_map_pages', 'write_lands']) expect(t).toContain(l);
    expect(t[t.length - 1]).toBe('write_lands');
  });

  test('coherence holds: folio lock plus second unmap', () => {
    expect(holds('A-wp-1', ['PteCoherent', 'NoLostWakeup', 'Deadlock'])).toEqual(all(['PteCoherent', 'NoLostWakeup', 'Deadlock']));
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
    expect(row('E-wp-1').verdicts.PteCoherent.holds).toBe(false);
    const t = labels('E-wp-1', 'PteCoherent');
    expect(t[t.length - 1]).toBe('truncate_inode_folio');
  });

  test("without uffd and with the second unmap, no pte points to a removed folio (Andrea's first question)", () => {
    expect(row('nouffd-A-1').constants.UFFD_MODE).toBe('None');
    expect(holds('nouffd-A-1', ['PteCoherent'])).toEqual(all(['PteCoherent']));
  });

  test('a monitor that forgets UFFDIO_WAKE after a failed COPY leaves a thread asleep', () => {
    expect(row('D-missing-nowake').constants.MONITOR_WAKES_ON_FAILURE).toBe(false);
    expect(row('D-missing-nowake').verdicts.NoLostWakeup.holds).toBe(false);
    const t = labels('D-missing-nowake', 'NoLostWakeup');
    expect(t).toContain('mfill_atomic_copy');
    expect(t).toContain('handle_userfault');
  });
});
