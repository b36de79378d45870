// Modules: `import Name from "file.spec.ts"` and `extends Name`. Linking
// turns a spec with module declarations into one AST that the semantic passes
// (analyze.ts) read as if it had been written in one piece, so names, types
// and every later stage need to know nothing of modules. A node keeps the
// text it came from in its span (Span.src), so a diagnostic points into the
// file that holds the error.
//
// `extends Base` takes every declaration of Base; a declaration of the
// extending spec with the name of one of Base's replaces it in place (a
// constant keeps its type and position and takes the new default; a process
// is merged: a labelled step, a local or a def of the same name replaces
// Base's, a new step goes right after the step written before it in the
// extending block, or last), a new name is added, and an `init` block runs
// after Base's. A variable cannot be replaced. `import Name` alone takes the
// constants, types, enums, unions, defs and assumptions of Name: a library.
// This is how a proposed kernel patch is written: the kernel function it
// changes, with its new body (spec/shmem_uffd/patches/).
import * as fs from 'fs';
import * as path from 'path';
import type * as A from './ast';
import { type Diagnostic, type SourceText, report } from './diagnostics';
import { extractSpecs, selectSpec } from './extract';
import { M } from './messages';
import { parseSpec } from './parser';

/** A spec read from a file and linked: its AST has no module declarations left. */
export interface LinkedSpec {
  name: string;
  /** the file as shown to the user */
  file: string;
  text: string;
  source: SourceText;
  /** the linked AST (Base's declarations with this spec's applied) */
  ast: A.SpecAst;
  /** this spec's own text, parsed, before linking */
  own: A.SpecAst;
  /** the spec it extends, linked, if any */
  extended?: LinkedSpec;
}

export interface LinkResult {
  spec?: LinkedSpec;
  diagnostics: Diagnostic[];
}

/**
 * Read spec `name` (or the only one) of `file` and link it with what it imports.
 * `shown` is how the file is named in messages. Never throws for bad input.
 */
export function loadLinked(file: string, name: string | undefined, shown: string): LinkResult {
  return new Linker().load(file, name, shown, []);
}

/**
 * Link a parsed spec whose module declarations name files relative to `file`
 * (null: a spec with no file, e.g. a string in a test; it may not import).
 */
export function linkParsed(name: string, own: A.SpecAst, source: SourceText, file: string | null): LinkResult {
  return new Linker().link(name, own, source, file, []);
}

/**
 * Apply `own` (an extending spec's declarations) onto another base than the one it
 * names: how a patch is reviewed against another kernel (uffdspec review --onto).
 */
export function rebase(patch: LinkedSpec, onto: LinkedSpec): LinkResult {
  const diags: Diagnostic[] = [];
  const ast = extend(onto.ast, patch.own, patch.source, onto.name, diags);
  if (diags.length) return { diagnostics: diags };
  return { spec: { ...patch, ast, extended: onto }, diagnostics: [] };
}

class Linker {
  /** linked files of this load, by resolved path and spec name */
  private readonly done = new Map<string, LinkResult>();

