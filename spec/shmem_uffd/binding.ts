// How the steps of spec/shmem_uffd/shmem_uffd.spec.ts correspond to the user-level
// operations of a trace (docs/trace-format.md), and how an observation is
// read off a spec state. This is the only place that knows the spec's
// variable, process and action names.
import type { EventObs, Observation, Op, PageObs, ThreadObs, UffdMode } from '../../conformance/trace';
import type { Binding } from '../../conformance/spec-target';
import { registerModes } from './variants';
import { tagOfJson } from '../../src/runtime/json';
import { boolParam, intInstance, intParam } from '../../src/runtime/step';

type Json = Record<string, any>;

/** The bytes the generated traces write: fixed, so sim and kernel can be compared on contents. */
export const WRITE_VALUE = (thread: number) => 0x41 + thread; // 'A', 'B', ...
export const PWRITE_VALUE = 0x50; // 'P'
export const COPY_VALUE = 0x43; // 'C'

const EVENT_KIND: Record<string, UffdMode> = { VmUffdMissing: 'MISSING', VmUffdWp: 'WP', VmUffdMinor: 'MINOR' };

export function shmemBinding(constants: Record<string, unknown>): Binding {
  const regWp = constants.UFFD_MODE === 'Wp' || constants.UFFD_MODE === 'MissingWp';
  const monPage = (j: Json): number => (j.mon as Json).page as number;
  return {
    registered: registerModes(String(constants.UFFD_MODE)),
    fill(json) {
      // page i of a file written before the trace starts holds byte i+1 (0: a hole)
      const cache = json.cache as Record<string, unknown>;
      return Object.keys(cache).map((k, i) => (cache[k] === 'Hole' ? 0 : i + 1));
    },
    opOf(x) {
      const f = x.from;
      const t = x.to.json;
      const step = x.step;
      switch (step.action) {
        case 'Thread:access': {
          const u = intInstance(step);
          if (t['Thread.m'][u] !== 0) return null; // a trace drives one mapping
          const page = t['Thread.p'][u] as number;
          return t['Thread.wr'][u] ? { op: 'write', thread: u, page, value: WRITE_VALUE(u) } : { op: 'read', thread: u, page };
        }
        case 'Punch:punch_begin':
          return { op: 'punch', lo: t['Punch.lo'], hi: t['Punch.hi'] - 1 };
        case 'madvise_dontneed': {
          const mm = intParam(step, 'mm');
          const pg = intParam(step, 'pg');
          return mm === 0 ? { op: 'madvise', advice: 'DONTNEED', lo: pg, hi: pg } : null;
        }
        case 'pwrite': {
          const pg = intParam(step, 'pg');
          return { op: 'pwrite', page: pg, value: PWRITE_VALUE };
        }
        case 'mwriteprotect_range': {
          const pg = intParam(step, 'pg');
          return { op: 'writeprotect', lo: pg, hi: pg, wp: boolParam(step, 'protect') };
        }
        case 'mfill_atomic_copy': {
          const pg = monPage(f);
          return { op: 'copy', page: pg, value: COPY_VALUE, wp: regWp && f.mon_prot[pg] === true };
        }
        case 'mfill_atomic_continue':
          return { op: 'continue', page: monPage(f), wp: false };
        case 'userfaultfd_wake': {
          const pg = monPage(f);
          return { op: 'wake', lo: pg, hi: pg };
        }
        case 'userfaultfd_read':
          return 'internal';
      }
      // the rest of a kernel path: every other step of a thread or of the punch
      if (step.process === 'Thread' || step.process === 'Punch') return 'internal';
      return null;
    },

    eventOf(x) {
      if (x.step.action !== 'userfaultfd_read') return null;
      const u = intParam(x.step, 'u');
      const msg = x.from.uffd_msg[u] as Json;
      return { kind: EVENT_KIND[msg.reason], page: x.from['Thread.p'][u], write: msg.write };
    },

    observe(op, start, final, events) {
      const pages: PageObs[] = Object.keys(final.cache).map((k) => {
        const pte = final.pte['0'][k];
        const tag = tagOfJson(pte);
        const p: PageObs = {
          cache: tagOfJson(final.cache[k]) !== 'Hole',
          pte: tag === 'PteNone' ? 'none' : tag === 'PteMarker' ? 'marker' : 'present',
          wp: tag === 'PteMarker' || (tag === 'Present' && (pte as Json).wp === true),
        } as PageObs;
        return p;
      });
      const threads: ThreadObs[] = Object.keys(final.uffd_msg).map((k) =>
        tagOfJson(final.uffd_msg[k]) !== 'NoMsg' || final.falloc_wait[k] === true ? { state: 'blocked' } : { state: 'idle' },
      );
      let result: Observation['result'] | undefined = 0;
      const f = start?.from;
      switch (op.op) {
        case 'read':
          result = threads[op.thread].state === 'blocked' ? 'blocked' : undefined; // the byte read is not modelled
          break;
        case 'write':
          result = threads[op.thread].state === 'blocked' ? 'blocked' : 'ok';
          break;
        case 'pread':
          result = undefined;
          break;
        case 'copy':
          result = f && (tagOfJson(f.cache[op.page]) !== 'Hole' || tagOfJson(f.pte['0'][op.page]) === 'Present') ? -17 : 4096;
          break;
        case 'continue':
          result = f && tagOfJson(f.cache[op.page]) === 'Hole' ? -14 : f && tagOfJson(f.pte['0'][op.page]) === 'Present' ? -17 : 4096;
          break;
      }
      const obs = { pages, events, threads } as unknown as Observation;
      if (result !== undefined) obs.result = result;
      return obs;
    },

    opKey(op) {
      const o: Json = { ...op };
      delete o.value;
      if ('dontwake' in o && !o.dontwake) delete o.dontwake;
      return JSON.stringify(o, Object.keys(o).sort());
    },
  };
}
