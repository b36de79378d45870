// DieHard (Lamport, "Specifying Systems" / the TLA+ video course), enumerated by hand.
// Jugs: big holds 0..5 gallons, small 0..3. The invariant NotFour is
// `big != GOAL` (GOAL = 4 in the film; any other value is accepted so the
// tests can also explore the whole graph with an unreachable goal, 6).
import { Model } from './bfs';

export interface DieHardState {
  big: number;
  small: number;
}

const st = (big: number, small: number): DieHardState => ({ big, small });

export function dieHard(goal = 4): Model<DieHardState> {
  return {
    name: `DieHard(GOAL=${goal})`,
    init: () => [st(0, 0)],
    next: ({ big, small }) => {
      const toBig = Math.min(small, 5 - big);
      const toSmall = Math.min(big, 3 - small);
      return [
        { action: 'FillSmall', state: st(big, 3) },
        { action: 'FillBig', state: st(5, small) },
        { action: 'EmptySmall', state: st(big, 0) },
        { action: 'EmptyBig', state: st(0, small) },
        { action: 'SmallToBig', state: st(big + toBig, small - toBig) },
        { action: 'BigToSmall', state: st(big - toSmall, small + toSmall) },
      ];
    },
    invariants: { NotFour: (s) => s.big !== goal },
  };
}