  load(file: string, name: string | undefined, shown: string, stack: string[]): LinkResult {
    const key = `${path.resolve(file)}#${name ?? ''}`;
    const known = this.done.get(key);
    if (known) return known;
    const { specs, diagnostics } = extractSpecs(file);
    if (diagnostics.length) return { diagnostics: diagnostics.map((d) => (d.source ? { ...d, source: { ...d.source, file: shown } } : d)) };
    const sel = selectSpec(specs, name, shown);
    if (!sel.spec) return { diagnostics: sel.diagnostics };
    const source: SourceText = { ...sel.spec.source, file: shown };
    // a file's spec: its AST is kept in build/parse/ for the next load (parser.ts)
    const parsed = parseSpec(sel.spec.text, { keep: true });
    if (!parsed.ast) return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, source: d.source ?? source })) };
    const r = this.link(sel.spec.name, parsed.ast, source, file, [...stack, key]);
    this.done.set(key, r);
    return r;
  }

  link(name: string, own: A.SpecAst, source: SourceText, file: string | null, stack: string[]): LinkResult {
    const diags: Diagnostic[] = [];
    const imported = new Map<string, LinkedSpec>();
    let extendsDecl: Extract<A.ModuleDecl, { kind: 'Extends' }> | undefined;
    for (const m of own.modules) {
      if (m.kind === 'Extends') {
        if (extendsDecl) diags.push(report(M.ExtendsTwice, [], m.span, source));
        extendsDecl = m;
        continue;
      }
      if (imported.has(m.name.name)) {
        diags.push(report(M.ImportTwice, [m.name.name], m.name.span, source));
        continue;
      }
      if (file === null) {
        diags.push(report(M.ImportWithoutFile, [m.path], m.pathSpan, source));
        continue;
      }
      const target = path.resolve(path.dirname(file), m.path);
      const key = `${target}#${m.name.name}`;
      if (stack.includes(key)) {
        const cycle = [...stack.slice(stack.indexOf(key)), key].map((k) => k.split('#')[1]).join(' -> ');
        diags.push(report(M.ImportCycle, [cycle], m.span, source));
        continue;
      }
      if (!fs.existsSync(target)) {
        diags.push(report(M.ImportNotFound, [m.path, path.relative(process.cwd(), target) || target], m.pathSpan, source));
        continue;
      }
      const shown = path.relative(process.cwd(), target) || target;
      const r = this.load(target, m.name.name, shown, stack.length ? stack : [`${file ? path.resolve(file) : '<text>'}#${name}`]);
      if (!r.spec) {
        // where it was imported, then the imported file's own diagnostics, located in it
        diags.push(report(M.ImportFails, [m.name.name, m.path], m.span, source), ...r.diagnostics);
        continue;
      }
      imported.set(m.name.name, r.spec);
    }
    let base: LinkedSpec | undefined;
    if (extendsDecl) {
      base = imported.get(extendsDecl.name.name);
      if (!base && !diags.length) diags.push(report(M.ExtendsNotImported, [extendsDecl.name.name], extendsDecl.name.span, source));
    }
    if (diags.length) return { diagnostics: diags };
    let decls: A.Decl[] = [];
    for (const [iname, lib] of imported) {
      if (lib === base) continue;
      decls = importLibrary(decls, lib, iname, own, source, diags);
    }
    let ast: A.SpecAst;
    if (base) {
      const merged = extend(base.ast, own, source, base.name, diags);
      // a library's declarations come first: the base and this spec may use them
      ast = { ...merged, decls: [...decls, ...merged.decls] };
    } else {
      ast = { span: own.span, modules: [], decls: [...decls, ...own.decls] };
    }
    if (diags.length) return { diagnostics: diags };
    const linked: LinkedSpec = { name, file: source.file, text: own.span ? source.text.slice(source.base, source.base + own.span.end) : '', source, ast, own, extended: base };
    // this spec's nodes, met in another spec's link, point into this file
    stampSources(ast, source);
    return { spec: linked, diagnostics: [] };
  }
}

/** What `import Name` (without extends) takes from Name. */
const LIBRARY_KINDS = new Set<A.Decl['kind']>(['Const', 'Type', 'Union', 'Def', 'Assume']);

function importLibrary(decls: A.Decl[], lib: LinkedSpec, iname: string, own: A.SpecAst, source: SourceText, diags: Diagnostic[]): A.Decl[] {
  const ownNames = new Set(own.decls.map(declName).filter((n): n is string => n !== undefined));
  const taken = lib.ast.decls.filter((d) => LIBRARY_KINDS.has(d.kind));
  for (const d of taken) {
    const n = declName(d);
    if (n !== undefined && ownNames.has(n)) {
      const mine = own.decls.find((x) => declName(x) === n)!;
      diags.push(report(M.ImportClash, [n, iname], nameSpan(mine), source));
    }
  }
  return [...decls, ...taken];
}

function declName(d: A.Decl): string | undefined {
  return d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Fairness' || d.kind === 'Symmetric' ? undefined : d.name.name;
}
function nameSpan(d: A.Decl): A.Span {
  return d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Fairness' || d.kind === 'Symmetric' ? d.span : d.name.span;
}

const KIND_WORD: Record<A.Decl['kind'], string> = {
  Const: 'a constant', Assume: 'an assumption', Type: 'a type', Union: 'a union or enum', Var: 'a variable', Init: 'the init block',
  Action: 'an action', Process: 'a process', Invariant: 'an invariant', Property: 'a property', Fairness: 'a fairness condition', Symmetric: 'a symmetry declaration', Def: 'a def',
};

