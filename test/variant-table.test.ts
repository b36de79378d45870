// The variant table (spec/shmem_uffd/variants.ts) and the spec name the same
// switches: the spec's enum FaultAround has exactly the table's values, every
// switch is a constant of the spec with the type the table gives it, the spec's
// defaults are the kernel of this machine, and every registration, variant and
// verdict row is a setting the spec accepts.
import { shmemSpec } from '../spec/shmem_uffd';
import { DEFAULT_SWITCHES, FAULT_AROUND_VALUES, REGISTRATIONS, SWITCHES, THIS_KERNEL, VARIANTS } from '../spec/shmem_uffd/variants';
import { ROWS } from '../spec/shmem_uffd/rows';
import { typeToString } from '../src/runtime/types';

const model = shmemSpec().model({});
const constant = (name: string) => model.constants.find((c) => c.name === name);

test('every switch is a constant of the spec; FAULT_AROUND is the enum of the table', () => {
  for (const s of SWITCHES) expect({ name: s.name, declared: constant(s.name) !== undefined }).toEqual({ name: s.name, declared: true });
  const fa = constant('FAULT_AROUND')!;
  expect(fa.type.k).toBe('union');
  if (fa.type.k === 'union') expect(fa.type.tags.map((t) => t.name)).toEqual([...FAULT_AROUND_VALUES]);
  for (const s of SWITCHES.filter((x) => x.name !== 'FAULT_AROUND')) expect(`${s.name}: ${typeToString(constant(s.name)!.type)}`).toBe(`${s.name}: bool`);
});

test("the spec's defaults are this machine's kernel (variant D)", () => {
  expect(THIS_KERNEL.name).toBe('D');
  for (const s of SWITCHES) expect({ [s.name]: constant(s.name)!.value }).toEqual({ [s.name]: DEFAULT_SWITCHES[s.name] });
});

test('every registration is a value of UFFD_MODE, and every variant and row is a setting the spec accepts', () => {
  const mode = constant('UFFD_MODE')!;
  if (mode.type.k === 'union') expect(mode.type.tags.map((t) => t.name).sort()).toEqual(REGISTRATIONS.map((r) => r.name).sort());
  for (const v of VARIANTS) expect(() => shmemSpec().model({ ...v.switches })).not.toThrow();
  for (const r of ROWS) expect(() => shmemSpec().model(r.constants)).not.toThrow();
  expect(new Set(VARIANTS.map((v) => v.name)).size).toBe(VARIANTS.length);
  expect(new Set(ROWS.map((r) => r.id)).size).toBe(ROWS.length);
});
