"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Spec = exports.SpecError = void 0;
exports.parseSpecText = parseSpecText;
exports.spec = spec;
// The front end, end to end: text → AST → Model. `spec` is the tag used in
// .spec.ts files; at run time it parses and checks the text with the default
// constants, so importing a spec module yields the same checked object that
// the command line reads statically.
const parser_1 = require("./parser");
const analyze_1 = require("./analyze");
const diagnostics_1 = require("./diagnostics");
const messages_1 = require("./messages");
const modules_1 = require("./modules");
var diagnostics_2 = require("./diagnostics");
Object.defineProperty(exports, "SpecError", { enumerable: true, get: function () { return diagnostics_2.SpecError; } });
/** A spec's text, parsed, with the means to specialise it to constant values. */
class Spec {
    name;
    text;
    ast;
    source;
    linked;
    constructor(name, text, ast, source, 
    /** how it was read from its file, with what it imports and extends (dsl/modules.ts) */
    linked) {
        this.name = name;
        this.text = text;
        this.ast = ast;
        this.source = source;
        this.linked = linked;
    }
    /** The spec read from a file and linked (dsl/modules.ts loadLinked). */
    static ofLinked(l) {
        return new Spec(l.name, l.text, l.ast, l.source, l);
    }
    /** Check the spec with these constant values (defaults for the rest); throws SpecError. */
    model(constants = {}) {
        // a spec with imports given as text (the spec tag at run time) has no file to import from
        if (this.ast.modules.length)
            throw new diagnostics_1.SpecError((0, modules_1.linkParsed)(this.name, this.ast, this.source, null).diagnostics);
        const { model, diagnostics } = (0, analyze_1.analyzeSpec)(this.ast, { name: this.name, source: this.source, constants });
        if (!model)
            throw new diagnostics_1.SpecError(diagnostics);
        return model;
    }
}
exports.Spec = Spec;
/** Parse a spec text; throws SpecError with located diagnostics. */
function parseSpecText(name, text, source) {
    const src = source ?? { file: `<spec ${name}>`, text, base: 0 };
    const { ast, diagnostics } = (0, parser_1.parseSpec)(text);
    if (!ast)
        throw new diagnostics_1.SpecError(diagnostics.map((d) => ({ ...d, source: d.source ?? src })));
    return new Spec(name, text, ast, src);
}
/**
 * The tag of spec templates. The name is not known at run time (the CLI takes
 * it from the exported const), so it is 'spec' until `.named()` is used; the
 * returned Spec is checked with the default constants, as the CLI would.
 */
function spec(strings, ...subs) {
    if (subs.length)
        throw new diagnostics_1.SpecError([(0, diagnostics_1.report)(messages_1.M.TemplateSubstitution, [])]);
    const text = strings.raw[0];
    const s = parseSpecText('spec', text);
    // imports are resolved from the file, which only the static reader knows
    // (uffdspec, loadSpecFile): a module is checked there
    if (s.ast.modules.length === 0)
        s.model();
    return s;
}
//# sourceMappingURL=index.js.map