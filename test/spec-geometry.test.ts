// The spec's fault-around window (fault_around_window in shmem_uffd.spec.ts) against
// do_fault_around's arithmetic as conformance/trace.ts writes it (faultAroundRange),
// for random mapping geometries: offset, length, the pte index of the mapping's first
// page (windows are aligned in the address space), EOF. The simulator has the same
// test (test/sim-geometry.test.ts); the kernel-recorded traces are the judge of both.
import * as fc from 'fast-check';
import { faultAroundRange, type Op, type Trace } from '../conformance/trace';
import { planTrace } from '../spec/shmem_uffd/targets';

const PAGES = 64;

/** The file pages mapped after one read of `page` through a mapping of this geometry, every page before EOF cached. */
function mappedBySpec(g: { offset: number; length: number; pteIndex: number }, size: number, page: number): number[] {
  const fill = Array.from({ length: PAGES }, (_, i) => (i < size ? 1 : 0));
  const read: Op = { op: 'read', thread: 0, page };
  const trace: Trace = {
    format: 'uffdspec-trace/1',
    name: 'window',
    constants: {},
    pages: PAGES,
    size,
    threads: 1,
    mappings: [g],
    initial: { fill },
    steps: [{ op: read, expect: { pages: [], events: [], threads: [] } }],
  };
  const plan = planTrace(trace);
  if ('skip' in plan) throw new Error(plan.skip);
  const sys = plan.system;
  let states = sys.initial();
  for (const op of plan.prelude) states = sys.apply(states[0], op).map((o) => o.to);
  const outs = sys.apply(states[0], read);
  expect(outs).toHaveLength(1);
  return outs[0].obs.pages.flatMap((p, i) => (p.pte === 'present' ? [i] : []));
}

// pte indices near both ends of a page table, so that windows meet the mapping's start
// and the page table's end; the mapping inside the trace's pages
const geometry = fc
  .record({ offset: fc.nat({ max: 40 }), pteIndex: fc.oneof(fc.nat({ max: 31 }), fc.integer({ min: 480, max: 511 })) })
  .chain(({ offset, pteIndex }) => fc.record({ offset: fc.constant(offset), pteIndex: fc.constant(pteIndex), length: fc.integer({ min: 1, max: PAGES - offset }) }))
  .chain((g) => fc.record({ g: fc.constant(g), size: fc.constantFrom(PAGES, 30), at: fc.nat({ max: g.length - 1 }) }));

test('the spec maps exactly do_fault_around + filemap_map_pages window, aligned in the address space', () => {
  fc.assert(
    fc.property(geometry, ({ g, size, at }) => {
      const page = g.offset + at;
      const got = mappedBySpec(g, size, page);
      // past EOF too: the window is mapped up to EOF, then shmem_fault gives SIGBUS
      const { lo, hi } = faultAroundRange(g, page, size, 16);
      expect(got).toEqual(Array.from({ length: Math.max(0, hi - lo + 1) }, (_, k) => lo + k));
    }),
    { numRuns: 40, seed: 20261202 },
  );
}, 60_000);

test('the window moves up to the mapping start rather than being cut (pteIndex 5, page 3: pages 0..15)', () => {
  expect(mappedBySpec({ offset: 0, length: 64, pteIndex: 5 }, PAGES, 3)).toEqual(Array.from({ length: 16 }, (_, k) => k));
});

test('the page table ends the window (pteIndex 500, page 5: pages 0..11)', () => {
  expect(mappedBySpec({ offset: 0, length: 40, pteIndex: 500 }, PAGES, 5)).toEqual(Array.from({ length: 12 }, (_, k) => k));
});
