"use strict";
// What the trace viewer shows (`uffdspec view`), as data: the lanes (one per
// thread, the puncher, the monitor), one row per step in its lane, and after
// each step the state: small grids (per page: page cache, each mapping's
// pte, uffd-wp, armed) and every variable. Which cells a step changed is
// decided here, once, so the page (html.ts) only shows it and a test can
// read it. Built by shmem.ts from a spec counterexample or a schedule.
Object.defineProperty(exports, "__esModule", { value: true });
exports.markGrid = markGrid;
exports.viewStates = viewStates;
/** A grid with its changed cells marked against the same grid of the state before (none before the first). */
function markGrid(g, before) {
    return {
        title: g.title,
        columns: g.columns,
        rows: g.rows.map((r) => {
            const old = before?.rows.find((x) => x.name === r.name);
            return {
                name: r.name,
                cells: r.cells.map((text, i) => ({ text, changed: !!before && old?.cells[i]?.text !== text, ...(r.alarm?.[i] ? { alarm: true } : {}) })),
            };
        }),
    };
}
/** The states of a trace as the viewer shows them: each grid and variable marked where it changed. */
function viewStates(states) {
    const out = [];
    states.forEach((s, i) => {
        const prev = out[i - 1];
        const before = prev ? new Map(prev.vars.map(([p, v]) => [p, v])) : null;
        out.push({
            grids: s.grids.map((g) => markGrid(g, prev?.grids.find((x) => x.title === g.title))),
            vars: s.vars.map(([p, v]) => [p, v, !!before && before.get(p) !== v]),
        });
    });
    return out;
}
//# sourceMappingURL=doc.js.map