// What the trace viewer shows (`uffdspec view`), as data: the lanes (one per
// thread, the puncher, the monitor), one row per step in its lane, and after
// each step the state: small grids (per page: page cache, each mapping's
// pte, uffd-wp, armed) and every variable. Which cells a step changed is
// decided here, once, so the page (html.ts) only shows it and a test can
// read it. Built by shmem.ts from a spec counterexample or a schedule.

export interface ViewLane {
  /** the column's head: `Thread[0]`, `Punch`, `monitor` */
  name: string;
  /** what runs there, in words: `user thread 0`, `fallocate(PUNCH_HOLE)` */
  role: string;
}

export interface ViewStep {
  /** index into ViewDoc.lanes */
  lane: number;
  /** what the lane's cell shows: the kernel function of the step (its label), or the ioctl with its arguments */
  label: string;
  /** the step as the checker names it: `Thread[0]:finish_fault`, `mwriteprotect_range(0, true)` */
  text: string;
}

export interface ViewCell {
  text: string;
  /** the step that led to this state changed it */
  changed: boolean;
  /** a value that is wrong in itself (a stale pte, a silent write): shown in red */
  alarm?: boolean;
}

export interface ViewGrid {
  title: string;
  columns: string[];
  rows: { name: string; cells: ViewCell[] }[];
}

export interface ViewState {
  grids: ViewGrid[];
  /** every variable of the state, one line per map entry or field: [path, value, changed] */
  vars: [string, string, boolean][];
}

export interface ViewDoc {
  title: string;
  /** the violated property ('' for a conformance trace) */
  property: string;
  /** the property's one-line meaning (for a trace: what it is) */
  meaning: string;
  /** what the file was made from: lines of text */
  about: string[];
  lanes: ViewLane[];
  /** steps[0] is the initial state (null); steps[i] leads to states[i] */
  steps: (ViewStep | null)[];
  states: ViewState[];
  /** the step after which the property is broken (the last one; 0 when the initial state breaks it); -1 for a trace, which breaks nothing */
  breaking: number;
  /** what the breaking step's mark says */
  breakingText: string;
  /** things the reader should know about this view (what a schedule does not record, say) */
  notes: string[];
}

/** A grid as a builder makes it: cell texts, and which cells are wrong in themselves. */
export interface GridInput {
  title: string;
  columns: string[];
  rows: { name: string; cells: string[]; alarm?: boolean[] }[];
}

/** A grid with its changed cells marked against the same grid of the state before (none before the first). */
export function markGrid(g: GridInput, before: ViewGrid | undefined): ViewGrid {
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
export function viewStates(
  states: { grids: GridInput[]; vars: [string, string][] }[],
): ViewState[] {
  const out: ViewState[] = [];
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
