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
exports.TOUR_VARIANTS = exports.TOUR_SIZES = void 0;
exports.tourVariants = tourVariants;
exports.generatedDir = generatedDir;
exports.buildBundle = buildBundle;
exports.bundleText = bundleText;
exports.bundlePath = bundlePath;
// The generated conformance suite: which spec variants get a transition
// tour, at which sizes, and where the traces are written. One bundle file
// per variant under conformance/generated/, plus an index with the tour
// statistics (coverage) that `uffdspec conform` reports.
const path = __importStar(require("path"));
const package_root_1 = require("../../src/util/package-root");
const variants_1 = require("./variants");
const _1 = require(".");
const load_1 = require("../../generator/load");
const spec_target_1 = require("../../conformance/spec-target");
const binding_1 = require("./binding");
const tour_1 = require("../../conformance/tour");
/** Sizes of the tours: one thread (a trace is one sequence of user operations), one mapping. */
exports.TOUR_SIZES = { PAGES: 2, MAPPINGS: 1, THREADS: 1, ACCESSES: 2, PUNCHES: 1, WP_ROUNDS: 1, DONTNEEDS: 1, PWRITES: 1 };
/** bundle name → constants: every registration of each variant that declares a tour. */
function tourVariants(variants = variants_1.VARIANTS) {
    return Object.fromEntries(variants.flatMap((v) => (v.tour ? v.tour.registrations.map((r) => [`${v.tour.name}-${(0, variants_1.registrationSlug)(r)}`, { ...v.switches, UFFD_MODE: r }]) : [])));
}
/** The tours of the variant table (variants.ts). */
exports.TOUR_VARIANTS = tourVariants();
function generatedDir() {
    return (0, package_root_1.inPackage)('conformance', 'generated');
}
/** The transition tour of one bundle (`given`: its constants, by default the table's). */
function buildBundle(variant, given = exports.TOUR_VARIANTS[variant]) {
    const model = (0, _1.shmemSpec)().model({ ...exports.TOUR_SIZES, ...given });
    const { checker } = (0, load_1.generateChecker)(model);
    const sys = new spec_target_1.SpecSystem(checker, (0, binding_1.shmemBinding)(checker.META.constants));
    const constants = checker.META.constants;
    const { traces, stats } = (0, tour_1.generateTour)(sys, { name: variant, spec: model.name, constants, pages: exports.TOUR_SIZES.PAGES, threads: exports.TOUR_SIZES.THREADS });
    return { format: 'uffdspec-traces/1', variant, generatedFrom: `${_1.SPEC_PATH} (transition tour)`, stats, traces };
}
/** The text of a bundle file: stable key order, one step per line, so diffs stay readable. */
function bundleText(b) {
    const head = JSON.stringify({ format: b.format, variant: b.variant, generatedFrom: b.generatedFrom, stats: b.stats }, null, 2).replace(/\n}$/, '');
    const traces = b.traces.map((t) => {
        const { steps, ...rest } = t;
        const h = JSON.stringify(rest);
        return `    ${h.slice(0, -1)},\n      "steps": [\n${steps.map((s) => `        ${JSON.stringify(s)}`).join(',\n')}\n      ]}`;
    });
    return `${head},\n  "traces": [\n${traces.join(',\n')}\n  ]\n}\n`;
}
function bundlePath(variant) {
    return path.join(generatedDir(), `${variant}.json`);
}
//# sourceMappingURL=tours.js.map