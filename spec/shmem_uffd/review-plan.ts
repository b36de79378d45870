// Which rows `uffdspec review` checks a patch of the shmem spec on: every
// registration of mapping 0 with one and with two mappings (the second one
// unregistered), which runs the user threads, the punch and the monitor; and,
// for each operation whose action the patch changes (or whose action uses a
// def the patch changes), that operation enabled under the registrations that
// tell it apart. Actions that run only when a conformance trace drives the
// spec (TRACE_DRIVEN) have no exhaustive row: the plan says so.
import type { ConstOverrides, LinkedSpec } from '../../dsl';
import type * as A from '../../dsl/ast';
import { declText, patchSummary } from '../../dsl/modules';
import type { ReviewPlan, ReviewRow } from '../../src/review/review';

const REGISTRATIONS = ['None', 'Missing', 'Wp', 'MissingWp', 'Minor', 'MinorWp'] as const;

/** The operations the spec's own runs can enable, with the constants that enable one. */
const OPERATIONS: Record<string, ConstOverrides> = {
  madvise_dontneed: { DONTNEEDS: 1 },
  pwrite: { PWRITES: 1 },
  // reclaim is checked without a punch, as the verdict table does (D-wp-pageout)
  madvise_pageout: { PAGEOUTS: 1, PUNCHES: 0 },
};
const OPERATION_REGISTRATIONS = ['Missing', 'Wp', 'MissingWp'] as const;

export function shmemReviewPlan(patch: LinkedSpec, base: LinkedSpec, extra: ConstOverrides): ReviewPlan {
  const rows: ReviewRow[] = [];
  for (const reg of REGISTRATIONS) {
    for (const mappings of [1, 2]) {
      rows.push({ id: `${reg}/${mappings}`, constants: { ...extra, UFFD_MODE: reg, MAPPINGS: mappings }, why: 'every registration, one and two mappings' });
    }
  }
  const touched = patchSummary(patch.own);
  const actions = base.ast.decls.filter((d): d is A.ActionDecl => d.kind === 'Action');
  const uses = (a: A.ActionDecl, name: string) => new RegExp(`\\b${name}\\b`).test(declText(a, base.source));
  const changed = (a: A.ActionDecl) => touched.actions.includes(a.name.name) || touched.defs.some((d) => uses(a, d));
  const ops: string[] = [];
  const notCovered: string[] = [];
  for (const a of actions) {
    if (!changed(a)) continue;
    const op = OPERATIONS[a.name.name];
    if (op) {
      ops.push(a.name.name);
      for (const reg of OPERATION_REGISTRATIONS) {
        rows.push({ id: `${reg}/1+${a.name.name}`, constants: { ...extra, ...op, UFFD_MODE: reg, MAPPINGS: 1 }, why: `the patch changes ${a.name.name} (or a def it uses)` });
      }
    } else if (/\bTRACE_DRIVEN\b/.test(declText(a, base.source))) {
      notCovered.push(`${a.name.name}: runs only when a conformance trace drives the spec (TRACE_DRIVEN), so no exhaustive row covers it`);
    }
  }
  for (const a of touched.actions.filter((n) => !actions.some((x) => x.name.name === n))) {
    notCovered.push(`${a}: a new action; the rows run it as the spec's defaults enable it`);
  }
  const description =
    `registrations ${REGISTRATIONS.join(', ')} x mappings 1, 2` +
    (ops.length ? `; with ${ops.join(', ')} (changed by the patch) under ${OPERATION_REGISTRATIONS.join(', ')}` : '; the patch changes no operation that needs a row of its own');
  return { rows, description, notCovered };
}
