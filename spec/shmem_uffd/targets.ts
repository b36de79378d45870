// The shmem spec as a conformance target: the spec specialised to a trace's
// constants, bound to the trace format by binding.ts.
import { generateChecker } from '../../generator/load';
import { SpecSystem, specTarget } from '../../conformance/spec-target';
import type { Trace } from '../../conformance/trace';
import { shmemBinding } from './binding';
import { SPEC_NAME, shmemSpec } from '.';

const systems = new Map<string, SpecSystem>();

/** The spec specialised to these constants, as a conformance system (cached per constants). */
export function specSystem(constants: Trace['constants']): SpecSystem {
  const key = JSON.stringify(constants);
  let sys = systems.get(key);
  if (!sys) {
    const { checker } = generateChecker(shmemSpec().model(constants));
    sys = new SpecSystem(checker, shmemBinding(checker.META.constants));
    systems.set(key, sys);
  }
  return sys;
}

export const shmemSpecTarget = specTarget(SPEC_NAME, specSystem);
