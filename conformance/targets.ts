// The simulator and the native harness as targets a trace runs on (the spec
// target is in spec-target.ts). Each opens a session for a trace and applies
// its ops one by one, returning the observation after each; a target that
// cannot run a trace says why (the trace is then skipped, with that reason in
// the report).
import { Sim } from '../src/sim';
import { THIS_KERNEL } from '../spec/shmem_uffd/variants';
import { NativeHarness, nativeAvailability, type NativeAvailability, type NativeStartOptions } from './native-driver';
import type { Target } from './target';
import { mappingsOf, sizeOf, type Trace } from './trace';

export type { Session, Target, TargetName } from './target';

// ---------------------------------------------------------------- simulator

export const simTarget: Target = {
  name: 'sim',
  async open(trace) {
    const sim = Sim.fromTrace(trace);
    return {
      apply: async (op) => sim.apply(op),
      close: async () => undefined,
    };
  },
};

// ---------------------------------------------------------------- native

/** Why a trace cannot run on this kernel (its constants describe another variant), or null. */
export function anotherKernel(trace: Trace): string | null {
  for (const [k, v] of Object.entries(THIS_KERNEL.switches)) {
    if (k in trace.constants && trace.constants[k] !== v) return `describes another kernel (${k}=${trace.constants[k]}; this kernel, variant ${THIS_KERNEL.name}, has ${v})`;
  }
  return null;
}

/** `binary`, `user`, `cwd`: another harness binary, run as another user (test/native-unprivileged.test.ts). */
export function nativeTarget(opts: { waitMs?: number; noWakeMs?: number; reuse?: boolean } & Pick<NativeStartOptions, 'binary' | 'user' | 'cwd'> = {}): Target {
  const reuse = opts.reuse ?? true;
  let avail: NativeAvailability | undefined;
  return {
    name: 'native',
    async open(trace) {
      avail ??= nativeAvailability(opts.binary);
      if (!avail.ok) return { skip: `the native harness cannot run here: ${avail.reason}; fix: ${avail.fix}` };
      const other = anotherKernel(trace);
      if (other) return { skip: other };
      // the file's i_size and every mapping's geometry (offset, length, the pte index of its first page)
      const geometry = { pages: trace.pages, size: sizeOf(trace), mappings: mappingsOf(trace) };
      const start = { ...geometry, threads: trace.threads, fill: trace.initial.fill, waitMs: opts.waitMs, noWakeMs: opts.noWakeMs, binary: opts.binary, user: opts.user, cwd: opts.cwd };
      const h = reuse ? await NativeHarness.acquire(start) : await NativeHarness.start(start);
      return {
        apply: (op) => h.apply(op),
        close: () => (reuse ? h.release() : h.close()),
      };
    },
  };
}
