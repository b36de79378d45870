// The kernel variants of the shmem + uffd spec, declared once.
//
// Each variant is one setting of the kernel switches: behaviours that changed
// between releases or were proposed on the list. The switch names are the
// spec's constants (spec/shmem_uffd/shmem_uffd.spec.ts) and the simulator's
// knobs (src/sim), so one constants object configures both; a test holds the
// spec's enum and defaults against this file. The simulator, the verdict
// rows, the transition tours, the native target, the reports and the docs
// read this table; nothing else names a variant. Adding a variant is the
// spec change plus one entry here (and rows in rows.ts if it should get
// verdicts).
//
// This file is data and imports nothing: the simulator sits above it.

/** Which fault-around gate `do_read_fault` uses (the spec's `enum FaultAround`). */
export type FaultAround =
  /** 5.10–5.13: `should_fault_around` has no uffd check at all. */
  | 'Always'
  /** Peter Xu's never-merged v2 patch: skip fault-around in any `userfaultfd_armed` VMA. */
  | 'SkipIfUffdArmed'
  /** Andrea's proposed `shmem_map_pages`: fault around, but never map an index inside an
   *  active punch's `i_private` [start,next). */
  | 'ShmemMapPages'
  /** 5.19+: `uffd_disable_fault_around` = the VMA has VM_UFFD_WP or VM_UFFD_MINOR. */
  | 'SkipIfWpOrMinor';

export const FAULT_AROUND_VALUES: readonly FaultAround[] = ['Always', 'SkipIfUffdArmed', 'ShmemMapPages', 'SkipIfWpOrMinor'];

/** The kernel switches: every variant sets all of them. */
export interface KernelSwitches {
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

export type SwitchName = keyof KernelSwitches;

/** Each switch, in the column order of the verdict table, with its column heading. */
export const SWITCHES: readonly { name: SwitchName; short: string }[] = [
  { name: 'FAULT_AROUND', short: 'fault-around' },
  { name: 'PTE_MARKERS', short: 'markers' },
  { name: 'TRUNCATE_UNMAPS_MAPPED', short: '2nd unmap' },
  { name: 'TRUNCATE_DROPS_MARKERS', short: 'drop markers' },
  { name: 'WRITENOTIFY', short: 'writenotify' },
  { name: 'FIRST_UNMAP', short: '1st unmap' },
  { name: 'MAP_PAGES_CHECK_UNDER_PTL', short: 'map_pages under ptl' },
];
export const SWITCH_NAMES: readonly SwitchName[] = SWITCHES.map((s) => s.name);

export interface Variant {
  /** the letter of shared/domain/kernel-brief.md §4 (letters are the brief's names, not releases) */
  name: string;
  /** one line: what this variant is */
  title: string;
  /** the kernels (or the proposal) it stands for */
  kernels: string;
  switches: Readonly<KernelSwitches>;
  /** the same kernel written as a patch module over the 6.18 base (dsl/modules.ts): its verdicts must equal the switches' */
  patch?: string;
  /** the name of its transition tour bundles (conformance/generated/<tour>-<registration>.json) */
  tour?: { name: string; registrations: readonly RegistrationName[] };
}

// 2020 code plus Peter's shmem uffd-wp branch: fault-around ignores uffd, wp only in present ptes
const A: KernelSwitches = {
  FAULT_AROUND: 'Always',
  PTE_MARKERS: false,
  TRUNCATE_UNMAPS_MAPPED: true,
  TRUNCATE_DROPS_MARKERS: false,
  WRITENOTIFY: false,
  FIRST_UNMAP: true,
  MAP_PAGES_CHECK_UNDER_PTL: true,
};

export const VARIANTS: readonly Variant[] = [
  {
    name: 'A',
    patch: 'spec/shmem_uffd/patches/kernel_2020.spec.ts',
    title: '2020 code plus shmem uffd-wp: fault-around ignores uffd, the wp bit lives only in present ptes',
    kernels: "5.10–5.13 with Peter Xu's (then unmerged) shmem uffd-wp series",
    switches: A,
    tour: { name: 'kernel-2020', registrations: ['Missing', 'Wp'] },
  },
  {
    name: 'B',
    patch: 'spec/shmem_uffd/patches/no_fault_around_armed.spec.ts',
    title: 'A plus no fault-around in uffd-armed VMAs',
    kernels: "Peter Xu's fix, v1 26 Nov / v2 30 Nov 2020 (never merged)",
    switches: { ...A, FAULT_AROUND: 'SkipIfUffdArmed' },
  },
  {
    name: 'C',
    patch: 'spec/shmem_uffd/patches/shmem_map_pages.spec.ts',
    title: "A plus Andrea's shmem_map_pages skipping [start,next) while i_private is set, checked under ptl",
    kernels: 'Andrea Arcangeli, 27 Nov 2020 (proposal)',
    switches: { ...A, FAULT_AROUND: 'ShmemMapPages' },
  },
  {
    name: "C'",
    patch: 'spec/shmem_uffd/patches/shmem_map_pages_unlocked.spec.ts',
    title: 'C with the i_private check made before taking ptl',
    kernels: 'a check-then-lock reading of the C proposal',
    switches: { ...A, FAULT_AROUND: 'ShmemMapPages', MAP_PAGES_CHECK_UNDER_PTL: false },
  },
  {
    name: 'D',
    title: 'markers, no fault-around in WP|MINOR VMAs, DROP_MARKER on truncation, writenotify',
    kernels: '5.19+ (writenotify 6.2+); this machine runs 6.18',
    switches: {
      FAULT_AROUND: 'SkipIfWpOrMinor',
      PTE_MARKERS: true,
      TRUNCATE_UNMAPS_MAPPED: true,
      TRUNCATE_DROPS_MARKERS: true,
      WRITENOTIFY: true,
      FIRST_UNMAP: true,
      MAP_PAGES_CHECK_UNDER_PTL: true,
    },
    tour: { name: 'modern', registrations: ['Wp', 'MissingWp', 'Missing', 'Minor', 'MinorWp', 'None'] },
  },
  {
    name: 'E',
    patch: 'spec/shmem_uffd/patches/no_second_unmap.spec.ts',
    title: 'A without the second unmap in truncate_inode_folio',
    kernels: 'a what-if: the 2020 question whether the second unmap is needed',
    switches: { ...A, TRUNCATE_UNMAPS_MAPPED: false },
  },
  {
    name: 'F',
    patch: 'spec/shmem_uffd/patches/no_first_unmap.spec.ts',
    title: 'A without the first unmap (unmap_mapping_range) in shmem_fallocate',
    kernels: "Peter Xu's alternative, 28 Nov 2020",
    switches: { ...A, FIRST_UNMAP: false },
  },
];

export function variant(name: string): Variant {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`unknown variant ${name} (variants: ${VARIANTS.map((x) => x.name).join(', ')})`);
  return v;
}

