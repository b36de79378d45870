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
exports.buildDir = buildDir;
exports.generateChecker = generateChecker;
// Emit, cache and load the checker module for a model. The TypeScript source
// (indented as emitted) is kept in build/gen/ under a name derived from its
// content hash and transpiled once; an unchanged spec and constants reuse the
// cached module.
const crypto = __importStar(require("crypto"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const diagnostics_1 = require("../dsl/diagnostics");
const files_1 = require("../src/util/files");
const package_root_1 = require("../src/util/package-root");
const emit_1 = require("./emit");
const runtime = __importStar(require("../src/runtime/ops"));
/**
 * Where generated checker modules are cached: UFFDSPEC_BUILD_DIR, else
 * build/gen in the package, else (when the package cannot be written, e.g.
 * installed read-only) a per-user cache directory. A directory that cannot be
 * written is a user error naming it, never a crash.
 */
function buildDir() {
    const env = process.env.UFFDSPEC_BUILD_DIR;
    if (env) {
        const why = unwritable(env);
        if (why)
            throw new diagnostics_1.SpecError([(0, diagnostics_1.diag)('cli', `UFFDSPEC_BUILD_DIR=${env} cannot be written (${why}): set it to a writable directory`)]);
        return env;
    }
    const pkg = (0, package_root_1.inPackage)('build', 'gen');
    const user = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'uffdspec', 'gen');
    const tried = [];
    for (const dir of [pkg, user]) {
        const why = unwritable(dir);
        if (!why)
            return dir;
        tried.push(`${dir} (${why})`);
    }
    throw new diagnostics_1.SpecError([(0, diagnostics_1.diag)('cli', `cannot write generated checkers to ${tried.join(' or ')}: set UFFDSPEC_BUILD_DIR to a writable directory`)]);
}
const writable = new Map();
/** why `dir` cannot be created and written, or null */
function unwritable(dir) {
    const known = writable.get(dir);
    if (known !== undefined)
        return known;
    const why = (0, files_1.unwritableDir)(dir);
    writable.set(dir, why);
    return why;
}
const loaded = new Map();
function generateChecker(model, opts = {}) {
    const raw = (0, emit_1.emitChecker)(model);
    const hash = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16);
    const dir = buildDir();
    const base = `${model.name.replace(/[^A-Za-z0-9_]/g, '_')}-${hash}`;
    const tsPath = path.join(dir, `${base}.ts`);
    const jsPath = path.join(dir, `${base}.js`);
    const mem = loaded.get(jsPath);
    if (mem)
        return { tsPath, jsPath, checker: mem, cached: true };
    let cached = fs.existsSync(jsPath) && fs.existsSync(tsPath);
    if (!cached) {
        opts.onGenerate?.();
        // the emitter writes indented code, so the module is readable as emitted:
        // formatting it (ts-morph) took longer than generating and compiling it
        const source = raw;
        // sucrase strips the types (and turns the export into CommonJS) and leaves the rest as it is:
        // on the shmem spec's module (8,900 lines) 0.3 s, where TypeScript's transpileModule took 1.4 s
        // and 0.2 s more to load, for every module a test run or a trace-guided check generates
        const { transform } = require('sucrase');
        const js = transform(source, { transforms: ['typescript', 'imports'] }).code;
        // Atomic writes: concurrent runs on a cold cache never load half a file.
        // The .ts goes last, so a .js is never taken for cached without its source.
        (0, files_1.writeAtomic)(jsPath, js);
        (0, files_1.writeAtomic)(tsPath, source);
    }
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(jsPath);
    const checker = mod.create(runtime);
    loaded.set(jsPath, checker);
    return { tsPath, jsPath, checker, cached };
}
//# sourceMappingURL=load.js.map