// A step of a trace is a value (src/runtime/step.ts), made by the generated
// checker (stepOf) and by the reference interpreter, and printed by one
// function, stepText. These tests hold:
// - stepText to the strings every output has always printed (the documented
//   format, and an oracle that is the old generated `stepName`, kept here);
// - the text to be one-to-one, so that comparing texts (as the committed
//   counterexample schedules do) is comparing steps;
// - the two engines to make the same step for the same transition.
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, loadSpecFile } from '../src/api';
import { generateChecker } from '../generator/load';
import { stateForms, type StateForms } from '../src/engine/bfs';
import type { IAction, Model } from '../dsl/ir';
import { Interpreter } from '../src/reference/interpreter';
import type { JsonValue } from '../src/runtime/json';
import { tagOfJson } from '../src/runtime/json';
import { makeStep, stepText, type Step } from '../src/runtime/step';
import { enumerate, toJSON, type Value } from '../src/runtime/values';
import type { TraceStep } from '../src/engine/result';
import { shmemSpec } from '../spec/shmem_uffd';
import { loadScheduleFile } from '../conformance/schedule';
import { generatedDir } from '../spec/shmem_uffd/tours';

const ROOT = path.resolve(__dirname, '..');
const example = (file: string, name: string) => loadSpecFile(path.join(ROOT, 'spec/examples', file), name);

/** Every spec, at sizes where each action has several parameter values. */
// the shmem spec is parsed once (shmemSpec(), as the command line does): each parse took a second or more
const MODELS: [string, () => Model][] = [
  ['ShmemUffd (default)', () => shmemSpec().model({})],
  ['ShmemUffd (2 mappings, 3 pages, dontneed, pwrite)', () => shmemSpec().model({ MAPPINGS: 2, PAGES: 3, DONTNEEDS: 1, PWRITES: 1 })],
  ['DieHard', () => example('diehard.spec.ts', 'DieHard').model({})],
  ['Peterson', () => example('peterson.spec.ts', 'Peterson').model({})],
  ['PetersonBroken', () => example('peterson.spec.ts', 'PetersonBroken').model({})],
  ['TwoPhase', () => example('twophase.spec.ts', 'TwoPhase').model({})],
  ['ProdCons', () => example('prodcons.spec.ts', 'ProdCons').model({})],
];

/**
 * The step name as the generated module printed it before steps were values
 * (its `stepName`, verbatim in logic): the oracle for "no printed output
 * changes".
 */
function oldStepName(a: IAction, values: JsonValue[]): string {
  if (a.process) return a.process.indexed ? `${a.process.name}[${JSON.stringify(values[0])}]:${a.process.label}` : a.name;
  return values.length ? `${a.name}(${values.map((v) => JSON.stringify(v)).join(', ')})` : a.name;
}

/** Every choice of parameter values of `a`, in JSON form. */
function choices(a: IAction): JsonValue[][] {
  let out: JsonValue[][] = [[]];
  for (const p of a.params) {
    const vs = enumerate(p.type).map((v) => toJSON(p.type, v));
    out = out.flatMap((prefix) => vs.map((v) => [...prefix, v]));
  }
  return out;
}

