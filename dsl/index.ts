// The front end, end to end: text → AST → Model. `spec` is the tag used in
// .spec.ts files; at run time it parses and checks the text with the default
// constants, so importing a spec module yields the same checked object that
// the command line reads statically.
import { parseSpec } from './parser';
import { analyzeSpec, type ConstOverrides } from './analyze';
import { type SourceText, SpecError, report } from './diagnostics';
import { M } from './messages';
import { linkParsed, type LinkedSpec } from './modules';
import type { SpecAst } from './ast';
import type { Model } from './ir';

export { SpecError } from './diagnostics';
export type { Model } from './ir';
export type { ConstOverrides } from './analyze';
export type { LinkedSpec } from './modules';

/** A spec's text, parsed, with the means to specialise it to constant values. */
export class Spec {
  constructor(
    readonly name: string,
    readonly text: string,
    readonly ast: SpecAst,
    readonly source: SourceText,
    /** how it was read from its file, with what it imports and extends (dsl/modules.ts) */
    readonly linked?: LinkedSpec,
  ) {}

  /** The spec read from a file and linked (dsl/modules.ts loadLinked). */
  static ofLinked(l: LinkedSpec): Spec {
    return new Spec(l.name, l.text, l.ast, l.source, l);
  }

  /** Check the spec with these constant values (defaults for the rest); throws SpecError. */
  model(constants: ConstOverrides = {}): Model {
    // a spec with imports given as text (the spec tag at run time) has no file to import from
    if (this.ast.modules.length) throw new SpecError(linkParsed(this.name, this.ast, this.source, null).diagnostics);
    const { model, diagnostics } = analyzeSpec(this.ast, { name: this.name, source: this.source, constants });
    if (!model) throw new SpecError(diagnostics);
    return model;
  }
}

/** Parse a spec text; throws SpecError with located diagnostics. */
export function parseSpecText(name: string, text: string, source?: SourceText): Spec {
  const src = source ?? { file: `<spec ${name}>`, text, base: 0 };
  const { ast, diagnostics } = parseSpec(text);
  if (!ast) throw new SpecError(diagnostics.map((d) => ({ ...d, source: d.source ?? src })));
  return new Spec(name, text, ast, src);
}

/**
 * The tag of spec templates. The name is not known at run time (the CLI takes
 * it from the exported const), so it is 'spec' until `.named()` is used; the
 * returned Spec is checked with the default constants, as the CLI would.
 */
export function spec(strings: TemplateStringsArray, ...subs: unknown[]): Spec {
  if (subs.length) throw new SpecError([report(M.TemplateSubstitution, [])]);
  const text = strings.raw[0];
  const s = parseSpecText('spec', text);
  // imports are resolved from the file, which only the static reader knows
  // (uffdspec, loadSpecFile): a module is checked there
  if (s.ast.modules.length === 0) s.model();
  return s;
}
