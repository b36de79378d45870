"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.simTarget = void 0;
exports.anotherKernel = anotherKernel;
exports.nativeTarget = nativeTarget;
// The simulator and the native harness as targets a trace runs on (the spec
// target is in spec-target.ts). Each opens a session for a trace and applies
// its ops one by one, returning the observation after each; a target that
// cannot run a trace says why (the trace is then skipped, with that reason in
// the report).
const sim_1 = require("../src/sim");
const variants_1 = require("../spec/shmem_uffd/variants");
const native_driver_1 = require("./native-driver");
const trace_1 = require("./trace");
// ---------------------------------------------------------------- simulator
exports.simTarget = {
    name: 'sim',
    async open(trace) {
        const sim = sim_1.Sim.fromTrace(trace);
        return {
            apply: async (op) => sim.apply(op),
            close: async () => undefined,
        };
    },
};
// ---------------------------------------------------------------- native
/** Why a trace cannot run on this kernel (its constants describe another variant), or null. */
function anotherKernel(trace) {
    for (const [k, v] of Object.entries(variants_1.THIS_KERNEL.switches)) {
        if (k in trace.constants && trace.constants[k] !== v)
            return `describes another kernel (${k}=${trace.constants[k]}; this kernel, variant ${variants_1.THIS_KERNEL.name}, has ${v})`;
    }
    return null;
}
/** `binary`, `user`, `cwd`: another harness binary, run as another user (test/native-unprivileged.test.ts). */
function nativeTarget(opts = {}) {
    const reuse = opts.reuse ?? true;
    let avail;
    return {
        name: 'native',
        async open(trace) {
            avail ??= (0, native_driver_1.nativeAvailability)(opts.binary);
            if (!avail.ok)
                return { skip: `the native harness cannot run here: ${avail.reason}; fix: ${avail.fix}` };
            const other = anotherKernel(trace);
            if (other)
                return { skip: other };
            // the file's i_size and every mapping's geometry (offset, length, the pte index of its first page)
            const geometry = { pages: trace.pages, size: (0, trace_1.sizeOf)(trace), mappings: (0, trace_1.mappingsOf)(trace) };
            const start = { ...geometry, threads: trace.threads, fill: trace.initial.fill, waitMs: opts.waitMs, noWakeMs: opts.noWakeMs, binary: opts.binary, user: opts.user, cwd: opts.cwd };
            const h = reuse ? await native_driver_1.NativeHarness.acquire(start) : await native_driver_1.NativeHarness.start(start);
            return {
                apply: (op) => h.apply(op),
                close: () => (reuse ? h.release() : h.close()),
            };
        },
    };
}
//# sourceMappingURL=targets.js.map