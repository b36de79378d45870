// Finds the spec`...` templates of a .spec.ts file statically (nothing is
// executed) and returns their text together with where that text sits in the
// file, so that diagnostics on the spec text point at file:line:col.
import * as fs from 'fs';
import * as path from 'path';
import * as crypto from 'crypto';
import type { Node as NodeT, Project, SourceFile, TaggedTemplateExpression } from 'ts-morph';
import { diag, report, type Diagnostic, type SourceText } from './diagnostics';
import { M } from './messages';
import { inPackage } from '../src/util/package-root';
import { keepInCache } from '../src/util/files';

export interface ExtractedSpec {
  /** the name of the const the template initialises */
  name: string;
  /** the template's raw content (between the backticks) */
  text: string;
  /** the whole file; `base` is the offset of `text` in it */
  source: SourceText;
}

export interface ExtractResult {
  specs: ExtractedSpec[];
  diagnostics: Diagnostic[];
}

// ts-morph (and the TypeScript compiler under it) takes ~250 ms to load, most
// of a short command's start: it is loaded only when a file's templates are
// not known yet. What was found in a file is kept in build/, named by the hash
// of the file's text, so an unchanged file is never parsed twice.
type TsMorph = typeof import('ts-morph');
let tsMorph: TsMorph | undefined;
const morph = (): TsMorph => (tsMorph ??= require('ts-morph') as TsMorph);

/** What one file holds, by offsets: a function of its text alone. */
type Found =
  | { kind: 'spec'; name: string; start: number; end: number }
  | { kind: 'substitution'; at: number }
  | { kind: 'not-const'; start: number; end: number };

/** Bump when `collect` changes what it finds: older cache entries are then never read. */
const FOUND_FORMAT = 'found/1';

function cacheFile(text: string): string {
  const hash = crypto.createHash('sha256').update(FOUND_FORMAT).update('\0').update(text).digest('hex').slice(0, 24);
  return inPackage('build', 'extract', `${hash}.json`);
}

function readCache(text: string): Found[] | undefined {
  try {
    return JSON.parse(fs.readFileSync(cacheFile(text), 'utf8')) as Found[];
  } catch {
    return undefined;
  }
}

// Creating a Project loads the TypeScript library files, which is the slow
// part; one in-memory project serves every call.
let project: Project | undefined;
function sharedProject(): Project {
  const { Project: P } = morph();
  project ??= new P({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true },
  });
  return project;
}

/**
 * Extract every spec template of a file. `fileText` overrides reading the
 * file (for tests and editors). Specs are returned in text order.
 */
export function extractSpecs(filePath: string, fileText?: string): ExtractResult {
  let text: string;
  if (fileText !== undefined) {
    text = fileText;
  } else {
    try {
      text = fs.readFileSync(filePath, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      return { specs: [], diagnostics: [diag('cli', `cannot read ${filePath}: ${reason}`)] };
    }
  }
  const fileSource: SourceText = { file: filePath, text, base: 0 };
  let found = readCache(text);
  if (!found) {
    const p = sharedProject();
    // The in-memory name only has to look like a TypeScript file; a stable
    // absolute name keeps repeated calls on the same path overwriting one entry.
    const memName = path.resolve('/', path.basename(filePath).replace(/\.[cm]?[jt]sx?$/, '') + '.ts');
    let sf: SourceFile | undefined;
    try {
      sf = p.createSourceFile(memName, text, { overwrite: true });
      found = collect(sf);
    } catch (e) {
      return { specs: [], diagnostics: [diag('cli', `cannot analyse ${filePath}: ${String(e)}`)] };
    } finally {
      if (sf) p.removeSourceFile(sf);
    }
    keepInCache(cacheFile(text), JSON.stringify(found));
  }
  return resultOf(found, text, fileSource);
}

function resultOf(found: Found[], text: string, fileSource: SourceText): ExtractResult {
  const specs: ExtractedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of found) {
    if (f.kind === 'substitution') diagnostics.push(report(M.TemplateSubstitution, [], { start: f.at, end: f.at + 2 }, fileSource));
    else if (f.kind === 'not-const') diagnostics.push(report(M.TemplateNotConst, [], { start: f.start, end: f.end }, fileSource));
    // Raw text between the backticks, so offsets in it are file offsets minus
    // `base`. Escapes are not interpreted: a spec has no use for them, and
    // cooking them would break the offset mapping.
    else specs.push({ name: f.name, text: text.slice(f.start, f.end), source: { file: fileSource.file, text, base: f.start } });
  }
  return { specs, diagnostics };
}

function collect(sf: SourceFile): Found[] {
  const { Node, SyntaxKind } = morph();
  const found: Found[] = [];
  for (const tagged of sf.getDescendantsOfKind(SyntaxKind.TaggedTemplateExpression)) {
    if (!isSpecTag(tagged)) continue;
    const template = tagged.getTemplate();
    if (Node.isTemplateExpression(template)) {
      // point at each `${`; the head and middles end with it
      const ends = [template.getHead(), ...template.getTemplateSpans().slice(0, -1).map((s) => s.getLiteral())];
      for (const part of ends) found.push({ kind: 'substitution', at: part.getEnd() - 2 });
      continue;
    }
    const name = constName(tagged);
    if (name === undefined) {
      const s = tagged.getStart();
      found.push({ kind: 'not-const', start: s, end: s + tagged.getTag().getText().length });
      continue;
    }
    found.push({ kind: 'spec', name, start: template.getStart() + 1, end: template.getEnd() - 1 });
  }
  return found;
}

/** `spec`...`` or `<namespace>.spec`...`` (e.g. `dsl.spec`). */
function isSpecTag(t: TaggedTemplateExpression): boolean {
  const { Node } = morph();
  const tag = t.getTag();
  if (Node.isIdentifier(tag)) return tag.getText() === 'spec';
  return Node.isPropertyAccessExpression(tag) && Node.isIdentifier(tag.getExpression()) && tag.getName() === 'spec';
}

/** The name of the const the template initialises, looking through parentheses and `as`/`satisfies`. */
function constName(t: TaggedTemplateExpression): string | undefined {
  const { Node } = morph();
  let node: NodeT = t;
  let parent = node.getParent();
  while (parent && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent))) {
    node = parent;
    parent = node.getParent();
  }
  if (!parent || !Node.isVariableDeclaration(parent) || parent.getInitializer() !== node) return undefined;
  const nameNode = parent.getNameNode();
  if (!Node.isIdentifier(nameNode)) return undefined;
  const list = parent.getParent();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== 'const') return undefined;
  return nameNode.getText();
}

export interface SelectResult {
  spec?: ExtractedSpec;
  diagnostics: Diagnostic[];
}

/**
 * Choose the spec the user asked for (`--spec NAME`), or the only one.
 * `file` names the file in messages when `specs` is empty.
 */
export function selectSpec(specs: ExtractedSpec[], name?: string, file?: string): SelectResult {
  const where = file ?? specs[0]?.source.file ?? 'the file';
  const names = specs.map((s) => s.name).join(', ');
  if (specs.length === 0) return { diagnostics: [diag('cli', `no spec\`...\` template found in ${where}`)] };
  if (name !== undefined) {
    const found = specs.find((s) => s.name === name);
    if (found) return { spec: found, diagnostics: [] };
    return { diagnostics: [diag('cli', `no spec named ${name} in ${where} (found: ${names})`)] };
  }
  if (specs.length > 1) {
    return { diagnostics: [diag('cli', `${where} defines several specs (${names}): choose one with --spec NAME`)] };
  }
  return { spec: specs[0], diagnostics: [] };
}
