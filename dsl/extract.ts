// Finds the spec`...` templates of a .spec.ts file statically (nothing is
// executed) and returns their text together with where that text sits in the
// file, so that diagnostics on the spec text point at file:line:col.
import * as fs from 'fs';
import * as path from 'path';
import { Node, Project, SyntaxKind, type SourceFile, type TaggedTemplateExpression } from 'ts-morph';
import { diag, report, type Diagnostic, type SourceText } from './diagnostics';
import { M } from './messages';

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

// Creating a Project loads the TypeScript library files, which is the slow
// part; one in-memory project serves every call.
let project: Project | undefined;
function sharedProject(): Project {
  project ??= new Project({
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
  const p = sharedProject();
  // The in-memory name only has to look like a TypeScript file; a stable
  // absolute name keeps repeated calls on the same path overwriting one entry.
  const memName = path.resolve('/', path.basename(filePath).replace(/\.[cm]?[jt]sx?$/, '') + '.ts');
  let sf: SourceFile | undefined;
  try {
    sf = p.createSourceFile(memName, text, { overwrite: true });
    return collect(sf, text, fileSource);
  } catch (e) {
    return { specs: [], diagnostics: [diag('cli', `cannot analyse ${filePath}: ${String(e)}`)] };
  } finally {
    if (sf) p.removeSourceFile(sf);
  }
}

function collect(sf: SourceFile, text: string, fileSource: SourceText): ExtractResult {
  const specs: ExtractedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const tagged of sf.getDescendantsOfKind(SyntaxKind.TaggedTemplateExpression)) {
    if (!isSpecTag(tagged)) continue;
    const template = tagged.getTemplate();
    if (Node.isTemplateExpression(template)) {
      // point at each `${`; the head and middles end with it
      const ends = [template.getHead(), ...template.getTemplateSpans().slice(0, -1).map((s) => s.getLiteral())];
      for (const part of ends) {
        const at = part.getEnd() - 2;
        diagnostics.push(report(M.TemplateSubstitution, [], { start: at, end: at + 2 }, fileSource));
      }
      continue;
    }
    const name = constName(tagged);
    if (name === undefined) {
      const s = tagged.getStart();
      diagnostics.push(
        report(M.TemplateNotConst, [], { start: s, end: s + tagged.getTag().getText().length }, fileSource),
      );
      continue;
    }
    // Raw text between the backticks, so offsets in it are file offsets minus
    // `base`. Escapes are not interpreted: a spec has no use for them, and
    // cooking them would break the offset mapping.
    const start = template.getStart() + 1;
    const end = template.getEnd() - 1;
    specs.push({ name, text: text.slice(start, end), source: { file: fileSource.file, text, base: start } });
  }
  return { specs, diagnostics };
}

/** `spec`...`` or `<namespace>.spec`...`` (e.g. `dsl.spec`). */
function isSpecTag(t: TaggedTemplateExpression): boolean {
  const tag = t.getTag();
  if (Node.isIdentifier(tag)) return tag.getText() === 'spec';
  return Node.isPropertyAccessExpression(tag) && Node.isIdentifier(tag.getExpression()) && tag.getName() === 'spec';
}

/** The name of the const the template initialises, looking through parentheses and `as`/`satisfies`. */
function constName(t: TaggedTemplateExpression): string | undefined {
  let node: Node = t;
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
