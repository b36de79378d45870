// Every command of `uffdspec`, as data (src/cli/options.ts): its options,
// environment and exit codes. This table imports no command: each command's
// code lives in its own module, which main.ts loads on use.
import type { CommandDef, EnvDef, ExitDef } from './options';

export const EXIT = {
  ok: 0,
  violated: 1,
  usage: 2,
  limit: 3,
  unavailable: 4,
  nothingRan: 5,
  internal: 70,
  closedStdout: 141,
} as const;

const INTERNAL: ExitDef = { code: EXIT.internal, meaning: 'internal error (a bug in uffdspec: one line; UFFDSPEC_DEBUG=1 shows the stack)' };
const USAGE: ExitDef = { code: EXIT.usage, meaning: 'user error: a bad option, file, spec, constant or trace (one located line)' };
const PIPE: ExitDef = { code: EXIT.closedStdout, meaning: 'standard output was closed early (as grep and git report it: 128 + SIGPIPE); nothing more is printed' };

/** Every exit code, for docs/cli.md. */
export const EXIT_CODES: ExitDef[] = [
  { code: EXIT.ok, meaning: 'success: every property holds (check), every trace agrees (conform), files written or up to date' },
  { code: EXIT.violated, meaning: 'a property is violated or a deadlock was found (check); a trace disagrees or a replay diverges (conform); a generated file is stale (gen-traces --check)' },
  USAGE,
  { code: EXIT.limit, meaning: 'check: a limit (--max-states, --max-depth, --timeout) stopped the run before the state space was exhausted, with no violation found' },
  { code: EXIT.unavailable, meaning: 'conform: a requested target cannot run here (e.g. no usable userfaultfd); the reason and the fix are printed' },
  { code: EXIT.nothingRan, meaning: 'conform: nothing ran (no traces found, or every trace skipped)' },
  INTERNAL,
  PIPE,
];

export const ENVIRONMENT: EnvDef[] = [
  { name: 'UFFDSPEC_PROGRESS_MS', help: 'milliseconds between progress reports on stderr; 0 turns them off (on a terminal, one line redrawn in place; otherwise a line each interval)', default: '3000' },
  {
    name: 'UFFDSPEC_BUILD_DIR',
    help: 'where generated checker modules are cached; when unset: build/gen in the package, or, if that cannot be written, $XDG_CACHE_HOME/uffdspec (else ~/.cache/uffdspec)',
    default: 'build/gen',
  },
  { name: 'UFFDSPEC_DEBUG', help: 'set to 1 to print the stack trace of an internal error' },
  { name: 'UFFDSPEC_NATIVE_WAIT_MS', help: 'native harness: how long an access may take before it counts as blocked', default: '200' },
  { name: 'UFFDSPEC_NATIVE_NOWAKE_MS', help: 'native harness: how long a thread that an op could not have woken is watched', default: '20' },
  { name: 'UFFDSPEC_NATIVE_HARNESS', help: 'the native harness binary to run (a missing path makes the native target unavailable)', default: 'conformance/native/harness' },
  { name: 'UFFDSPEC_NATIVE_OUT', help: 'build.js: build the native programs into this directory instead of conformance/native/' },
  { name: 'REQUIRE_NATIVE', help: 'set to 1 (CI does) to make a native harness that cannot be built or run an error instead of a skip, in npm ci and npm test' },
  { name: 'CC', help: 'the C compiler that builds the native harness', default: 'cc' },
];