/** Base's declarations with `own`'s applied (see the header). New containers; nodes are shared, never changed. */
function extend(baseAst: A.SpecAst, own: A.SpecAst, source: SourceText, baseName: string, diags: Diagnostic[]): A.SpecAst {
  const out = [...baseAst.decls];
  const at = (n: string) => out.findIndex((d) => declName(d) === n);
  for (const d of own.decls) {
    if (d.kind === 'Assume' || d.kind === 'Fairness' || d.kind === 'Symmetric') {
      out.push(d);
      continue;
    }
    if (d.kind === 'Init') {
      const i = out.findIndex((x) => x.kind === 'Init');
      if (i < 0) out.push(d);
      else out[i] = { ...(out[i] as A.InitDecl), body: [...(out[i] as A.InitDecl).body, ...d.body] };
      continue;
    }
    const i = at(d.name.name);
    if (i < 0) {
      if (d.kind === 'Const' && !d.type) diags.push(report(M.ConstNeedsType, [d.name.name], d.name.span, source));
      out.push(d);
      continue;
    }
    const old = out[i];
    if (old.kind !== d.kind) {
      diags.push(report(M.ReplacedByOtherKind, [d.name.name, KIND_WORD[old.kind], baseName, KIND_WORD[d.kind]], d.name.span, source));
      continue;
    }
    switch (d.kind) {
      case 'Var':
        diags.push(report(M.VarReplaced, [d.name.name, baseName], d.name.span, source));
        break;
      case 'Const': {
        const o = old as A.ConstDecl;
        out[i] = { ...o, value: d.value, type: d.type ?? o.type, doc: d.doc ?? o.doc, span: d.span };
        break;
      }
      case 'Process':
        out[i] = mergeProcess(old as A.ProcessDecl, d, source, baseName, diags);
        break;
      default:
        out[i] = { ...d, doc: (d as A.Documented).doc ?? (old as A.Documented).doc } as A.Decl;
    }
  }
  return { span: own.span, modules: [], decls: out };
}

function mergeProcess(base: A.ProcessDecl, ext: A.ProcessDecl, source: SourceText, baseName: string, diags: Diagnostic[]): A.ProcessDecl {
  if (ext.index && (!base.index || base.index.name.name !== ext.index.name.name)) {
    const was = base.index ? `[${base.index.name.name} in ...]` : 'nothing (a single instance)';
    diags.push(report(M.ProcessIndexDiffers, [base.name.name, was, baseName], ext.index.name.span, source));
  }
  const replaceByName = <T extends { name: A.Ident }>(xs: T[], ys: T[]): T[] => {
    const out = [...xs];
    for (const y of ys) {
      const i = out.findIndex((x) => x.name.name === y.name.name);
      if (i < 0) out.push(y);
      else out[i] = y;
    }
    return out;
  };
  const steps = [...base.steps];
  let cursor = -1;
  for (const s of ext.steps) {
    const i = steps.findIndex((x) => x.label.name === s.label.name);
    if (i >= 0) {
      steps[i] = { ...s, doc: s.doc ?? steps[i].doc };
      cursor = i;
    } else if (cursor >= 0) {
      steps.splice(++cursor, 0, s);
    } else {
      steps.push(s);
      cursor = steps.length - 1;
    }
  }
  return {
    ...base,
    doc: ext.doc ?? base.doc,
    locals: replaceByName(base.locals, ext.locals),
    defs: replaceByName(base.defs, ext.defs),
    steps,
  };
}

/** Give every span under `node` that has no text of its own this one (non-enumerable: see Span.src). */
function stampSources(node: unknown, src: SourceText): void {
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    const o = x as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'span' || k === 'pathSpan') && v && typeof v === 'object') {
        if (!(v as A.Span).src) Object.defineProperty(v, 'src', { value: src, enumerable: false });
      } else walk(v);
    }
  };
  walk(node);
}

/** What a patch module declares, by kind: what it replaces or adds over its base. */
export interface PatchSummary {
  constants: string[];
  defs: string[];
  vars: string[];
  actions: string[];
  /** 'Process:label' for each step written, 'Process' for a new process */
  steps: string[];
  /** 'Process.def' and 'Process.local' written inside a process block */
  processParts: string[];
  invariants: string[];
  properties: string[];
  types: string[];
}

export function patchSummary(own: A.SpecAst): PatchSummary {
  const s: PatchSummary = { constants: [], defs: [], vars: [], actions: [], steps: [], processParts: [], invariants: [], properties: [], types: [] };
  for (const d of own.decls) {
    switch (d.kind) {
      case 'Const': s.constants.push(d.name.name); break;
      case 'Def': s.defs.push(d.name.name); break;
      case 'Var': s.vars.push(d.name.name); break;
      case 'Action': s.actions.push(d.name.name); break;
      case 'Invariant': s.invariants.push(d.name.name); break;
      case 'Property': s.properties.push(d.name.name); break;
      case 'Type': case 'Union': s.types.push(d.name.name); break;
      case 'Process':
        for (const st of d.steps) s.steps.push(`${d.name.name}:${st.label.name}`);
        for (const x of [...d.defs, ...d.locals]) s.processParts.push(`${d.name.name}.${x.name.name}`);
        break;
      default:
    }
  }
  return s;
}

/** The text of a declaration as written (in whichever file holds it). */
export function declText(d: A.Decl, fallback: SourceText): string {
  const src = d.span.src ?? fallback;
  return src.text.slice(src.base + d.span.start, src.base + d.span.end);
}
