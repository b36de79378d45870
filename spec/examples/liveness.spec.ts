import { spec } from "../../dsl";

// Known answers for liveness (test/liveness.test.ts): starvation freedom of
// two mutual-exclusion algorithms under no fairness, weak and strong fairness.

// Peterson's algorithm (spec/examples/peterson.spec.ts) with the property that
// a process that wants the critical section gets it. Without fairness it is
// violated by a behaviour that stops (stutters) with process 0 waiting; with
// weak fairness of each process it holds: Peterson's algorithm is starvation-free.
export const PetersonLiveness = spec`
  var flag: [0..1] -> bool
  var turn: 0..1

  init {
    flag := [i in 0..1 |-> false]
    turn := 0
  }

  process Proc[self in 0..1] {
    setFlag: flag[self] := true
    setTurn: turn := 1 - self
    wait:    await !flag[1 - self] || turn == self
    cs:      skip
    exit:    flag[self] := false
             goto setFlag
  }

  invariant MutualExclusion: !(Proc[0] at cs && Proc[1] at cs)
  // A process that has raised its flag enters the critical section.
  property NoStarvation: forall p in Proc: Proc[p] at wait leads_to Proc[p] at cs
`;

export const PetersonFair = spec`
  var flag: [0..1] -> bool
  var turn: 0..1

  init {
    flag := [i in 0..1 |-> false]
    turn := 0
  }

  process Proc[self in 0..1] {
    setFlag: flag[self] := true
    setTurn: turn := 1 - self
    wait:    await !flag[1 - self] || turn == self
    cs:      skip
    exit:    flag[self] := false
             goto setFlag
  }

  invariant MutualExclusion: !(Proc[0] at cs && Proc[1] at cs)
  // A process that has raised its flag enters the critical section.
  property NoStarvation: forall p in Proc: Proc[p] at wait leads_to Proc[p] at cs
  // Each process keeps taking steps while it can.
  property Progress: always eventually (Proc[0] at cs || Proc[1] at cs)
  fairness weak Proc
`;

// A test-and-set lock: a process waits until the lock is free and takes it.
// Under weak fairness process 0 can starve: the lock is free only between
// process 1's release and its next acquire, so process 0's step is enabled
// infinitely often but never continuously (a 3-step cycle of process 1).
// Under strong fairness it cannot.
export const SpinLockWeak = spec`
  var locked: bool
  init { locked := false }
  process P[self in 0..1] {
    acquire: await !locked
             locked := true
    cs:      skip
    release: locked := false
             goto acquire
  }
  invariant MutualExclusion: !(P[0] at cs && P[1] at cs)
  // A process waiting for the lock gets it.
  property NoStarvation: forall p in P: P[p] at acquire leads_to P[p] at cs
  fairness weak P
`;

export const SpinLockStrong = spec`
  var locked: bool
  init { locked := false }
  process P[self in 0..1] {
    acquire: await !locked
             locked := true
    cs:      skip
    release: locked := false
             goto acquire
  }
  invariant MutualExclusion: !(P[0] at cs && P[1] at cs)
  // A process waiting for the lock gets it.
  property NoStarvation: forall p in P: P[p] at acquire leads_to P[p] at cs
  fairness strong P
`;
