// Adding a kernel variant is the spec change (none here: the spec already has
// every switch) plus one entry in the variant table. A fixture variant, given
// to the readers of the table and nothing else, shows up in the verdict table,
// in the transition tours, on the simulator and in the native target's skip.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { VARIANTS, variant, type Variant } from '../spec/shmem_uffd/variants';
import { rowOf } from '../spec/shmem_uffd/rows';
import { buildBundle, tourVariants } from '../spec/shmem_uffd/tours';
import { writeVerdicts } from '../src/verdicts/run';
import { runTraces } from '../conformance/runner';
import { nativeTarget, simTarget } from '../conformance/targets';
import { shmemSpecTarget } from '../spec/shmem_uffd/targets';

const G: Variant = {
  name: 'G',
  title: 'fixture: the 6.18 kernel without the first unmap',
  kernels: 'a test fixture',
  switches: { ...variant('D').switches, FIRST_UNMAP: false },
  tour: { name: 'fixture-g', registrations: ['Wp'] },
};
const TABLE = [...VARIANTS, G];

test('the verdict table: a row of the new variant, its switches in the columns, the variant in the list', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-variant-'));
  // one thread keeps the check short; the row still has every switch of its variant
  const row = rowOf(G, 'G-wp-1', 'fixture: 6.18 without the first unmap', { UFFD_MODE: 'Wp', MAPPINGS: 1, THREADS: 1 });
  writeVerdicts([row], dir, { whole: false, variants: TABLE });
  const md = fs.readFileSync(path.join(dir, 'verdicts.md'), 'utf8');
  expect(md).toContain('| G | fixture: the 6.18 kernel without the first unmap | a test fixture |');
  const line = md.split('\n').find((l) => l.startsWith('| `G-wp-1` |'))!;
  // row, variant, then the seven switches in the table's order, the registration and the mappings
  expect(line.split(' | ').slice(1, 11)).toEqual(['G', 'SkipIfWpOrMinor', 'true', 'true', 'true', 'true', 'false', 'true', 'Wp', '1']);
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'verdicts.json'), 'utf8'));
  expect(json.rows[0].constants).toMatchObject({ FIRST_UNMAP: false, FAULT_AROUND: 'SkipIfWpOrMinor' });
  expect(json.rows[0].distinctStates).toBeGreaterThan(0);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the tours, the spec, the simulator and the native target', () => {
  const tours = tourVariants(TABLE);
  const bundle = buildBundle('fixture-g-wp', tours['fixture-g-wp']);
  const traces = bundle.traces.map((trace) => ({ trace, file: 'fixture' }));

  test('the new variant gets a tour per declared registration, with its switches as constants', () => {
    expect(Object.keys(tours)).toEqual(expect.arrayContaining(['modern-wp', 'kernel-2020-wp', 'fixture-g-wp']));
    expect(bundle.traces.length).toBeGreaterThan(10);
    expect(bundle.stats.covered).toBe(bundle.stats.observable);
    expect(bundle.traces[0].constants).toMatchObject({ FIRST_UNMAP: false, UFFD_MODE: 'Wp' });
  });

  test('every trace of its tour agrees on the spec and on the simulator configured from its constants', async () => {
    for (const target of [shmemSpecTarget, simTarget]) {
      const r = await runTraces(traces, target);
      expect({ target: target.name, agreeing: r.agreeing, disagreements: r.disagreements.length, skipped: r.skipped.length }).toEqual({
        target: target.name,
        agreeing: traces.length,
        disagreements: 0,
        skipped: 0,
      });
    }
  });

  test('the native target (this kernel, variant D) skips it, naming the switch', async () => {
    const session = await nativeTarget().open(traces[0].trace);
    expect(session).toEqual({ skip: expect.stringMatching(/describes another kernel \(FIRST_UNMAP=false; this kernel, variant D, has true\)|the native harness cannot run here/) });
  });
});
