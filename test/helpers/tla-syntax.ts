// TLA+ syntax as the tree-sitter grammar of the TLA+ project reads it
// (@tlaplus/tree-sitter-tlaplus ships it compiled to WebAssembly, run with
// web-tree-sitter: no native build, so `npm ci` without install scripts is
// enough). A parse with no ERROR and no MISSING node is the syntax check of
// the TLA+ exports; SANY itself needs Java and tla2tools.jar (TLC's), which
// no package registry here serves.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './cli';

export interface Node {
  type: string;
  isNamed: boolean;
  isError: boolean;
  isMissing: boolean;
  text: string;
  startPosition: { row: number; column: number };
  children: Node[];
  childForFieldName(name: string): Node | null;
  fieldNameForChild(index: number): string | null;
}
interface TsParser {
  setLanguage(l: unknown): void;
  parse(text: string): { rootNode: Node } | null;
}
interface WebTreeSitter {
  Parser: { init(): Promise<void>; new (): TsParser };
  Language: { load(bytes: Uint8Array): Promise<unknown> };
}

let parser: Promise<TsParser> | null = null;

function load(): Promise<TsParser> {
  parser ??= (async () => {
    const ts = require('web-tree-sitter') as WebTreeSitter;
    await ts.Parser.init();
    // the bytes, not the path: loading by path takes a dynamic import, which jest's VM refuses
    const lang = await ts.Language.load(fs.readFileSync(path.join(ROOT, 'node_modules/@tlaplus/tree-sitter-tlaplus/tree-sitter-tlaplus.wasm')));
    const p = new ts.Parser();
    p.setLanguage(lang);
    return p;
  })();
  return parser;
}

/**
 * The syntax tree of a TLA+ module, copied into plain objects: every access
 * to a web-tree-sitter node crosses into WebAssembly, far too slow for an
 * evaluator that walks the tree once per state.
 */
export async function parseTla(text: string): Promise<Node> {
  const tree = (await load()).parse(text);
  if (!tree) throw new Error('the parser returned no tree');
  return plain(tree.rootNode as unknown as Node & { startIndex: number; endIndex: number }, text);
}

function plain(n: Node & { startIndex: number; endIndex: number }, src: string): Node {
  const raw = n.children as (Node & { startIndex: number; endIndex: number })[];
  const children = raw.map((c) => plain(c, src));
  const fieldOf = raw.map((_c, i) => n.fieldNameForChild(i));
  const text = src.slice(n.startIndex, n.endIndex);
  return {
    type: n.type,
    isNamed: n.isNamed,
    isError: n.isError,
    isMissing: n.isMissing,
    text,
    startPosition: n.startPosition,
    children,
    childForFieldName: (f: string) => children[fieldOf.indexOf(f)] ?? null,
    fieldNameForChild: (i: number) => fieldOf[i] ?? null,
  };
}

/** The syntax errors of a TLA+ module: `line:col ERROR text` / `line:col MISSING type`; empty when it parses. */
export async function tlaSyntaxErrors(text: string): Promise<string[]> {
  const tree = (await load()).parse(text);
  if (!tree) return ['the parser returned no tree'];
  const out: string[] = [];
  const walk = (n: Node) => {
    const at = `${n.startPosition.row + 1}:${n.startPosition.column + 1}`;
    if (n.isMissing) out.push(`${at} MISSING ${n.type}`);
    else if (n.isError) out.push(`${at} ERROR ${n.text.slice(0, 60)}`);
    n.children.forEach(walk);
  };
  walk(tree.rootNode);
  return out;
}
