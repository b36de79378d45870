// uffdspec review: the verdicts a patch module changes. On the rows where the
// answer is known from the verdict table (docs/verdicts.md): the keep-marker
// what-if closes the 6.18 protection loss, a patch that drops the folio lock
// breaks coherence (exit 1). (docs/review.md's commands, Andrea's
// shmem_map_pages among them, run in test/docs-commands.test.ts.)
import { loadSpecFile } from '../src/api';
import { Spec } from '../dsl';
import { review, type ReviewPlan } from '../src/review/review';
import { shmemReviewPlan } from '../spec/shmem_uffd/review-plan';
import { reviewMail } from '../src/cli/review-mail';
import { runCli } from './helpers/cli';

// One user thread (THREADS=1) keeps these rows small: the races below need only one.
function reviewOf(patchFile: string, rows: string[]) {
  const patched = loadSpecFile(patchFile);
  const base = Spec.ofLinked(patched.linked!.extended!);
  const plan = shmemReviewPlan(patched.linked!, base.linked!, { THREADS: 1 });
  const only: ReviewPlan = { ...plan, rows: plan.rows.filter((r) => rows.includes(r.id)) };
  return review(base, patched, only);
}

test('the plan: every registration with one and two mappings; nothing left uncovered by a patch of the fault path', () => {
  const patched = loadSpecFile('spec/shmem_uffd/patches/shmem_map_pages.spec.ts');
  const plan = shmemReviewPlan(patched.linked!, patched.linked!.extended!, {});
  expect(plan.rows.map((r) => r.id)).toEqual(['None/1', 'None/2', 'Missing/1', 'Missing/2', 'Wp/1', 'Wp/2', 'MissingWp/1', 'MissingWp/2', 'Minor/1', 'Minor/2', 'MinorWp/1', 'MinorWp/2']);
  expect(plan.notCovered).toEqual([]);
});

test('keep-marker what-if on 6.18: the protection loss (WpNotLost) was violated and holds; the old race is blocked at the truncation', () => {
  const r = reviewOf('spec/shmem_uffd/patches/truncate_keeps_markers.spec.ts', ['Wp/1']);
  expect(r.broken).toBe(0);
  expect(r.changes.map((c) => [c.row, c.property, c.kind])).toEqual([
    ['Wp/1', 'NoSilentWrite', 'fixed'],
    ['Wp/1', 'WpNotLost', 'fixed'],
  ]);
  for (const c of r.changes) {
    expect(c.blocked).toMatchObject({ action: 'Punch:truncate_inode_folio' });
    expect(c.blocked!.why).toMatch(/pte\[0\]\[0\] becomes PteMarker, not PteNone/);
  }
  expect(r.rows[0].baseStates).toBeGreaterThan(r.rows[0].patchedStates);
  const mail = reviewMail(r);
  for (const line of mail.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  expect(mail).toMatch(/Thread\[0\] +Punch/);
});

test('a patch that drops the folio lock around finish_fault breaks PteCoherent: review exits 1 with the new counterexample', async () => {
  const r = await runCli(['review', 'test/fixtures/patches/no_folio_lock.spec.ts', '--rows', 'None/1', '--const', 'THREADS=1', '--json'], { UFFDSPEC_PROGRESS_MS: '0' }, { timeoutMs: 120000 });
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { broken: number; changes: { property: string; kind: string; counterexample: { action: string }[] }[] };
  expect(out.broken).toBe(1);
  expect(out.changes).toHaveLength(1);
  const c = out.changes[0];
  expect([c.property, c.kind]).toEqual(['PteCoherent', 'broken']);
  // the fault maps the folio after the punch truncated it: finish_fault after truncate_inode_folio
  const steps = c.counterexample.map((s) => s.action);
  expect(steps.indexOf('Punch:truncate_inode_folio')).toBeGreaterThan(0);
  expect(steps.lastIndexOf('Thread[0]:finish_fault')).toBeGreaterThan(steps.indexOf('Punch:truncate_inode_folio'));
}, 150000);

test('a spec that extends nothing cannot be reviewed (a located usage error)', async () => {
  const r = await runCli(['review', 'spec/examples/diehard.spec.ts'], { UFFDSPEC_PROGRESS_MS: '0' });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/extends no spec/);
});
