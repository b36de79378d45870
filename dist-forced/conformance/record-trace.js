"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Records a trace's expectations on the real kernel: runs the ops of a trace file (or
// of a skeleton, a trace whose steps have only `op`) through the native harness, twice
// in two fresh sessions, and writes the trace back with the kernel's observations as
// every step's `expect` (every field given), its name marked with the kernel release.
// Two runs that disagree are an error (a nondeterministic step cannot be an expectation).
//
//   npx tsc -p . && node dist/conformance/record-trace.js FILE.json [--out OUT.json]
//
// Without --out the file is rewritten in place. Kernel-variant constants are set to this
// kernel's (THIS_KERNEL), so the native target runs the trace only on such a kernel.
const fs_1 = require("fs");
const os_1 = require("os");
const variants_1 = require("../spec/shmem_uffd/variants");
const native_driver_1 = require("./native-driver");
const trace_1 = require("./trace");
/** The name's provenance suffix; a re-recording replaces an older one. */
const RECORDED = / \(recorded on Linux [^)]* with the native harness\)$/;
async function runOnce(sk, fill) {
    const geometry = { pages: sk.pages, size: (0, trace_1.sizeOf)(sk), mappings: (0, trace_1.mappingsOf)(sk) };
    const h = await native_driver_1.NativeHarness.start({ ...geometry, threads: sk.threads, fill });
    try {
        const out = [];
        for (const s of sk.steps)
            out.push(await h.apply(s.op));
        return out;
    }
    finally {
        await h.close();
    }
}
/** One line per page, one line per op, as the hand-written traces are laid out. */
function render(t, steps) {
    const j = (x) => JSON.stringify(x);
    const head = Object.entries(t).map(([k, v]) => `  ${j(k)}: ${j(v)}`);
    const step = ({ op, expect }) => [
        '    {',
        `      "op": ${j(op)},`,
        '      "expect": {',
        `        "result": ${j(expect.result)},`,
        '        "pages": [',
        expect.pages.map((p) => `          ${j(p)}`).join(',\n'),
        '        ],',
        `        "events": ${j(expect.events)},`,
        `        "threads": ${j(expect.threads)}`,
        '      }',
        '    }',
    ].join('\n');
    return ['{', head.join(',\n') + ',', '  "steps": [', steps.map(step).join(',\n'), '  ]', '}', ''].join('\n');
}
async function main() {
    const args = process.argv.slice(2);
    const o = args.indexOf('--out');
    const out = o >= 0 ? args[o + 1] : undefined;
    const file = args.find((a, i) => !a.startsWith('--') && (o < 0 || i !== o + 1));
    if (!file || (o >= 0 && !out)) {
        process.stderr.write('usage: node dist/conformance/record-trace.js FILE.json [--out OUT.json]\n');
        process.exit(2);
    }
    const avail = (0, native_driver_1.nativeAvailability)();
    if (!avail.ok) {
        process.stderr.write(`record-trace: the native harness cannot run here: ${avail.reason}; fix: ${avail.fix}\n`);
        process.exit(4);
    }
    const sk = JSON.parse((0, fs_1.readFileSync)(file, 'utf8'));
    const fill = sk.initial?.fill ?? new Array(sk.pages).fill(0);
    const [a, b] = [await runOnce(sk, fill), await runOnce(sk, fill)];
    a.forEach((x, i) => {
        if (JSON.stringify(x) !== JSON.stringify(b[i]))
            throw new Error(`${file}: steps[${i}]: two runs observed different things:\n${JSON.stringify(x)}\n${JSON.stringify(b[i])}`);
    });
    const name = `${sk.name.replace(RECORDED, '')} (recorded on Linux ${(0, os_1.release)()} with the native harness)`;
    const header = { format: trace_1.TRACE_FORMAT, name };
    if (sk.spec !== undefined)
        header.spec = sk.spec;
    header.constants = { ...(sk.constants ?? {}), ...variants_1.THIS_KERNEL.switches };
    header.pages = sk.pages;
    if (sk.size !== undefined)
        header.size = sk.size;
    if (sk.mappings !== undefined)
        header.mappings = sk.mappings;
    header.threads = sk.threads;
    header.initial = { fill };
    const steps = sk.steps.map((s, i) => ({ op: s.op, expect: a[i] }));
    const text = render(header, steps);
    (0, trace_1.validateTrace)(JSON.parse(text), out ?? file); // what is written must load
    (0, fs_1.writeFileSync)(out ?? file, text);
    process.stdout.write(`record-trace: ${out ?? file}: ${steps.length} steps recorded on Linux ${(0, os_1.release)()}\n`);
}
main().catch((e) => {
    process.stderr.write(`record-trace: ${e.message}\n`);
    process.exit(1);
});
//# sourceMappingURL=record-trace.js.map