#!/usr/bin/env node
// Runs the race stress program (stress.c) on the real kernel with a hard time bound.
// Arguments pass through: --iterations N (default 20000), --seconds S (default 10),
// --page P (default 5), --runs R (default 1), --phase wp|coherence|both (default
// both), --json (one JSON object on stdout instead of text).
// Exit status: 0 no violation, 1 a violation found, 2 cannot run.
'use strict';
const { spawn, spawnSync } = require('child_process');
const { existsSync } = require('fs');
const path = require('path');

const bin = path.join(__dirname, 'stress');
const args = process.argv.slice(2);

function fail(msg) {
  process.stderr.write(`stress: ${msg}\n`);
  process.exit(2);
}

if (process.platform !== 'linux') fail(`userfaultfd needs Linux; this is ${process.platform}`);
if (!existsSync(bin)) {
  const b = spawnSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) fail('the native build failed');
}

const num = (flag, dflt) => {
  const i = args.indexOf(flag);
  return i >= 0 && /^\d+$/.test(args[i + 1] || '') ? Number(args[i + 1]) : dflt;
};
const pi = args.indexOf('--phase');
const phases = pi >= 0 && (args[pi + 1] === 'wp' || args[pi + 1] === 'coherence') ? 1 : 2;
const boundMs = (num('--runs', 1) * phases * (num('--seconds', 10) + 2) + 20) * 1000; // the program also has its own alarm

const child = spawn(bin, args, { stdio: 'inherit' });
const timer = setTimeout(() => {
  process.stderr.write(`stress: no result within ${boundMs / 1000} s, killed\n`);
  child.kill('SIGKILL');
}, boundMs);
child.on('error', (e) => fail(`cannot run ${bin}: ${e.message}`));
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (signal) fail(`stress program killed by ${signal}`);
  if (code === 0) process.stderr.write('stress: exit 0: no violation found in these runs\n');
  else if (code === 1)
    process.stderr.write(
      'stress: exit 1: violation found. On Linux 6.x (checked on 6.18) this is the expected finding: a write-protected ' +
        "shmem page loses its uffd-wp bit when a punch's second unmap (unmap_mapping_folio, ZAP_FLAG_DROP_MARKER) zaps a pte " +
        'that a racing fault mapped after the first unmap (spec invariant WpNotLost; docs/conformance.md, "Stress")\n',
    );
  else process.stderr.write(`stress: exit 2: could not run (program exit ${code})\n`);
  process.exit(code === 0 || code === 1 ? code : 2);
});
