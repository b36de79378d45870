// Emit, cache and load the checker module for a model. The TypeScript source
// is laid out by ts-morph (so the generated file reads like hand-written
// code), kept in build/gen/ under a name derived from its content hash, and
// transpiled once; an unchanged spec and constants reuse the cached module.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
// TypeScript and ts-morph are needed only when a module is (re)generated, so
// they are loaded then: a cached module starts without them.
import type * as TS from 'typescript';
import type { Project } from 'ts-morph';
import type { Model } from '../dsl/ir';
import { emitChecker } from './emit';
import type { CompiledChecker } from '../src/engine/bfs';
import * as runtime from '../src/runtime/ops';

let project: Project | undefined;

/** Format generated source with ts-morph's printer settings (2-space indent). */
export function formatSource(text: string): string {
  const ts = require('typescript') as typeof TS;
  const { Project: P } = require('ts-morph') as typeof import('ts-morph');
  project ??= new P({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const sf = project.createSourceFile(`gen${Date.now()}.ts`, text, { overwrite: true });
  sf.formatText({ indentSize: 2, convertTabsToSpaces: true });
  const out = sf.getFullText();
  project.removeSourceFile(sf);
  return out;
}

export function buildDir(): string {
  return process.env.UFFDSPEC_BUILD_DIR ?? path.resolve(__dirname, '..', ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []), 'build', 'gen');
}

export interface Generated {
  tsPath: string;
  checker: CompiledChecker;
  cached: boolean;
}

const loaded = new Map<string, CompiledChecker>();

export function generateChecker(model: Model, opts: { format?: boolean } = {}): Generated {
  const raw = emitChecker(model);
  const hash = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16);
  const dir = buildDir();
  const base = `${model.name.replace(/[^A-Za-z0-9_]/g, '_')}-${hash}`;
  const tsPath = path.join(dir, `${base}.ts`);
  const jsPath = path.join(dir, `${base}.js`);
  const mem = loaded.get(jsPath);
  if (mem) return { tsPath, checker: mem, cached: true };
  let cached = fs.existsSync(jsPath) && fs.existsSync(tsPath);
  if (!cached) {
    fs.mkdirSync(dir, { recursive: true });
    const source = opts.format === false ? raw : formatSource(raw);
    const ts = require('typescript') as typeof TS;
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    // write to temporary names first so a concurrent run never loads half a file
    fs.writeFileSync(tsPath + '.tmp', source);
    fs.writeFileSync(jsPath + '.tmp', js);
    fs.renameSync(tsPath + '.tmp', tsPath);
    fs.renameSync(jsPath + '.tmp', jsPath);
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(jsPath) as { create(rt: unknown): CompiledChecker };
  const checker = mod.create(runtime);
  loaded.set(jsPath, checker);
  return { tsPath, checker, cached };
}
