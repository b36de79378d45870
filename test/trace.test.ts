// The trace contract: hand-written traces validate and replay on the simulator; every
// defect in a file is one line naming the field and the step; observations compare and
// print as documented.
import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { compareObservation, formatObservation, loadTrace, Observation, TraceError, validateTrace } from '../conformance/trace';
import { Sim } from '../src/sim';

// hand-written traces, and the kernel scenario corpus (traces recorded on the kernel)
const TRACES = join(__dirname, '..', 'conformance', 'traces');
const DIRS = ['handwritten', 'kernel'];

describe('hand-written and kernel-recorded traces', () => {
  const files = DIRS.flatMap((d) => readdirSync(join(TRACES, d)).filter((f) => f.endsWith('.json')).sort().map((f) => `${d}/${f}`));

  test('there are some in each directory', () => {
    for (const d of DIRS) expect(files.filter((f) => f.startsWith(`${d}/`)).length).toBeGreaterThanOrEqual(4);
  });

  test.each(files)('%s replays on the simulator step for step', (file) => {
    const trace = loadTrace(join(TRACES, file));
    const sim = Sim.fromTrace(trace);
    trace.steps.forEach((step, i) => {
      const diff = compareObservation(step.expect, sim.apply(step.op));
      expect(diff === null ? null : `steps[${i}]: ${diff}`).toBeNull();
    });
  });
});

/** A small valid trace to break in one place. */
function base(): any {
  const page = (cache: boolean, value: number) => ({ cache, value, pte: 'none', wp: false });
  const expectIdle = { result: 0, pages: [page(true, 1), page(true, 2), page(false, 0), page(false, 0)], events: [], threads: [{ state: 'idle' }, { state: 'idle' }] };
  return {
    format: 'uffdspec-trace/1',
    name: 'base',
    constants: { FAULT_AROUND: 'SkipIfWpOrMinor', PTE_MARKERS: true },
    pages: 4,
    threads: 2,
    initial: { fill: [1, 2, 0, 0] },
    steps: [
      { op: { op: 'register', modes: ['MISSING'] }, expect: structuredClone(expectIdle) },
      {
        op: { op: 'read', thread: 0, page: 3 },
        expect: { ...structuredClone(expectIdle), result: 'blocked', events: [{ kind: 'MISSING', page: 3, write: false }], threads: [{ state: 'blocked' }, { state: 'idle' }] },
      },
      { op: { op: 'pread', page: 1 }, expect: { ...structuredClone(expectIdle), result: 2, threads: [{ state: 'blocked' }, { state: 'idle' }] } },
      { op: { op: 'copy', page: 3, value: 9, wp: false }, expect: { ...structuredClone(expectIdle), result: 4096 } },
    ],
  };
}

