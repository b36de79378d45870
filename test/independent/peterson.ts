// Peterson's mutual exclusion for two processes, enumerated by hand.
// Each process cycles through the labels
//   setFlag: flag[self] := true
//   setTurn: turn := 1 - self
//   wait:    await !flag[1 - self] || turn == self
//   cs:      skip                       (the critical section)
//   exit:    flag[self] := false; goto setFlag
// The broken variant swaps the first two steps (turn is given away before the
// flag is raised), which lets both processes into the critical section.
import { Model } from './bfs';

export type Label = 'setFlag' | 'setTurn' | 'wait' | 'cs' | 'exit';
const ORDER: Label[] = ['setFlag', 'setTurn', 'wait', 'cs', 'exit'];

export interface PetersonState {
  flag: [boolean, boolean];
  turn: number;
  pc: [Label, Label];
}

function set<T>(pair: [T, T], i: number, v: T): [T, T] {
  return i === 0 ? [v, pair[1]] : [pair[0], v];
}

export function peterson(broken = false): Model<PetersonState> {
  // The label that follows each label in text order (exit loops back to the first).
  const order: Label[] = broken ? ['setTurn', 'setFlag', 'wait', 'cs', 'exit'] : ORDER;
  const after = (l: Label): Label => (l === 'exit' ? order[0] : order[order.indexOf(l) + 1]);
  return {
    name: broken ? 'PetersonBroken' : 'Peterson',
    init: () => [{ flag: [false, false], turn: 0, pc: [order[0], order[0]] }],
    next: (s) => {
      const out = [];
      for (const i of [0, 1]) {
        const other = 1 - i;
        const l = s.pc[i];
        const pc = set(s.pc, i, after(l));
        let t: PetersonState | null;
        switch (l) {
          case 'setFlag':
            t = { flag: set(s.flag, i, true), turn: s.turn, pc };
            break;
          case 'setTurn':
            t = { flag: s.flag, turn: other, pc };
            break;
          case 'wait':
            t = !s.flag[other] || s.turn === i ? { flag: s.flag, turn: s.turn, pc } : null;
            break;
          case 'cs':
            t = { flag: s.flag, turn: s.turn, pc };
            break;
          case 'exit':
            t = { flag: set(s.flag, i, false), turn: s.turn, pc };
            break;
        }
        if (t) out.push({ action: `Proc[${i}]:${l}`, state: t });
      }
      return out;
    },
    invariants: { MutualExclusion: (s) => !(s.pc[0] === 'cs' && s.pc[1] === 'cs') },
  };
}
