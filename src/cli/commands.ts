// Every command, each in its own module (loaded on use).
import { addCommand } from './registry';

addCommand('check', {
  about: 'model-check a spec (TLC-style report, --json for machines)',
  usage: 'uffdspec check FILE.spec.ts [--spec NAME] [--const NAME=VALUE]... [--no-deadlock] [--max-states N] [--max-depth N] [--timeout S] [--json] [--coverage] [--full-states] [--engine generated|interpreter] [--continue] [--expect-violation NAME]...',
  load: () => require('./check').runCheck,
});
addCommand('conform', {
  about: 'replay conformance traces on the spec, the simulator and the real kernel',
  usage: 'uffdspec conform [--target spec|sim|native|all] [--json] [TRACE_FILE_OR_DIR...]\n  exit: 0 all agreed, 1 a disagreement, 2 user error, 4 a requested target unavailable, 5 nothing ran',
  load: () => require('./conform').runConform,
});
addCommand('gen-traces', {
  about: 'generate the conformance traces (transition tours) from spec/shmem_uffd.spec.ts',
  usage: 'uffdspec gen-traces [--check] [--variant NAME]...',
  load: () => require('./gen-traces').runGenTraces,
});
