// ITF (src/export/itf.ts, docs/itf.md): the checker's counterexamples
// written as ITF are well-formed by the format's rules (a structural check
// written here from Apalache's ADR-015) and decode to exactly the states of
// the counterexample; `check --itf` and `export --itf` write such files.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spec } from '../dsl';
import { checkModel, loadSpecFile } from '../src/api';
import type { Model } from '../dsl/ir';
import { type ItfTrace, type ItfValue, itfOfTrace, itfText, jsonOfItf } from '../src/export/itf';
import { itfFileName } from '../src/cli/export-itf';
import { runCli, ROOT } from './helpers/cli';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-itf-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

// every kind of value: a union with fields in a set, an enum in a bounded sequence, a map of records
const Mixed = spec`
  union Msg { Ping { n: 0..2 }, Quit }
  enum Color { Red, Green }
  var msgs: set<Msg>
  var q: seq<Color, 2>
  var m: [Color] -> { a: 0..3, b: bool }
  init { msgs := {}; q := << >>; m := [c in Color |-> { a: 0, b: false }] }
  action Send(n: 0..2) { msgs := msgs union { Ping { n: n } }; m[Green].a := n + 1 }
  action Stop { msgs := msgs union { Quit }; m[Red].b := true }
  action Push(c: Color) { await len(q) < 2; q := append(q, c) }
  invariant Small: card(msgs) < 2 || len(q) < 2 || !m[Red].b
`;

/** Problems of an ITF value by the format's rules; [] when it is one. */
function valueProblems(v: unknown, at: string): string[] {
  if (typeof v === 'boolean' || typeof v === 'string') return [];
  if (typeof v === 'number') return [`${at}: a JSON number (integers are {"#bigint": "n"})`];
  if (Array.isArray(v)) return v.flatMap((x, i) => valueProblems(x, `${at}[${i}]`));
  if (typeof v !== 'object' || v === null) return [`${at}: ${JSON.stringify(v)} is not an ITF value`];
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const only = (k: string) => (keys.length === 1 ? [] : [`${at}: ${k} with other keys`]);
  if ('#bigint' in o) return [...only('#bigint'), ...(typeof o['#bigint'] === 'string' && /^-?\d+$/.test(o['#bigint']) ? [] : [`${at}: bad #bigint`])];
  if ('#set' in o || '#tup' in o) {
    const k = '#set' in o ? '#set' : '#tup';
    return [...only(k), ...(Array.isArray(o[k]) ? (o[k] as unknown[]).flatMap((x, i) => valueProblems(x, `${at}.${k}[${i}]`)) : [`${at}: ${k} is not an array`])];
  }
  if ('#map' in o) {
    const pairs = o['#map'];
    if (!Array.isArray(pairs)) return [`${at}: #map is not an array`];
    return [...only('#map'), ...pairs.flatMap((p, i) => (Array.isArray(p) && p.length === 2 ? [...valueProblems(p[0], `${at}.#map[${i}][0]`), ...valueProblems(p[1], `${at}.#map[${i}][1]`)] : [`${at}.#map[${i}]: not a [key, value] pair`]))];
  }
  if ('#unserializable' in o) return [...only('#unserializable'), ...(typeof o['#unserializable'] === 'string' ? [] : [`${at}: #unserializable is not a string`])];
  if ('tag' in o && 'value' in o && keys.length === 2) return [...(typeof o.tag === 'string' ? [] : [`${at}: a variant's tag is not a string`]), ...valueProblems(o.value, `${at}.value`)];
  // a record
  return keys.flatMap((k) => (k.startsWith('#') ? [`${at}: unknown key ${k}`] : valueProblems(o[k], `${at}.${k}`)));
}

