// The TLA+ exports checked for meaning where TLC cannot run: a small model
// checker for TLA+ written for this test (test/helpers/tla-eval.ts; it reads
// the module text, not uffdspec's IR) explores each exported module and must
// find our checker's distinct states, and where a property is violated the
// same property with a counterexample of the same length.
import * as path from 'path';
import { checkModel, loadSpecFile } from '../src/api';
import { exportTla } from '../src/export/tla';
import { ROOT } from './helpers/cli';
import { loadTla, readCfg } from './helpers/tla-eval';

const CASES: { file: string; spec?: string; constants?: Record<string, string>; deadlock: boolean }[] = [
  { file: 'spec/examples/diehard.spec.ts', deadlock: true },
  { file: 'spec/examples/diehard.spec.ts', constants: { GOAL: '6' }, deadlock: true },
  { file: 'spec/examples/peterson.spec.ts', spec: 'Peterson', deadlock: true },
  { file: 'spec/examples/peterson.spec.ts', spec: 'PetersonBroken', deadlock: true },
  { file: 'spec/examples/prodcons.spec.ts', deadlock: true },
  { file: 'spec/examples/prodcons.spec.ts', constants: { GREEDY: 'true' }, deadlock: true },
  { file: 'spec/examples/prodcons.spec.ts', constants: { CAP: '1', ITEMS: '3' }, deadlock: true },
  { file: 'spec/examples/twophase.spec.ts', constants: { RM_COUNT: '2' }, deadlock: false },
];

// Larger models, on request (UFFDSPEC_TLA_LARGE=1, docs/tla-export.md): TwoPhase
// with 3 RMs (288 states, a few seconds) and the shmem spec with one thread
// (1365 states to its first violation, about a minute here).
if (process.env.UFFDSPEC_TLA_LARGE === '1') {
  CASES.push({ file: 'spec/examples/twophase.spec.ts', deadlock: false }, { file: 'spec/shmem_uffd/shmem_uffd.spec.ts', constants: { THREADS: '1' }, deadlock: true });
}

test.each(CASES.map((c) => [`${c.spec ?? path.basename(c.file, '.spec.ts')}${Object.entries(c.constants ?? {}).map(([k, v]) => ` ${k}=${v}`).join('')}`, c] as const))(
  '%s: the TLA+ export has our checker\'s states and verdict',
  async (_l, c) => {
    const model = loadSpecFile(path.join(ROOT, c.file), c.spec).model(c.constants ?? {});
    const ours = checkModel(model, { deadlock: c.deadlock });
    const e = exportTla(model, { source: c.file, deadlock: c.deadlock });
    const cfg = readCfg(e.cfg);
    const theirs = (await loadTla(e.tla)).check(cfg.invariants, cfg.deadlock);
    const v = ours.violations[0];
    if (process.env.UFFDSPEC_TLA_COUNTS) console.log(`${model.name} ${JSON.stringify(c.constants ?? {})}: ours ${ours.distinctStates} ${v ? `${v.property}/${v.trace.length}` : 'ok'}, the TLA+ ${theirs.distinct} ${theirs.violated ? `${theirs.violated}/${theirs.traceStates}` : 'ok'}`);
    if (v) {
      expect(theirs.violated).toBe(v.property);
      expect(theirs.traceStates).toBe(v.trace.length);
    } else {
      expect(theirs.violated).toBeNull();
      expect(theirs.distinct).toBe(ours.distinctStates);
    }
  },
  600000,
);

test('a changed module gives other states (the comparison is not vacuous)', async () => {
  const model = loadSpecFile(path.join(ROOT, 'spec/examples/twophase.spec.ts')).model({ RM_COUNT: '2' });
  const e = exportTla(model, { source: 'twophase', deadlock: false });
  const cfg = readCfg(e.cfg);
  const right = (await loadTla(e.tla)).check(cfg.invariants, cfg.deadlock);
  expect(right).toEqual({ distinct: 56, violated: null, traceStates: 0 });
  // an RM that prepares without sending Prepared: fewer states
  const wrong = (await loadTla(e.tla.replace('msgs\' = msgs \\cup {[tag |-> "Prepared", rm |-> r]}', 'UNCHANGED msgs'))).check(cfg.invariants, cfg.deadlock);
  expect(wrong.distinct).not.toBe(56);
  // without Terminating, the normal end of ProdCons (every process Done) is a deadlock
  const pc = exportTla(loadSpecFile(path.join(ROOT, 'spec/examples/prodcons.spec.ts')).model({}), { source: 'prodcons', deadlock: true });
  expect(pc.tla).toContain('    \\/ Terminating\n');
  const ended = (await loadTla(pc.tla.replace('    \\/ Terminating\n', ''))).check(['QueueBound'], true);
  expect(ended.violated).toBe('Deadlock');
});
