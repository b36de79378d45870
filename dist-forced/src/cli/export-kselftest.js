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
exports.KSELFTEST_SOURCES = void 0;
exports.runExportKselftest = runExportKselftest;
// `uffdspec export --kselftest`: the conformance traces as one kselftest C program
// (conformance/kselftest.ts). export-select.ts dispatches to it.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const kselftest_1 = require("../../conformance/kselftest");
const runner_1 = require("../../conformance/runner");
const trace_1 = require("../../conformance/trace");
const package_root_1 = require("../util/package-root");
const files_1 = require("../util/files");
const commands_1 = require("./commands");
const options_1 = require("./options");
/** The traces the native target runs: those recorded on the kernel and the generated tours. */
exports.KSELFTEST_SOURCES = [(0, package_root_1.inPackage)('conformance', 'traces', 'kernel'), (0, package_root_1.inPackage)('conformance', 'generated')];
function runExportKselftest(p, out, err) {
    // -o FILE is --out FILE (the option parser maps it)
    return exportKselftest(p, out, err, p.flags.get('out')?.[0]);
}
function exportKselftest(p, out, err, outFile) {
    const roots = p.positional.length ? p.positional.map((x) => path.resolve(x)) : exports.KSELFTEST_SOURCES;
    const rel = (f) => path.relative((0, package_root_1.packageRoot)(), f) || f;
    let loaded;
    try {
        // the counterexample bundle among the generated files is schedules, not traces
        const files = (0, runner_1.findTraceFiles)(roots).filter((f) => !(0, runner_1.isScheduleFile)(f));
        loaded = (0, runner_1.loadConformanceFiles)(files);
    }
    catch (e) {
        if (e instanceof trace_1.TraceError)
            throw new options_1.UsageError(`export: ${e.message}`);
        throw e;
    }
    if (!loaded.traces.length)
        throw new options_1.UsageError(`export: no traces under ${roots.map(rel).join(', ')}`);
    const traces = loaded.traces.map((t) => ({ trace: t.trace, file: rel(path.resolve(t.file)) }));
    const { text, tests, skipped } = (0, kselftest_1.kselftestSource)({ traces, sources: roots.map(rel) });
    if (outFile === undefined || outFile === '-') {
        for (const line of text.replace(/\n$/, '').split('\n'))
            out(line);
        return commands_1.EXIT.ok;
    }
    (0, files_1.mkdirs)(path.dirname(path.resolve(outFile)));
    (0, options_1.checkWritable)(outFile, 'export: output');
    fs.writeFileSync(outFile, text);
    err(`export: ${tests} traces (${skipped} of another kernel variant, skipped when run) → ${outFile} (build: cc -O2 -pthread -o uffd-shmem-traces ${outFile})`);
    return commands_1.EXIT.ok;
}
//# sourceMappingURL=export-kselftest.js.map