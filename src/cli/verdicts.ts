// `uffdspec verdicts`: the verdict table of the shmem spec (src/verdicts/).
import * as path from 'path';
import { ROWS, type Row } from '../../spec/shmem_uffd/rows';
import { inPackage } from '../util/package-root';
import { staleVerdicts, writeVerdicts, type VerdictOptions } from '../verdicts/run';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, checkWritableDir } from './options';
import { Progress } from './progress';

export function runVerdicts(p: Parsed, out: Out): number {
  if (p.positional.length) throw new UsageError(`verdicts: unexpected argument '${p.positional[0]}' (uffdspec verdicts --help)`);
  const only = p.flags.get('only')?.flatMap((x) => x.split(',')).filter(Boolean);
  const outDir = path.resolve(p.flags.get('out')?.[0] ?? inPackage('docs'));
  let rows: Row[] = ROWS;
  if (only) {
    const unknown = only.filter((id) => !ROWS.some((r) => r.id === id));
    if (unknown.length) throw new UsageError(`verdicts: unknown row ${unknown.join(', ')} (rows: ${ROWS.map((r) => r.id).join(', ')})`);
    rows = ROWS.filter((r) => only.includes(r.id));
  }
  const progress = new Progress();
  const opts: VerdictOptions = {
    whole: !only,
    onRow: (row, i) => {
      progress.update(`row ${i + 1} of ${rows.length}: ${row.id} (generating and exploring)`, i, rows.length, true);
    },
    onResult: (r) => {
      progress.end();
      const bad = Object.entries(r.verdicts).filter(([, v]) => !v.holds).map(([k, v]) => `${k}(${v.steps})`);
      out(`${r.row.id.padEnd(18)} ${String(r.distinctStates).padStart(8)} states  ${(r.durationMs / 1000).toFixed(1).padStart(6)}s  ${bad.length ? 'violated: ' + bad.join(' ') : 'all hold'}`);
    },
  };
  if (p.flags.has('check')) {
    const stale = staleVerdicts(rows, outDir, opts);
    for (const line of stale) out(`stale: ${line}`);
    out(stale.length ? `the verdict files in ${path.relative(process.cwd(), outDir) || '.'} are stale: run npm run verdicts` : `up to date (${rows.length} rows)`);
    return stale.length ? EXIT.violated : EXIT.ok;
  }
  checkWritableDir(outDir, 'verdicts: --out');
  const { files, schedules } = writeVerdicts(rows, outDir, opts);
  out(`wrote ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}${schedules !== undefined ? ` (${schedules} counterexample schedules)` : ''}`);
  return EXIT.ok;
}
