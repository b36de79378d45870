"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TicketLockBroken = exports.TicketLock = void 0;
const dsl_1 = require("../../dsl");
// A FIFO lock for N identical processes: each joins the queue, waits until it
// is at its head, runs its critical section and leaves. Nothing in the spec
// tells the processes apart, so `symmetric Pid` lets the checker explore one
// state per orbit under the permutations of the process numbers
// (docs/language.md, "Symmetry"). Counted by hand: with k processes queued
// (an ordered choice of k of N: N!/(N-k)! states) the head is at wait, cs or
// exit, so there are 1 + 3 * sum_{k=1..N} N!/(N-k)! states (46 for N = 3) and
// 1 + 3N orbits (10 for N = 3): every queue of length k is a permutation of
// every other. MutualExclusion holds.
exports.TicketLock = (0, dsl_1.spec) `
  const N: 1..8 = 3
  type Pid = 0..N-1
  symmetric Pid

  var queue: seq<Pid, N>      // who waits, in the order they came

  init { queue := <<>> }

  process Proc[self in Pid] {
    enq:  queue := append(queue, self)
    wait: await head(queue) == self
    cs:   skip                       // the critical section
    exit: queue := tail(queue)
          goto enq
  }

  // At most one process is in its critical section.
  invariant MutualExclusion: forall i in Pid: forall j in Pid: (Proc[i] at cs && Proc[j] at cs) => i == j
`;
// The lock broken: a process enters as soon as it is queued, at the head or
// not. MutualExclusion fails after 4 steps (two processes join and enter).
exports.TicketLockBroken = (0, dsl_1.spec) `
  const N: 1..8 = 3
  type Pid = 0..N-1
  symmetric Pid

  var queue: seq<Pid, N>

  init { queue := <<>> }

  process Proc[self in Pid] {
    enq:  queue := append(queue, self)
    wait: skip                       // the bug: no await head(queue) == self
    cs:   skip
    exit: queue := tail(queue)
          goto enq
  }

  invariant MutualExclusion: forall i in Pid: forall j in Pid: (Proc[i] at cs && Proc[j] at cs) => i == j
`;
//# sourceMappingURL=ticketlock.spec.js.map