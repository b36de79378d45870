// `uffdspec export --kselftest`: the conformance traces as one kselftest C program
// (conformance/kselftest.ts). export-select.ts dispatches to it.
import * as fs from 'fs';
import * as path from 'path';
import { kselftestSource } from '../../conformance/kselftest';
import { isScheduleFile, loadConformanceFiles, findTraceFiles } from '../../conformance/runner';
import { TraceError } from '../../conformance/trace';
import { inPackage, packageRoot } from '../util/package-root';
import { mkdirs } from '../util/files';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, checkWritable } from './options';

/** The traces the native target runs: those recorded on the kernel and the generated tours. */
export const KSELFTEST_SOURCES = [inPackage('conformance', 'traces', 'kernel'), inPackage('conformance', 'generated')];

export function runExportKselftest(p: Parsed, out: Out, err: Out): number {
  // -o FILE is --out FILE (the option parser maps it)
  return exportKselftest(p, out, err, p.flags.get('out')?.[0]);
}

function exportKselftest(p: Parsed, out: Out, err: Out, outFile: string | undefined): number {
  const roots = p.positional.length ? p.positional.map((x) => path.resolve(x)) : KSELFTEST_SOURCES;
  const rel = (f: string) => path.relative(packageRoot(), f) || f;
  let loaded;
  try {
    // the counterexample bundle among the generated files is schedules, not traces
    const files = findTraceFiles(roots).filter((f) => !isScheduleFile(f));
    loaded = loadConformanceFiles(files);
  } catch (e) {
    if (e instanceof TraceError) throw new UsageError(`export: ${e.message}`);
    throw e;
  }
  if (!loaded.traces.length) throw new UsageError(`export: no traces under ${roots.map(rel).join(', ')}`);
  const traces = loaded.traces.map((t) => ({ trace: t.trace, file: rel(path.resolve(t.file)) }));
  const { text, tests, skipped } = kselftestSource({ traces, sources: roots.map(rel) });
  if (outFile === undefined || outFile === '-') {
    for (const line of text.replace(/\n$/, '').split('\n')) out(line);
    return EXIT.ok;
  }
  mkdirs(path.dirname(path.resolve(outFile)));
  checkWritable(outFile, 'export: output');
  fs.writeFileSync(outFile, text);
  err(`export: ${tests} traces (${skipped} of another kernel variant, skipped when run) → ${outFile} (build: cc -O2 -pthread -o uffd-shmem-traces ${outFile})`);
  return EXIT.ok;
}
