"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reviewMail = reviewMail;
exports.lanes = lanes;
const leaves_1 = require("../review/leaves");
const lanes_1 = require("./lanes");
const WIDTH = 72;
function reviewMail(r) {
    const out = [];
    out.push(...para(`Checked ${r.patch.name} (${r.patch.file}) against ${r.base.name} (${r.base.file}) on ${r.rows.length} row${r.rows.length === 1 ? '' : 's'}: ${r.plan.description}.`));
    out.push('');
    if (!r.changes.length)
        out.push(...para(`No verdict changed: ${r.unchanged} row/property verdicts are the same.`));
    else
        out.push(...para(`${r.broken} property verdict(s) broken (held, now violated), ${r.fixed} fixed (violated, now hold); ${r.unchanged} unchanged.`));
    for (const n of r.plan.notCovered)
        out.push(...para(`Not covered: ${n}.`));
    for (const c of r.changes) {
        out.push('', ...changeMail(c, r.processes));
    }
    return out.join('\n') + '\n';
}
function changeMail(c, processes) {
    const out = [];
    const title = c.kind === 'broken'
        ? `${c.property} on ${c.row}: held, now violated (${stepsOf(c.after)} steps):`
        : `${c.property} on ${c.row}: was violated (${stepsOf(c.before)} steps), now holds:`;
    out.push(...para(title), '');
    out.push(...lanes(c.counterexample, c.loopFrom, processes));
    if (c.blocked)
        out.push('', ...para(`The patch stops this race at step ${c.blocked.step} (${c.blocked.action}): ${c.blocked.why}.`));
    return out;
}
function stepsOf(s) {
    return 'steps' in s && s.steps !== undefined ? s.steps : 0;
}
/** The steps as columns, the lanes of lanes.ts (one per process instance, the actions last), numbered. */
function lanes(trace, loopFrom, processes = []) {
    const steps = trace.slice(1);
    const actors = (0, lanes_1.lanesOf)(trace, processes);
    const num = String(steps.length).length + 1;
    const colW = Math.max(8, Math.floor((WIDTH - num) / Math.max(1, actors.length)) - 1);
    const cell = (s) => (s.length > colW ? s.slice(0, colW - 1) + '~' : s).padEnd(colW + 1);
    const out = [];
    out.push((' '.repeat(num) + actors.map(cell).join('')).trimEnd());
    out.push((' '.repeat(num) + actors.map((a) => cell('-'.repeat(Math.min(a.length, colW)))).join('')).trimEnd());
    steps.forEach((t, i) => {
        const col = actors.indexOf((0, lanes_1.laneOf)(t.step));
        const text = (0, lanes_1.cellOf)(t.step);
        out.push((String(i + 1).padStart(num - 1) + ' ' + ' '.repeat((colW + 1) * col) + cell(text)).trimEnd());
    });
    if (loopFrom !== undefined)
        out.push(...para(loopFrom >= trace.length - 1 ? 'and then nothing more happens (no fair step is enabled), forever.' : `and then steps ${loopFrom + 1}..${steps.length} again, forever.`));
    out.push('', 'What the steps changed:');
    for (let i = 1; i < trace.length; i++) {
        const changed = (0, leaves_1.changedLeaves)(trace[i - 1].state, trace[i].state);
        for (const c of changed.slice(0, 4))
            out.push(clip(`${String(i).padStart(num - 1)} ${c}`));
        if (changed.length > 4)
            out.push(clip(`${' '.repeat(num)}(and ${changed.length - 4} more)`));
    }
    return out;
}
function clip(s) {
    return s.length > WIDTH ? s.slice(0, WIDTH - 3) + '...' : s;
}
/** `text` wrapped at WIDTH columns. */
function para(text) {
    const lines = [];
    let line = '';
    for (const w of text.split(/\s+/)) {
        if (line && line.length + 1 + w.length > WIDTH) {
            lines.push(line);
            line = w;
        }
        else
            line = line ? `${line} ${w}` : w;
    }
    if (line)
        lines.push(line);
    return lines;
}
//# sourceMappingURL=review-mail.js.map