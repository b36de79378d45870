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
exports.loadLinked = loadLinked;
exports.linkParsed = linkParsed;
exports.rebase = rebase;
exports.patchSummary = patchSummary;
exports.declText = declText;
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
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const diagnostics_1 = require("./diagnostics");
const extract_1 = require("./extract");
const messages_1 = require("./messages");
const parser_1 = require("./parser");
/**
 * Read spec `name` (or the only one) of `file` and link it with what it imports.
 * `shown` is how the file is named in messages. Never throws for bad input.
 */
function loadLinked(file, name, shown) {
    return new Linker().load(file, name, shown, []);
}
/**
 * Link a parsed spec whose module declarations name files relative to `file`
 * (null: a spec with no file, e.g. a string in a test; it may not import).
 */
function linkParsed(name, own, source, file) {
    return new Linker().link(name, own, source, file, []);
}
/**
 * Apply `own` (an extending spec's declarations) onto another base than the one it
 * names: how a patch is reviewed against another kernel (uffdspec review --onto).
 */
function rebase(patch, onto) {
    const diags = [];
    const ast = extend(onto.ast, patch.own, patch.source, onto.name, diags);
    if (diags.length)
        return { diagnostics: diags };
    return { spec: { ...patch, ast, extended: onto }, diagnostics: [] };
}
class Linker {
    /** linked files of this load, by resolved path and spec name */
    done = new Map();
    load(file, name, shown, stack) {
        const key = `${path.resolve(file)}#${name ?? ''}`;
        const known = this.done.get(key);
        if (known)
            return known;
        const { specs, diagnostics } = (0, extract_1.extractSpecs)(file);
        if (diagnostics.length)
            return { diagnostics: diagnostics.map((d) => (d.source ? { ...d, source: { ...d.source, file: shown } } : d)) };
        const sel = (0, extract_1.selectSpec)(specs, name, shown);
        if (!sel.spec)
            return { diagnostics: sel.diagnostics };
        const source = { ...sel.spec.source, file: shown };
        // a file's spec: its AST is kept in build/parse/ for the next load (parser.ts)
        const parsed = (0, parser_1.parseSpec)(sel.spec.text, { keep: true });
        if (!parsed.ast)
            return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, source: d.source ?? source })) };
        const r = this.link(sel.spec.name, parsed.ast, source, file, [...stack, key]);
        this.done.set(key, r);
        return r;
    }
    link(name, own, source, file, stack) {
        const diags = [];
        const imported = new Map();
        let extendsDecl;
        for (const m of own.modules) {
            if (m.kind === 'Extends') {
                if (extendsDecl)
                    diags.push((0, diagnostics_1.report)(messages_1.M.ExtendsTwice, [], m.span, source));
                extendsDecl = m;
                continue;
            }
            if (imported.has(m.name.name)) {
                diags.push((0, diagnostics_1.report)(messages_1.M.ImportTwice, [m.name.name], m.name.span, source));
                continue;
            }
            if (file === null) {
                diags.push((0, diagnostics_1.report)(messages_1.M.ImportWithoutFile, [m.path], m.pathSpan, source));
                continue;
            }
            const target = path.resolve(path.dirname(file), m.path);
            const key = `${target}#${m.name.name}`;
            if (stack.includes(key)) {
                const cycle = [...stack.slice(stack.indexOf(key)), key].map((k) => k.split('#')[1]).join(' -> ');
                diags.push((0, diagnostics_1.report)(messages_1.M.ImportCycle, [cycle], m.span, source));
                continue;
            }
            if (!fs.existsSync(target)) {
                diags.push((0, diagnostics_1.report)(messages_1.M.ImportNotFound, [m.path, path.relative(process.cwd(), target) || target], m.pathSpan, source));
                continue;
            }
            const shown = path.relative(process.cwd(), target) || target;
            const r = this.load(target, m.name.name, shown, stack.length ? stack : [`${file ? path.resolve(file) : '<text>'}#${name}`]);
            if (!r.spec) {
                // where it was imported, then the imported file's own diagnostics, located in it
                diags.push((0, diagnostics_1.report)(messages_1.M.ImportFails, [m.name.name, m.path], m.span, source), ...r.diagnostics);
                continue;
            }
            imported.set(m.name.name, r.spec);
        }
        let base;
        if (extendsDecl) {
            base = imported.get(extendsDecl.name.name);
            if (!base && !diags.length)
                diags.push((0, diagnostics_1.report)(messages_1.M.ExtendsNotImported, [extendsDecl.name.name], extendsDecl.name.span, source));
        }
        if (diags.length)
            return { diagnostics: diags };
        let decls = [];
        for (const [iname, lib] of imported) {
            if (lib === base)
                continue;
            decls = importLibrary(decls, lib, iname, own, source, diags);
        }
        let ast;
        if (base) {
            const merged = extend(base.ast, own, source, base.name, diags);
            // a library's declarations come first: the base and this spec may use them
            ast = { ...merged, decls: [...decls, ...merged.decls] };
        }
        else {
            ast = { span: own.span, modules: [], decls: [...decls, ...own.decls] };
        }
        if (diags.length)
            return { diagnostics: diags };
        const linked = { name, file: source.file, text: own.span ? source.text.slice(source.base, source.base + own.span.end) : '', source, ast, own, extended: base };
        // this spec's nodes, met in another spec's link, point into this file
        stampSources(ast, source);
        return { spec: linked, diagnostics: [] };
    }
}
/** What `import Name` (without extends) takes from Name. */
const LIBRARY_KINDS = new Set(['Const', 'Type', 'Union', 'Def', 'Assume']);
function importLibrary(decls, lib, iname, own, source, diags) {
    const ownNames = new Set(own.decls.map(declName).filter((n) => n !== undefined));
    const taken = lib.ast.decls.filter((d) => LIBRARY_KINDS.has(d.kind));
    for (const d of taken) {
        const n = declName(d);
        if (n !== undefined && ownNames.has(n)) {
            const mine = own.decls.find((x) => declName(x) === n);
            diags.push((0, diagnostics_1.report)(messages_1.M.ImportClash, [n, iname], nameSpan(mine), source));
        }
    }
    return [...decls, ...taken];
}
function declName(d) {
    return d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Fairness' || d.kind === 'Symmetric' ? undefined : d.name.name;
}
function nameSpan(d) {
    return d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Fairness' || d.kind === 'Symmetric' ? d.span : d.name.span;
}
const KIND_WORD = {
    Const: 'a constant', Assume: 'an assumption', Type: 'a type', Union: 'a union or enum', Var: 'a variable', Init: 'the init block',
    Action: 'an action', Process: 'a process', Invariant: 'an invariant', Property: 'a property', Fairness: 'a fairness condition', Symmetric: 'a symmetry declaration', Def: 'a def',
};
/** Base's declarations with `own`'s applied (see the header). New containers; nodes are shared, never changed. */
function extend(baseAst, own, source, baseName, diags) {
    const out = [...baseAst.decls];
    const at = (n) => out.findIndex((d) => declName(d) === n);
    for (const d of own.decls) {
        if (d.kind === 'Assume' || d.kind === 'Fairness' || d.kind === 'Symmetric') {
            out.push(d);
            continue;
        }
        if (d.kind === 'Init') {
            const i = out.findIndex((x) => x.kind === 'Init');
            if (i < 0)
                out.push(d);
            else
                out[i] = { ...out[i], body: [...out[i].body, ...d.body] };
            continue;
        }
        const i = at(d.name.name);
        if (i < 0) {
            if (d.kind === 'Const' && !d.type)
                diags.push((0, diagnostics_1.report)(messages_1.M.ConstNeedsType, [d.name.name], d.name.span, source));
            out.push(d);
            continue;
        }
        const old = out[i];
        if (old.kind !== d.kind) {
            diags.push((0, diagnostics_1.report)(messages_1.M.ReplacedByOtherKind, [d.name.name, KIND_WORD[old.kind], baseName, KIND_WORD[d.kind]], d.name.span, source));
            continue;
        }
        switch (d.kind) {
            case 'Var':
                diags.push((0, diagnostics_1.report)(messages_1.M.VarReplaced, [d.name.name, baseName], d.name.span, source));
                break;
            case 'Const': {
                const o = old;
                out[i] = { ...o, value: d.value, type: d.type ?? o.type, doc: d.doc ?? o.doc, span: d.span };
                break;
            }
            case 'Process':
                out[i] = mergeProcess(old, d, source, baseName, diags);
                break;
            default:
                out[i] = { ...d, doc: d.doc ?? old.doc };
        }
    }
    return { span: own.span, modules: [], decls: out };
}
function mergeProcess(base, ext, source, baseName, diags) {
    if (ext.index && (!base.index || base.index.name.name !== ext.index.name.name)) {
        const was = base.index ? `[${base.index.name.name} in ...]` : 'nothing (a single instance)';
        diags.push((0, diagnostics_1.report)(messages_1.M.ProcessIndexDiffers, [base.name.name, was, baseName], ext.index.name.span, source));
    }
    const replaceByName = (xs, ys) => {
        const out = [...xs];
        for (const y of ys) {
            const i = out.findIndex((x) => x.name.name === y.name.name);
            if (i < 0)
                out.push(y);
            else
                out[i] = y;
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
        }
        else if (cursor >= 0) {
            steps.splice(++cursor, 0, s);
        }
        else {
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
function stampSources(node, src) {
    const seen = new Set();
    const walk = (x) => {
        if (!x || typeof x !== 'object' || seen.has(x))
            return;
        seen.add(x);
        if (Array.isArray(x)) {
            for (const y of x)
                walk(y);
            return;
        }
        const o = x;
        for (const [k, v] of Object.entries(o)) {
            if ((k === 'span' || k === 'pathSpan') && v && typeof v === 'object') {
                if (!v.src)
                    Object.defineProperty(v, 'src', { value: src, enumerable: false });
            }
            else
                walk(v);
        }
    };
    walk(node);
}
function patchSummary(own) {
    const s = { constants: [], defs: [], vars: [], actions: [], steps: [], processParts: [], invariants: [], properties: [], types: [] };
    for (const d of own.decls) {
        switch (d.kind) {
            case 'Const':
                s.constants.push(d.name.name);
                break;
            case 'Def':
                s.defs.push(d.name.name);
                break;
            case 'Var':
                s.vars.push(d.name.name);
                break;
            case 'Action':
                s.actions.push(d.name.name);
                break;
            case 'Invariant':
                s.invariants.push(d.name.name);
                break;
            case 'Property':
                s.properties.push(d.name.name);
                break;
            case 'Type':
            case 'Union':
                s.types.push(d.name.name);
                break;
            case 'Process':
                for (const st of d.steps)
                    s.steps.push(`${d.name.name}:${st.label.name}`);
                for (const x of [...d.defs, ...d.locals])
                    s.processParts.push(`${d.name.name}.${x.name.name}`);
                break;
            default:
        }
    }
    return s;
}
/** The text of a declaration as written (in whichever file holds it). */
function declText(d, fallback) {
    const src = d.span.src ?? fallback;
    return src.text.slice(src.base + d.span.start, src.base + d.span.end);
}
//# sourceMappingURL=modules.js.map