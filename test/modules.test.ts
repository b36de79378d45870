// Spec modules (dsl/modules.ts): what `extends` and `import` make of a spec,
// and where their errors point. The shmem patch modules are checked against
// the verdict table's switches by `npm run verdicts -- --check` (every row with
// a patch: same verdicts, counterexample lengths and states); here, on small
// specs, the linking rules themselves.
import { checkModel, loadSpecFile } from '../src/api';
import { SpecError, renderOneLine } from '../dsl/diagnostics';
import { rebase, patchSummary } from '../dsl/modules';
import { Spec } from '../dsl';

const DIR = 'test/fixtures/modules';
const load = (name: string) => loadSpecFile(`${DIR}/patches.spec.ts`, name);

test('a constant given a new default keeps its type and place', () => {
  const m = load('Raise').model();
  expect(m.constants.find((c) => c.name === 'LIMIT')).toMatchObject({ value: 3, type: { k: 'int', lo: 0, hi: 7 } });
  const r = checkModel(m, {});
  expect(r.properties.find((p) => p.name === 'Bounded')!.status).toBe('holds');
  // LIMIT 3 lets both processes add one: n reaches 2, never 3
  expect(r.distinctStates).toBe(checkModel(loadSpecFile(`${DIR}/counter.spec.ts`, 'Counter').model({ LIMIT: 3 }), {}).distinctStates);
});

test('a step is replaced in place, a new one goes after it; vars, init and invariants are added; a library gives its constants and defs', () => {
  const m = load('Rewrite').model();
  expect(m.processes[0].labels).toEqual(['first', 'middle', 'second']);
  expect(m.vars.map((v) => v.name)).toEqual(expect.arrayContaining(['n', 'seen']));
  expect(m.vars.map((v) => v.name)).not.toContain('unused');
  expect(m.constants.map((c) => c.name)).toEqual(['STEP', 'LIMIT']); // a library's declarations come first
  expect(m.invariants.map((i) => i.name)).toEqual(['Bounded', 'SeenEven']);
  const r = checkModel(m, {});
  expect(r.properties.map((p) => [p.name, p.status])).toEqual([['Bounded', 'holds'], ['SeenEven', 'holds'], ['Deadlock', 'holds']]);
});

test('an error in a node the base declared points into the base file, one in the patch into the patch', () => {
  let err: SpecError | undefined;
  try {
    load('BadDef').model();
  } catch (e) {
    err = e as SpecError;
  }
  expect(err).toBeInstanceOf(SpecError);
  const lines = err!.diagnostics.map(renderOneLine);
  // the base's `await room` now gets a number: the mismatch is in counter.spec.ts, where room is used
  expect(lines[0]).toMatch(/^test\/fixtures\/modules\/counter\.spec\.ts:11:19: error US3001: type mismatch: await condition has type 0..7, expected bool$/);
});

test('a patch applied onto another base (review --onto)', () => {
  const patch = load('Raise');
  const other = loadSpecFile(`${DIR}/patches.spec.ts`, 'Rewrite');
  const r = rebase(patch.linked!, other.linked!);
  expect(r.diagnostics).toEqual([]);
  const m = Spec.ofLinked(r.spec!).model();
  expect(m.constants.find((c) => c.name === 'LIMIT')!.value).toBe(3);
  expect(m.processes[0].labels).toEqual(['first', 'middle', 'second']);
});

test('what a patch changes, by kind', () => {
  expect(patchSummary(load('Rewrite').linked!.own)).toMatchObject({ vars: ['seen'], steps: ['P:first', 'P:middle'], invariants: ['SeenEven'], constants: [] });
});

test('a spec with imports given as text says it needs its file', () => {
  const s = load('Raise');
  const asText = new Spec('Raise', s.linked!.text, s.linked!.own, s.source);
  expect(() => asText.model()).toThrow(/US6005/);
});
