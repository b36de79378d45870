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
exports.runReview = runReview;
// `uffdspec review PATCH.spec.ts`: the verdicts a patch module changes, against
// the spec it extends (or, --onto, another base), row by row.
const path = __importStar(require("path"));
const commands_1 = require("./commands");
const format_1 = require("./format");
const options_1 = require("./options");
const progress_1 = require("./progress");
const review_mail_1 = require("./review-mail");
const check_1 = require("./check");
function runReview(p, out, err) {
    if (p.positional.length !== 1)
        throw new options_1.UsageError('review: expected one patch module (uffdspec review --help)');
    const json = p.flags.has('json');
    const mail = p.flags.has('mail');
    if (json && mail)
        throw new options_1.UsageError('review: choose one of --json and --mail');
    const constants = (0, options_1.constFlags)(p, 'review');
    const maxStates = (0, options_1.intFlag)(p, 'max-states', 'review');
    const only = (p.flags.get('rows') ?? []).flatMap((x) => x.split(',')).filter(Boolean);
    const progress = new progress_1.Progress();
    progress.phase(`reading ${p.positional[0]}`);
    const { loadSpecFile } = require('../api');
    const { Spec: SpecClass } = require('../../dsl');
    const { rebase } = require('../../dsl/modules');
    const { SpecError } = require('../../dsl/diagnostics');
    let patched = loadSpecFile(p.positional[0], p.flags.get('spec')?.[0]);
    const linked = patched.linked;
    if (!linked?.extended)
        throw new options_1.UsageError(`review: ${p.positional[0]} extends no spec, so there is nothing to compare it with (a patch module starts with import Base from "..." and extends Base)`);
    let base = SpecClass.ofLinked(linked.extended);
    const onto = p.flags.get('onto')?.[0];
    if (onto) {
        const [file, name] = onto.split(':');
        base = loadSpecFile(file, name || undefined);
        const r = rebase(linked, base.linked);
        if (!r.spec)
            throw new SpecError(r.diagnostics);
        patched = SpecClass.ofLinked(r.spec);
    }
    let plan = planFor(patched, base, constants);
    if (only.length) {
        const unknown = only.filter((id) => !plan.rows.some((r) => r.id === id));
        if (unknown.length)
            throw new options_1.UsageError(`review: --rows ${unknown.join(',')}: no such row (rows: ${plan.rows.map((r) => r.id).join(', ')})`);
        plan = { ...plan, rows: plan.rows.filter((r) => only.includes(r.id)), description: `${plan.description}; only ${only.join(', ')}` };
    }
    const { review, ReviewIncomplete } = require('../review/review');
    let result;
    try {
        result = review(base, patched, plan, {
            maxStates,
            onRow: (row, i, n) => progress.phase(`row ${i + 1} of ${n}: ${row.id} (base and patched)`, true),
        });
    }
    catch (e) {
        progress.end();
        if (e instanceof ReviewIncomplete) {
            err(`review: ${e.message}`);
            return commands_1.EXIT.limit;
        }
        throw e;
    }
    progress.end();
    if (json)
        out(JSON.stringify(result, null, 2));
    else if (mail)
        out((0, review_mail_1.reviewMail)(result).trimEnd());
    else
        out(reviewText(result, patched, constants));
    return result.broken > 0 ? commands_1.EXIT.violated : commands_1.EXIT.ok;
}
/** The shmem spec's plan for a patch of it; for any other spec, one row: its defaults and --const. */
function planFor(patched, base, constants) {
    const { SPEC_PATH } = require('../../spec/shmem_uffd');
    let root = base.linked;
    while (root?.extended)
        root = root.extended;
    if (root && path.resolve(root.file) === path.resolve(SPEC_PATH)) {
        const { shmemReviewPlan } = require('../../spec/shmem_uffd/review-plan');
        return shmemReviewPlan(patched.linked, base.linked, constants);
    }
    return { rows: [{ id: 'defaults', constants, why: "the spec's defaults" }], description: "the spec's defaults", notCovered: [] };
}
function reviewText(r, patched, constants) {
    const out = [];
    out.push(`uffdspec: review of ${r.patch.name} (${r.patch.file}) against ${r.base.name} (${r.base.file})`);
    out.push(`Rows: ${r.rows.length} (${r.plan.description})`);
    for (const n of r.plan.notCovered)
        out.push(`Not covered: ${n}`);
    out.push('');
    const w = Math.max(...r.rows.map((x) => x.row.id.length));
    for (const row of r.rows) {
        const ch = r.changes.filter((c) => c.row === row.row.id);
        const what = ch.length ? ch.map((c) => `${c.property} ${c.kind === 'broken' ? 'held -> violated' : 'violated -> holds'}`).join(', ') : 'unchanged';
        out.push(`  ${row.row.id.padEnd(w)}  ${String(row.baseStates).padStart(8)} -> ${String(row.patchedStates).padEnd(8)} states  ${what}`);
    }
    out.push('');
    const shapeModel = patched.model(constants);
    const shape = (0, check_1.traceShape)(shapeModel);
    r.changes.forEach((c, i) => {
        if (c.kind === 'broken') {
            out.push(`Change ${i + 1} of ${r.changes.length}: ${c.property} on ${c.row} held, is violated with the patch; its shortest counterexample (${c.counterexample.length - 1} steps):`);
        }
        else {
            out.push(`Change ${i + 1} of ${r.changes.length}: ${c.property} on ${c.row} was violated, holds with the patch. The old counterexample (${c.counterexample.length - 1} steps)` +
                (c.blocked ? ` is blocked at step ${c.blocked.step} (${c.blocked.action}): ${c.blocked.why}` : ''));
        }
        out.push((0, format_1.formatTraceText)(c.counterexample, shape));
    });
    out.push(`${r.broken} broken (held -> violated), ${r.fixed} fixed (violated -> holds), ${r.unchanged} row/property verdicts unchanged.`);
    out.push(r.broken ? `The patch breaks ${r.broken} propert${r.broken === 1 ? 'y' : 'ies'} that held (exit 1).` : 'The patch breaks nothing that held (exit 0).');
    return out.join('\n');
}
//# sourceMappingURL=review.js.map