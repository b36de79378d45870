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
exports.runVerdicts = runVerdicts;
// `uffdspec verdicts`: the verdict table of the shmem spec (src/verdicts/).
const path = __importStar(require("path"));
const rows_1 = require("../../spec/shmem_uffd/rows");
const package_root_1 = require("../util/package-root");
const run_1 = require("../verdicts/run");
const commands_1 = require("./commands");
const options_1 = require("./options");
const progress_1 = require("./progress");
function runVerdicts(p, out) {
    if (p.positional.length)
        throw new options_1.UsageError(`verdicts: unexpected argument '${p.positional[0]}' (uffdspec verdicts --help)`);
    const only = p.flags.get('only')?.flatMap((x) => x.split(',')).filter(Boolean);
    const outDir = path.resolve(p.flags.get('out')?.[0] ?? (0, package_root_1.inPackage)('docs'));
    let rows = rows_1.ROWS;
    if (only) {
        const unknown = only.filter((id) => !rows_1.ROWS.some((r) => r.id === id));
        if (unknown.length)
            throw new options_1.UsageError(`verdicts: unknown row ${unknown.join(', ')} (rows: ${rows_1.ROWS.map((r) => r.id).join(', ')})`);
        rows = rows_1.ROWS.filter((r) => only.includes(r.id));
    }
    const progress = new progress_1.Progress();
    const opts = {
        whole: !only,
        onRow: (row, i) => {
            progress.update(`row ${i + 1} of ${rows.length}: ${row.id} (generating and exploring)`, i, rows.length, true);
        },
        onResult: (r) => {
            progress.end();
            const bad = Object.entries(r.verdicts).filter(([, v]) => !v.holds).map(([k, v]) => `${k}(${v.steps})`);
            out(`${r.row.id.padEnd(18)} ${String(r.distinctStates).padStart(8)} states  ${(r.durationMs / 1000).toFixed(1).padStart(6)}s  ${bad.length ? 'violated: ' + bad.join(' ') : 'all hold'}`);
        },
    };
    if (p.flags.has('check')) {
        const stale = (0, run_1.staleVerdicts)(rows, outDir, opts);
        for (const line of stale)
            out(`stale: ${line}`);
        out(stale.length ? `the verdict files in ${path.relative(process.cwd(), outDir) || '.'} are stale: run npm run verdicts` : `up to date (${rows.length} rows)`);
        return stale.length ? commands_1.EXIT.violated : commands_1.EXIT.ok;
    }
    (0, options_1.checkWritableDir)(outDir, 'verdicts: --out');
    const { files, schedules } = (0, run_1.writeVerdicts)(rows, outDir, opts);
    out(`wrote ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}${schedules !== undefined ? ` (${schedules} counterexample schedules)` : ''}`);
    return commands_1.EXIT.ok;
}
//# sourceMappingURL=verdicts.js.map