"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACTIONS_LANE = void 0;
exports.paint = paint;
exports.colourWanted = colourWanted;
exports.laneOf = laneOf;
exports.cellOf = cellOf;
exports.lanesOf = lanesOf;
exports.formatLanes = formatLanes;
const step_1 = require("../runtime/step");
/** The lane of the spec's actions (steps of no process): the monitor and the syscalls in the shmem spec. */
exports.ACTIONS_LANE = '(actions)';
const sgr = (code) => (s) => `\x1b[${code}m${s}\x1b[0m`;
const LANE_COLOURS = ['36', '35', '33', '34', '32', '96', '95', '93'].map(sgr);
function paint(colour) {
    if (!colour) {
        const id = (s) => s;
        return { lane: (_i, s) => s, bad: id, old: id, neu: id, dim: id, bold: id };
    }
    return {
        lane: (i, s) => LANE_COLOURS[i % LANE_COLOURS.length](s),
        bad: sgr('1;31'),
        old: sgr('31'),
        neu: sgr('32'),
        dim: sgr('2'),
        bold: sgr('1'),
    };
}
/** Colour on a terminal only, and never when NO_COLOR is set to anything but the empty string (no-color.org). */
function colourWanted(isTTY, env = process.env) {
    return !!isTTY && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
/** Who ran a step: its process instance, or the actions lane. */
function laneOf(step) {
    return (0, step_1.stepActor)(step) ?? exports.ACTIONS_LANE;
}
/** What the step's cell shows: a process step's label, an action with its arguments. */
function cellOf(step) {
    return step.process !== null && step.label !== null ? step.label : (0, step_1.stepText)(step);
}
/**
 * The lanes of a trace, in a fixed order: processes in declaration order
 * (`processes`; unknown ones after, by name), instances by their index, the
 * actions lane last. Only lanes that take a step.
 */
function lanesOf(trace, processes = []) {
    const seen = new Map();
    for (const t of trace) {
        if (!t.step)
            continue;
        const lane = laneOf(t.step);
        if (seen.has(lane))
            continue;
        const p = t.step.process;
        const proc = p === null ? Infinity : processes.includes(p) ? processes.indexOf(p) : processes.length;
        seen.set(lane, { proc, name: p ?? '', inst: t.step.instance === null ? '' : JSON.stringify(t.step.instance) });
    }
    const byInst = (a, b) => {
        const x = Number(a);
        const y = Number(b);
        if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y))
            return x - y;
        return a < b ? -1 : a > b ? 1 : 0;
    };
    return [...seen.entries()]
        .sort(([, a], [, b]) => a.proc - b.proc || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || byInst(a.inst, b.inst))
        .map(([lane]) => lane);
}
/** The counterexample as a table of lanes, each step's changes below its row. */
function formatLanes(x) {
    const { trace, paint: c } = x;
    const out = [];
    if (x.initial) {
        out.push('Initial state:');
        const w = Math.max(...x.initial.map(([p]) => p.length), 1);
        for (const [p, v] of x.initial)
            out.push(`    ${p.padEnd(w)} = ${v}`);
    }
    else
        out.push('Initial state: not shown (--diff-only); each step shows only what it changed.');
    out.push('');
    if (trace.length === 1) {
        out.push(c.bad(`The initial state violates ${x.property}: no step is needed.`), '');
        return out.join('\n');
    }
    const lanes = lanesOf(trace, x.processes);
    const cells = trace.map((t) => (t.step ? { lane: lanes.indexOf(laneOf(t.step)), text: cellOf(t.step) } : null));
    const widths = lanes.map((l, i) => Math.max(l.length, ...cells.map((cell) => (cell && cell.lane === i ? cell.text.length : 0))));
    const numW = Math.max(4, String(trace.length - 1).length);
    const row = (num, texts) => {
        let line = num.padStart(numW);
        texts.forEach((t, i) => (line += '  ' + t + ' '.repeat(widths[i] - visibleLength(t))));
        return line.trimEnd();
    };
    out.push(row('step', lanes.map((l, i) => c.lane(i, c.bold(l)))));
    out.push(row('-'.repeat(numW), widths.map((w) => '-'.repeat(w))));
    const last = trace.length - 1;
    const mark = x.property === 'Deadlock' ? 'deadlock: no step is possible after this one' : `${x.property} violated here`;
    let prev = new Map(x.leaves(trace[0].state));
    for (let i = 1; i < trace.length; i++) {
        const cell = cells[i];
        const texts = lanes.map((_, j) => (j === cell.lane ? c.lane(j, cell.text) : ''));
        let line = row(String(i), texts);
        if (i === last)
            line += '  ' + c.bad(`<- ${mark}`);
        out.push(line);
        const rows = x.leaves(trace[i].state);
        const changed = rows.filter(([p, v]) => prev.get(p) !== v);
        const w = Math.max(...changed.map(([p]) => p.length), 1);
        const indent = ' '.repeat(numW + 4);
        for (const [p, v] of changed)
            out.push(`${indent}${p.padEnd(w)}   ${c.old(prev.get(p) ?? '(absent)')} -> ${c.neu(v)}`);
        if (!changed.length)
            out.push(`${indent}${c.dim('(nothing changed)')}`);
        prev = new Map(rows);
    }
    out.push('');
    return out.join('\n');
}
/** Length as a terminal shows it: without the colour escapes. */
function visibleLength(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
//# sourceMappingURL=lanes.js.map