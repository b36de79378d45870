// The command-line entry: finds the command in the table (commands.ts),
// parses its options, runs its module, and renders every user error in one
// place (one located line, a caret, exit code 2).
import * as fs from 'fs';
import { SpecError, render } from '../../dsl/diagnostics';
import { COMMANDS, ENVIRONMENT, EXIT, findCommand } from './commands';
import { HELP_OPTION, UsageError, parseOptions, renderHelp, renderOverview } from './options';
import { ClosedStdout, stdoutLine, stderrLine } from './output';
import { packageVersion } from './version';
import type { Runner } from './options';

/**
 * The module of each command, loaded on use so that `uffdspec check` does not
 * load the conformance runner. (The table in commands.ts is data only, so
 * that the command modules can read it without an import cycle.)
 */
const HANDLERS: Record<string, () => Runner> = {
  check: () => require('./check').runCheck,
  conform: () => require('./conform').runConform,
  'gen-traces': () => require('./gen-traces').runGenTraces,
  verdicts: () => require('./verdicts').runVerdicts,
  stress: () => require('./stress').runStressCommand,
  review: () => require('./review').runReview,
  repro: () => require('./repro').runRepro,
  export: () => require('./export-select').runExport,
  view: () => require('./view').runView,
  help: () => require('./help').runHelp,
};

export async function main(argv: string[]): Promise<number> {
  const out = stdoutLine;
  const err = stderrLine;
  try {
    const [name, ...rest] = argv;
    if (name === '--version' || name === '-V') {
      out(`uffdspec ${packageVersion()}`);
      return EXIT.ok;
    }
    if (!name || name === '--help' || name === '-h') {
      (name ? out : err)(renderOverview(COMMANDS, packageVersion()));
      return name ? EXIT.ok : EXIT.usage;
    }
    const c = findCommand(name);
    if (!c) {
      err(`uffdspec: unknown command '${name}' (commands: ${COMMANDS.map((x) => x.name).join(', ')}; uffdspec --help)`);
      return EXIT.usage;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      out(renderHelp(c, ENVIRONMENT));
      return EXIT.ok;
    }
    const parsed = parseOptions(rest, { name: c.name, options: c.options.filter((o) => o !== HELP_OPTION) });
    const handler = HANDLERS[c.name];
    if (!handler) throw new Error(`command ${c.name} has no module in main.ts`);
    return await handler()(parsed, out, err);
  } catch (e) {
    if (e instanceof ClosedStdout) return EXIT.closedStdout;
    if (e instanceof SpecError) {
      for (const d of e.diagnostics) err(render(d));
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      err(e.message);
      return EXIT.usage;
    }
    // not a user error: say so in one line; the stack only on request
    err(`uffdspec: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.UFFDSPEC_DEBUG) err((e as Error)?.stack ?? '');
    return EXIT.internal;
  }
}

/** Run as a program: the exit code once stdout is flushed. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      try {
        fs.writeSync(2, `uffdspec: internal error: ${String(e)}\n`);
      } catch {
        // stderr closed too: nothing left to say it on
      }
      process.exitCode = EXIT.internal;
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
