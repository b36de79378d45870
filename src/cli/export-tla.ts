// `uffdspec export --tla SPEC.spec.ts`: the spec as a TLA+ module and a TLC
// configuration (src/export/tla.ts, docs/tla-export.md), written into --out
// or (--check) compared with the files there.
import * as fs from 'fs';
import * as path from 'path';
import type * as Api from '../api';
import type * as Tla from '../export/tla';
import { writeAtomic } from '../util/files';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, checkWritableDir, constFlags } from './options';

export function runExportTla(p: Parsed, out: Out): number {
  if (p.positional.length !== 1) throw new UsageError('export: --tla expects one spec file (uffdspec export --help)');
  const file = p.positional[0];
  const constants = constFlags(p, 'export');
  const dir = p.flags.get('out')?.[0] ?? '.';
  const check = p.flags.has('check');
  // loaded only now (ts-morph and TypeScript), so a usage error is reported at once
  const { loadSpecFile } = require('../api') as typeof Api;
  const { exportTla, ExportError } = require('../export/tla') as typeof Tla;
  const model = loadSpecFile(file, p.flags.get('spec')?.[0]).model(constants);
  let e: Tla.TlaExport;
  try {
    e = exportTla(model, { source: path.relative(process.cwd(), path.resolve(file)) || file, deadlock: !p.flags.has('no-deadlock') });
  } catch (err) {
    if (err instanceof ExportError) throw new UsageError(`export: ${file}: spec ${model.name} has no TLA+ form here: ${err.message}`);
    throw err;
  }
  const files: [string, string][] = [
    [path.join(dir, `${e.module}.tla`), e.tla],
    [path.join(dir, `${e.module}.cfg`), e.cfg],
  ];
  if (check) {
    const stale = files.filter(([f, text]) => !fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text).map(([f]) => f);
    for (const f of stale) out(`stale: ${f}`);
    out(stale.length ? `re-export: uffdspec export --tla ${file}${exportFlags(p)} --out ${dir}` : `up to date: ${files.map(([f]) => f).join(', ')}`);
    return stale.length ? EXIT.violated : EXIT.ok;
  }
  checkWritableDir(dir, 'export: --out');
  for (const [f, text] of files) writeAtomic(f, text);
  out(`wrote ${files.map(([f]) => f).join(', ')} (spec ${model.name}; TLC: java -cp tla2tools.jar tlc2.TLC -config ${e.module}.cfg ${e.module}.tla)`);
  return EXIT.ok;
}

/** The flags that shape the export, as given (for the re-export line). */
function exportFlags(p: Parsed): string {
  const parts: string[] = [];
  for (const s of p.flags.get('spec') ?? []) parts.push(`--spec ${s}`);
  for (const c of p.flags.get('const') ?? []) parts.push(`--const ${c}`);
  if (p.flags.has('no-deadlock')) parts.push('--no-deadlock');
  return parts.map((x) => ` ${x}`).join('');
}