describe('stepText', () => {
  test('prints the documented forms (docs/reading-traces.md, "Step names")', () => {
    const cases: [Step, string][] = [
      [{ action: 'FillBig', process: null, instance: null, label: null, params: {} }, 'FillBig'],
      [{ action: 'mwriteprotect_range', process: null, instance: null, label: null, params: { pg: 0, protect: true } }, 'mwriteprotect_range(0, true)'],
      [{ action: 'madvise_dontneed', process: null, instance: null, label: null, params: { mm: 0, pg: 1 } }, 'madvise_dontneed(0, 1)'],
      [{ action: 'Thread:finish_fault', process: 'Thread', instance: 1, label: 'finish_fault', params: {} }, 'Thread[1]:finish_fault'],
      [{ action: 'Punch:truncate_inode_folio', process: 'Punch', instance: null, label: 'truncate_inode_folio', params: {} }, 'Punch:truncate_inode_folio'],
      // a parameter of a union type prints as its JSON text
      [{ action: 'Send', process: null, instance: null, label: null, params: { m: { tag: 'Prepared', rm: 2 } } }, 'Send({"tag":"Prepared","rm":2})'],
    ];
    for (const [step, text] of cases) expect(stepText(step)).toBe(text);
  });

  test.each(MODELS)('%s: for every action and parameter choice, as before, one-to-one, and the same step from both engines', (_n, make) => {
    const model = make();
    const { checker } = generateChecker(model);
    const it = new Interpreter(model);
    const byText = new Map<string, Step>();
    // thousands of steps: what each must be is gathered and compared once (an
    // expect per step took most of the test's seconds)
    const wrong: string[] = [];
    const twice: string[] = [];
    model.actions.forEach((a, ai) => {
      // the generated module numbers the choices (combo 0..n-1, first parameter fastest)
      const n = checker.META.actions[ai].params.reduce((k, p) => k * p.size, 1);
      const generated = Array.from({ length: n }, (_, combo) => checker.stepOf(ai, combo));
      // the interpreter makes the step from the values bound in a frame
      const valueOf = a.params.map((p) => new Map(enumerate(p.type).map((v) => [JSON.stringify(toJSON(p.type, v)), v])));
      const interpreted = choices(a).map((vs) => {
        const frame: Value[] = new Array(a.slots);
        a.params.forEach((p, k) => (frame[p.slot] = valueOf[k].get(JSON.stringify(vs[k]))!));
        return it.stepOf(a, frame);
      });
      const sorted = (steps: Step[]) => steps.map((s) => JSON.stringify(s)).sort();
      expect(sorted(generated)).toEqual(sorted(interpreted));
      expect(generated.map(stepText).sort()).toEqual(choices(a).map((vs) => oldStepName(a, vs)).sort());
      // parameters by their declared names, in declaration order; a process step's `self` is its instance
      const fact = JSON.stringify({ action: a.name, process: a.process?.name ?? null, label: a.process?.label ?? null, params: a.process ? [] : a.params.map((p) => p.name) });
      for (const step of generated) {
        const got = JSON.stringify({ action: step.action, process: step.process, label: step.label, params: Object.keys(step.params) });
        if (got !== fact) wrong.push(`${got}, not ${fact}`);
        const text = stepText(step);
        if (byText.has(text)) twice.push(text);
        byText.set(text, step);
      }
    });
    // the first few only: a diff of thousands of entries takes jest a minute
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(twice.slice(0, 5)).toEqual([]);
    // text -> step -> text
    const back = [...byText].filter(([text, step]) => stepText(JSON.parse(JSON.stringify(step)) as Step) !== text);
    expect(back.slice(0, 5)).toEqual([]);
  });
});

