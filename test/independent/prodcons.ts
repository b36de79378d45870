// A bounded producer/consumer queue, enumerated by hand.
// Two producers (process Producer[self in 0..1]) each append ITEMS copies of
// their own index to the queue q (capacity CAP), one per step, waiting while
// the queue is full; one consumer (process Consumer) removes the head of the
// queue, one per step, waiting while it is empty, until it has taken
// 2 * ITEMS items (2 * ITEMS + 1 when GREEDY, a deliberate bug: it then waits
// forever for an item nobody produces, a deadlock). A process whose loop ends
// is Done; when all three are Done the run ends normally. The consumer also
// remembers the item it took last (`last`, initially 0).
import { Model } from './bfs';

export interface ProdConsState {
  q: number[];
  sent: [number, number];
  got: number;
  last: number;
  /** program counters: 'put' | 'Done' for the producers, 'take' | 'Done' for the consumer */
  pc: [string, string, string];
}

export function prodCons(cap: number, items: number, greedy = false): Model<ProdConsState> {
  const want = 2 * items + (greedy ? 1 : 0);
  return {
    name: `ProdCons(CAP=${cap}, ITEMS=${items}${greedy ? ', GREEDY' : ''})`,
    init: () => [{ q: [], sent: [0, 0], got: 0, last: 0, pc: ['put', 'put', 'take'] }],
    next: (s) => {
      const out: { action: string; state: ProdConsState }[] = [];
      for (const p of [0, 1]) {
        if (s.pc[p] === 'put' && s.q.length < cap) {
          const sent: [number, number] = p === 0 ? [s.sent[0] + 1, s.sent[1]] : [s.sent[0], s.sent[1] + 1];
          const pc: [string, string, string] = [...s.pc];
          pc[p] = s.sent[p] + 1 < items ? 'put' : 'Done';
          out.push({ action: `Producer[${p}]:put`, state: { q: [...s.q, p], sent, got: s.got, last: s.last, pc } });
        }
      }
      if (s.pc[2] === 'take' && s.q.length > 0) {
        const pc: [string, string, string] = [s.pc[0], s.pc[1], s.got + 1 < want ? 'take' : 'Done'];
        out.push({ action: 'Consumer:take', state: { q: s.q.slice(1), sent: s.sent, got: s.got + 1, last: s.q[0], pc } });
      }
      return out;
    },
    invariants: {
      QueueBound: (s) => s.q.length <= cap,
      Conservation: (s) => s.q.length === s.sent[0] + s.sent[1] - s.got,
    },
    terminated: (s) => s.pc.every((l) => l === 'Done'),
  };
}
