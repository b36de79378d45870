// Baseline tests of the front end's diagnostics, as the TypeScript compiler
// keeps them: each code of dsl/messages.ts has a case (cases/USnnnn.spec.ts, a
// minimal spec that triggers it) and the full rendering of the case's
// diagnostics is compared with baselines/USnnnn.txt. After an intended change
// of wording or position, `UPDATE_BASELINES=1 npx jest test/diagnostics`
// rewrites the baselines (review the diff). A case may set constants with a
// line `// --const NAME=VALUE ...`.
import * as fs from 'fs';
import * as path from 'path';
import { Spec, parseSpecText, SpecError } from '../../dsl';
import { loadLinked } from '../../dsl/modules';
import { type Diagnostic, render } from '../../dsl/diagnostics';
import { extractSpecs } from '../../dsl/extract';
import { M } from '../../dsl/messages';

const DIR = path.relative(process.cwd(), __dirname);
const CASES = path.join(DIR, 'cases');
const BASELINES = path.join(DIR, 'baselines');
const DOCS = 'docs/diagnostics.md';
const UPDATE = process.env.UPDATE_BASELINES === '1';

const codes = Object.values(M).map((m) => m.code);
const cases = fs.readdirSync(CASES).filter((f) => f.endsWith('.spec.ts')).sort();

function diagnosticsOf(file: string): Diagnostic[] {
  const text = fs.readFileSync(file, 'utf8');
  const constants: Record<string, string> = {};
  for (const m of text.matchAll(/--const (\w+)=(\S+)/g)) constants[m[1]] = m[2];
  const { specs, diagnostics } = extractSpecs(file, text);
  const all = [...diagnostics];
  for (const s of specs) {
    try {
      // a spec with modules is read from its file, as the command line reads it
      // (unless the case says --no-file: then as the spec tag gets it, as text)
      if (/^\s*(import|extends)\s/m.test(s.text) && !text.includes('--no-file')) {
        const r = loadLinked(file, s.name, file);
        if (!r.spec) throw new SpecError(r.diagnostics);
        Spec.ofLinked(r.spec).model(constants);
      } else parseSpecText(s.name, s.text, s.source).model(constants);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      all.push(...e.diagnostics);
    }
  }
  return all;
}

describe.each(cases)('%s', (file) => {
  const code = file.replace(/\.spec\.ts$/, '');
  test('renders as its baseline, and its first diagnostic has the code', () => {
    const ds = diagnosticsOf(path.join(CASES, file));
    const rendered = ds.map(render).join('\n') + '\n';
    const baseline = path.join(BASELINES, `${code}.txt`);
    if (UPDATE) fs.writeFileSync(baseline, rendered);
    expect(ds[0]?.code).toBe(code);
    expect(rendered).toBe(fs.readFileSync(baseline, 'utf8'));
  });
});

test('the table, the cases, the baselines and docs/diagnostics.md name the same codes', () => {
  expect(new Set(codes).size).toBe(codes.length);
  expect(cases.map((f) => f.replace(/\.spec\.ts$/, ''))).toEqual([...codes].sort());
  expect(fs.readdirSync(BASELINES).sort()).toEqual([...codes].sort().map((c) => `${c}.txt`));
  const documented = [...fs.readFileSync(DOCS, 'utf8').matchAll(/^### (US\d{4})\b/gm)].map((m) => m[1]);
  expect(documented).toEqual(codes);
});

test('every message of the table is used by the front end', () => {
  const src = fs.readdirSync('dsl').filter((f) => f.endsWith('.ts') && f !== 'messages.ts').map((f) => fs.readFileSync(path.join('dsl', f), 'utf8')).join('\n');
  const unused = Object.keys(M).filter((k) => !new RegExp(`\\bM\\.${k}\\b`).test(src));
  expect(unused).toEqual([]);
});
