// The one-way import rule of docs/architecture.md, checked with
// dependency-cruiser (.dependency-cruiser.js holds the layers).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers/cli';

const SOURCES = ['dsl', 'generator', 'src', 'conformance', 'spec', 'bench'];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(paths: string[]): { violations: Violation[]; modules: number } {
  const bin = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const r = spawnSync(process.execPath, [bin, '--config', '.dependency-cruiser.js', '--output-type', 'json', ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && !r.stdout.startsWith('{')) throw new Error(`depcruise failed (${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: out.summary.violations, modules: out.summary.totalCruised };
}

test('no import cycle, no import against the layer order, every source file in a layer', () => {
  const { violations, modules } = cruise(SOURCES);
  expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  expect(modules).toBeGreaterThan(80);
});

test('the rules catch a planted upward import and a planted cycle', () => {
  const dir = path.join(ROOT, 'src', 'runtime');
  const a = path.join(dir, '__planted_a.ts');
  const b = path.join(dir, '__planted_b.ts');
  try {
    // the runtime importing the front end (upward) and the simulator (generic -> application)
    fs.writeFileSync(a, "import '../../dsl';\nimport '../sim';\nimport './__planted_b';\nexport const a = 1;\n");
    fs.writeFileSync(b, "import './__planted_a';\nexport const b = 2;\n");
    const rules = cruise(['src/runtime']).violations.filter((v) => v.from.includes('__planted')).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'layer-runtime: src/runtime/__planted_a.ts -> dsl/index.ts',
        'layer-runtime: src/runtime/__planted_a.ts -> src/sim/index.ts',
        expect.stringMatching(/^no-circular: src\/runtime\/__planted_[ab]\.ts -> src\/runtime\/__planted_[ab]\.ts$/),
      ]),
    );
  } finally {
    fs.rmSync(a, { force: true });
    fs.rmSync(b, { force: true });
  }
});