/** Problems of an ITF trace by the format's rules; [] when it is one. */
function traceProblems(t: unknown): string[] {
  const o = t as Record<string, unknown>;
  const out: string[] = [];
  if (typeof o['#meta'] !== 'object' || o['#meta'] === null) out.push('#meta: not an object');
  if (!Array.isArray(o.vars) || !o.vars.every((v) => typeof v === 'string')) return [...out, 'vars: not an array of names'];
  if (!Array.isArray(o.states)) return [...out, 'states: not an array'];
  if ('loop' in o && !(Number.isInteger(o.loop) && (o.loop as number) >= 0 && (o.loop as number) < o.states.length)) out.push('loop: not a state index');
  for (const k of Object.keys(o)) if (!['#meta', 'vars', 'states', 'loop', 'params'].includes(k)) out.push(`unknown key ${k}`);
  (o.states as Record<string, unknown>[]).forEach((s, i) => {
    const meta = s['#meta'] as Record<string, unknown> | undefined;
    if (!meta || meta.index !== i) out.push(`states[${i}].#meta.index: expected ${i}`);
    for (const [k, x] of Object.entries(meta ?? {})) if (k !== 'index' && typeof x !== 'string') out.push(`states[${i}].#meta.${k}: not a string`);
    const keys = Object.keys(s).filter((k) => k !== '#meta').sort();
    if (JSON.stringify(keys) !== JSON.stringify([...(o.vars as string[])].sort())) out.push(`states[${i}]: variables ${keys.join(',')} are not vars`);
    for (const v of o.vars as string[]) out.push(...valueProblems(s[v], `states[${i}].${v}`));
  });
  return out;
}

function roundTrip(model: Model, opts: { deadlock: boolean }) {
  const r = checkModel(model, opts);
  expect(r.violations.length).toBeGreaterThan(0);
  const vars = model.vars.map((v) => ({ name: v.name, type: v.type }));
  for (const v of r.violations) {
    const t = itfOfTrace(vars, v.trace, { source: 'test' });
    const parsed = JSON.parse(itfText(t)) as ItfTrace;
    expect(traceProblems(parsed)).toEqual([]);
    expect(parsed.states.map((s) => s['#meta'].action)).toEqual(v.trace.map((s) => s.action));
    // every value decodes to the counterexample's own state
    const decoded = parsed.states.map((s) => Object.fromEntries(model.vars.map((x) => [x.name, jsonOfItf(x.type, s[x.name] as ItfValue)])));
    expect(decoded).toEqual(v.trace.map((s) => s.state));
  }
  return r;
}

test('the structural check rejects what ITF is not (it is not vacuous)', () => {
  const good = { '#meta': {}, vars: ['x'], states: [{ '#meta': { index: 0 }, x: { '#bigint': '1' } }] };
  expect(traceProblems(good)).toEqual([]);
  expect(traceProblems({ ...good, states: [{ '#meta': { index: 0 }, x: 1 }] })).toEqual(['states[0].x: a JSON number (integers are {"#bigint": "n"})']);
  expect(traceProblems({ ...good, states: [{ '#meta': { index: 1 }, x: { '#set': 3 } }] })).toHaveLength(2);
  expect(traceProblems({ ...good, states: [{ '#meta': { index: 0 } }] })).toEqual(['states[0]: variables  are not vars', 'states[0].x: undefined is not an ITF value']);
  expect(valueProblems({ '#map': [[1]] }, 'v')).toHaveLength(1);
});

test('every kind of value: counterexamples of a spec with sets, unions, enums, sequences, maps and records', () => {
  const model = Mixed.model();
  const r = roundTrip(model, { deadlock: false });
  const last = JSON.parse(itfText(itfOfTrace(model.vars.map((v) => ({ name: v.name, type: v.type })), r.violations[0].trace, {}))).states.at(-1);
  // the encodings docs/itf.md promises
  expect(last.msgs['#set']).toContainEqual({ tag: 'Quit', value: { '#tup': [] } });
  expect(last.msgs['#set'].some((x: { tag: string; value: unknown }) => x.tag === 'Ping' && JSON.stringify(x.value).includes('#bigint'))).toBe(true);
  expect(last.q).toEqual(expect.arrayContaining([expect.objectContaining({ value: { '#tup': [] } })]));
  expect(last.m['#map'].map((p: ItfValue[]) => p[0])).toEqual([{ tag: 'Red', value: { '#tup': [] } }, { tag: 'Green', value: { '#tup': [] } }]);
});

