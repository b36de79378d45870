"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LIVENESS_PROPERTIES = exports.PROPERTIES = exports.ROWS = void 0;
exports.rowOf = rowOf;
// The rows of the verdict table: a kernel variant of variants.ts, a
// registration of mapping 0 and a number of mappings, and the question the row
// asks. A row sets every kernel switch from its variant; the sizes keep the
// spec's defaults (spec/shmem_uffd/shmem_uffd.spec.ts: PAGES 2, THREADS 2,
// ACCESSES 1, PUNCHES 1, WP_ROUNDS 1, no DONTNEED, no pwrite, no PAGEOUT) unless the row
// says otherwise.
const variants_1 = require("./variants");
/** A row of variant `v`: every kernel switch from the variant, then the row's own constants. */
function rowOf(v, id, question, extra) {
    return { id, variant: v.name, question, constants: { ...v.switches, ...extra }, ...(v.patch ? { patch: v.patch } : {}) };
}
function row(id, variantName, question, extra) {
    return rowOf((0, variants_1.variant)(variantName), id, question, extra);
}
/** The keep-marker what-if as a patch module over 6.18 (a row of variant D with one switch changed). */
const KEEP_MARKERS = 'spec/shmem_uffd/patches/truncate_keeps_markers.spec.ts';
exports.ROWS = [
    // ---- the 2020 race and its proposed fixes, WP-only and MISSING|WP registrations
    row('A-wp-1', 'A', "R1: does fault-around re-map a protected page during a punch?", { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('A-missingwp-1', 'A', 'R1 with MISSING|WP (Andrea: a real fault would give MISSING)', { UFFD_MODE: 'MissingWp', MAPPINGS: 1 }),
    row('A-wp-dontneed', 'A', 'no race: MADV_DONTNEED of a protected page, wp bit only in the pte', { UFFD_MODE: 'Wp', MAPPINGS: 1, DONTNEEDS: 1 }),
    row('A-wp-pageout', 'A', 'no race: reclaim (MADV_PAGEOUT) of a protected page, wp bit only in the pte; no punch', { UFFD_MODE: 'Wp', MAPPINGS: 1, PUNCHES: 0, PAGEOUTS: 1 }),
    row('B-wp-1', 'B', "Peter's fix: no fault-around in uffd-armed VMAs", { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('B-wp-2', 'B', "Peter's fix with a second, unregistered mapping", { UFFD_MODE: 'Wp', MAPPINGS: 2 }),
    row('C-wp-1', 'C', "Andrea's shmem_map_pages, i_private checked under ptl", { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('C-wp-2', 'C', "Andrea's shmem_map_pages with a second mapping", { UFFD_MODE: 'Wp', MAPPINGS: 2 }),
    row("C'-wp-1", "C'", 'shmem_map_pages checking i_private before taking ptl', { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('C-missingwp-1', 'C', 'shmem_map_pages with MISSING|WP', { UFFD_MODE: 'MissingWp', MAPPINGS: 1 }),
    row('C-wp-dontneed', 'C', "shmem_map_pages does not help a DONTNEED (Andrea, 1 Dec)", { UFFD_MODE: 'Wp', MAPPINGS: 1, DONTNEEDS: 1 }),
    row('D-wp-1', 'D', 'the 6.18 kernel (defaults)', { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('D-wp-2', 'D', '6.18 with a second, unregistered mapping', { UFFD_MODE: 'Wp', MAPPINGS: 2 }),
    row('D-missingwp-1', 'D', '6.18 with MISSING|WP', { UFFD_MODE: 'MissingWp', MAPPINGS: 1 }),
    row('D-missingwp-2', 'D', '6.18 with MISSING|WP and a second mapping', { UFFD_MODE: 'MissingWp', MAPPINGS: 2 }),
    row('D-wp-dontneed', 'D', '6.18: markers survive MADV_DONTNEED', { UFFD_MODE: 'Wp', MAPPINGS: 1, DONTNEEDS: 1 }),
    row('D-missing-1', 'D', '6.18 MISSING-only (fault-around stays on)', { UFFD_MODE: 'Missing', MAPPINGS: 1 }),
    row('D-minorwp-1', 'D', '6.18 with MINOR|WP', { UFFD_MODE: 'MinorWp', MAPPINGS: 1 }),
    row('D-wp-pageout', 'D', '6.18: does a protection survive reclaim (MADV_PAGEOUT unmaps the page)? No punch', { UFFD_MODE: 'Wp', MAPPINGS: 1, PUNCHES: 0, PAGEOUTS: 1 }),
    row('D-minor-1', 'D', '6.18 MINOR', { UFFD_MODE: 'Minor', MAPPINGS: 1 }),
    row('D-missing-nowake', 'D', 'monitor forgets UFFDIO_WAKE after a failed COPY (second mapping fills the hole)', { UFFD_MODE: 'Missing', MAPPINGS: 2, MONITOR_WAKES_ON_FAILURE: false }),
    // what-if: the 6.18 kernel, but truncation's second unmap keeps a uffd-wp pte as a marker
    // (no ZAP_FLAG_DROP_MARKER from a hole punch), as Andrea asked on 3-4 Dec 2020
    { ...row('D-wp-keepmarker', 'D', "what-if: 6.18 with truncation keeping uffd-wp markers (no DROP_MARKER in a punch)", { UFFD_MODE: 'Wp', MAPPINGS: 1, TRUNCATE_DROPS_MARKERS: false }), patch: KEEP_MARKERS },
    { ...row('D-wp-keepmarker-2', 'D', 'what-if: the same with a second, unregistered mapping', { UFFD_MODE: 'Wp', MAPPINGS: 2, TRUNCATE_DROPS_MARKERS: false }), patch: KEEP_MARKERS },
    row('E-wp-1', 'E', 'no second unmap', { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('F-wp-1', 'F', "Peter's alternative: no first unmap", { UFFD_MODE: 'Wp', MAPPINGS: 1 }),
    row('F-wp-2', 'F', 'no first unmap, second mapping', { UFFD_MODE: 'Wp', MAPPINGS: 2 }),
    // ---- Andrea's first question: is the non-uffd case correct?
    row('nouffd-A-1', 'A', 'no uffd: can a pte point to a folio no longer cached?', { UFFD_MODE: 'None', MAPPINGS: 1 }),
    row('nouffd-A-2', 'A', 'no uffd, two mappings', { UFFD_MODE: 'None', MAPPINGS: 2 }),
    row('nouffd-E-1', 'E', 'no uffd, without the second unmap', { UFFD_MODE: 'None', MAPPINGS: 1 }),
    row('nouffd-E-2', 'E', 'no uffd, without the second unmap, two mappings', { UFFD_MODE: 'None', MAPPINGS: 2 }),
];
/** The properties of the spec, in column order, and the deadlock check. */
exports.PROPERTIES = [
    'NoSilentWrite',
    'WpNotLost',
    'PteCoherent',
    'NoLostWakeup',
    'Deadlock',
    'WpImpliesReadOnly',
    'MarkersOnlyInWpVma',
    'FolioLockHeldByFault',
    // liveness, under the spec's fairness: a counterexample is a lasso (not a schedule)
    'UserfaultWoken',
    'FallocWaitWoken',
    'PunchFinishes',
];
/** The liveness properties among them: a violation is a lasso, never a schedule. */
exports.LIVENESS_PROPERTIES = ['UserfaultWoken', 'FallocWaitWoken', 'PunchFinishes'];
//# sourceMappingURL=rows.js.map