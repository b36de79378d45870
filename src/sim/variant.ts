// The kernel variants the simulator (and the spec) can be instantiated with.
// Each constant switches one kernel behaviour that changed between releases or
// was proposed on the list; the names are shared with the spec's constants so a
// trace's `constants` object configures both the same way.

/** Which fault-around gate `do_read_fault` uses. */
export type FaultAround =
  /** 5.10–5.13: `should_fault_around` has no uffd check at all. */
  | 'Always'
  /** Peter Xu's never-merged v2 patch: skip fault-around in any `userfaultfd_armed` VMA. */
  | 'SkipIfUffdArmed'
  /** Andrea's proposed `shmem_map_pages`: fault around, but never map an index inside an
   *  active punch's `i_private` [start,next); the check is made under ptl. */
  | 'ShmemMapPages'
  /** 5.19+: `uffd_disable_fault_around` = the VMA has VM_UFFD_WP or VM_UFFD_MINOR. */
  | 'SkipIfWpOrMinor';

export const FAULT_AROUND_VALUES: readonly FaultAround[] = ['Always', 'SkipIfUffdArmed', 'ShmemMapPages', 'SkipIfWpOrMinor'];

export interface Variant {
  FAULT_AROUND: FaultAround;
  /** 5.19+: zapping a uffd-wp pte of a WP VMA leaves a PTE_MARKER_UFFD_WP; WRITEPROTECT of a
   *  none pte of shmem installs one. Without it the wp bit lives only in present ptes. */
  PTE_MARKERS: boolean;
  /** `truncate_inode_folio` unmaps a folio that is still mapped (the "second unmap"). */
  TRUNCATE_UNMAPS_MAPPED: boolean;
  /** 5.19+: that second unmap passes ZAP_FLAG_DROP_MARKER (a zapped wp pte becomes none, not a marker). */
  TRUNCATE_DROPS_MARKERS: boolean;
  /** 6.2+: a WP-registered VMA wants writenotify, so its vm_page_prot is read-only. */
  WRITENOTIFY: boolean;
  /** shmem_fallocate calls unmap_mapping_range before truncating; false = Peter Xu's
   *  alternative (28 Nov 2020): only the per-folio unmap under the folio lock. */
  FIRST_UNMAP: boolean;
  /** 'ShmemMapPages' only: the i_private check is made under ptl (true) or as an unlocked
   *  peek before taking it, when the fault decides to fault around (false). */
  MAP_PAGES_CHECK_UNDER_PTL: boolean;
}

export type VariantName = keyof Variant;
export const VARIANT_KEYS: readonly VariantName[] = [
  'FAULT_AROUND',
  'PTE_MARKERS',
  'TRUNCATE_UNMAPS_MAPPED',
  'TRUNCATE_DROPS_MARKERS',
  'WRITENOTIFY',
  'FIRST_UNMAP',
  'MAP_PAGES_CHECK_UNDER_PTL',
];

/** The kernel this project is developed on (6.18): the real-kernel harness observes this one. */
export const MODERN: Variant = Object.freeze({
  FAULT_AROUND: 'SkipIfWpOrMinor',
  PTE_MARKERS: true,
  TRUNCATE_UNMAPS_MAPPED: true,
  TRUNCATE_DROPS_MARKERS: true,
  WRITENOTIFY: true,
  FIRST_UNMAP: true,
  MAP_PAGES_CHECK_UNDER_PTL: true,
});

/** Variant A of the brief: 2020 code plus shmem uffd-wp (wp only in present ptes). */
export const KERNEL_2020: Variant = Object.freeze({
  FAULT_AROUND: 'Always',
  PTE_MARKERS: false,
  TRUNCATE_UNMAPS_MAPPED: true,
  TRUNCATE_DROPS_MARKERS: false,
  WRITENOTIFY: false,
  FIRST_UNMAP: true,
  MAP_PAGES_CHECK_UNDER_PTL: true,
});

export function makeVariant(partial: Partial<Variant> = {}): Variant {
  return Object.freeze({ ...MODERN, ...partial });
}
