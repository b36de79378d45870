// The bench's Promela twins (bench/models/promela.ts) are the same state
// machines as our specs: SPIN's pan, compiled without partial-order reduction,
// stores exactly our distinct states and makes exactly our transitions, at
// small sizes. This is what lets `npm run bench` set our times beside pan's.
// SPIN is installed by bench/install-peers.sh (Debian packages, as root) when
// missing; where it cannot be, the test says so and is skipped.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkModel, loadSpecFile } from '../src/api';
import { countersPml, philosophersPml, twoPhasePml } from '../bench/models/promela';
import { have, runPan } from '../bench/spin';

const ROOT = path.resolve(__dirname, '..');

function spinAvailable(): boolean {
  if (have('spin') && have('cc')) return true;
  spawnSync('sh', [path.join(ROOT, 'bench', 'install-peers.sh')], { stdio: 'ignore', timeout: 600_000 });
  return have('spin') && have('cc');
}
const available = spinAvailable();
if (!available) console.warn('promela-twin: SPIN or cc is missing and bench/install-peers.sh could not install them (needs root and apt-get): skipped');
const maybe = available ? test : test.skip;

const cases: { model: string; file: string; constant: string; n: number; pml: (n: number) => string }[] = [
  { model: 'TwoPhase', file: 'spec/examples/twophase.spec.ts', constant: 'RM_COUNT', n: 3, pml: twoPhasePml },
  { model: 'TwoPhase', file: 'spec/examples/twophase.spec.ts', constant: 'RM_COUNT', n: 4, pml: twoPhasePml },
  { model: 'Philosophers', file: 'bench/models/philosophers.spec.ts', constant: 'N', n: 4, pml: philosophersPml },
  { model: 'Philosophers', file: 'bench/models/philosophers.spec.ts', constant: 'N', n: 6, pml: philosophersPml },
  { model: 'Counters', file: 'bench/models/counters.spec.ts', constant: 'K', n: 3, pml: countersPml },
  { model: 'Counters', file: 'bench/models/counters.spec.ts', constant: 'K', n: 7, pml: countersPml },
];

maybe.each(cases)('$model $constant=$n: pan stores our distinct states and makes our transitions', ({ file, constant, n, pml }) => {
  const r = checkModel(loadSpecFile(path.join(ROOT, file)).model({ [constant]: n }), { workers: 1 } as never);
  expect(r.result).toBe('ok');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-twin-'));
  try {
    const run = runPan(dir, pml(n), 120, undefined, '-O0');
    if ('failed' in run) throw new Error(run.failed);
    expect(run.ok.errors).toBe(0);
    expect({ distinct: run.ok.stored, generated: run.ok.transitions }).toEqual({ distinct: r.distinctStates, generated: r.statesGenerated });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
