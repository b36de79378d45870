// `uffdspec check FILE`: model-check one spec of a .spec.ts file.
import type * as Api from '../api';
import type { Model } from '../../dsl/ir';
import { exitCodeOf, type CheckResult } from '../engine/result';
import { EXIT } from './commands';
import { formatResult, meaningOf, type FormatOptions, type TraceShape } from './format';
import { colourWanted } from './lanes';
import type * as ExportItf from './export-itf';
import { Out, Parsed, UsageError, checkWritableDir, constFlags, intFlag } from './options';
import { Progress } from './progress';
import { runSimulate, simulateFlags } from './simulate';

export function runCheck(p: Parsed, out: Out, err: Out): number {
  const startedAt = Date.now();
  if (p.positional.length !== 1) throw new UsageError('check: expected one spec file (uffdspec check --help)');
  const engine = p.flags.get('engine')?.[0] ?? 'generated';
  if (engine !== 'generated' && engine !== 'interpreter') throw new UsageError(`check: --engine must be generated or interpreter, got '${engine}'`);
  const format = p.flags.get('format')?.[0] ?? 'text';
  if (format !== 'text' && format !== 'tla' && format !== 'lanes') throw new UsageError(`check: --format must be text, tla or lanes, got '${format}'`);
  if (p.flags.has('diff-only') && p.flags.has('full-states')) throw new UsageError('check: --diff-only and --full-states contradict each other (changes only, or every variable)');
  const fmt: FormatOptions = {
    format,
    fullStates: p.flags.has('full-states'),
    diffOnly: p.flags.has('diff-only'),
    colour: colourWanted(process.stdout.isTTY),
  };
  const json = p.flags.has('json');
  // every flag is validated before anything is printed or checked
  const simulation = p.flags.has('simulate') ? simulateFlags(p) : null;
  const maxStates = intFlag(p, 'max-states', 'check');
  const maxDepth = intFlag(p, 'max-depth', 'check');
  const timeout = intFlag(p, 'timeout', 'check');
  const counterexamples = intFlag(p, 'counterexamples', 'check');
  const workersAsked = intFlag(p, 'workers', 'check');
  const statesHint = intFlag(p, 'states-hint', 'check');
  if (statesHint !== undefined && statesHint > 2 ** 30) throw new UsageError(`check: --states-hint ${statesHint}: at most ${2 ** 30} states`);
  const fingerprintOnly = p.flags.has('fingerprint-only');
  if (fingerprintOnly && engine === 'interpreter') throw new UsageError('check: --fingerprint-only applies to the generated engine, not --engine interpreter');
  if (fingerprintOnly && (counterexamples ?? 1) > 1) throw new UsageError('check: --fingerprint-only keeps no states of the paths that --counterexamples N > 1 tells apart; drop one of them');
  if (simulation && (fingerprintOnly || statesHint !== undefined)) throw new UsageError(`check: --${fingerprintOnly ? 'fingerprint-only' : 'states-hint'} sizes an exhaustive exploration; --simulate keeps no states`);
  const constants = constFlags(p, 'check');
  const expected = p.flags.get('expect-violation');
  const itfDir = p.flags.get('itf')?.[0];
  if (itfDir !== undefined) checkWritableDir(itfDir, 'check: --itf');
  const progress = new Progress();
  progress.phase(`reading ${p.positional[0]}`);
  // loaded only now (it brings in the front end: ohm-js, and ts-morph for a file not read before), so a usage error is reported at once
  const { checkModel, loadSpecFile } = require('../api') as typeof Api;
  const spec = loadSpecFile(p.positional[0], p.flags.get('spec')?.[0]);
  const full = spec.model(constants);
  progress.end();
  const model = selectProperties(full, p.flags.get('property'));
  const names = [...model.invariants.map((i) => i.name), ...model.liveness.map((l) => l.name), 'Deadlock'];
  for (const e of expected ?? []) {
    if (!names.includes(e) && full !== model && [...full.invariants, ...full.liveness].some((x) => x.name === e)) throw new UsageError(`check: --expect-violation ${e}: ${e} is not among the --property selection`);
    if (!names.includes(e)) throw new UsageError(`check: --expect-violation ${e}: the spec has no property ${e} (properties: ${names.join(', ')})`);
    if (e === 'Deadlock' && p.flags.has('no-deadlock')) throw new UsageError('check: --expect-violation Deadlock contradicts --no-deadlock');
  }
  if (!json) {
    out(`uffdspec: ${simulation ? 'simulating' : 'checking'} ${model.name} (${model.source?.file ?? p.positional[0]}) with the ${engine} engine`);
    out(wrap(`Constants: ${model.constants.map((c) => `${c.name}=${String(c.value)}${c.overridden ? '' : ' (default)'}`).join(', ') || '(none)'}`, 100, '    '));
  }
  // --workers N > 1 asked for where only one thread can explore: say so, once (not for the default)
  const { parallelBlocker } = require('../api') as typeof Api;
  const oneThread = parallelBlocker(model, { counterexamples, engine, simulate: !!simulation, fingerprintOnly });
  if (workersAsked !== undefined && workersAsked > 1 && oneThread) (json ? err : out)(`workers: 1 (${oneThread})`);
  if (simulation) return runSimulate(model, simulation, p, traceShape(model), startedAt, out, err, fmt);
  const r = checkModel(model, {
    engine,
    deadlock: !p.flags.has('no-deadlock'),
    ...(p.flags.has('no-symmetry') ? { symmetry: false } : {}),
    maxStates,
    maxDepth,
    timeout,
    startedAt,
    counterexamples,
    // one per core unless asked: the threads' shared table is exact like the sequential store
    // (src/engine/parallel/table.ts), and small levels stay on the main thread anyway
    workers: workersAsked ?? (require('../api') as typeof Api).defaultWorkers(),
    statesHint,
    fingerprintOnly,
    // a known finding is judged on every property, and several counterexamples
    // are asked of every property: explore everything
    stopAtFirst: !p.flags.has('continue') && !expected && (counterexamples ?? 1) <= 1,
    // stderr only, so --json output stays one JSON document
    progressIntervalMs: progress.enabled ? Math.min(progress.intervalMs, 250) : 0,
    progress: (s) => progress.update(`${s.distinct} distinct states, ${s.queue} on queue, ${s.generated} generated, ${s.statesPerSecond} states/s, ${Math.round(s.elapsedMs / 1000)}s`),
    onGenerate: () => progress.phase(`generating the checker module for ${model.name} (cached for the next run with these constants)`, true),
  });
  progress.end();
  // how many threads ran is said when --workers was given: the default prints what one thread's run prints
  if (workersAsked === undefined) delete r.workers;
  const shape = traceShape(model);
  const verdict = expected ? judgeExpected(r, expected) : null;
  if (json) {
    const properties = r.properties.map((x) => ({ ...x, meaning: x.name === 'Deadlock' ? undefined : shape.meanings[x.name] }));
    out(JSON.stringify({ ...r, properties, ...(verdict ? { expected: { violated: verdict.want, met: verdict.met } } : {}) }, null, 2));
  } else {
    out(formatResult(r, shape, { ...fmt, coverage: p.flags.has('coverage'), expected, counterexamples }));
  }
  if (itfDir !== undefined) (require('./export-itf') as typeof ExportItf).checkItf(model, r.violations, p, p.positional[0], 'a shortest counterexample', out, err);
  if (!verdict) return exitCodeOf(r);
  if (verdict.met) {
    if (!json) out(`As expected: ${verdict.want.join(' and ')} ${verdict.want.length > 1 ? 'are' : 'is'} violated (a known finding) and every other property holds.`);
    return EXIT.ok;
  }
  err(`check: expected ${verdict.want.join(', ')} to be violated and every other property to hold; got ${verdict.got}`);
  return r.result === 'limit' ? EXIT.limit : EXIT.violated;
}

