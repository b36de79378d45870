"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.REGISTRATIONS = exports.DEFAULT_SWITCHES = exports.THIS_KERNEL = exports.VARIANTS = exports.SWITCH_NAMES = exports.SWITCHES = exports.FAULT_AROUND_VALUES = void 0;
exports.variant = variant;
exports.registerModes = registerModes;
exports.registers = registers;
exports.registrationSlug = registrationSlug;
exports.FAULT_AROUND_VALUES = ['Always', 'SkipIfUffdArmed', 'ShmemMapPages', 'SkipIfWpOrMinor'];
/** Each switch, in the column order of the verdict table, with its column heading. */
exports.SWITCHES = [
    { name: 'FAULT_AROUND', short: 'fault-around' },
    { name: 'PTE_MARKERS', short: 'markers' },
    { name: 'TRUNCATE_UNMAPS_MAPPED', short: '2nd unmap' },
    { name: 'TRUNCATE_DROPS_MARKERS', short: 'drop markers' },
    { name: 'WRITENOTIFY', short: 'writenotify' },
    { name: 'FIRST_UNMAP', short: '1st unmap' },
    { name: 'MAP_PAGES_CHECK_UNDER_PTL', short: 'map_pages under ptl' },
];
exports.SWITCH_NAMES = exports.SWITCHES.map((s) => s.name);
// 2020 code plus Peter's shmem uffd-wp branch: fault-around ignores uffd, wp only in present ptes
const A = {
    FAULT_AROUND: 'Always',
    PTE_MARKERS: false,
    TRUNCATE_UNMAPS_MAPPED: true,
    TRUNCATE_DROPS_MARKERS: false,
    WRITENOTIFY: false,
    FIRST_UNMAP: true,
    MAP_PAGES_CHECK_UNDER_PTL: true,
};
exports.VARIANTS = [
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
function variant(name) {
    const v = exports.VARIANTS.find((x) => x.name === name);
    if (!v)
        throw new Error(`unknown variant ${name} (variants: ${exports.VARIANTS.map((x) => x.name).join(', ')})`);
    return v;
}
/** The kernel this project is developed and confirmed on; the native harness observes it. */
exports.THIS_KERNEL = variant('D');
/** The spec's default switches (its `const` defaults): the kernel of this machine. */
exports.DEFAULT_SWITCHES = exports.THIS_KERNEL.switches;
/** Each registration the spec models and the UFFDIO_REGISTER modes it stands for (null: not registered). */
exports.REGISTRATIONS = [
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
function registerModes(uffdMode) {
    const r = exports.REGISTRATIONS.find((x) => x.name === uffdMode);
    if (!r)
        throw new Error(`unknown UFFD_MODE ${uffdMode}`);
    return r.modes ? [...r.modes] : null;
}
/** Whether a registration (a UFFD_MODE member) contains this mode. */
function registers(uffdMode, mode) {
    return (registerModes(uffdMode) ?? []).includes(mode);
}
/** The kebab-case word of a registration in file names: MissingWp → missing-wp. */
function registrationSlug(r) {
    return r.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
//# sourceMappingURL=variants.js.map