/** The kernel this project is developed and confirmed on; the native harness observes it. */
export const THIS_KERNEL: Variant = variant('D');

/** The spec's default switches (its `const` defaults): the kernel of this machine. */
export const DEFAULT_SWITCHES: Readonly<KernelSwitches> = THIS_KERNEL.switches;

// ---------------------------------------------------------------- registrations

/** The spec's `enum UffdMode`: how mapping 0 is registered. */
export type RegistrationName = 'None' | 'Missing' | 'Wp' | 'MissingWp' | 'Minor' | 'MinorWp' | 'MissingMinor' | 'MissingWpMinor';

/** Each registration the spec models and the UFFDIO_REGISTER modes it stands for (null: not registered). */
export const REGISTRATIONS: readonly { name: RegistrationName; modes: readonly ('MISSING' | 'WP' | 'MINOR')[] | null }[] = [
  { name: 'None', modes: null },
  { name: 'Missing', modes: ['MISSING'] },
  { name: 'Wp', modes: ['WP'] },
  { name: 'MissingWp', modes: ['MISSING', 'WP'] },
  { name: 'Minor', modes: ['MINOR'] },
  { name: 'MinorWp', modes: ['MINOR', 'WP'] },
  { name: 'MissingMinor', modes: ['MISSING', 'MINOR'] },
  { name: 'MissingWpMinor', modes: ['MISSING', 'WP', 'MINOR'] },
];

/** UFFD_MODE of the spec → the modes of the register step (null: not registered). */
export function registerModes(uffdMode: string): ('MISSING' | 'WP' | 'MINOR')[] | null {
  const r = REGISTRATIONS.find((x) => x.name === uffdMode);
  if (!r) throw new Error(`unknown UFFD_MODE ${uffdMode}`);
  return r.modes ? [...r.modes] : null;
}

/** Whether a registration (a UFFD_MODE member) contains this mode. */
export function registers(uffdMode: string, mode: 'MISSING' | 'WP' | 'MINOR'): boolean {
  return (registerModes(uffdMode) ?? []).includes(mode);
}

/** The kebab-case word of a registration in file names: MissingWp → missing-wp. */
export function registrationSlug(r: RegistrationName): string {
  return r.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