test('the examples: DieHard, PetersonBroken (process pcs), ProdCons GREEDY (a deadlock)', () => {
  roundTrip(loadSpecFile(path.join(ROOT, 'spec/examples/diehard.spec.ts')).model({}), { deadlock: true });
  roundTrip(loadSpecFile(path.join(ROOT, 'spec/examples/peterson.spec.ts'), 'PetersonBroken').model({}), { deadlock: true });
  const r = roundTrip(loadSpecFile(path.join(ROOT, 'spec/examples/prodcons.spec.ts')).model({ GREEDY: 'true' }), { deadlock: true });
  expect(r.violations[0].property).toBe('Deadlock');
});

test('the shmem spec: its known finding as ITF', () => {
  const r = roundTrip(loadSpecFile(path.join(ROOT, 'spec/shmem_uffd/shmem_uffd.spec.ts')).model({}), { deadlock: true });
  expect(['NoSilentWrite', 'WpNotLost']).toContain(r.violations[0].property);
});

test('check --itf DIR writes the counterexample, equal to --json', async () => {
  const dir = path.join(TMP, 'check');
  const run = await runCli(['check', 'spec/examples/diehard.spec.ts', '--itf', dir, '--json']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('ITF: wrote');
  const json = JSON.parse(run.stdout);
  const itf = JSON.parse(fs.readFileSync(path.join(dir, 'DieHard.NotFour.itf.json'), 'utf8'));
  expect(traceProblems(itf)).toEqual([]);
  expect(itf['#meta']).toMatchObject({ format: 'ITF', property: 'NotFour', spec: 'DieHard', constants: 'GOAL=4' });
  expect(itf.states.map((s: Record<string, { '#bigint': string }>) => ({ big: Number(s.big['#bigint']), small: Number(s.small['#bigint']) }))).toEqual(json.violations[0].trace.map((s: { state: unknown }) => s.state));
});

test('export --itf: every counterexample schedule and a conformance trace', async () => {
  const dir = path.join(TMP, 'schedules');
  const run = await runCli(['export', '--itf', 'conformance/generated/counterexamples.json', '--out', dir]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'conformance/generated/counterexamples.json'), 'utf8'));
  const files = fs.readdirSync(dir).sort();
  expect(files).toHaveLength(bundle.schedules.length);
  const plain = (v: ItfValue): unknown => {
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === 'object') return '#bigint' in v ? Number(v['#bigint']) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  for (const s of bundle.schedules) {
    const itf = JSON.parse(fs.readFileSync(path.join(dir, itfFileName(s.name)), 'utf8'));
    expect(traceProblems(itf)).toEqual([]);
    expect(itf['#meta']).toMatchObject({ row: s.row, property: s.property, spec: s.spec });
    expect(itf.states.map((x: { '#meta': { action: string } }) => x['#meta'].action)).toEqual(['Init', ...s.steps.map((st: { step: string }) => st.step)]);
    expect(itf.states.map((x: Record<string, ItfValue>) => ({ pages: plain(x.pages), threads: plain(x.threads) }))).toEqual([s.initial, ...s.steps.map((st: { expect: unknown }) => st.expect)]);
  }
  const trace = await runCli(['export', '--itf', 'conformance/traces/handwritten/copy-eexist-wake.json', '--out', path.join(TMP, 'trace')]);
  expect(trace.code).toBe(0);
  const t = JSON.parse(fs.readFileSync(path.join(TMP, 'trace', 'copy-eexist-wake.itf.json'), 'utf8'));
  expect(traceProblems(t)).toEqual([]);
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'conformance/traces/handwritten/copy-eexist-wake.json'), 'utf8'));
  expect(t.states.slice(1).map((x: Record<string, ItfValue>) => [plain(x.op), plain(x.expect)])).toEqual(raw.steps.map((s: { op: unknown; expect?: unknown }) => [s.op, s.expect ?? {}]));
  // not a trace: one line, exit 2
  const bad = await runCli(['export', '--itf', 'package.json', '--out', path.join(TMP, 'bad')]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
});
