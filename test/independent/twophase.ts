// Lamport's TwoPhase commit (TwoPhase.tla in the TLA+ examples), enumerated by
// hand for n resource managers. Sets are kept as sorted arrays so that equal
// sets have equal JSON keys.
import { Model } from './bfs';

export type RMState = 'working' | 'prepared' | 'committed' | 'aborted';
/** 'Prepared:<rm>' | 'Commit' | 'Abort' */
export type Msg = string;

export interface TwoPhaseState {
  rmState: RMState[];
  tmState: 'init' | 'done';
  tmPrepared: number[];
  msgs: Msg[];
}

const addNum = (s: number[], x: number): number[] => (s.includes(x) ? s : [...s, x].sort((a, b) => a - b));
const addMsg = (s: Msg[], x: Msg): Msg[] => (s.includes(x) ? s : [...s, x].sort());
const setRm = (a: RMState[], i: number, v: RMState): RMState[] => a.map((x, j) => (j === i ? v : x));
const mk = (rmState: RMState[], tmState: 'init' | 'done', tmPrepared: number[], msgs: Msg[]): TwoPhaseState => ({
  rmState,
  tmState,
  tmPrepared,
  msgs,
});

export function twoPhase(n: number): Model<TwoPhaseState> {
  const RM = Array.from({ length: n }, (_, i) => i);
  return {
    name: `TwoPhase(RM_COUNT=${n})`,
    init: () => [mk(RM.map(() => 'working'), 'init', [], [])],
    next: (s) => {
      const out: { action: string; state: TwoPhaseState }[] = [];
      const push = (action: string, t: TwoPhaseState) => out.push({ action, state: t });
      for (const r of RM) {
        if (s.tmState === 'init' && s.msgs.includes(`Prepared:${r}`))
          push(`TMRcvPrepared(${r})`, mk(s.rmState, s.tmState, addNum(s.tmPrepared, r), s.msgs));
      }
      if (s.tmState === 'init' && s.tmPrepared.length === n)
        push('TMCommit', mk(s.rmState, 'done', s.tmPrepared, addMsg(s.msgs, 'Commit')));
      if (s.tmState === 'init') push('TMAbort', mk(s.rmState, 'done', s.tmPrepared, addMsg(s.msgs, 'Abort')));
      for (const r of RM) {
        if (s.rmState[r] === 'working')
          push(`RMPrepare(${r})`, mk(setRm(s.rmState, r, 'prepared'), s.tmState, s.tmPrepared, addMsg(s.msgs, `Prepared:${r}`)));
        if (s.rmState[r] === 'working')
          push(`RMChooseToAbort(${r})`, mk(setRm(s.rmState, r, 'aborted'), s.tmState, s.tmPrepared, s.msgs));
        if (s.msgs.includes('Commit'))
          push(`RMRcvCommitMsg(${r})`, mk(setRm(s.rmState, r, 'committed'), s.tmState, s.tmPrepared, s.msgs));
        if (s.msgs.includes('Abort'))
          push(`RMRcvAbortMsg(${r})`, mk(setRm(s.rmState, r, 'aborted'), s.tmState, s.tmPrepared, s.msgs));
      }
      return out;
    },
    invariants: {
      TPTypeOK: (s) =>
        s.tmPrepared.every((r) => s.msgs.includes(`Prepared:${r}`)) &&
        (!s.msgs.includes('Commit') || (s.tmState === 'done' && s.tmPrepared.length === n)) &&
        (!s.msgs.includes('Abort') || s.tmState === 'done') &&
        !(s.msgs.includes('Commit') && s.msgs.includes('Abort')),
      TCConsistent: (s) => !(s.rmState.includes('aborted') && s.rmState.includes('committed')),
    },
  };
}
