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
exports.runGenTraces = runGenTraces;
// `uffdspec gen-traces`: (re)generate the conformance suite from the spec;
// `--check` only verifies that the committed files are up to date.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const tours_1 = require("../../spec/shmem_uffd/tours");
const options_1 = require("./options");
const files_1 = require("../util/files");
function runGenTraces(p, out, err) {
    if (p.positional.length)
        throw new options_1.UsageError(`gen-traces: unexpected argument '${p.positional[0]}' (uffdspec gen-traces --help)`);
    const variants = p.flags.get('variant') ?? Object.keys(tours_1.TOUR_VARIANTS);
    for (const v of variants)
        if (!(v in tours_1.TOUR_VARIANTS))
            throw new options_1.UsageError(`gen-traces: unknown variant '${v}' (variants: ${Object.keys(tours_1.TOUR_VARIANTS).join(', ')})`);
    let stale = 0;
    for (const v of variants) {
        const t0 = Date.now();
        const b = (0, tours_1.buildBundle)(v);
        const text = (0, tours_1.bundleText)(b);
        const file = (0, tours_1.bundlePath)(v);
        const rel = path.relative(process.cwd(), file);
        const s = b.stats;
        const line = `${v}: ${s.traces} traces, ${s.steps} steps, ${s.covered}/${s.observable} observable transitions (${s.states} states, ${s.transitions} transitions, ${s.nondeterministic} nondeterministic ops), ${Date.now() - t0}ms`;
        if (p.flags.has('check')) {
            const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
            if (old !== text) {
                stale++;
                err(`${rel}: stale (regenerating would change it): run \`npx uffdspec gen-traces\``);
            }
            else
                out(`${line} — up to date`);
        }
        else {
            (0, files_1.mkdirs)(path.dirname(file));
            fs.writeFileSync(file, text);
            out(`${line} → ${rel}`);
        }
    }
    return stale ? 1 : 0;
}
//# sourceMappingURL=gen-traces.js.map