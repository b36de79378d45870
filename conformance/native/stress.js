#!/usr/bin/env node
// Runs the race stress program (stress.c) on the real kernel with a hard time bound.
// Arguments pass through: --iterations N (default 20000), --seconds S (default 10),
// --page P (default 5). Exit status: 0 no violations, 1 violations, 2 cannot run.
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
  const b = spawnSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit' });
  if (b.status !== 0) fail('the native build failed');
}

const i = args.indexOf('--seconds');
const seconds = i >= 0 && /^\d+$/.test(args[i + 1] || '') ? Number(args[i + 1]) : 10;
const boundMs = (2 * seconds + 20) * 1000; // two phases plus setup; the program also has its own alarm

const child = spawn(bin, args, { stdio: 'inherit' });
const timer = setTimeout(() => {
  process.stderr.write(`stress: no result within ${boundMs / 1000} s, killed\n`);
  child.kill('SIGKILL');
}, boundMs);
child.on('error', (e) => fail(`cannot run ${bin}: ${e.message}`));
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (signal) fail(`stress program killed by ${signal}`);
  process.exit(code === null ? 2 : code);
});
