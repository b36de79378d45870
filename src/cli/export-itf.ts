// ITF (the Informal Trace Format of Apalache and Quint; src/export/itf.ts,
// docs/itf.md) for the command line: `uffdspec export --itf FILE` converts a
// conformance trace, a counterexample schedule or a file of schedules, and
// `uffdspec check --itf DIR` writes each counterexample of a run.
import * as fs from 'fs';
import * as path from 'path';
import type { Model } from '../../dsl/ir';
import { SCHEDULES_FORMAT, SCHEDULE_FORMAT, type Schedule, schedulesOf } from '../../conformance/schedule';
import { TRACE_FORMAT, TraceError, readJsonFile, validateTrace, type Trace } from '../../conformance/trace';
import type { Violation } from '../engine/result';
import { type ItfState, type ItfTrace, ITF_DESCRIPTION, itfOfPlain, itfOfTrace, itfText } from '../export/itf';
import { writeAtomic } from '../util/files';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, checkWritableDir } from './options';

/** A file name made of a trace's name: letters, digits, '-', '_', '.'. */
export function itfFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '') || 'trace'}.itf.json`;
}

/** `check --itf DIR`: each counterexample as DIR/<Spec>.<Property>.itf.json; `what` says what a trace is. The files written. */
export function writeCounterexamplesItf(model: Model, violations: readonly Violation[], dir: string, source: string, what: string): string[] {
  const vars = model.vars.map((v) => ({ name: v.name, type: v.type }));
  const constants = model.constants.map((c) => `${c.name}=${String(c.value)}`).join(', ');
  return violations.map((v) => {
    const t = itfOfTrace(vars, v.trace, {
      source,
      description: `uffdspec check: ${what} of ${v.property} in spec ${model.name}`,
      spec: model.name,
      property: v.property,
      constants,
    });
    const f = path.join(dir, itfFileName(`${model.name}.${v.property}`));
    writeAtomic(f, itfText(t));
    return f;
  });
}

export function runExportItf(p: Parsed, out: Out): number {
  if (p.positional.length !== 1) throw new UsageError('export: --itf expects one trace or schedule file (uffdspec export --help)');
  for (const f of ['spec', 'const', 'no-deadlock']) if (p.flags.has(f)) throw new UsageError(`export: --${f} applies to --tla, not --itf`);
  const file = p.positional[0];
  const dir = p.flags.get('out')?.[0] ?? '.';
  let traces: [string, ItfTrace][];
  try {
    traces = convert(readJsonFile(file), path.relative(process.cwd(), path.resolve(file)) || file);
  } catch (e) {
    if (e instanceof TraceError) throw new UsageError(e.message);
    throw e;
  }
  // two names that become one file name: the later gets a number, so no file is written twice
  const taken = new Set<string>();
  const files = traces.map(([name, t]) => {
    let f = itfFileName(name);
    for (let i = 2; taken.has(f); i++) f = itfFileName(`${name}-${i}`);
    taken.add(f);
    return [path.join(dir, f), itfText(t)] as const;
  });
  if (p.flags.has('check')) {
    const stale = files.filter(([f, text]) => !fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text).map(([f]) => f);
    for (const f of stale) out(`stale: ${f}`);
    out(stale.length ? `${stale.length} of ${files.length} ITF files are stale: uffdspec export --itf ${file} --out ${dir}` : `up to date (${files.length} ITF files)`);
    return stale.length ? EXIT.violated : EXIT.ok;
  }
  checkWritableDir(dir, 'export: --out');
  for (const [f, text] of files) writeAtomic(f, text);
  out(`wrote ${files.length} ITF file${files.length === 1 ? '' : 's'} into ${dir}${files.length <= 3 ? `: ${files.map(([f]) => path.basename(f)).join(', ')}` : ''}`);
  return EXIT.ok;
}

/** The ITF traces of a file, each with the name its file is named after. */
function convert(json: unknown, file: string): [string, ItfTrace][] {
  const format = (json as { format?: unknown } | null)?.format;
  if (format === SCHEDULES_FORMAT) return schedulesOf(json, file).map((s) => [s.name, ofSchedule(s, file)]);
  if (format === SCHEDULE_FORMAT) return schedulesOf({ format: SCHEDULES_FORMAT, schedules: [json] }, file).map((s) => [s.name, ofSchedule(s, file)]);
  if (format === TRACE_FORMAT) {
    const t = validateTrace(json, file);
    return [[path.basename(file).replace(/\.json$/, ''), ofTrace(t, json, file)]];
  }
  throw new TraceError(`${file}: format: expected "${TRACE_FORMAT}", "${SCHEDULE_FORMAT}" or "${SCHEDULES_FORMAT}", got ${JSON.stringify(format)}`);
}

function meta(file: string, description: string, extra: Record<string, string>): Record<string, string> {
  return { format: 'ITF', 'format-description': ITF_DESCRIPTION, source: file, description, ...extra };
}

/**
 * A counterexample schedule: its states are what the schedule observes (the
 * pages and threads after Init and after each step), the step that led to
 * each in its #meta (with the simulator instruction).
 */
function ofSchedule(s: Schedule, file: string): ItfTrace {
  const vars = Object.keys(s.initial);
  const state = (index: number, obs: object, action: string, instr?: object): ItfState => {
    const st: ItfState = { '#meta': { index, action, ...(instr ? { instr: JSON.stringify(instr) } : {}) } };
    for (const v of vars) st[v] = itfOfPlain((obs as Record<string, unknown>)[v]);
    return st;
  };
  return {
    '#meta': meta(file, `counterexample schedule ${s.name}: the observed state after Init and after each step`, {
      spec: s.spec,
      row: s.row,
      property: s.property,
      constants: Object.entries(s.constants).map(([k, v]) => `${k}=${String(v)}`).join(', '),
    }),
    vars,
    states: [state(0, s.initial, 'Init'), ...s.steps.map((st, i) => state(i + 1, st.expect, st.step, st.instr))],
  };
}

/**
 * A conformance trace: state 0 is the set-up (`op` "initial" with the
 * trace's `initial`, nothing observed); state i is step i's op and what it
 * expects to observe (the fields the trace leaves out are not there).
 */
function ofTrace(t: Trace, json: unknown, file: string): ItfTrace {
  // the file's own ops and expectations, as written (the validated Trace fills in defaults)
  const raw = json as { initial?: object; steps: { op: object; expect?: object }[] };
  const state = (index: number, op: object, expect: object): ItfState => ({ '#meta': { index, action: String((op as { op: unknown }).op) }, op: itfOfPlain(op), expect: itfOfPlain(expect) });
  return {
    '#meta': meta(file, `conformance trace ${t.name}: each step's op and the observation it expects`, {
      ...(t.spec ? { spec: t.spec } : {}),
      constants: Object.entries(t.constants ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', '),
    }),
    vars: ['op', 'expect'],
    states: [state(0, { op: 'initial', ...(raw.initial ?? {}) }, {}), ...raw.steps.map((s, i) => state(i + 1, s.op, s.expect ?? {}))],
  };
}

/** `check --itf DIR`: write, and say so in one line (on stderr when stdout is one JSON document). */
export function checkItf(model: Model, violations: readonly Violation[], p: Parsed, file: string, what: string, out: Out, err: Out): void {
  const dir = p.flags.get('itf')?.[0];
  if (dir === undefined) return;
  const files = writeCounterexamplesItf(model, violations, dir, path.relative(process.cwd(), path.resolve(file)) || file, what);
  (p.flags.has('json') ? err : out)(files.length ? `ITF: wrote ${files.join(', ')}` : `ITF: no counterexample, nothing written into ${dir}`);
}
