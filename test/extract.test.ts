import * as fs from 'fs';
import * as path from 'path';
import { extractSpecs, selectSpec, type ExtractedSpec } from '../dsl/extract';
import { parseSpec } from '../dsl/parser';
import { render, renderOneLine } from '../dsl/diagnostics';

const TWO = 'test/fixtures/two-specs.spec.ts';
const BAD = 'test/fixtures/bad-templates.spec.ts';

describe('extractSpecs', () => {
  test('finds both specs of a file, in order, with their raw text', () => {
    const { specs, diagnostics } = extractSpecs(TWO);
    expect(diagnostics).toEqual([]);
    expect(specs.map((s) => s.name)).toEqual(['DieHard', 'Broken']);
    const file = fs.readFileSync(TWO, 'utf8');
    for (const s of specs) {
      expect(s.source.file).toBe(TWO);
      expect(s.source.text).toBe(file);
      // the spec text is exactly the file's characters between the backticks
      expect(file.slice(s.source.base, s.source.base + s.text.length)).toBe(s.text);
      expect(file[s.source.base - 1]).toBe('`');
      expect(file[s.source.base + s.text.length]).toBe('`');
    }
    expect(specs[0].text).toContain("action FillBig { big' = 5 }");
    expect(parseSpec(specs[0].text).ast?.decls).toHaveLength(5);
  });

  test('a parse error maps to file:line:col of the .spec.ts file', () => {
    const broken = extractSpecs(TWO).specs[1];
    const r = parseSpec(broken.text);
    expect(r.ast).toBeUndefined();
    const d = { ...r.diagnostics[0], source: broken.source };
    // `    x := x + * 1` is line 16 of the fixture; `*` is in column 14
    expect(renderOneLine(d)).toBe(`${TWO}:16:14: error US1001: expected an expression, found "*"`);
    expect(render(d).split('\n').slice(1)).toEqual(['      x := x + * 1', '               ^']);
  });

  test('substitutions, non-const and unnamed templates are rejected with positions', () => {
    const { specs, diagnostics } = extractSpecs(BAD);
    expect(specs.map((s) => s.name)).toEqual(['Fine']);
    const lines = diagnostics.map(renderOneLine);
    expect(lines).toEqual([
      `${BAD}:6:13: error US1011: \`\${...}\` substitutions are not allowed in a spec`,
      `${BAD}:9:16: error US1012: a spec template must initialise a const: \`export const Name = spec\`...\`\``,
      `${BAD}:11:13: error US1012: a spec template must initialise a const: \`export const Name = spec\`...\`\``,
    ]);
    expect(render(diagnostics[0]).split('\n').slice(1)).toEqual(['    var x: 0..${N}', `  ${' '.repeat(12)}^^`]);
  });

  test('dsl.spec tags count; other tags do not', () => {
    const text = 'import * as dsl from "../dsl";\nexport const A = dsl.spec`var a: bool`;\nexport const B = html`<p>`;\nexport const C = spec`var c: bool`;\n';
    const { specs, diagnostics } = extractSpecs('inline.spec.ts', text);
    expect(diagnostics).toEqual([]);
    expect(specs.map((s) => [s.name, s.text, s.source.base])).toEqual([
      ['A', 'var a: bool', text.indexOf('var a')],
      ['C', 'var c: bool', text.indexOf('var c')],
    ]);
  });

  test('an unreadable file is a diagnostic', () => {
    const r = extractSpecs(path.join('test', 'fixtures', 'no-such-file.spec.ts'));
    expect(r.specs).toEqual([]);
    expect(r.diagnostics.map(renderOneLine)).toEqual(['error: cannot read test/fixtures/no-such-file.spec.ts: ENOENT']);
  });
});

describe('selectSpec', () => {
  const specs: ExtractedSpec[] = extractSpecs(TWO).specs;

  test('by name', () => {
    expect(selectSpec(specs, 'Broken').spec?.name).toBe('Broken');
  });

  test('unknown name lists the specs found', () => {
    const r = selectSpec(specs, 'Nope');
    expect(r.spec).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.phase, d.message])).toEqual([['cli', `no spec named Nope in ${TWO} (found: DieHard, Broken)`]]);
  });

  test('several specs and no name', () => {
    expect(selectSpec(specs).diagnostics[0].message).toBe(`${TWO} defines several specs (DieHard, Broken): choose one with --spec NAME`);
  });

  test('the only spec is chosen without a name', () => {
    expect(selectSpec(specs.slice(0, 1)).spec?.name).toBe('DieHard');
  });

  test('no spec at all', () => {
    expect(selectSpec([], undefined, 'x.spec.ts').diagnostics[0].message).toBe('no spec`...` template found in x.spec.ts');
  });
});
