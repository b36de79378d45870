// `uffdspec help [COMMAND] [--markdown]`.
import { COMMANDS, ENVIRONMENT, EXIT, EXIT_CODES, SCRIPTS, findCommand } from './commands';
import { Out, Parsed, UsageError, renderCliDoc, renderHelp, renderOverview } from './options';
import { packageVersion } from './version';
import { packageJson } from '../util/package-root';

/** docs/cli.md as generated from the tables (the npm scripts' command lines from package.json). */
export function cliDoc(packageJson: { scripts: Record<string, string> }): string {
  const scripts = SCRIPTS.map((s) => ({ ...s, command: packageJson.scripts[s.name] ?? '(missing from package.json)' }));
  return renderCliDoc(COMMANDS, ENVIRONMENT, scripts, EXIT_CODES);
}

export function runHelp(p: Parsed, out: Out): number {
  if (p.flags.has('markdown')) {
    if (p.positional.length) throw new UsageError('help: --markdown prints the whole document; give no command');
    out(cliDoc(packageJson()).replace(/\n$/, ''));
    return EXIT.ok;
  }
  if (p.positional.length > 1) throw new UsageError('help: give at most one command');
  if (!p.positional.length) {
    out(renderOverview(COMMANDS, packageVersion()));
    return EXIT.ok;
  }
  const c = findCommand(p.positional[0]);
  if (!c) throw new UsageError(`help: unknown command '${p.positional[0]}' (commands: ${COMMANDS.map((x) => x.name).join(', ')})`);
  out(renderHelp(c, ENVIRONMENT));
  return EXIT.ok;
}