export const COMMANDS: CommandDef[] = [
  {
    name: 'check',
    summary: 'model-check a spec: a verdict per property, the shortest counterexample of each violation',
    args: 'FILE.spec.ts',
    description: [
      'Explores every reachable state of the spec (breadth first, so every counterexample is a',
      'shortest one) and checks its invariants and deadlock freedom. A property "holds" only after',
      'a complete exploration; a run stopped early (first violation, a limit) reports the others as',
      'unknown. The spec is read statically from the file (nothing is executed).',
    ],
    options: [
      { name: 'spec', arg: 'NAME', help: 'which spec of the file to check', default: 'the only one in the file' },
      { name: 'const', arg: 'NAME=VALUE', repeat: true, help: "set a constant (an integer, true/false or an enum member); the others keep the spec's defaults" },
      { name: 'no-deadlock', help: 'do not report deadlocks' },
      { name: 'continue', help: 'keep exploring after a violation: every property gets a verdict, each violation its shortest counterexample' },
      { name: 'expect-violation', arg: 'PROPERTY', repeat: true, help: 'a known finding: exit 0 when exactly these properties are violated and every other holds (implies --continue)' },
      { name: 'max-states', arg: 'N', help: 'stop after N distinct states (the verdicts not yet reached are unknown)' },
      { name: 'max-depth', arg: 'N', help: 'explore states up to depth N (initial states are depth 1)' },
      { name: 'timeout', arg: 'SECONDS', help: 'stop after this long, counted from the start (parsing and code generation included)' },
      { name: 'json', help: 'print one JSON object (result, counts, per-property status, counterexamples, coverage)' },
      { name: 'format', arg: 'text|tla', default: 'text', help: 'counterexample notation: text (per-step changes, old -> new) or tla (TLC-style /\\ var = value)' },
      { name: 'itf', arg: 'DIR', help: 'also write each counterexample as DIR/SPEC.PROPERTY.itf.json in the Informal Trace Format (Apalache, Quint; docs/itf.md)' },
      { name: 'coverage', help: 'print, per action and process label, the states it generated and the new ones' },
      { name: 'full-states', help: 'print every variable in every state of a counterexample, not only the changed ones' },
      { name: 'engine', arg: 'generated|interpreter', default: 'generated', help: 'the generated, specialised checker or the reference interpreter (slow, independent)' },
      { name: 'simulate', help: 'random walks instead of an exhaustive exploration (TLC -simulate): finds violations, proves nothing' },
      { name: 'walks', arg: 'N', default: '1000', help: 'with --simulate: how many walks' },
      { name: 'depth', arg: 'N', default: '100', help: 'with --simulate: states per walk at most' },
      { name: 'seed', arg: 'N', default: '1', help: 'with --simulate: the seed; the same seed gives the same walks (separate seeds can run as separate processes)' },
    ],
    env: ['UFFDSPEC_PROGRESS_MS', 'UFFDSPEC_BUILD_DIR', 'UFFDSPEC_DEBUG'],
    exits: [
      { code: EXIT.ok, meaning: 'every property holds (complete exploration); with --expect-violation: exactly the expected properties are violated and every other holds' },
      { code: EXIT.violated, meaning: 'a property is violated or a deadlock found; with --expect-violation: the verdicts differ from the expected ones' },
      USAGE,
      { code: EXIT.limit, meaning: 'a limit stopped the run before the state space was exhausted, with no violation found; --simulate: no walk found a violation' },
      INTERNAL,
      PIPE,
    ],
    examples: [
      'npx uffdspec check spec/examples/diehard.spec.ts',
      'npx uffdspec check spec/shmem_uffd/shmem_uffd.spec.ts --const THREADS=3 --const ACCESSES=2 --simulate --walks 200 --depth 60 --seed 7',
      'npx uffdspec check spec/examples/twophase.spec.ts --const RM_COUNT=4 --no-deadlock',
      'npx uffdspec check spec/shmem_uffd/shmem_uffd.spec.ts --const UFFD_MODE=MissingWp --continue --json',
    ],
  },
  {
    name: 'conform',
    summary: 'replay conformance traces on the spec, the simulator and the real kernel; report agreement',
    args: '[TRACE_FILE_OR_DIR...]',
    description: [
      'Runs each trace (docs/trace-format.md) on the chosen targets and compares every observation',
      'with the trace\'s expectation; the counterexample schedules are replayed on the simulator label',
      'by label. On the spec, a trace is followed at its own size (up to 64 pages, 4 mappings, 8',
      'threads), exploring only the interleavings inside each of its steps. Each target reports the',
      'fields it compared and those the traces leave unspecified. Without arguments:',
      'conformance/generated/ and conformance/traces/.',
    ],
    options: [
      { name: 'target', arg: 'spec|sim|native|all', default: 'all', help: 'where to run the traces' },
      { name: 'json', help: 'print one JSON object (per-target reports, replays, coverage)' },
      { name: 'report', arg: 'FILE', help: 'also write a Markdown report (kernel, per-target table, skips, coverage)' },
      { name: 'stress', help: 'with --report: add a bounded stress run of the race on the real kernel' },
    ],
    env: ['UFFDSPEC_NATIVE_HARNESS', 'UFFDSPEC_NATIVE_WAIT_MS', 'UFFDSPEC_NATIVE_NOWAKE_MS', 'UFFDSPEC_PROGRESS_MS', 'UFFDSPEC_DEBUG'],
    exits: [
      { code: EXIT.ok, meaning: 'every trace that ran agrees and every replay shows its violation' },
      { code: EXIT.violated, meaning: 'a trace disagrees, or a counterexample replay diverges' },
      USAGE,
      { code: EXIT.unavailable, meaning: 'a requested target cannot run here (the reason and the fix are printed); a disagreement wins with 1' },
      { code: EXIT.nothingRan, meaning: 'nothing ran: no traces found, or every trace was skipped' },
      INTERNAL,
      PIPE,
    ],
    examples: ['npx uffdspec conform --target sim', 'npx uffdspec conform --target spec conformance/traces/handwritten', 'npx uffdspec conform --target native conformance/traces/handwritten'],
  },
  {
    name: 'gen-traces',
    summary: 'generate (or check) the transition tours of the shmem spec in conformance/generated/',
    args: '',
    description: [
      'For each tour variant, explores the spec\'s operation-level graph and writes a set of traces',
      'that covers every observable transition; --check only compares with the committed files.',
    ],
    options: [
      { name: 'check', help: 'do not write: exit 1 if a committed file differs from what would be generated' },
      { name: 'variant', arg: 'NAME', repeat: true, help: 'only this tour variant', default: 'every variant' },
    ],
    env: ['UFFDSPEC_BUILD_DIR'],
    exits: [
      { code: EXIT.ok, meaning: 'written, or (--check) up to date' },
      { code: EXIT.violated, meaning: '--check: a file is stale' },
      USAGE,
      INTERNAL,
      PIPE,
    ],
    examples: ['npx uffdspec gen-traces --check'],
  },
  {
    name: 'verdicts',
    summary: 'check every row of the shmem verdict table: docs/verdicts.md, docs/verdicts.json and the counterexample schedules',
    args: '',
    description: [
      'Checks each row (a kernel variant, a registration, a number of mappings) completely, keeping the',
      'shortest counterexample of every violated property, and writes the table, its JSON form and,',
      'for a whole-table run, conformance/generated/counterexamples.json.',
    ],
    options: [
      { name: 'only', arg: 'ROW', repeat: true, help: 'only these rows (ids as in docs/verdicts.json; a comma list is accepted); the schedules are then not written', default: 'every row' },
      { name: 'out', arg: 'DIR', help: 'write verdicts.md and verdicts.json (and the schedules) here', default: 'docs' },
      { name: 'check', help: 'write nothing: check the rows and compare them with the files (verdicts, counts, counterexamples and schedules; the whole text but the time column for a whole-table run)' },
    ],
    env: ['UFFDSPEC_PROGRESS_MS', 'UFFDSPEC_BUILD_DIR'],
    exits: [
      { code: EXIT.ok, meaning: 'the table was written, or (--check) the files are up to date' },
      { code: EXIT.violated, meaning: '--check: a file is stale (each stale row or file is named)' },
      USAGE,
      INTERNAL,
      PIPE,
    ],
    examples: ['npx uffdspec verdicts --only D-wp-1 --out /tmp/verdicts', 'npx uffdspec verdicts --check --only nouffd-A-1'],
  },
  {
    name: 'stress',
    summary: "race the 2020 thread's scenario on the real kernel: is a uffd-wp protection lost during a hole punch?",
    args: '',
    description: [
      'Runs conformance/native/stress.c: in the wp phase a puncher and a writer, pinned to two CPUs, race',
      'a hole punch against a store to a write-protected page, and every lost protection (pagemap',
      'without uffd-wp after the punch, a store with no WP event) is counted; the coherence phase races',
      'fault-around against punches without uffd. It prints the rate it saw ("lost in k of n runs,',
      'm iterations"). A stress run is probabilistic: a run that finds nothing proves nothing.',
    ],
    options: [
      { name: 'runs', arg: 'R', default: '4', help: 'runs of each phase' },
      { name: 'seconds', arg: 'S', default: '3', help: 'time limit of one run' },
      { name: 'iterations', arg: 'N', default: '20000', help: 'iteration limit of one run' },
      { name: 'page', arg: 'P', default: '5', help: 'the page raced on, 0..15 of the 16-page file' },
      { name: 'jitter', arg: 'NS', default: '4000', help: 'the punch starts at a random offset in [-NS/4, NS] nanoseconds from the store' },
      { name: 'phase', arg: 'wp|coherence|both', default: 'both', help: 'which race to run' },
      { name: 'json', help: "print the program's JSON object (per-phase counts, the first evidence)" },
    ],
    env: ['UFFDSPEC_NATIVE_HARNESS', 'UFFDSPEC_PROGRESS_MS'],
    exits: [
      { code: EXIT.ok, meaning: 'no violation seen in these runs (which proves nothing)' },
      { code: EXIT.violated, meaning: 'a violation seen: on 5.19+ kernels (checked on 6.18) the expected finding of docs/verdicts.md' },
      USAGE,
      { code: EXIT.unavailable, meaning: 'userfaultfd cannot be used here, or the stress program is not built (the reason and the fix are printed)' },
      INTERNAL,
      PIPE,
    ],
    examples: ['npx uffdspec stress --phase wp --runs 1'],
  },
  {
    name: 'export',
    summary: 'write a spec as a TLA+ module and TLC configuration (--tla), or traces and counterexample schedules as ITF (--itf)',
    args: 'FILE',
    description: [
      '--tla: FILE is a .spec.ts; its spec, specialised to the constants, becomes NAME.tla and NAME.cfg',
      '(INIT, NEXT, INVARIANTS with TypeOK, CHECK_DEADLOCK) whose TLC state graph is the checker\'s:',
      'the same distinct states (docs/tla-export.md). --itf: FILE is a conformance trace',
      '(uffdspec-trace/1), a counterexample schedule (uffdspec-schedule/1) or a file of them',
      '(uffdspec-schedules/1, as conformance/generated/counterexamples.json); each becomes one',
      'NAME.itf.json in the Informal Trace Format of Apalache and Quint (docs/itf.md).',
    ],
    options: [
      { name: 'tla', help: 'export the spec of FILE as a TLA+ module and its TLC configuration' },
      { name: 'itf', help: 'convert the trace or schedules of FILE to ITF, one file each' },
      { name: 'out', arg: 'DIR', default: '.', help: 'the directory to write into (created if missing)' },
      { name: 'check', help: 'write nothing: exit 1 if a file in --out differs from what would be written' },
      { name: 'spec', arg: 'NAME', help: 'with --tla: which spec of the file', default: 'the only one in the file' },
      { name: 'const', arg: 'NAME=VALUE', repeat: true, help: "with --tla: set a constant (the module is specialised to the values)" },
      { name: 'no-deadlock', help: 'with --tla: CHECK_DEADLOCK FALSE in the .cfg, as check --no-deadlock' },
    ],
    env: ['UFFDSPEC_DEBUG'],
    exits: [
      { code: EXIT.ok, meaning: 'written, or (--check) up to date' },
      { code: EXIT.violated, meaning: '--check: a file is stale or missing (each is named)' },
      USAGE,
      INTERNAL,
      PIPE,
    ],
    examples: [
      'npx uffdspec export --tla spec/examples/twophase.spec.ts --no-deadlock --out /tmp/uffdspec-tla',
      'npx uffdspec export --tla spec/shmem_uffd/shmem_uffd.spec.ts --out docs/tla --check',
      'npx uffdspec export --itf conformance/generated/counterexamples.json --out /tmp/uffdspec-itf',
    ],
  },
  {
    name: 'help',
    summary: 'print the help of a command, or (--markdown) the whole of docs/cli.md',
    args: '[COMMAND]',
    description: ['`uffdspec help COMMAND` is `uffdspec COMMAND --help`.'],
    options: [{ name: 'markdown', help: 'print docs/cli.md (every command, option, environment variable, exit code)' }],
    env: [],
    exits: [{ code: EXIT.ok, meaning: 'printed' }, USAGE, PIPE],
    examples: ['npx uffdspec help check', 'npx uffdspec help --markdown > docs/cli.md'],
  },
];