function errorOf(mutate: (t: any) => void): string {
  const t = base();
  mutate(t);
  try {
    validateTrace(t, 'bad.json');
  } catch (e) {
    expect(e).toBeInstanceOf(TraceError);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('no error');
}

describe('validation', () => {
  test('the base trace is valid and keeps its values', () => {
    const t = validateTrace(base(), 'ok.json');
    expect(t.steps[1].op).toEqual({ op: 'read', thread: 0, page: 3 });
    expect(t.constants).toEqual({ FAULT_AROUND: 'SkipIfWpOrMinor', PTE_MARKERS: true });
  });

  test.each<[string, (t: any) => void, string]>([
    ['page out of range', (t) => (t.steps[2].op.page = 7), 'bad.json: steps[2].op.page: expected an integer in 0..3, got 7'],
    ['missing page', (t) => delete t.steps[2].op.page, 'bad.json: steps[2].op.page: expected an integer in 0..3, got nothing'],
    ['unknown op', (t) => (t.steps[2].op.op = 'reed'), 'bad.json: steps[2].op.op: expected one of read, write, pread, pwrite, punch, madvise, ftruncate, fallocate, munmap, register, unregister, copy, zeropage, continue, writeprotect, wake, pagemap_scan, got "reed"'],
    ['misspelt field', (t) => (t.steps[3].op.dontwak = true), 'bad.json: steps[3].op.dontwak: unknown field'],
    ['hi below lo', (t) => (t.steps[2].op = { op: 'punch', lo: 2, hi: 1 }), 'bad.json: steps[2].op.hi: expected an integer in 2..3, got 1'],
    ['write of 0', (t) => (t.steps[2].op = { op: 'write', thread: 1, page: 0, value: 0 }), 'bad.json: steps[2].op.value: expected an integer in 1..255, got 0'],
    ['bad mode', (t) => (t.steps[0].op.modes = ['MISSING', 'wp']), 'bad.json: steps[0].op.modes[1]: expected one of MISSING, WP, MINOR, got "wp"'],
    ['duplicate mode', (t) => (t.steps[0].op.modes = ['WP', 'WP']), 'bad.json: steps[0].op.modes: WP is listed twice'],
    ['bad feature', (t) => (t.steps[0].op.features = ['EVENT_FORK']), 'bad.json: steps[0].op.features[0]: expected one of SIGBUS, WP_ASYNC, WP_UNPOPULATED, THREAD_ID, EXACT_ADDRESS, got "EVENT_FORK"'],
    ['bad advice', (t) => (t.steps[2].op = { op: 'madvise', advice: 'FREE', lo: 0, hi: 1 }), 'bad.json: steps[2].op.advice: expected one of DONTNEED, REMOVE, PAGEOUT, got "FREE"'],
    ['copy before register', (t) => (t.steps = [t.steps[3]]), 'bad.json: steps[0].op.op: copy needs the uffd of mapping 0, which no earlier register step opened'],
    ['access by a blocked thread', (t) => (t.steps[2].op = { op: 'read', thread: 0, page: 1 }), 'bad.json: steps[2].op.thread: thread 0 is blocked on a userfault (previous step\'s expect.threads[0])'],
    ['result of the wrong shape', (t) => (t.steps[3].expect.result = 0), 'bad.json: steps[3].expect.result: expected 4096 or a negative errno, got 0'],
    ['blocked result without a blocked thread', (t) => (t.steps[1].expect.threads[0] = { state: 'idle' }), 'bad.json: steps[1].expect.result: "blocked" exactly when threads[0] is blocked'],
    ['too few pages', (t) => t.steps[2].expect.pages.pop(), 'bad.json: steps[2].expect.pages: expected 4 entries (one per page), got 3'],
    ['bad pte', (t) => (t.steps[2].expect.pages[1].pte = 'mapped'), 'bad.json: steps[2].expect.pages[1].pte: expected one of none, marker, present, got "mapped"'],
    ['marker without wp', (t) => (t.steps[2].expect.pages[1].pte = 'marker'), 'bad.json: steps[2].expect.pages[1].wp: a marker is always wp'],
    ['hole with a value', (t) => (t.steps[2].expect.pages[2].value = 5), 'bad.json: steps[2].expect.pages[2].value: a page not in the cache reads 0, got 5'],
    ['event page', (t) => (t.steps[1].expect.events[0].page = 4), 'bad.json: steps[1].expect.events[0].page: expected an integer in 0..3, got 4'],
    ['running thread', (t) => (t.steps[2].expect.threads[1] = { state: 'running' }), 'bad.json: steps[2].expect.threads[1].state: expected one of idle, blocked, got "running"'],
    ['last on a blocked thread', (t) => (t.steps[2].expect.threads[0] = { state: 'blocked', last: 2 }), 'bad.json: steps[2].expect.threads[0].last: unknown field'],
    ['no expect', (t) => delete t.steps[2].expect, 'bad.json: steps[2].expect: expected an object, got nothing'],
    ['wrong format', (t) => (t.format = 'trace/2'), 'bad.json: format: expected "uffdspec-trace/1", got "trace/2"'],
    ['too many pages', (t) => (t.pages = 65), 'bad.json: pages: expected an integer in 1..64, got 65'],
    ['size past the pages', (t) => (t.size = 5), 'bad.json: size: expected an integer in 0..4, got 5'],
    ['a page filled past EOF', (t) => (t.size = 1), 'bad.json: initial.fill[1]: page 1 is past EOF (size 1): it must be 0 (a pwrite there would move EOF)'],
    ['a mapping past the pages', (t) => (t.mappings = [{ offset: 2, length: 3 }]), 'bad.json: mappings[0].length: expected an integer in 1..2, got 3'],
    ['an access outside its mapping', (t) => ((t.mappings = [{ offset: 0, length: 4 }, { offset: 2, length: 2 }]), (t.steps[1].op.mapping = 1), (t.steps[1].op.page = 1)), 'bad.json: steps[1].op.page: expected an integer in 2..3 (mapping 1 covers pages 2..3), got 1'],
    ['an ioctl on a mapping never registered', (t) => ((t.mappings = 2), (t.steps[3].op.mapping = 1)), 'bad.json: steps[3].op.op: copy needs the uffd of mapping 1, which no earlier register step opened'],
    ['munmap without its mapping', (t) => (t.steps[2].op = { op: 'munmap' }), 'bad.json: steps[2].op.mapping: expected an integer in 0..0, got nothing'],
    [
      'an access through an unmapped mapping',
      (t) => {
        t.mappings = 2;
        t.steps[2] = { op: { op: 'munmap', mapping: 1 }, expect: { ...t.steps[2].expect, result: 0 } };
        t.steps.push({ op: { op: 'read', thread: 1, page: 0, mapping: 1 }, expect: { ...t.steps[2].expect, result: 0 } });
      },
      'bad.json: steps[4].op.mapping: mapping 1 was unmapped at steps[2]',
    ],
    ['ftruncate past the pages', (t) => (t.steps[2].op = { op: 'ftruncate', size: 5 }), 'bad.json: steps[2].op.size: expected an integer in 0..4, got 5'],
    ['fallocate without keepSize', (t) => (t.steps[2].op = { op: 'fallocate', lo: 0, hi: 1 }), 'bad.json: steps[2].op.keepSize: expected true or false, got nothing'],
    ['others of the wrong length', (t) => ((t.mappings = 3), (t.steps[0].expect.pages[0].others = [{ pte: 'none', wp: false }])), 'bad.json: steps[0].expect.pages[0].others: expected 2 entries (mappings 1..2), got 1'],
    ['a marker in another mapping without wp', (t) => ((t.mappings = 2), (t.steps[0].expect.pages[0].others = [{ pte: 'marker', wp: false }])), 'bad.json: steps[0].expect.pages[0].others[0].wp: a marker is always wp'],
    ['fill length', (t) => (t.initial.fill = [1]), 'bad.json: initial.fill: expected 4 entries (one per page), got 1'],
    ['fill value', (t) => (t.initial.fill[3] = 256), 'bad.json: initial.fill[3]: expected an integer in 0..255, got 256'],
    ['variant constant type', (t) => (t.constants.PTE_MARKERS = 'yes'), 'bad.json: constants.PTE_MARKERS: expected true or false, got "yes"'],
    ['fault-around value', (t) => (t.constants.FAULT_AROUND = 'Never'), 'bad.json: constants.FAULT_AROUND: expected one of Always, SkipIfUffdArmed, ShmemMapPages, SkipIfWpOrMinor, got "Never"'],
    ['spec constant value', (t) => (t.constants.PAGES = [2]), 'bad.json: constants.PAGES: expected a string, an integer or a boolean, got [2]'],
    ['unknown top-level field', (t) => (t.step = []), 'bad.json: step: unknown field'],
    ['mapping without mappings', (t) => (t.steps[2].op = { op: 'read', thread: 1, page: 0, mapping: 1 }), 'bad.json: steps[2].op.mapping: expected an integer in 0..0, got 1'],
    ['mapping beyond mappings', (t) => ((t.mappings = 2), (t.steps[2].op = { op: 'madvise', advice: 'DONTNEED', lo: 0, hi: 1, mapping: 2 })), 'bad.json: steps[2].op.mapping: expected an integer in 0..1, got 2'],
    ['mapping not an integer', (t) => ((t.mappings = 2), (t.steps[2].op = { op: 'write', thread: 1, page: 0, value: 1, mapping: '1' })), 'bad.json: steps[2].op.mapping: expected an integer in 0..1, got "1"'],
    ['mapping on an op without one', (t) => ((t.mappings = 2), (t.steps[2].op.mapping = 1)), 'bad.json: steps[2].op.mapping: unknown field'],
    ['too many mappings', (t) => (t.mappings = 5), 'bad.json: mappings: expected an integer in 1..4, got 5'],
    ['no mappings', (t) => (t.mappings = 0), 'bad.json: mappings: expected an integer in 1..4, got 0'],
    ['features on a second register', (t) => t.steps.push({ op: { op: 'register', modes: ['WP'], features: ['SIGBUS'] }, expect: t.steps[3].expect }), 'bad.json: steps[4].op.features: only the first register of mapping 0 opens its uffd (UFFDIO_API) and may give features'],
  ])('%s', (_what, mutate, message) => {
    expect(errorOf(mutate)).toBe(message);
  });

  test('mappings and mapping are kept when given, absent otherwise, and reach the simulator', () => {
    const t = base();
    t.mappings = 2;
    t.steps[2].op = { op: 'read', thread: 1, page: 0, mapping: 1 };
    t.steps[2].expect.result = 1;
    t.steps[2].expect.threads[1] = { state: 'idle', last: 1 };
    const v = validateTrace(t, 'ok.json');
    expect(v.mappings).toBe(2);
    expect(v.steps[1].op).toEqual({ op: 'read', thread: 0, page: 3 });
    expect(v.steps[2].op).toEqual({ op: 'read', thread: 1, page: 0, mapping: 1 });
    expect(validateTrace(base(), 'ok.json')).not.toHaveProperty('mappings');
    const sim = Sim.fromTrace(v);
    const obs = v.steps.slice(0, 3).map((step) => sim.apply(step.op));
    expect(obs[2].result).toBe(1);
    // the read went through mapping 1 (fault-around: the holes at 2 and 3 stay unmapped);
    // the observation's pte/wp are mapping 0's, which the read left as they were; mapping
    // 1's are in others[0]
    expect(sim.ptesOf(1).map((p) => p.pte)).toEqual(['present', 'present', 'none', 'none']);
    const mapping0 = (o: Observation) => o.pages.map(({ others: _, ...p }) => p);
    expect(mapping0(obs[2])).toEqual(mapping0(obs[1]));
    expect(obs[2].pages.map((p) => p.pte)).toEqual(sim.ptesOf(0).map((p) => p.pte));
    expect(obs[2].pages.map((p) => p.others)).toEqual(sim.ptesOf(1).map((p) => [{ pte: p.pte, wp: p.wp }]));
  });

  test('not an object at all', () => {
    expect(() => validateTrace([1], 'x.json')).toThrow('x.json: (top level): expected an object, got [1]');
  });

  test('unreadable and malformed files are one-line errors too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "format": ');
    expect(() => loadTrace(bad)).toThrow(new RegExp(`^${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+: not valid JSON: [^\\n]+$`));
    expect(() => loadTrace(join(dir, 'missing.json'))).toThrow(`${join(dir, 'missing.json')}: cannot read: ENOENT`);
  });
});

