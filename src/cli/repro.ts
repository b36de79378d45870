// `uffdspec repro`: a counterexample schedule as a standalone C reproducer for the
// real kernel (conformance/repro/generate.ts); `--all` writes one for every violated
// row of the verdict table into conformance/generated/repro/, `--check` only compares.
import * as fs from 'fs';
import * as path from 'path';
import { ReproError, generateRepro, reproFileName } from '../../conformance/repro/generate';
import { SCHEDULES_FORMAT, SCHEDULE_FORMAT, schedulesOf, type Schedule } from '../../conformance/schedule';
import { TraceError, readJsonFile } from '../../conformance/trace';
import { ROWS } from '../../spec/shmem_uffd/rows';
import { inPackage } from '../util/package-root';
import { mkdirs } from '../util/files';
import { EXIT } from './commands';
import { Out, Parsed, UsageError, checkWritable } from './options';

export const COUNTEREXAMPLES = inPackage('conformance', 'generated', 'counterexamples.json');
export const REPRO_DIR = inPackage('conformance', 'generated', 'repro');

/** `-o FILE` (the short form the issue's examples use) among the positional arguments. */
function takeShortOut(p: Parsed): string | undefined {
  const i = p.positional.indexOf('-o');
  if (i < 0) return undefined;
  const file = p.positional[i + 1];
  if (file === undefined) throw new UsageError('repro: -o needs a value (FILE)');
  p.positional.splice(i, 2);
  return file;
}

/** The schedules of a file: a bundle (`uffdspec-schedules/1`) or one schedule (`uffdspec-schedule/1`). */
function loadSchedules(file: string): Schedule[] {
  let json: unknown;
  try {
    json = readJsonFile(file);
  } catch (e) {
    throw new UsageError(`repro: ${(e as Error).message}`);
  }
  const fmt = (json as { format?: unknown } | null)?.format;
  try {
    if (fmt === SCHEDULE_FORMAT) return schedulesOf({ format: SCHEDULES_FORMAT, schedules: [json] }, file);
    return schedulesOf(json, file);
  } catch (e) {
    if (e instanceof TraceError) throw new UsageError(`repro: ${e.message}`);
    throw e;
  }
}

function questionOf(row: string): string {
  return ROWS.find((r) => r.id === row)?.question ?? '';
}

/** The one schedule a command line names. */
function pick(all: Schedule[], file: string, row: string | undefined, property: string | undefined): Schedule {
  const found = all.filter((s) => (row === undefined || s.row === row) && (property === undefined || s.property === property));
  if (found.length === 1) return found[0];
  const rows = [...new Set(all.map((s) => s.row))];
  if (row !== undefined && !rows.includes(row)) throw new UsageError(`repro: ${file} has no counterexample of row '${row}' (rows with one: ${rows.join(', ')})`);
  if (found.length === 0) {
    const props = all.filter((s) => row === undefined || s.row === row).map((s) => s.property);
    throw new UsageError(`repro: ${file} has no counterexample of ${row ?? 'any row'} for property '${property}' (it has: ${[...new Set(props)].join(', ')})`);
  }
  throw new UsageError(`repro: ${file} has ${found.length} counterexamples${row ? ` of row ${row}` : ''}: name one with ${row ? '' : '--row ROW '}--property P (${found.map((s) => s.name).join(', ')})`);
}

