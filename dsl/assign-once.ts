// The assign-once analysis: within one step, along every path through its
// branches, a variable is assigned at most once (whole, or each part once).
// A step is a simultaneous update, so a second assignment would be an
// ambiguity, not a sequence. Parts reached through fields and literal indices
// are compared statically; m[i] and m[j] can only be compared at run time,
// which the engines do (the generated checker where generator/overlap.ts
// finds that two may meet). dsl/lower.ts calls these as it lowers statements.
import type { Span } from './ast';
import type { SourceText } from './diagnostics';
import { M } from './messages';
import type { IPathElem } from './ir';
import { fail } from './symbols';

/** What a path through a step has assigned: whole variables, variables assigned in part, and the static paths of those parts. */
export interface Assigned {
  whole: Set<number>;
  part: Set<number>;
  /** staticPath() of each part assignment */
  paths: Set<string>;
}

export function nothingAssigned(): Assigned {
  return { whole: new Set(), part: new Set(), paths: new Set() };
}

/** A copy for one branch (if/else, either, the body of a for). */
export function branch(a: Assigned): Assigned {
  return { whole: new Set(a.whole), part: new Set(a.part), paths: new Set(a.paths) };
}

/** After branches: what any of them assigned counts as assigned. */
export function join(into: Assigned, ...branches: Assigned[]): void {
  for (const s of branches) {
    for (const v of s.whole) into.whole.add(v);
    for (const v of s.part) into.part.add(v);
    for (const p of s.paths) into.paths.add(p);
  }
}

/**
 * Record an assignment to variable `index` (named `root` in messages) through
 * `path`; `whole` when it replaces the whole variable (for a process local of
 * an indexed process, the instance's own entry, skipped by `ownPrefix` path
 * elements).
 */
export function recordAssign(
  a: Assigned, index: number, path: IPathElem[], whole: boolean, ownPrefix: number, root: string, span: Span, source?: SourceText,
): void {
  if (a.whole.has(index) || (whole && a.part.has(index))) fail(source, M.AssignedTwice, [root], span);
  if (!whole) {
    const key = staticPath(index, path.slice(ownPrefix));
    for (const other of a.paths) if (overlaps(key, other)) fail(source, M.PartAssignedTwice, [root], span);
    a.paths.add(key);
  }
  (whole ? a.whole : a.part).add(index);
}

/** A goto assigns the instance's pc: at most one per step. */
export function recordGoto(a: Assigned, pcVar: number, span: Span, source?: SourceText): void {
  if (a.whole.has(pcVar) || a.part.has(pcVar)) fail(source, M.SecondGoto, [], span);
  a.part.add(pcVar);
}

/** The iterations of a for run in the same step: a variable assigned whole in the body would be assigned once per iteration. */
export function checkForBody(
  outer: Assigned, body: Assigned, varName: (index: number) => string, loopVar: string, span: Span, source?: SourceText,
): void {
  for (const v of body.whole) if (!outer.whole.has(v)) fail(source, M.WholeInFor, [varName(v), loopVar], span);
}

/** A part's path as far as it is static (fields, literal indices); `open` when a run-time index follows. */
function staticPath(index: number, path: IPathElem[]): string {
  const segs: string[] = [];
  let open = false;
  for (const p of path) {
    if (p.k === 'field') segs.push(`.${p.name}`);
    else if (p.i.k === 'lit') segs.push(`[${JSON.stringify(p.i.v)}]`);
    else {
      open = true;
      break;
    }
  }
  return JSON.stringify([index, open, segs]);
}

/** Whether two static paths surely overlap: one is a prefix of the other, and the shorter is not cut by a run-time index. */
function overlaps(a: string, b: string): boolean {
  const [ia, oa, sa] = JSON.parse(a) as [number, boolean, string[]];
  const [ib, ob, sb] = JSON.parse(b) as [number, boolean, string[]];
  if (ia !== ib) return false;
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) if (sa[i] !== sb[i]) return false;
  const shorterOpen = sa.length < sb.length ? oa : sb.length < sa.length ? ob : oa || ob;
  return !shorterOpen;
}
