// The command line described as data: every command with its arguments,
// options (one line of meaning and the default each), environment variables
// and exit codes. Parsing, `--help` and docs/cli.md are all generated from
// these tables, so they cannot disagree.
import * as fs from 'fs';
import * as path from 'path';
import { unwritableDir } from '../util/files';

/** A user error on the command line: one line (or a line and the usage), exit 2. */
export class UsageError extends Error {}

export interface OptionDef {
  name: string;
  /** the value's placeholder (`N`, `FILE`); absent for a switch */
  arg?: string;
  /** a one-letter form (`o` for `-o FILE`) */
  short?: string;
  /** may be given several times (--const A=1 --const B=2) */
  repeat?: boolean;
  /** the default, as shown in help (absent: none) */
  default?: string;
  /** one line */
  help: string;
}

export interface ExitDef {
  code: number;
  meaning: string;
}

export interface EnvDef {
  name: string;
  help: string;
  default?: string;
}

export type Out = (s: string) => void;
export type Runner = (p: Parsed, out: Out, err: Out) => number | Promise<number>;

export interface CommandDef {
  name: string;
  /** one line, shown in the command list */
  summary: string;
  /** the positional arguments as in a usage line (`FILE.spec.ts`), '' for none */
  args: string;
  /** a few sentences for `--help` and docs/cli.md */
  description: string[];
  options: OptionDef[];
  /** the environment variables it reads (names from ENVIRONMENT) */
  env: string[];
  exits: ExitDef[];
  examples: string[];
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

/** Parse argv against a command's options; an unknown or malformed option is a UsageError. */
export function parseOptions(argv: string[], def: Pick<CommandDef, 'name' | 'options'>): Parsed {
  const byName = new Map(def.options.map((o) => [o.name, o]));
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const short = /^-([A-Za-z])$/.exec(a);
    const shortOf = short ? def.options.find((o) => o.short === short[1]) : undefined;
    if (short && !shortOf) throw new UsageError(`${def.name}: unknown option ${a} (options: ${def.options.map((x) => `--${x.name}`).join(', ')}; see uffdspec ${def.name} --help)`);
    if ((!a.startsWith('--') || a === '-') && !shortOf) {
      positional.push(a);
      continue;
    }
    let name = shortOf ? shortOf.name : a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const o = byName.get(name);
    if (!o) throw new UsageError(`${def.name}: unknown option --${name} (options: ${def.options.map((x) => `--${x.name}`).join(', ')}; see uffdspec ${def.name} --help)`);
    if (!o.arg && value !== undefined) throw new UsageError(`${def.name}: --${name} takes no value`);
    if (o.arg && value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`${def.name}: --${name} needs a value (${o.arg})`);
      value = argv[++i];
    }
    const list = flags.get(name) ?? [];
    if (list.length && !o.repeat) throw new UsageError(`${def.name}: --${name} is given twice`);
    list.push(value ?? 'true');
    flags.set(name, list);
  }
  return { positional, flags };
}

export function intFlag(p: Parsed, name: string, command: string): number | undefined {
  const v = p.flags.get(name)?.[0];
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) <= 0 || !Number.isSafeInteger(Number(v))) throw new UsageError(`${command}: --${name} expects a positive integer, got '${v}'`);
  return Number(v);
}

/** --const NAME=VALUE, repeated */
export function constFlags(p: Parsed, command: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of p.flags.get('const') ?? []) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(c);
    if (!m) throw new UsageError(`${command}: --const expects NAME=VALUE, got '${c}'`);
    if (m[1] in out) throw new UsageError(`${command}: --const ${m[1]} is given twice`);
    out[m[1]] = m[2];
  }
  return out;
}

/** A file the command will write later: fail now, as a usage error, if it cannot be. */
export function checkWritable(file: string, what: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    if (fs.existsSync(file)) {
      if (fs.statSync(file).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      fs.accessSync(file, fs.constants.W_OK);
    } else fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`${what} ${file}: cannot be written (${code === 'ENOENT' ? `no directory ${dir}` : code})`);
  }
}

/** A directory the command will write into: create it now, and fail now if that cannot be done. */
export function checkWritableDir(dir: string, what: string): void {
  const why = unwritableDir(dir);
  if (why) throw new UsageError(`${what} ${dir}: cannot be written (${why})`);
}

/** The one-line usage of a command, every option in brackets. */
export function usageLine(def: CommandDef): string {
  const opts = def.options.map((o) => `[--${o.name}${o.arg ? ` ${o.arg}` : ''}]${o.repeat ? '...' : ''}`);
  return ['uffdspec', def.name, ...(def.args ? [def.args] : []), ...opts].join(' ');
}

