// Emit, cache and load the checker module for a model. The TypeScript source
// (indented as emitted) is kept in build/gen/ under a name derived from its
// content hash and transpiled once; an unchanged spec and constants reuse the
// cached module.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SpecError, diag } from '../dsl/diagnostics';
import { unwritableDir, writeAtomic } from '../src/util/files';
import { inPackage } from '../src/util/package-root';
// The module's types are stripped by sucrase, loaded only when a module is
// (re)generated: a cached module starts without it.
import type * as Sucrase from 'sucrase';
import type { Model } from '../dsl/ir';
import { emitChecker } from './emit';
import type { CompiledChecker } from '../src/engine/bfs';
import * as runtime from '../src/runtime/ops';

/**
 * Where generated checker modules are cached: UFFDSPEC_BUILD_DIR, else
 * build/gen in the package, else (when the package cannot be written, e.g.
 * installed read-only) a per-user cache directory. A directory that cannot be
 * written is a user error naming it, never a crash.
 */
export function buildDir(): string {
  const env = process.env.UFFDSPEC_BUILD_DIR;
  if (env) {
    const why = unwritable(env);
    if (why) throw new SpecError([diag('cli', `UFFDSPEC_BUILD_DIR=${env} cannot be written (${why}): set it to a writable directory`)]);
    return env;
  }
  const pkg = inPackage('build', 'gen');
  const user = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'uffdspec', 'gen');
  const tried: string[] = [];
  for (const dir of [pkg, user]) {
    const why = unwritable(dir);
    if (!why) return dir;
    tried.push(`${dir} (${why})`);
  }
  throw new SpecError([diag('cli', `cannot write generated checkers to ${tried.join(' or ')}: set UFFDSPEC_BUILD_DIR to a writable directory`)]);
}

const writable = new Map<string, string | null>();
/** why `dir` cannot be created and written, or null */
function unwritable(dir: string): string | null {
  const known = writable.get(dir);
  if (known !== undefined) return known;
  const why = unwritableDir(dir);
  writable.set(dir, why);
  return why;
}

export interface Generated {
  tsPath: string;
  /** the compiled module (what worker threads load: engine/parallel) */
  jsPath: string;
  checker: CompiledChecker;
  cached: boolean;
}

const loaded = new Map<string, CompiledChecker>();

export function generateChecker(model: Model, opts: { onGenerate?: () => void } = {}): Generated {
  const raw = emitChecker(model);
  const hash = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16);
  const dir = buildDir();
  const base = `${model.name.replace(/[^A-Za-z0-9_]/g, '_')}-${hash}`;
  const tsPath = path.join(dir, `${base}.ts`);
  const jsPath = path.join(dir, `${base}.js`);
  const mem = loaded.get(jsPath);
  if (mem) return { tsPath, jsPath, checker: mem, cached: true };
  let cached = fs.existsSync(jsPath) && fs.existsSync(tsPath);
  if (!cached) {
    opts.onGenerate?.();
    // the emitter writes indented code, so the module is readable as emitted:
    // formatting it (ts-morph) took longer than generating and compiling it
    const source = raw;
    // sucrase strips the types (and turns the export into CommonJS) and leaves the rest as it is:
    // on the shmem spec's module (8,900 lines) 0.3 s, where TypeScript's transpileModule took 1.4 s
    // and 0.2 s more to load, for every module a test run or a trace-guided check generates
    const { transform } = require('sucrase') as typeof Sucrase;
    const js = transform(source, { transforms: ['typescript', 'imports'] }).code;
    // Atomic writes: concurrent runs on a cold cache never load half a file.
    // The .ts goes last, so a .js is never taken for cached without its source.
    writeAtomic(jsPath, js);
    writeAtomic(tsPath, source);
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(jsPath) as { create(rt: unknown): CompiledChecker };
  const checker = mod.create(runtime);
  loaded.set(jsPath, checker);
  return { tsPath, jsPath, checker, cached };
}
