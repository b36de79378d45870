// What a conformance target is: something that runs a trace's ops one by one
// and returns the observation after each.
import type { Observation, Op, Trace } from './trace';

export type TargetName = 'spec' | 'sim' | 'native';

export interface Session {
  apply(op: Op, expected: Observation): Promise<Observation>;
  close(): Promise<void>;
}

export interface Target {
  name: TargetName;
  /** a session, or the reason this trace cannot run on this target */
  open(trace: Trace): Promise<Session | { skip: string }>;
}