/** The npm scripts of package.json, described (test/cli-doc.test.ts checks both lists agree). */
export const SCRIPTS: { name: string; help: string }[] = [
  { name: 'prepare', help: 'run by npm ci: builds the command line and the native harness' },
  { name: 'build', help: 'compile the TypeScript (dist/) and build the native harness (without a C compiler: says so, and the native target is unavailable)' },
  { name: 'check', help: 'the main job: model-check the default shmem spec; passes when exactly its known finding is violated' },
  { name: 'test', help: 'the unit, known-answer, agreement and conformance tests' },
  { name: 'verdicts', help: 'the verdict table of the kernel variants (uffdspec verdicts)' },
  { name: 'bench', help: 'our checker against SPIN on the same models, side by side: docs/bench.md' },
  { name: 'stress', help: 'race the 2020 thread\'s scenario on the real kernel (probabilistic: a run that finds nothing proves nothing)' },
  { name: 'gen-traces', help: 'regenerate the transition tours (uffdspec gen-traces)' },
  { name: 'conformance', help: 'every trace on every target, plus a bounded stress run: docs/conformance.md' },
  { name: 'depcruise', help: 'the one-way import rule of docs/architecture.md (dependency-cruiser; npm test runs it too)' },
  { name: 'typecheck', help: 'type-check the sources and the tests (jest runs the tests without type-checking them)' },
];

export function findCommand(name: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === name);
}
