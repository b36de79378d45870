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
exports.runExportTla = runExportTla;
// `uffdspec export --tla SPEC.spec.ts`: the spec as a TLA+ module and a TLC
// configuration (src/export/tla.ts, docs/tla-export.md), written into --out
// or (--check) compared with the files there.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const files_1 = require("../util/files");
const commands_1 = require("./commands");
const options_1 = require("./options");
function runExportTla(p, out) {
    if (p.positional.length !== 1)
        throw new options_1.UsageError('export: --tla expects one spec file (uffdspec export --help)');
    const file = p.positional[0];
    const constants = (0, options_1.constFlags)(p, 'export');
    const dir = p.flags.get('out')?.[0] ?? '.';
    const check = p.flags.has('check');
    // loaded only now (ts-morph and TypeScript), so a usage error is reported at once
    const { loadSpecFile } = require('../api');
    const { exportTla, ExportError } = require('../export/tla');
    const model = loadSpecFile(file, p.flags.get('spec')?.[0]).model(constants);
    let e;
    try {
        e = exportTla(model, { source: path.relative(process.cwd(), path.resolve(file)) || file, deadlock: !p.flags.has('no-deadlock') });
    }
    catch (err) {
        if (err instanceof ExportError)
            throw new options_1.UsageError(`export: ${file}: spec ${model.name} has no TLA+ form here: ${err.message}`);
        throw err;
    }
    const files = [
        [path.join(dir, `${e.module}.tla`), e.tla],
        [path.join(dir, `${e.module}.cfg`), e.cfg],
    ];
    if (check) {
        const stale = files.filter(([f, text]) => !fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text).map(([f]) => f);
        for (const f of stale)
            out(`stale: ${f}`);
        out(stale.length ? `re-export: uffdspec export --tla ${file}${exportFlags(p)} --out ${dir}` : `up to date: ${files.map(([f]) => f).join(', ')}`);
        return stale.length ? commands_1.EXIT.violated : commands_1.EXIT.ok;
    }
    (0, options_1.checkWritableDir)(dir, 'export: --out');
    for (const [f, text] of files)
        (0, files_1.writeAtomic)(f, text);
    out(`wrote ${files.map(([f]) => f).join(', ')} (spec ${model.name}; TLC: java -cp tla2tools.jar tlc2.TLC -config ${e.module}.cfg ${e.module}.tla)`);
    return commands_1.EXIT.ok;
}
/** The flags that shape the export, as given (for the re-export line). */
function exportFlags(p) {
    const parts = [];
    for (const s of p.flags.get('spec') ?? [])
        parts.push(`--spec ${s}`);
    for (const c of p.flags.get('const') ?? [])
        parts.push(`--const ${c}`);
    if (p.flags.has('no-deadlock'))
        parts.push('--no-deadlock');
    return parts.map((x) => ` ${x}`).join('');
}
//# sourceMappingURL=export-tla.js.map