/**
 * --property NAME...: the model with only these invariants and liveness
 * properties (TLC's INVARIANT/PROPERTY lines of a configuration); the others
 * are not checked, and no verdict is printed for them. Deadlock stays governed
 * by --no-deadlock.
 */
function selectProperties(model: Model, wanted: string[] | undefined): Model {
  if (!wanted) return model;
  const known = [...model.invariants.map((i) => i.name), ...model.liveness.map((l) => l.name)];
  for (const w of wanted) {
    if (w === 'Deadlock') throw new UsageError('check: --property Deadlock: deadlock is checked unless --no-deadlock is given');
    if (!known.includes(w)) throw new UsageError(`check: --property ${w}: the spec has no invariant or liveness property ${w} (properties: ${known.join(', ')})`);
  }
  return { ...model, invariants: model.invariants.filter((i) => wanted.includes(i.name)), liveness: model.liveness.filter((l) => wanted.includes(l.name)) };
}

/** `text` broken at ', ' into lines of at most `width`, continuation lines indented */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(', ')) {
    const next = line ? `${line}, ${part}` : part;
    if (next.length > width && line) {
      lines.push(`${line},`);
      line = indent + part;
    } else line = next;
  }
  lines.push(line);
  return lines.join('\n');
}

/** --expect-violation: met when the run was complete, exactly these are violated, and the rest hold. */
function judgeExpected(r: CheckResult, expected: string[]): { want: string[]; met: boolean; got: string } {
  const want = [...new Set(expected)].sort();
  const violated = r.properties.filter((x) => x.status === 'violated').map((x) => x.name).sort();
  const unknown = r.properties.filter((x) => x.status === 'unknown').map((x) => x.name);
  const met = r.complete && JSON.stringify(violated) === JSON.stringify(want);
  const got = [
    violated.length ? `${violated.join(', ')} violated` : 'no violation',
    unknown.length ? `${unknown.join(', ')} unknown (${r.properties.find((x) => x.status === 'unknown')!.reason})` : '',
  ].filter(Boolean).join('; ');
  return { want, met, got };
}

/** What the formatter needs of the model: variable types and property meanings. */
export function traceShape(model: Model): TraceShape {
  return {
    vars: model.vars.map((v) => {
      const proc = v.process ? model.processes.find((x) => x.name === v.process) : undefined;
      return { name: v.name, type: v.type, process: proc ? { name: proc.name, indexed: proc.domain !== null } : undefined };
    }),
    meanings: Object.fromEntries([...model.invariants, ...model.liveness].flatMap((i) => (i.doc ? [[i.name, meaningOf(i.doc)!]] : []))),
    processes: model.processes.map((x) => x.name),
  };
}
