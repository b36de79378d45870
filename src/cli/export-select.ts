// `uffdspec export`: one command, one kind of export per run, chosen by its
// flag; each kind is its own module (export-tla.ts, export-itf.ts, export-kselftest.ts).
import { Out, Parsed, Runner, UsageError } from './options';

const KINDS: Record<string, () => Runner> = {
  tla: () => require('./export-tla').runExportTla,
  itf: () => require('./export-itf').runExportItf,
  kselftest: () => require('./export-kselftest').runExportKselftest,
};

export function runExport(p: Parsed, out: Out, err: Out): number | Promise<number> {
  const kinds = Object.keys(KINDS).filter((k) => p.flags.has(k));
  if (kinds.length !== 1) {
    throw new UsageError(`export: give one of ${Object.keys(KINDS).map((k) => `--${k}`).join(', ')}${kinds.length ? ` (got ${kinds.map((k) => `--${k}`).join(' and ')})` : ''} (uffdspec export --help)`);
  }
  return KINDS[kinds[0]]()(p, out, err);
}
