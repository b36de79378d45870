#!/usr/bin/env node
// Builds the native userfaultfd harness and the race stress program with the
// system C compiler ($CC, else cc). One clear line and a non-zero exit when
// that is not possible.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const dir = __dirname;
const cc = process.env.CC || 'cc';
const flags = ['-O2', '-std=c11', '-D_GNU_SOURCE', '-pthread', '-Wall', '-Wextra', '-Wno-unused-parameter'];
const targets = [
  { out: 'harness', srcs: ['harness.c', 'ops.c', 'observe.c', 'workers.c', 'uffd.c', 'json.c'] },
  { out: 'stress', srcs: ['stress.c', 'uffd.c'] },
];

function fail(msg) {
  process.stderr.write(`build:native: ${msg}\n`);
  process.exit(1);
}

if (process.platform !== 'linux') fail(`userfaultfd needs Linux; this is ${process.platform}`);
const probe = spawnSync(cc, ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) fail(`no C compiler: '${cc}' cannot be run (set CC or install gcc)`);

for (const t of targets) {
  const args = [...flags, '-o', path.join(dir, t.out), ...t.srcs.map((s) => path.join(dir, s))];
  const r = spawnSync(cc, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const first = (r.stderr || String(r.error)).split('\n').find((l) => /error/.test(l)) || 'failed';
    process.stderr.write(r.stderr || '');
    fail(`compiling ${t.out} failed: ${first.trim()}`);
  }
  if (r.stderr) process.stderr.write(r.stderr);
  console.log(`build:native: built ${path.relative(process.cwd(), path.join(dir, t.out))}`);
}