describe('comparison and rendering', () => {
  const obs = (): Observation => ({
    result: 0,
    pages: [
      { cache: true, value: 1, pte: 'present', wp: true },
      { cache: false, value: 0, pte: 'marker', wp: true },
    ],
    events: [{ kind: 'WP', page: 0, write: true }],
    threads: [{ state: 'blocked' }, { state: 'idle', last: 3 }],
  });

  test('equal observations compare to null', () => {
    expect(compareObservation(obs(), obs())).toBeNull();
  });

  test.each<[string, (o: Observation) => void, string]>([
    ['result', (o) => (o.result = -17), 'result: expected 0, got -17'],
    ['pte', (o) => (o.pages[1] = { cache: false, value: 0, pte: 'none', wp: false }), 'pages[1].pte: expected marker, got none'],
    ['value before wp', (o) => (o.pages[0] = { cache: true, value: 2, pte: 'present', wp: false }), 'pages[0].value: expected 1, got 2'],
    ['missing event', (o) => (o.events = []), 'events[0]: expected WP write page 0, got none'],
    ['extra event', (o) => o.events.push({ kind: 'MISSING', page: 1, write: false }), 'events[1]: expected none, got MISSING read page 1'],
    ['thread', (o) => (o.threads[1] = { state: 'idle' }), 'threads[1]: expected idle last=3, got idle'],
  ])('first difference: %s', (_what, change, message) => {
    const actual = obs();
    change(actual);
    expect(compareObservation(obs(), actual)).toBe(message);
  });

  test('the compact form has one line per page', () => {
    expect(formatObservation(obs())).toBe(
      ['result 0', 'page 0: cache 1 present wp', 'page 1: hole 0 marker wp', 'events: WP write page 0', 'threads: t0 blocked, t1 idle last=3'].join('\n'),
    );
  });
});
