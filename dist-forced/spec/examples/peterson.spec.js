"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PetersonBroken = exports.Peterson = void 0;
const dsl_1 = require("../../dsl");
// Peterson's algorithm (G. L. Peterson, "Myths about the mutual exclusion
// problem", IPL 1981) for two processes, in the PlusCal style of Lamport's
// "Teaching Concurrency" / the PlusCal manual: each process raises its flag,
// gives the turn away, and waits until the other is not interested or it is
// its own turn. Every label is one atomic step. MutualExclusion holds.
exports.Peterson = (0, dsl_1.spec) `
  var flag: [0..1] -> bool    // flag[i]: process i wants the critical section
  var turn: 0..1              // who yields when both want it

  init {
    flag := [i in 0..1 |-> false]
    turn := 0
  }

  process Proc[self in 0..1] {
    setFlag: flag[self] := true
    setTurn: turn := 1 - self
    wait:    await !flag[1 - self] || turn == self
    cs:      skip                            // the critical section
    exit:    flag[self] := false
             goto setFlag
  }

  // The two processes are never in the critical section at the same time.
  invariant MutualExclusion: !(Proc[0] at cs && Proc[1] at cs)
`;
// The classic mistake: give the turn away *before* raising the flag. Process 0
// gives the turn to 1; process 1 gives it to 0, raises its flag and, seeing
// flag[0] still down, enters; process 0 raises its flag and, since the turn is
// its own, enters too: MutualExclusion fails after 6 steps.
exports.PetersonBroken = (0, dsl_1.spec) `
  var flag: [0..1] -> bool
  var turn: 0..1

  init {
    flag := [i in 0..1 |-> false]
    turn := 0
  }

  process Proc[self in 0..1] {
    setTurn: turn := 1 - self                // swapped with setFlag: the bug
    setFlag: flag[self] := true
    wait:    await !flag[1 - self] || turn == self
    cs:      skip
    exit:    flag[self] := false
             goto setTurn
  }

  // The two processes are never in the critical section at the same time.
  invariant MutualExclusion: !(Proc[0] at cs && Proc[1] at cs)
`;
//# sourceMappingURL=peterson.spec.js.map