describe('both engines make the same steps', () => {
  /** from the first `limit` states the generated checker reaches: every successor as (step, next state) */
  function compareSuccessors(model: Model, limit: number): number {
    const { checker } = generateChecker(model);
    const it = new Interpreter(model);
    // the generated code may reuse the array it emits: stateForms copies it
    const forms = stateForms(checker);
    const queue: unknown[][] = [];
    const seen = new Set<string>();
    const visit = (f: StateForms) => {
      if (seen.has(f.key) || seen.size >= limit) return;
      seen.add(f.key);
      queue.push(f.s);
    };
    checker.init((n) => visit(forms(n)));
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head];
      const g: string[] = [];
      const next: StateForms[] = [];
      checker.successors(s, (a, combo, n) => {
        const f = forms(n);
        g.push(JSON.stringify([checker.stepOf(a, combo), f.json]));
        next.push(f);
      });
      // both engines hold states as values of src/runtime/values.ts, so the interpreter runs from the decoded state
      const i: string[] = [];
      it.successors(s as Value[], (_a, step, n) => i.push(JSON.stringify([step, it.stateToJSON(n)])));
      expect(g.sort()).toEqual(i.sort());
      next.forEach(visit);
    }
    return queue.length;
  }

  test.each(MODELS.slice(2))('%s: from every reachable state', (_n, make) => {
    expect(compareSuccessors(make(), Infinity)).toBeGreaterThan(1);
  });

  test('ShmemUffd: from the first 600 states, with two mappings, dontneed and pwrite', () => {
    expect(compareSuccessors(MODELS[1][1](), 600)).toBe(600);
  });

  test('the counterexamples of both engines carry the same steps, and their text', () => {
    const model = shmemSpec().model({ THREADS: 1 });
    const steps = (engine: 'generated' | 'interpreter') => {
      const r = checkModel(model, { engine, stopAtFirst: true });
      expect(r.violations.length).toBeGreaterThan(0);
      return r.violations.map((v) => v.trace);
    };
    const g = steps('generated');
    expect(steps('interpreter').map((t) => t.map((x) => [x.action, x.step]))).toEqual(g.map((t) => t.map((x) => [x.action, x.step])));
    for (const trace of g) expectTraceSteps(trace);
  });

  test.each(MODELS.slice(2))('%s: each trace step of a --continue run is its step and its text', (_n, make) => {
    for (const engine of ['generated', 'interpreter'] as const) {
      const r = checkModel(make(), { engine, stopAtFirst: false });
      for (const v of r.violations) expectTraceSteps(v.trace);
    }
  });
});

function expectTraceSteps(trace: TraceStep[]) {
  expect(trace[0]).toMatchObject({ action: 'Init', step: null });
  for (const t of trace.slice(1)) {
    expect(t.step).not.toBeNull();
    expect(t.action).toBe(stepText(t.step!));
  }
}

describe('the committed artefacts store steps as their text', () => {
  /** every step of `model`, by its text */
  function stepsByText(model: Model): Map<string, Step> {
    const m = new Map<string, Step>();
    for (const a of model.actions) for (const vs of choices(a)) m.set(stepText(makeStep(a, vs)), makeStep(a, vs));
    return m;
  }

  test('each step of conformance/generated/counterexamples.json and docs/verdicts.json is the text of a step of the spec', () => {
    const spec = shmemSpec();
    const schedules = loadScheduleFile(path.join(generatedDir(), 'counterexamples.json'));
    const verdicts = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/verdicts.json'), 'utf8')) as {
      rows: { constants: Record<string, string | number | boolean>; counterexamples: { steps: string[] }[] }[];
    };
    const cases: { constants: Record<string, string | number | boolean>; texts: string[] }[] = [
      ...schedules.map((s) => ({ constants: s.constants, texts: s.steps.map((x) => x.step) })),
      ...verdicts.rows.map((r) => ({ constants: r.constants, texts: r.counterexamples.flatMap((c) => c.steps.slice(1)) })),
    ];
    // the rows and schedules share a few sets of constants: one model and one table of steps each
    const tables = new Map<string, Map<string, Step>>();
    const missing: string[] = [];
    let checked = 0;
    for (const c of cases) {
      const key = JSON.stringify(c.constants);
      if (!tables.has(key)) tables.set(key, stepsByText(spec.model(c.constants)));
      const byText = tables.get(key)!;
      for (const text of c.texts) {
        const step = byText.get(text);
        if (step === undefined || stepText(step) !== text) missing.push(`${text} (${key})`);
        checked++;
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });
});

describe('tagOfJson', () => {
  test('reads the tag of a union value in JSON form, and refuses anything else', () => {
    expect(tagOfJson('Hole')).toBe('Hole');
    expect(tagOfJson({ tag: 'Folio', gen: 1 })).toBe('Folio');
    expect(() => tagOfJson(3)).toThrow(/not a union value/);
    expect(() => tagOfJson({ gen: 1 })).toThrow(/not a union value/);
    expect(() => tagOfJson(undefined)).toThrow(/not a union value/);
  });
});
