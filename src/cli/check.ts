// `uffdspec check FILE`: model-check one spec of a .spec.ts file.
import type * as Api from '../api';
import { exitCodeOf } from '../engine/result';
import { UsageError, constFlags, intFlag, parseArgs } from './args';
import { formatResult } from './format';

export const usage = `uffdspec check FILE.spec.ts [--spec NAME] [--const NAME=VALUE]... [--no-deadlock]
    [--max-states N] [--max-depth N] [--timeout SECONDS] [--json] [--coverage] [--full-states]
    [--engine generated|interpreter] [--continue] [--expect-violation NAME]...`;

export function runCheck(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const p = parseArgs(
    argv,
    {
      spec: { value: true },
      const: { value: true, repeat: true },
      'no-deadlock': { value: false },
      'max-states': { value: true },
      'max-depth': { value: true },
      timeout: { value: true },
      json: { value: false },
      coverage: { value: false },
      'full-states': { value: false },
      engine: { value: true },
      continue: { value: false },
      'expect-violation': { value: true, repeat: true },
    },
    'check',
  );
  if (p.positional.length !== 1) throw new UsageError(`check: expected one spec file\nusage: ${usage}`);
  const engine = p.flags.get('engine')?.[0] ?? 'generated';
  if (engine !== 'generated' && engine !== 'interpreter') throw new UsageError(`check: --engine must be generated or interpreter, got '${engine}'`);
  const json = p.flags.has('json');
  // every flag is validated before anything is printed or checked
  const maxStates = intFlag(p, 'max-states', 'check');
  const maxDepth = intFlag(p, 'max-depth', 'check');
  const timeout = intFlag(p, 'timeout', 'check');
  const progressIntervalMs = progressInterval(process.env.UFFDSPEC_PROGRESS_MS);
  // loaded only now (it brings in ts-morph and TypeScript), so a usage error is reported at once
  const { checkModel, loadSpecFile } = require('../api') as typeof Api;
  const spec = loadSpecFile(p.positional[0], p.flags.get('spec')?.[0]);
  const model = spec.model(constFlags(p, 'check'));
  const expected = p.flags.get('expect-violation');
  const names = new Set([...model.invariants.map((i) => i.name), 'Deadlock']);
  for (const e of expected ?? []) if (!names.has(e)) throw new UsageError(`check: --expect-violation ${e}: the spec has no invariant ${e} (invariants: ${model.invariants.map((i) => i.name).join(', ')})`);
  if (!json) {
    out(`uffdspec: checking ${model.name} (${model.source?.file ?? p.positional[0]})`);
    out(`Constants: ${model.constants.map((c) => `${c.name}=${String(c.value)}${c.overridden ? '' : ' (default)'}`).join(', ') || '(none)'}`);
  }
  const r = checkModel(model, {
    engine,
    deadlock: !p.flags.has('no-deadlock'),
    maxStates,
    maxDepth,
    timeout,
    stopAtFirst: !p.flags.has('continue'),
    // progress goes to stderr only, so --json output stays one JSON document
    progressIntervalMs,
    progress: progressIntervalMs === 0 ? undefined : (s) => err(`Progress: ${s.distinct} distinct states, ${s.queue} on queue, ${s.generated} generated, ${s.statesPerSecond} states/s, ${Math.round(s.elapsedMs / 1000)}s`),
  });
  out(json ? JSON.stringify(r, null, 2) : formatResult(r, { coverage: p.flags.has('coverage'), fullStates: p.flags.has('full-states') }));
  if (!expected) return exitCodeOf(r);
  // A known finding (e.g. a race the spec exposes in the kernel it describes):
  // the run passes when exactly these properties are violated and it completed.
  if (r.result === 'limit') return exitCodeOf(r);
  const got = r.violations.map((v) => v.property).sort();
  const want = [...new Set(expected)].sort();
  if (JSON.stringify(got) === JSON.stringify(want)) {
    if (!json) out(`Verdict as expected: ${want.join(', ')} violated (a known finding), every other property holds.`);
    return 0;
  }
  err(`check: expected exactly ${want.join(', ')} to be violated, got ${got.length ? got.join(', ') : 'no violation'}${p.flags.has('continue') ? '' : ' (use --continue to see every violated property)'}`);
  return 1;
}

/** UFFDSPEC_PROGRESS_MS: milliseconds between progress lines on stderr (default 3000; 0 turns them off). */
function progressInterval(env: string | undefined): number | undefined {
  if (env === undefined || env === '') return undefined;
  if (!/^\d+$/.test(env)) throw new UsageError(`check: UFFDSPEC_PROGRESS_MS expects a number of milliseconds, got '${env}'`);
  return Number(env);
}