export function runRepro(p: Parsed, out: Out, err: Out): number {
  const short = takeShortOut(p);
  const outFlag = p.flags.get('out')?.[0];
  if (short && outFlag) throw new UsageError('repro: give -o or --out, not both');
  const outFile = short ?? outFlag;
  if (p.flags.has('all') || p.flags.has('check')) return runAll(p, out, err, outFile);
  if (p.positional.length > 1) throw new UsageError(`repro: unexpected argument '${p.positional[1]}' (uffdspec repro --help)`);
  const file = p.positional[0] ?? COUNTEREXAMPLES;
  const row = p.flags.get('row')?.[0];
  const property = p.flags.get('property')?.[0];
  if (!p.positional.length && row === undefined) throw new UsageError('repro: name a schedule file, or a row of the verdict table with --row ROW --property P');
  const s = pick(loadSchedules(file), path.relative(process.cwd(), file) || file, row, property);
  let text: string;
  try {
    text = generateRepro(s, questionOf(s.row)).text;
  } catch (e) {
    if (e instanceof ReproError) throw new UsageError(`repro: ${e.message}`);
    throw e;
  }
  if (outFile === undefined || outFile === '-') {
    for (const line of text.replace(/\n$/, '').split('\n')) out(line);
    return EXIT.ok;
  }
  checkWritable(outFile, 'repro: output');
  fs.writeFileSync(outFile, text.endsWith('\n') ? text : text + '\n');
  err(`repro: ${s.name} → ${outFile} (build: cc -O2 -pthread -o repro ${outFile}; run: ./repro --seconds 30; exit 1 = violation seen)`);
  return EXIT.ok;
}

/** Every schedule of the bundle as a file of `dir`, with an index of what was left out and why. */
export function reproFiles(all: Schedule[]): { files: Map<string, string>; index: string } {
  const files = new Map<string, string>();
  const made: string[] = [];
  const left: string[] = [];
  for (const s of all) {
    try {
      const r = generateRepro(s, questionOf(s.row));
      files.set(r.file, r.text.endsWith('\n') ? r.text : r.text + '\n');
      made.push(`| \`${s.row}\` | ${s.property} | [\`${r.file}\`](${r.file}) |`);
    } catch (e) {
      if (!(e instanceof ReproError)) throw e;
      left.push(`| \`${s.row}\` | ${s.property} | ${e.message} |`);
    }
  }
  const index = [
    '# Generated kernel reproducers',
    '',
    'Generated by `uffdspec repro --all` from conformance/generated/counterexamples.json',
    '(the counterexamples of docs/verdicts.md); do not edit by hand. docs/repro.md explains',
    'what a reproducer enforces, what it cannot, and its exit codes. Only the rows of variant D',
    '(5.19+) describe a released kernel; the others exit 4 (skip) on 5.19+ unless `--force`.',
    '',
    '| row | property | file |',
    '|---|---|---|',
    ...made,
    '',
    ...(left.length ? ['Left out (the steps cannot be driven from user space, or the property not checked on the kernel):', '', '| row | property | why |', '|---|---|---|', ...left, ''] : ['Every counterexample of the verdict table got a reproducer.', '']),
  ].join('\n');
  files.set('README.md', index);
  return { files, index };
}

function runAll(p: Parsed, out: Out, err: Out, outDir: string | undefined): number {
  if (p.positional.length > 1) throw new UsageError(`repro: unexpected argument '${p.positional[1]}' (uffdspec repro --help)`);
  if (p.flags.has('row') || p.flags.has('property')) throw new UsageError('repro: --all and --check take every counterexample; --row and --property name one');
  const file = p.positional[0] ?? COUNTEREXAMPLES;
  const dir = outDir ?? REPRO_DIR;
  const { files } = reproFiles(loadSchedules(file));
  const rel = path.relative(process.cwd(), dir) || dir;
  if (p.flags.has('check')) {
    let stale = 0;
    const present = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const [name, text] of files) {
      const f = path.join(dir, name);
      if (!fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text) {
        stale++;
        err(`${path.join(rel, name)}: stale (regenerating would change it): run \`npx uffdspec repro --all\``);
      }
    }
    for (const name of present) {
      if (!files.has(name)) {
        stale++;
        err(`${path.join(rel, name)}: not generated from the current counterexamples: run \`npx uffdspec repro --all\``);
      }
    }
    if (!stale) out(`${rel}: ${files.size - 1} reproducers and the index, up to date`);
    return stale ? EXIT.violated : EXIT.ok;
  }
  mkdirs(dir);
  for (const name of fs.readdirSync(dir)) if (!files.has(name) && /\.(c|md)$/.test(name)) fs.rmSync(path.join(dir, name));
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
  out(`${files.size - 1} reproducers and the index → ${rel}`);
  return EXIT.ok;
}
