// Public API of the simulator: an operational model of shmem + userfaultfd written the
// way the kernel is, with named yield points and a deterministic scheduler.
export { Sim, SimError, variantOf } from './sim';
export type { SimOptions, Snapshot, TaskStatus, PteView, UffdMessage } from './sim';
export { MODERN, KERNEL_2020, makeVariant, FAULT_AROUND_VALUES, VARIANT_KEYS } from './variant';
export type { Variant, FaultAround, VariantName } from './variant';
export { DONE } from './labels';
export type { Label, StepLabel, AccessLabel, PunchLabel, SingleStepLabel } from './labels';
export { Kernel, VmArea, MAX_MAPPINGS } from './kernel';
