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
exports.counterexampleBundle = counterexampleBundle;
exports.bundleText = bundleText;
exports.writeVerdicts = writeVerdicts;
exports.staleVerdicts = staleVerdicts;
// The verdict table of the ShmemUffd spec: checks rows of rows.ts and writes
// docs/verdicts.md and docs/verdicts.json (`uffdspec verdicts`, src/cli/verdicts.ts).
//
// The answers to the two open questions of the 2020 thread are written from
// the results, not by hand.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const files_1 = require("../util/files");
const check_1 = require("./check");
const package_root_1 = require("../util/package-root");
const render_1 = require("./render");
const rows_1 = require("../../spec/shmem_uffd/rows");
const variants_1 = require("../../spec/shmem_uffd/variants");
const schedule_1 = require("../../conformance/schedule");
const schedules_1 = require("../../spec/shmem_uffd/schedules");
const tours_1 = require("../../spec/shmem_uffd/tours");
/** Every counterexample of the table as a label-level schedule (conformance/schedule.ts). */
function counterexampleBundle(results) {
    // a lasso (liveness) has no end to replay: only safety counterexamples become schedules
    const schedules = results.flatMap((r) => r.traces.filter((t) => !rows_1.LIVENESS_PROPERTIES.includes(t.property)).map((t) => (0, schedules_1.scheduleOf)(r.row.id, t.property, 'ShmemUffd', r.constants, t.trace)));
    return { format: schedule_1.SCHEDULES_FORMAT, generatedFrom: 'spec/shmem_uffd/shmem_uffd.spec.ts (the counterexamples of docs/verdicts.md; npm run verdicts)', schedules };
}
/** One schedule per line, so that a change to one counterexample is a small diff. */
function bundleText(b) {
    return `{"format": ${JSON.stringify(b.format)}, "generatedFrom": ${JSON.stringify(b.generatedFrom)}, "schedules": [
${b.schedules.map((s) => JSON.stringify(s)).join(',\n')}
]}
`;
}
function verdictWord(r, p) {
    if (!r)
        return '(row not run)';
    const v = r.verdicts[p];
    return v.holds ? `**holds** (${r.distinctStates} states)` : `**violated** (${v.steps} steps)`;
}
function answers(results) {
    const by = (id) => results.find((r) => r.row.id === id);
    const l = [];
    l.push('## The two questions of the 2020 thread', '');
    l.push('**1. Is the non-uffd case correct — can a pte point to a folio that is no longer in the page cache?** ' +
        '(`UFFD_MODE=None`, fault-around on, PteCoherent.)', '');
    l.push(`- with the second unmap in truncate_inode_folio (the kernel since before 2020): one mapping ${verdictWord(by('nouffd-A-1'), 'PteCoherent')}, two mappings ${verdictWord(by('nouffd-A-2'), 'PteCoherent')};`);
    l.push(`- without it (\`TRUNCATE_UNMAPS_MAPPED=false\`, what Andrea feared the code was): one mapping ${verdictWord(by('nouffd-E-1'), 'PteCoherent')}, two mappings ${verdictWord(by('nouffd-E-2'), 'PteCoherent')}.`);
    l.push('', '**2. Is shmem_map_pages enough on its own (variant C)?**', '');
    l.push(`- NoSilentWrite (WP-only, one mapping; test/shmem-uffd.test.ts replays R1 itself and shows C skips the punched page, so these counterexamples are the fault-in-flight race, not R1): C with the i_private check under ptl ${verdictWord(by('C-wp-1'), 'NoSilentWrite')}; check before ptl (C') ${verdictWord(by("C'-wp-1"), 'NoSilentWrite')}; with a second mapping ${verdictWord(by('C-wp-2'), 'NoSilentWrite')};`);
    l.push(`- the protection itself (WpNotLost): C ${verdictWord(by('C-wp-1'), 'WpNotLost')}; with MADV_DONTNEED ${verdictWord(by('C-wp-dontneed'), 'WpNotLost')} (NoSilentWrite ${verdictWord(by('C-wp-dontneed'), 'NoSilentWrite')});`);
    l.push(`- coherence ${verdictWord(by('C-wp-1'), 'PteCoherent')}, no lost wakeup ${verdictWord(by('C-wp-1'), 'NoLostWakeup')}, deadlock ${verdictWord(by('C-wp-1'), 'Deadlock')}.`);
    l.push('', 'See the table and the counterexamples below for the evidence of each verdict.', '');
    return l.join('\n');
}
/** What the checker found that the brief and the thread did not describe. */
function findings(results) {
    const by = (id) => results.find((r) => r.row.id === id);
    const l = ['## Findings', ''];
    l.push('**1. The 5.19+ kernel (checked on 6.18) can lose a uffd-wp protection during a hole punch.** ' +
        `The brief expects variant D to hold NoSilentWrite; the checker says otherwise: \`D-wp-1\` NoSilentWrite ${verdictWord(by('D-wp-1'), 'NoSilentWrite')}, ` +
        `WpNotLost ${verdictWord(by('D-wp-1'), 'WpNotLost')} ([trace](#cex-d-wp-1-nosilentwrite)); with a second mapping ${verdictWord(by('D-wp-2'), 'NoSilentWrite')}. ` +
        'Fault-around plays no part (it is off in WP VMAs). The race:', '', "1. a fault on page P of the WP-registered mapping passes shmem_fault's unlocked peek at `i_private` just before a punch of P sets it (the kernel's own comment admits this window);", '2. the punch sets `i_private` and runs the first unmap (`unmap_mapping_range`), which finds no pte for P yet;', '3. the fault installs its pte for the still-cached folio (`finish_fault`) and the monitor write-protects P (`UFFDIO_WRITEPROTECT`: present pte, uffd-wp, read-only);', "4. truncation finds the folio mapped and does the second unmap (`truncate_inode_folio` → `unmap_mapping_folio`), which passes `ZAP_FLAG_DROP_MARKER`: the uffd-wp pte is zapped and **no marker is left**;", '5. P is now a hole with a none pte; a store faults, `shmem_fault` allocates a zero folio (WP-only registration: no MISSING event) and maps it writable: the store lands and the monitor never hears of it.', '', 'Sequentially this cannot happen: the first unmap turns the wp pte into a marker, the folio is then unmapped, the second unmap is skipped, and the marker survives (brief §6 item 8, and the native test). ' +
        `A MISSING|WP registration is safe with one mapping (\`D-missingwp-1\` ${verdictWord(by('D-missingwp-1'), 'NoSilentWrite')}): the store into the hole raises MISSING. ` +
        `**What would close it:** truncation keeping a uffd-wp pte as a marker when it zaps a punched folio (\`TRUNCATE_DROPS_MARKERS=false\`; Andrea on 3-4 Dec 2020: every zap but munmap should keep the special entry): ` +
        `\`D-wp-keepmarker\` NoSilentWrite ${verdictWord(by('D-wp-keepmarker'), 'NoSilentWrite')}, WpNotLost ${verdictWord(by('D-wp-keepmarker'), 'WpNotLost')}; with a second mapping ${verdictWord(by('D-wp-keepmarker-2'), 'NoSilentWrite')}.`, '', '**On the real kernel:** `npm run stress` runs the reproducer generated from this counterexample (`uffdspec repro`, conformance/generated/repro/D-wp-1.NoSilentWrite.c, docs/repro.md): a puncher, two writers and a monitor on a protected page of a 6.18 memfd. ' +
        'It observes the silent store: a store that began on a page the monitor had write-protected completes with no uffd message, the page then present and writable without uffd-wp (figures in docs/repro.md and docs/conformance.md, "Stress"). ' +
        'The spec trace, replayed label by label on the simulator, shows the same silent store (conformance/generated/counterexamples.json, test/counterexamples.test.ts).', '');
    return l.join('\n');
}
const PREAMBLE = `# Verdicts: spec/shmem_uffd/shmem_uffd.spec.ts

Generated by \`src/verdicts/run.ts\` (\`npm run verdicts\`); do not edit by hand.
Each row is one setting of the spec's constants: a kernel variant (the
letters of the brief, listed below from spec/shmem_uffd/variants.ts), the uffd
registration of mapping 0 and the number of mappings. All rows use the
defaults for the rest: 2 pages in one fault-around window, 2 threads with one
load or store each, one fallocate(PUNCH_HOLE) of any page range, one
UFFDIO_WRITEPROTECT by the monitor, which answers every message. A cell is
\`holds\` (checked in every reachable state) or \`violated (N steps)\` with a
link to the shortest counterexample. Deadlock = a reachable state where a
thread can never run again (brief property (iii), with NoLostWakeup).
docs/shmem-model.md explains the model and its abstractions.
`;
/** The variants of the table, as the table declares them. */
function variantList(variants, rows) {
    const l = ['| variant | what | stands for | as a patch module (spec/shmem_uffd/patches/) |', '|---|---|---|---|'];
    for (const v of variants.filter((x) => rows.some((r) => r.variant === x.name))) {
        l.push(`| ${v.name} | ${v.title} | ${v.kernels} | ${v.patch ? `\`${v.patch.replace('spec/shmem_uffd/patches/', '')}\`` : 'the base spec'} |`);
    }
    return l.join('\n') + '\n';
}
function checkRows(rows, opts) {
    return rows.map((row, i) => {
        opts.onRow?.(row, i);
        const r = (0, check_1.checkRow)(row);
        opts.onResult?.(r);
        return r;
    });
}
function files(outDir) {
    return {
        md: path.join(outDir, 'verdicts.md'),
        json: path.join(outDir, 'verdicts.json'),
        schedules: path.resolve(outDir) === (0, package_root_1.inPackage)('docs') ? path.join((0, tours_1.generatedDir)(), 'counterexamples.json') : path.join(outDir, 'counterexamples.json'),
    };
}
function markdownOf(results, rows, opts) {
    return (0, render_1.renderMarkdown)(results, PREAMBLE + '\n' + variantList(opts.variants ?? variants_1.VARIANTS, rows) + '\n' + answers(results) + '\n' + findings(results));
}
/** Check rows of the table and write docs/verdicts.md, verdicts.json and (whole table) the schedules. */
function writeVerdicts(rows, outDir, opts) {
    const results = checkRows(rows, opts);
    const f = files(outDir);
    (0, files_1.mkdirs)(outDir);
    fs.writeFileSync(f.md, markdownOf(results, rows, opts));
    fs.writeFileSync(f.json, (0, render_1.renderJson)(results));
    if (!opts.whole)
        return { files: [f.md, f.json] };
    // the regression schedules: only from a run of the whole table
    const bundle = counterexampleBundle(results);
    fs.writeFileSync(f.schedules, bundleText(bundle));
    return { files: [f.md, f.json, f.schedules], schedules: bundle.schedules.length };
}
/** What a run measures, not what the spec says: left out when files are compared. */
const withoutTimes = (row) => ({ ...row, durationMs: undefined });
const markdownWithoutTimes = (md) => md.replace(/### Time per row[\s\S]*?\n## /, '## ');
/**
 * Check rows and compare them with the files in `outDir` instead of writing:
 * each row's verdicts, counts and counterexamples against verdicts.json, its
 * schedules against the committed ones, and (whole table) verdicts.md apart
 * from the time column. Returns one line per stale thing; none = up to date.
 */
function staleVerdicts(rows, outDir, opts) {
    const results = checkRows(rows, opts);
    const f = files(outDir);
    const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
    const stale = [];
    const jsonText = read(f.json);
    if (jsonText === null)
        return [`${f.json} does not exist`];
    const committed = JSON.parse(jsonText).rows;
    const fresh = JSON.parse((0, render_1.renderJson)(results)).rows;
    for (const row of fresh) {
        const old = committed.find((r) => r.id === row.id);
        if (!old)
            stale.push(`${row.id}: not in ${f.json}`);
        else if (JSON.stringify(withoutTimes(old)) !== JSON.stringify(withoutTimes(row))) {
            const what = Object.keys(row).filter((k) => k !== 'durationMs' && JSON.stringify(old[k]) !== JSON.stringify(row[k]));
            stale.push(`${row.id}: ${what.join(', ')} changed`);
        }
    }
    const schedulesText = read(f.schedules);
    if (schedulesText === null)
        stale.push(`${f.schedules} does not exist`);
    else {
        const committedSchedules = JSON.parse(schedulesText).schedules;
        for (const r of results) {
            const want = JSON.stringify(counterexampleBundle([r]).schedules);
            const have = JSON.stringify(committedSchedules.filter((s) => s.row === r.row.id));
            if (want !== have)
                stale.push(`${r.row.id}: its counterexample schedules changed`);
        }
    }
    if (opts.whole) {
        if (committed.length !== fresh.length)
            stale.push(`${f.json} has ${committed.length} rows, the table ${fresh.length}`);
        const md = read(f.md);
        if (md === null || markdownWithoutTimes(md) !== markdownWithoutTimes(markdownOf(results, rows, opts)))
            stale.push(`${f.md}: its text changed`);
    }
    return stale;
}
//# sourceMappingURL=run.js.map