"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runExport = runExport;
// `uffdspec export`: one command, one kind of export per run, chosen by its
// flag; each kind is its own module (export-tla.ts, export-itf.ts, export-kselftest.ts).
const options_1 = require("./options");
const KINDS = {
    tla: () => require('./export-tla').runExportTla,
    itf: () => require('./export-itf').runExportItf,
    kselftest: () => require('./export-kselftest').runExportKselftest,
};
function runExport(p, out, err) {
    const kinds = Object.keys(KINDS).filter((k) => p.flags.has(k));
    if (kinds.length !== 1) {
        throw new options_1.UsageError(`export: give one of ${Object.keys(KINDS).map((k) => `--${k}`).join(', ')}${kinds.length ? ` (got ${kinds.map((k) => `--${k}`).join(' and ')})` : ''} (uffdspec export --help)`);
    }
    return KINDS[kinds[0]]()(p, out, err);
}
//# sourceMappingURL=export-select.js.map