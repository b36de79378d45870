// The command-line entry: dispatches to one module per command and renders
// every user error in one place (one located line, a caret, exit code 2).
import { SpecError, render } from '../../dsl/diagnostics';
import { UsageError } from './args';
import { commands } from './registry';
import './commands';

function help(): string {
  return ['usage: uffdspec COMMAND [options]', '', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.about}`), '', ...Object.values(commands).map((c) => c.usage)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return name ? 0 : 2;
  }
  const c = commands[name];
  if (!c) {
    err(`uffdspec: unknown command '${name}' (commands: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  try {
    return await c.load()(rest, out, err);
  } catch (e) {
    if (e instanceof SpecError) {
      for (const d of e.diagnostics) err(render(d));
      return 2;
    }
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    // not a user error: say so in one line; the stack only on request
    err(`uffdspec: internal error: ${(e as Error).message ?? String(e)}`);
    if (process.env.UFFDSPEC_DEBUG) err((e as Error).stack ?? '');
    return 70;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`uffdspec: internal error: ${String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
