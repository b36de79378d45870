// The table of commands. Each command lives in its own module and is listed
// in commands.ts; main.ts only dispatches.
export type Command = (argv: string[], out: (s: string) => void, err: (s: string) => void) => number | Promise<number>;

export interface CommandEntry {
  about: string;
  usage: string;
  /** loaded on use, so `uffdspec check` does not load the conformance runner */
  load: () => Command;
}

export const commands: Record<string, CommandEntry> = {};

export function addCommand(name: string, entry: CommandEntry) {
  commands[name] = entry;
}