function optionHead(o: OptionDef): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.arg ? ` ${o.arg}` : ''}`;
}

function optionText(o: OptionDef): string {
  const extra = [o.repeat ? 'repeatable' : '', o.default !== undefined ? `default: ${o.default}` : ''].filter(Boolean);
  return `${o.help}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/** `uffdspec COMMAND --help` */
export function renderHelp(def: CommandDef, env: EnvDef[]): string {
  const l: string[] = [`usage: uffdspec ${def.name}${def.args ? ` ${def.args}` : ''} [options]`, '', ...def.description, '', 'Options:'];
  const w = Math.max(...def.options.map((o) => optionHead(o).length), 6) + 2;
  for (const o of [...def.options, HELP_OPTION]) l.push(`  ${optionHead(o).padEnd(w)}${optionText(o)}`);
  const envs = def.env.map((n) => env.find((e) => e.name === n)).filter((e): e is EnvDef => !!e);
  if (envs.length) {
    l.push('', 'Environment:');
    const we = Math.max(...envs.map((e) => e.name.length)) + 2;
    for (const e of envs) l.push(`  ${e.name.padEnd(we)}${e.help}${e.default ? ` (default: ${e.default})` : ''}`);
  }
  l.push('', 'Exit status:');
  for (const x of def.exits) l.push(`  ${String(x.code).padEnd(4)}${x.meaning}`);
  if (def.examples.length) l.push('', 'Examples:', ...def.examples.map((e) => `  ${e}`));
  l.push('', 'Every command, option and exit code: docs/cli.md');
  return l.join('\n');
}

export const HELP_OPTION: OptionDef = { name: 'help', help: 'print this help and exit' };

/** `uffdspec --help`: the command list. */
export function renderOverview(commands: CommandDef[], version: string): string {
  const w = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `uffdspec ${version}: a specification toolkit for the Linux shmem + userfaultfd protocol`,
    '',
    'usage: uffdspec COMMAND [options]      (uffdspec COMMAND --help for its options)',
    '       uffdspec --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
    '',
    'Every command, option, environment variable and exit code: docs/cli.md',
  ].join('\n');
}

const md = (s: string) => s.replace(/\|/g, '\\|');

/** docs/cli.md, whole. */
export function renderCliDoc(commands: CommandDef[], env: EnvDef[], scripts: { name: string; command: string; help: string }[], exits: ExitDef[]): string {
  const l: string[] = [
    '# The command line',
    '',
    '<!-- Generated from src/cli/commands.ts by `uffdspec help --markdown > docs/cli.md`; test/cli-doc.test.ts keeps them equal. -->',
    '',
    '`uffdspec` is installed by `npm ci` (`npx uffdspec ...`, or `node bin/uffdspec ...`).',
    '`uffdspec --version` prints the version, `uffdspec --help` the commands,',
    '`uffdspec COMMAND --help` one command with its options.',
    '',
    '| command | what it does |',
    '| --- | --- |',
    ...commands.map((c) => `| [\`${c.name}\`](#uffdspec-${c.name}) | ${md(c.summary)} |`),
    '',
  ];
  for (const c of commands) {
    l.push(`## uffdspec ${c.name}`, '', '```', `uffdspec ${c.name}${c.args ? ` ${c.args}` : ''} [options]`, '```', '', ...c.description, '');
    l.push('| option | meaning | default |', '| --- | --- | --- |');
    for (const o of [...c.options, HELP_OPTION]) l.push(`| \`${optionHead(o)}\`${o.repeat ? ' (repeatable)' : ''} | ${md(o.help)} | ${o.default !== undefined ? md(o.default) : ''} |`);
    if (c.env.length) l.push('', `Environment: ${c.env.map((e) => `\`${e}\``).join(', ')}.`);
    l.push('', '| exit | meaning |', '| --- | --- |', ...c.exits.map((x) => `| ${x.code} | ${md(x.meaning)} |`));
    if (c.examples.length) l.push('', '```sh', ...c.examples, '```');
    l.push('');
  }
  l.push('## npm scripts', '', 'The jobs of the project, each a script of package.json:', '', '| script | runs | what it does |', '| --- | --- | --- |');
  for (const s of scripts) l.push(`| \`npm run ${s.name}\` | \`${md(s.command)}\` | ${md(s.help)} |`);
  l.push('', '## Environment variables', '', '| variable | meaning | default |', '| --- | --- | --- |');
  for (const e of env) l.push(`| \`${e.name}\` | ${md(e.help)} | ${e.default ? md(e.default) : ''} |`);
  l.push('', '## Exit codes', '', 'Shared by every command (each command above lists the ones it uses):', '', '| exit | meaning |', '| --- | --- |');
  for (const x of exits) l.push(`| ${x.code} | ${md(x.meaning)} |`);
  l.push('');
  return l.join('\n');
}
