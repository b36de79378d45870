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
exports.REPRO_DIR = exports.COUNTEREXAMPLES = void 0;
exports.runRepro = runRepro;
exports.reproFiles = reproFiles;
// `uffdspec repro`: a counterexample schedule as a standalone C reproducer for the
// real kernel (conformance/repro/generate.ts); `--all` writes one for every violated
// row of the verdict table into conformance/generated/repro/, `--check` only compares.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const generate_1 = require("../../conformance/repro/generate");
const schedule_1 = require("../../conformance/schedule");
const trace_1 = require("../../conformance/trace");
const rows_1 = require("../../spec/shmem_uffd/rows");
const package_root_1 = require("../util/package-root");
const files_1 = require("../util/files");
const commands_1 = require("./commands");
const options_1 = require("./options");
exports.COUNTEREXAMPLES = (0, package_root_1.inPackage)('conformance', 'generated', 'counterexamples.json');
exports.REPRO_DIR = (0, package_root_1.inPackage)('conformance', 'generated', 'repro');
/** The schedules of a file: a bundle (`uffdspec-schedules/1`) or one schedule (`uffdspec-schedule/1`). */
function loadSchedules(file) {
    let json;
    try {
        json = (0, trace_1.readJsonFile)(file);
    }
    catch (e) {
        throw new options_1.UsageError(`repro: ${e.message}`);
    }
    const fmt = json?.format;
    try {
        if (fmt === schedule_1.SCHEDULE_FORMAT)
            return (0, schedule_1.schedulesOf)({ format: schedule_1.SCHEDULES_FORMAT, schedules: [json] }, file);
        return (0, schedule_1.schedulesOf)(json, file);
    }
    catch (e) {
        if (e instanceof trace_1.TraceError)
            throw new options_1.UsageError(`repro: ${e.message}`);
        throw e;
    }
}
function questionOf(row) {
    return rows_1.ROWS.find((r) => r.id === row)?.question ?? '';
}
/** The one schedule a command line names. */
function pick(all, file, row, property) {
    const found = all.filter((s) => (row === undefined || s.row === row) && (property === undefined || s.property === property));
    if (found.length === 1)
        return found[0];
    const rows = [...new Set(all.map((s) => s.row))];
    if (row !== undefined && !rows.includes(row))
        throw new options_1.UsageError(`repro: ${file} has no counterexample of row '${row}' (rows with one: ${rows.join(', ')})`);
    if (found.length === 0) {
        const props = all.filter((s) => row === undefined || s.row === row).map((s) => s.property);
        throw new options_1.UsageError(`repro: ${file} has no counterexample of ${row ?? 'any row'} for property '${property}' (it has: ${[...new Set(props)].join(', ')})`);
    }
    throw new options_1.UsageError(`repro: ${file} has ${found.length} counterexamples${row ? ` of row ${row}` : ''}: name one with ${row ? '' : '--row ROW '}--property P (${found.map((s) => s.name).join(', ')})`);
}
function runRepro(p, out, err) {
    // -o FILE is --out FILE (the option parser maps it)
    const outFile = p.flags.get('out')?.[0];
    if (p.flags.has('all') || p.flags.has('check'))
        return runAll(p, out, err, outFile);
    if (p.positional.length > 1)
        throw new options_1.UsageError(`repro: unexpected argument '${p.positional[1]}' (uffdspec repro --help)`);
    const file = p.positional[0] ?? exports.COUNTEREXAMPLES;
    const row = p.flags.get('row')?.[0];
    const property = p.flags.get('property')?.[0];
    if (!p.positional.length && row === undefined)
        throw new options_1.UsageError('repro: name a schedule file, or a row of the verdict table with --row ROW --property P');
    const s = pick(loadSchedules(file), path.relative(process.cwd(), file) || file, row, property);
    let text;
    try {
        text = (0, generate_1.generateRepro)(s, questionOf(s.row)).text;
    }
    catch (e) {
        if (e instanceof generate_1.ReproError)
            throw new options_1.UsageError(`repro: ${e.message}`);
        throw e;
    }
    if (outFile === undefined || outFile === '-') {
        for (const line of text.replace(/\n$/, '').split('\n'))
            out(line);
        return commands_1.EXIT.ok;
    }
    (0, options_1.checkWritable)(outFile, 'repro: output');
    fs.writeFileSync(outFile, text.endsWith('\n') ? text : text + '\n');
    err(`repro: ${s.name} → ${outFile} (build: cc -O2 -pthread -o repro ${outFile}; run: ./repro --seconds 30; exit 1 = violation seen)`);
    return commands_1.EXIT.ok;
}
/** Every schedule of the bundle as a file of `dir`, with an index of what was left out and why. */
function reproFiles(all) {
    const files = new Map();
    const made = [];
    const left = [];
    for (const s of all) {
        try {
            const r = (0, generate_1.generateRepro)(s, questionOf(s.row));
            files.set(r.file, r.text.endsWith('\n') ? r.text : r.text + '\n');
            made.push(`| \`${s.row}\` | ${s.property} | [\`${r.file}\`](${r.file}) |`);
        }
        catch (e) {
            if (!(e instanceof generate_1.ReproError))
                throw e;
            left.push(`| \`${s.row}\` | ${s.property} | ${e.message} |`);
        }
    }
    const index = [
        '# Generated kernel reproducers',
        '',
        'Generated by `uffdspec repro --all` from conformance/generated/counterexamples.json',
        '(the counterexamples of docs/verdicts.md); do not edit by hand. docs/repro.md explains',
        'what a reproducer enforces, what it cannot, and its exit codes. Only the rows of variant D',
        '(5.19+) describe a released kernel; the others exit 4 (skip) on 5.19+ unless `--force`.',
        '',
        '| row | property | file |',
        '|---|---|---|',
        ...made,
        '',
        ...(left.length ? ['Left out (the steps cannot be driven from user space, or the property not checked on the kernel):', '', '| row | property | why |', '|---|---|---|', ...left, ''] : ['Every counterexample of the verdict table got a reproducer.', '']),
    ].join('\n');
    files.set('README.md', index);
    return { files, index };
}
function runAll(p, out, err, outDir) {
    if (p.positional.length > 1)
        throw new options_1.UsageError(`repro: unexpected argument '${p.positional[1]}' (uffdspec repro --help)`);
    if (p.flags.has('row') || p.flags.has('property'))
        throw new options_1.UsageError('repro: --all and --check take every counterexample; --row and --property name one');
    const file = p.positional[0] ?? exports.COUNTEREXAMPLES;
    const dir = outDir ?? exports.REPRO_DIR;
    const { files } = reproFiles(loadSchedules(file));
    const rel = path.relative(process.cwd(), dir) || dir;
    if (p.flags.has('check')) {
        let stale = 0;
        const present = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
        for (const [name, text] of files) {
            const f = path.join(dir, name);
            if (!fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text) {
                stale++;
                err(`${path.join(rel, name)}: stale (regenerating would change it): run \`npx uffdspec repro --all\``);
            }
        }
        for (const name of present) {
            if (!files.has(name)) {
                stale++;
                err(`${path.join(rel, name)}: not generated from the current counterexamples: run \`npx uffdspec repro --all\``);
            }
        }
        if (!stale)
            out(`${rel}: ${files.size - 1} reproducers and the index, up to date`);
        return stale ? commands_1.EXIT.violated : commands_1.EXIT.ok;
    }
    (0, files_1.mkdirs)(dir);
    for (const name of fs.readdirSync(dir))
        if (!files.has(name) && /\.(c|md)$/.test(name))
            fs.rmSync(path.join(dir, name));
    for (const [name, text] of files)
        fs.writeFileSync(path.join(dir, name), text);
    out(`${files.size - 1} reproducers and the index → ${rel}`);
    return commands_1.EXIT.ok;
}
//# sourceMappingURL=repro.js.map