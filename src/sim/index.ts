// Public API of the simulator: an operational model of shmem + userfaultfd written the
// way the kernel is, with named yield points and a deterministic scheduler.
export { Sim, SimError, variantOf, makeVariant } from './sim';
export type { SimOptions, Snapshot, TaskStatus, PteView, UffdMessage } from './sim';
export type { KernelSwitches, FaultAround } from '../../spec/shmem_uffd/variants';
export { DONE } from './labels';
export type { Label, StepLabel, AccessLabel, PunchLabel, TruncateLabel, FallocLabel, PageoutLabel, SingleStepLabel } from './labels';
export { Kernel, VmArea, MAX_MAPPINGS } from './kernel';
