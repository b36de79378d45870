"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractSpecs = extractSpecs;
exports.selectSpec = selectSpec;
// Finds the spec`...` templates of a .spec.ts file statically (nothing is
// executed) and returns their text together with where that text sits in the
// file, so that diagnostics on the spec text point at file:line:col.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const crypto = __importStar(require("crypto"));
const diagnostics_1 = require("./diagnostics");
const messages_1 = require("./messages");
const package_root_1 = require("../src/util/package-root");
const files_1 = require("../src/util/files");
let tsMorph;
const morph = () => (tsMorph ??= require('ts-morph'));
/** Bump when `collect` changes what it finds: older cache entries are then never read. */
const FOUND_FORMAT = 'found/1';
function cacheFile(text) {
    const hash = crypto.createHash('sha256').update(FOUND_FORMAT).update('\0').update(text).digest('hex').slice(0, 24);
    return (0, package_root_1.inPackage)('build', 'extract', `${hash}.json`);
}
function readCache(text) {
    try {
        return JSON.parse(fs.readFileSync(cacheFile(text), 'utf8'));
    }
    catch {
        return undefined;
    }
}
// Creating a Project loads the TypeScript library files, which is the slow
// part; one in-memory project serves every call.
let project;
function sharedProject() {
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
function extractSpecs(filePath, fileText) {
    let text;
    if (fileText !== undefined) {
        text = fileText;
    }
    else {
        try {
            text = fs.readFileSync(filePath, 'utf8');
        }
        catch (e) {
            const reason = e.code ?? String(e);
            return { specs: [], diagnostics: [(0, diagnostics_1.diag)('cli', `cannot read ${filePath}: ${reason}`)] };
        }
    }
    const fileSource = { file: filePath, text, base: 0 };
    let found = readCache(text);
    if (!found) {
        const p = sharedProject();
        // The in-memory name only has to look like a TypeScript file; a stable
        // absolute name keeps repeated calls on the same path overwriting one entry.
        const memName = path.resolve('/', path.basename(filePath).replace(/\.[cm]?[jt]sx?$/, '') + '.ts');
        let sf;
        try {
            sf = p.createSourceFile(memName, text, { overwrite: true });
            found = collect(sf);
        }
        catch (e) {
            return { specs: [], diagnostics: [(0, diagnostics_1.diag)('cli', `cannot analyse ${filePath}: ${String(e)}`)] };
        }
        finally {
            if (sf)
                p.removeSourceFile(sf);
        }
        (0, files_1.keepInCache)(cacheFile(text), JSON.stringify(found));
    }
    return resultOf(found, text, fileSource);
}
function resultOf(found, text, fileSource) {
    const specs = [];
    const diagnostics = [];
    for (const f of found) {
        if (f.kind === 'substitution')
            diagnostics.push((0, diagnostics_1.report)(messages_1.M.TemplateSubstitution, [], { start: f.at, end: f.at + 2 }, fileSource));
        else if (f.kind === 'not-const')
            diagnostics.push((0, diagnostics_1.report)(messages_1.M.TemplateNotConst, [], { start: f.start, end: f.end }, fileSource));
        // Raw text between the backticks, so offsets in it are file offsets minus
        // `base`. Escapes are not interpreted: a spec has no use for them, and
        // cooking them would break the offset mapping.
        else
            specs.push({ name: f.name, text: text.slice(f.start, f.end), source: { file: fileSource.file, text, base: f.start } });
    }
    return { specs, diagnostics };
}
function collect(sf) {
    const { Node, SyntaxKind } = morph();
    const found = [];
    for (const tagged of sf.getDescendantsOfKind(SyntaxKind.TaggedTemplateExpression)) {
        if (!isSpecTag(tagged))
            continue;
        const template = tagged.getTemplate();
        if (Node.isTemplateExpression(template)) {
            // point at each `${`; the head and middles end with it
            const ends = [template.getHead(), ...template.getTemplateSpans().slice(0, -1).map((s) => s.getLiteral())];
            for (const part of ends)
                found.push({ kind: 'substitution', at: part.getEnd() - 2 });
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
function isSpecTag(t) {
    const { Node } = morph();
    const tag = t.getTag();
    if (Node.isIdentifier(tag))
        return tag.getText() === 'spec';
    return Node.isPropertyAccessExpression(tag) && Node.isIdentifier(tag.getExpression()) && tag.getName() === 'spec';
}
/** The name of the const the template initialises, looking through parentheses and `as`/`satisfies`. */
function constName(t) {
    const { Node } = morph();
    let node = t;
    let parent = node.getParent();
    while (parent && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent))) {
        node = parent;
        parent = node.getParent();
    }
    if (!parent || !Node.isVariableDeclaration(parent) || parent.getInitializer() !== node)
        return undefined;
    const nameNode = parent.getNameNode();
    if (!Node.isIdentifier(nameNode))
        return undefined;
    const list = parent.getParent();
    if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== 'const')
        return undefined;
    return nameNode.getText();
}
/**
 * Choose the spec the user asked for (`--spec NAME`), or the only one.
 * `file` names the file in messages when `specs` is empty.
 */
function selectSpec(specs, name, file) {
    const where = file ?? specs[0]?.source.file ?? 'the file';
    const names = specs.map((s) => s.name).join(', ');
    if (specs.length === 0)
        return { diagnostics: [(0, diagnostics_1.diag)('cli', `no spec\`...\` template found in ${where}`)] };
    if (name !== undefined) {
        const found = specs.find((s) => s.name === name);
        if (found)
            return { spec: found, diagnostics: [] };
        return { diagnostics: [(0, diagnostics_1.diag)('cli', `no spec named ${name} in ${where} (found: ${names})`)] };
    }
    if (specs.length > 1) {
        return { diagnostics: [(0, diagnostics_1.diag)('cli', `${where} defines several specs (${names}): choose one with --spec NAME`)] };
    }
    return { spec: specs[0], diagnostics: [] };
}
//# sourceMappingURL=extract.js.map