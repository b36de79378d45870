// Which part assignments of a step must be compared at run time. A step may
// assign m[a] and m[b] (dsl/assign-once.ts lets through what only run-time
// indices tell apart); when they turn out to be the same part, the step is an
// evaluation error (docs/language.md), as the reference interpreter raises
// it. Both emitters (emit.ts on values, word-steps.ts on the packed words)
// record the indices of each assignment listed here when it runs and compare
// a later one against them.
import type { IPathElem, IStmt } from '../dsl/ir';

type Assign = Extract<IStmt, { k: 'assign' }>;

export interface OverlapPlan {
  /** per assignment: the earlier ones it is compared with (they may run before it on one path and write the same part) */
  against: Map<Assign, Assign[]>;
  /** the assignments whose indices are recorded, each with its number (the emitters' ov<n>) */
  recorded: Map<Assign, number>;
  /** recorded assignments inside a `for`: they may run several times in one step (a list of indices, not one) */
  repeated: Set<Assign>;
}

export function overlapPlan(body: IStmt[]): OverlapPlan {
  const against = new Map<Assign, Assign[]>();
  const pair = (later: Assign, earlier: Assign) => {
    const list = against.get(later) ?? [];
    if (!list.includes(earlier)) list.push(earlier);
    against.set(later, list);
  };
  const inFor = new Set<Assign>();
  // `before`: the assignments that may have run on a path reaching here; returned: the same after stmts.
  // `later`: the slot of the loop variable when the body of a for is walked as its later iterations
  const walk = (stmts: IStmt[], before: Set<Assign>, looped: boolean, later: number | null = null): Set<Assign> => {
    let now = new Set(before);
    for (const st of stmts) {
      switch (st.k) {
        case 'assign':
          if (st.path.length > 0) {
            for (const e of now) if (e.index === st.index && mayOverlap(e.path, st.path) && !(later !== null && byLoop(e.path, st.path, later))) pair(st, e);
            now.add(st);
            if (looped) inFor.add(st);
          }
          break;
        case 'if':
          now = union(walk(st.then, now, looped, later), walk(st.else, now, looped, later));
          break;
        case 'with':
          now = walk(st.body, now, looped, later);
          break;
        case 'either':
          now = union(...st.branches.map((b) => walk(b, now, looped, later)));
          break;
        case 'for': {
          // an iteration runs after the ones before it: the body is walked again from where it ends
          // (parts indexed by the loop variable at one place are apart between two iterations)
          const once = walk(st.body, now, true);
          now = walk(st.body, once, true, st.slot);
          break;
        }
        default:
          break;
      }
    }
    return now;
  };
  walk(body, new Set(), false);
  const recorded = new Map<Assign, number>();
  for (const list of against.values()) for (const e of list) if (!recorded.has(e)) recorded.set(e, recorded.size);
  return { against, recorded, repeated: new Set([...recorded.keys()].filter((e) => inFor.has(e))) };
}

/**
 * The code the emitters write for a plan, in their own variables: `ov<n>`
 * counts the runs of recorded assignment n on the current path and
 * `ov<n>_<j>` holds its j-th index, or, for one inside a `for`, `ovs<n>`
 * lists the indices of every run.
 */
export class OverlapCode {
  constructor(private readonly plan: OverlapPlan) {}

  /** declarations, at the start of a choice of parameters */
  declare(): string[] {
    return [...this.plan.recorded].map(([a, n]) =>
      this.plan.repeated.has(a) ? `const ovs${n}: number[] = [];` : `let ov${n} = 0${indexPositions(a.path).map((_, j) => `, ov${n}_${j} = 0`).join('')};`,
    );
  }

  /** what a choice point saves before its choices (`w`: its name) and restores at the start of each */
  save(w: string): { save: string[]; restore: string[] } {
    const save: string[] = [];
    const restore: string[] = [];
    for (const [a, n] of this.plan.recorded) {
      const [x, len] = this.plan.repeated.has(a) ? [`ovs${n}.length`, `${w}_ovs${n}`] : [`ov${n}`, `${w}_ov${n}`];
      save.push(`const ${len} = ${x};`);
      restore.push(`${x} = ${len};`);
    }
    return { save, restore };
  }

  /** whether assignment `a` is compared with earlier ones or recorded: its indices must be evaluated into names */
  involved(a: Assign): boolean {
    return this.plan.against.has(a) || this.plan.recorded.has(a);
  }

  /**
   * After assignment `a` whose index values are the names `keys` (one per
   * index position of its path): compare with the earlier assignments
   * (`clash`: the statement run when one wrote the same part), then record.
   */
  after(a: Assign, keys: string[], clash: string): string[] {
    const out: string[] = [];
    for (const e of this.plan.against.get(a) ?? []) {
      const n = this.plan.recorded.get(e)!;
      const shared = sharedIndices(e.path, a.path);
      if (this.plan.repeated.has(e)) {
        const stride = indexPositions(e.path).length;
        const same = keys.slice(0, shared).map((k, j) => `ovs${n}[q + ${j}] === ${k}`).join(' && ') || 'true';
        out.push(`for (let q = 0; q < ovs${n}.length; q += ${stride}) if (${same}) ${clash}`);
      } else {
        const same = keys.slice(0, shared).map((k, j) => `ov${n}_${j} === ${k}`).join(' && ');
        out.push(`if (ov${n} > 0${same ? ` && ${same}` : ''}) ${clash}`);
      }
    }
    const n = this.plan.recorded.get(a);
    if (n !== undefined) {
      if (this.plan.repeated.has(a)) out.push(`ovs${n}.push(${keys.join(', ')});`);
      else out.push(`ov${n} = 1;${keys.map((k, j) => ` ov${n}_${j} = ${k};`).join('')}`);
    }
    return out;
  }
}

/** the positions of a path that are indices (their values are what the run-time comparison records) */
function indexPositions(path: IPathElem[]): number[] {
  return path.flatMap((p, i) => (p.k === 'field' ? [] : [i]));
}

/**
 * The index positions two paths share before they part or one ends: the
 * indices compared at run time (fields and literal indices there are equal,
 * or mayOverlap would have told them apart).
 */
function sharedIndices(a: IPathElem[], b: IPathElem[]): number {
  const n = Math.min(a.length, b.length);
  return indexPositions(a.slice(0, n)).length;
}

/** whether two paths into one variable may name overlapping parts: no field or literal index tells them apart */
function mayOverlap(a: IPathElem[], b: IPathElem[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x.k === 'field' || y.k === 'field') {
      if (x.k !== y.k || (x as { name: string }).name !== (y as { name: string }).name) return false;
      continue;
    }
    if (x.i.k === 'lit' && y.i.k === 'lit' && JSON.stringify(x.i.v) !== JSON.stringify(y.i.v)) return false;
  }
  return true;
}

/** whether both paths index by the loop variable (slot) at one place they share: two iterations write apart there */
function byLoop(a: IPathElem[], b: IPathElem[], slot: number): boolean {
  const n = Math.min(a.length, b.length);
  const loop = (p: IPathElem) => p.k !== 'field' && p.i.k === 'local' && p.i.slot === slot;
  for (let i = 0; i < n; i++) if (loop(a[i]) && loop(b[i])) return true;
  return false;
}

function union(...sets: Set<Assign>[]): Set<Assign> {
  const out = new Set<Assign>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}
