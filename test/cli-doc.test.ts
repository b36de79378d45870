// docs/cli.md and the help of every command come from one table
// (src/cli/commands.ts): the committed document equals what the table
// generates, and the npm scripts of package.json are the ones described.
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS, ENVIRONMENT, SCRIPTS } from '../src/cli/commands';
import { cliDoc } from '../src/cli/help';
import { parseOptions, renderHelp, UsageError } from '../src/cli/options';

const ROOT = path.resolve(__dirname, '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

test('docs/cli.md is what `uffdspec help --markdown` generates', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
  expect(doc).toBe(cliDoc(PKG));
});

test('every npm script is described, and nothing else', () => {
  expect(SCRIPTS.map((s) => s.name).sort()).toEqual(Object.keys(PKG.scripts).sort());
});

test.each(COMMANDS.map((c) => [c.name, c]))('%s: the help lists every option, each with a meaning; the parser accepts exactly those', (_n, c) => {
  const help = renderHelp(c, ENVIRONMENT);
  for (const o of c.options) {
    expect(o.help.length).toBeGreaterThan(10);
    expect(help).toContain(`--${o.name}${o.arg ? ` ${o.arg}` : ''}`);
    const argv = o.arg ? [`--${o.name}`, 'x'] : [`--${o.name}`];
    expect(parseOptions(argv, c).flags.has(o.name)).toBe(true);
  }
  for (const e of c.env) expect(ENVIRONMENT.map((x) => x.name)).toContain(e);
  expect(() => parseOptions(['--no-such-option'], c)).toThrow(UsageError);
  expect(c.exits.map((x) => x.code)).toContain(2);
});

test('every environment variable the code reads is documented', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory() && !['node_modules', 'dist', 'build', 'generated', 'test'].includes(f.name)) walk(p);
      else if (/\.(ts|js)$/.test(f.name)) files.push(p);
    }
  };
  for (const d of ['src', 'dsl', 'generator', 'conformance']) walk(path.join(ROOT, d));
  const read = new Set<string>();
  for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/process\.env\.([A-Z_]+)|process\.env\[['"]([A-Z_]+)['"]\]/g)) read.add(m[1] ?? m[2]);
  const documented = new Set(ENVIRONMENT.map((e) => e.name));
  expect([...read].filter((v) => !documented.has(v) && v !== 'HOME' && v !== 'XDG_CACHE_HOME')).toEqual([]);
});
