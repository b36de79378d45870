// The TLA+ export (src/export/tla.ts, docs/tla-export.md): every spec of
// spec/examples/ and the shmem spec parse as TLA+ (the tree-sitter grammar of
// the TLA+ project, test/helpers/tla-syntax.ts); the committed export of the
// shmem spec (docs/tla/) is up to date; and, where TLA2TOOLS_JAR names a TLC
// jar, TLC finds the same distinct states and the same violations as our
// checker on the exported modules.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { extractSpecs } from '../dsl/extract';
import { checkModel, loadSpecFile } from '../src/api';
import { exportTla, type TlaExport } from '../src/export/tla';
import { ROOT } from './helpers/cli';
import { tlaSyntaxErrors } from './helpers/tla-syntax';

const EXAMPLES = fs.readdirSync(path.join(ROOT, 'spec/examples')).filter((f) => f.endsWith('.spec.ts')).sort().map((f) => `spec/examples/${f}`);
const SHMEM = 'spec/shmem_uffd/shmem_uffd.spec.ts';

interface Case {
  file: string;
  spec: string;
  constants: Record<string, string>;
  deadlock: boolean;
}

const cases: Case[] = EXAMPLES.flatMap((file) => extractSpecs(path.join(ROOT, file)).specs.map((s) => ({ file, spec: s.name, constants: {}, deadlock: true })));
// other constants: a puzzle with no solution (the whole graph), a consumer that waits for ever (a deadlock), more RMs
cases.push(
  { file: 'spec/examples/diehard.spec.ts', spec: 'DieHard', constants: { GOAL: '6' }, deadlock: true },
  { file: 'spec/examples/prodcons.spec.ts', spec: 'ProdCons', constants: { GREEDY: 'true' }, deadlock: true },
  { file: 'spec/examples/twophase.spec.ts', spec: 'TwoPhase', constants: { RM_COUNT: '4' }, deadlock: false },
);
const label = (c: Case) => `${c.spec}${Object.entries(c.constants).map(([k, v]) => ` ${k}=${v}`).join('')}${c.deadlock ? '' : ' (no deadlock)'}`;

function exported(c: Case): TlaExport {
  const model = loadSpecFile(path.join(ROOT, c.file), c.spec).model(c.constants);
  return exportTla(model, { source: c.file, deadlock: c.deadlock });
}

test('every example spec is exported', () => {
  expect(cases.map((c) => c.spec)).toEqual(expect.arrayContaining(['DieHard', 'Peterson', 'PetersonBroken', 'ProdCons', 'TwoPhase']));
});

test.each(cases.map((c) => [label(c), c] as const))('%s: the TLA+ module parses, and its .cfg names its definitions', async (_l, c) => {
  const e = exported(c);
  expect(await tlaSyntaxErrors(e.tla)).toEqual([]);
  expect(e.tla.startsWith('-'.repeat(28) + ` MODULE ${e.module} `)).toBe(true);
  const defined = new Set([...e.tla.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)(?:\(.*\))? ==/gm)].map((m) => m[1]));
  const named = e.cfg.split('\n').filter((l) => /^(INIT|NEXT|  )/.test(l)).map((l) => l.replace(/^(INIT|NEXT)/, '').trim());
  for (const n of named) expect(defined).toContain(n);
  expect(e.cfg).toContain(`CHECK_DEADLOCK ${c.deadlock ? 'TRUE' : 'FALSE'}`);
});

test('the syntax check fails on a broken module (it is not vacuous)', async () => {
  const e = exported(cases.find((c) => c.spec === 'DieHard')!);
  expect(await tlaSyntaxErrors(e.tla.replace("big' = 5", "big' = = 5"))).not.toEqual([]);
  expect(await tlaSyntaxErrors(e.tla.replace('\\/ FillBig', '\\/ FillBig /\\'))).not.toEqual([]);
});

test('the shmem spec exports, parses, and docs/tla/ holds its current export', async () => {
  const model = loadSpecFile(path.join(ROOT, SHMEM)).model({});
  const e = exportTla(model, { source: SHMEM, deadlock: true });
  expect(await tlaSyntaxErrors(e.tla)).toEqual([]);
  // the committed files are what `uffdspec export --tla` writes now (re-export: the command in docs/tla-export.md)
  expect(fs.readFileSync(path.join(ROOT, 'docs/tla/ShmemUffd.tla'), 'utf8')).toBe(e.tla);
  expect(fs.readFileSync(path.join(ROOT, 'docs/tla/ShmemUffd.cfg'), 'utf8')).toBe(e.cfg);
  // every variable, action and invariant of the model is in the module
  for (const inv of model.invariants) expect(e.tla).toMatch(new RegExp(`^${inv.name} ==$`, 'm'));
  expect(e.tla).toMatch(/^VARIABLES [^=]*\bThread_pc\b/m);
});

test('the export is deterministic', () => {
  const c = cases.find((x) => x.spec === 'TwoPhase')!;
  expect(exported(c)).toEqual(exported(c));
});

// ---- TLC, where a jar is given -----------------------------------------------------------

const JAR = process.env.TLA2TOOLS_JAR;
const NO_TLC = 'TLA2TOOLS_JAR is not set: TLC (tla2tools.jar) is in no package registry this project can install from';

interface TlcRun {
  distinct: number | null;
  violated: string | null;
  traceStates: number;
  output: string;
}

function runTlc(e: TlaExport): TlcRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-tlc-'));
  try {
    fs.writeFileSync(path.join(dir, `${e.module}.tla`), e.tla);
    fs.writeFileSync(path.join(dir, `${e.module}.cfg`), e.cfg);
    let output: string;
    try {
      output = execFileSync('java', ['-cp', JAR!, 'tlc2.TLC', '-workers', '1', '-metadir', path.join(dir, 'states'), '-config', `${e.module}.cfg`, `${e.module}.tla`], { cwd: dir, encoding: 'utf8', timeout: 300000 });
    } catch (err) {
      // TLC exits non-zero on a violation; its report is on stdout all the same
      output = String((err as { stdout?: string }).stdout ?? '');
    }
    const distinct = /([\d,]+) distinct states found/.exec(output);
    const inv = /Error: Invariant (\S+) is violated/.exec(output);
    return {
      distinct: distinct ? Number(distinct[1].replace(/,/g, '')) : null,
      violated: inv ? inv[1] : /Error: Deadlock reached/.test(output) ? 'Deadlock' : null,
      traceStates: [...output.matchAll(/^State \d+:/gm)].length,
      output,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(JAR ? describe : describe.skip)(`TLC on the exports (${JAR ? JAR : `skipped: ${NO_TLC}`})`, () => {
  test.each(cases.map((c) => [label(c), c] as const))('%s: TLC finds our distinct states and violations', (_l, c) => {
    const model = loadSpecFile(path.join(ROOT, c.file), c.spec).model(c.constants);
    const ours = checkModel(model, { deadlock: c.deadlock });
    const tlc = runTlc(exportTla(model, { source: c.file, deadlock: c.deadlock }));
    const v = ours.violations[0];
    if (v) {
      expect(tlc.violated).toBe(v.property);
      // both search breadth first: a shortest counterexample has the same length
      expect(tlc.traceStates).toBe(v.trace.length);
    } else {
      expect(tlc.violated).toBeNull();
      expect(tlc.distinct).toBe(ours.distinctStates);
    }
  });
});

