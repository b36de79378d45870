// Command-line flag parsing shared by the commands: flags are declared per
// command, so an unknown flag is a one-line usage error, never ignored.
export class UsageError extends Error {}

export interface FlagSpec {
  /** takes a value (--max-states 100) or is a switch (--json) */
  value: boolean;
  /** may be given several times (--const A=1 --const B=2) */
  repeat?: boolean;
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>, command: string): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    let name = a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0 && spec[name.slice(0, eq)]?.value) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const f = spec[name];
    if (!f) throw new UsageError(`${command}: unknown option --${name} (options: ${Object.keys(spec).map((k) => `--${k}`).join(', ')})`);
    if (f.value && value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`${command}: --${name} needs a value`);
      value = argv[++i];
    }
    const list = flags.get(name) ?? [];
    if (list.length && !f.repeat) throw new UsageError(`${command}: --${name} is given twice`);
    list.push(value ?? 'true');
    flags.set(name, list);
  }
  return { positional, flags };
}

export function intFlag(p: Parsed, name: string, command: string): number | undefined {
  const v = p.flags.get(name)?.[0];
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) <= 0) throw new UsageError(`${command}: --${name} expects a positive integer, got '${v}'`);
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
