"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpinLockStrong = exports.SpinLockWeak = exports.SpinLock = exports.PetersonFair = exports.PetersonLiveness = void 0;
const dsl_1 = require("../../dsl");
// Known answers for liveness (test/liveness.test.ts): starvation freedom of
// two mutual-exclusion algorithms under no fairness, weak and strong fairness.
// Peterson's algorithm (spec/examples/peterson.spec.ts) with the property that
// a process that wants the critical section gets it. Without fairness it is
// violated by a behaviour that stops (stutters) with process 0 waiting; with
// weak fairness of each process it holds: Peterson's algorithm is starvation-free.
exports.PetersonLiveness = (0, dsl_1.spec) `
  import Peterson from "./peterson.spec.ts"
  extends Peterson
  // A process that has raised its flag enters the critical section.
  property NoStarvation: forall p in Proc: Proc[p] at wait leads_to Proc[p] at cs
`;
exports.PetersonFair = (0, dsl_1.spec) `
  import PetersonLiveness from "./liveness.spec.ts"
  extends PetersonLiveness
  // Each process keeps taking steps while it can.
  property Progress: always eventually (Proc[0] at cs || Proc[1] at cs)
  fairness weak Proc
`;
// A test-and-set lock: a process waits until the lock is free and takes it.
// Under weak fairness process 0 can starve: the lock is free only between
// process 1's release and its next acquire, so process 0's step is enabled
// infinitely often but never continuously (a 3-step cycle of process 1).
// Under strong fairness it cannot.
exports.SpinLock = (0, dsl_1.spec) `
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
`;
exports.SpinLockWeak = (0, dsl_1.spec) `
  import SpinLock from "./liveness.spec.ts"
  extends SpinLock
  fairness weak P
`;
exports.SpinLockStrong = (0, dsl_1.spec) `
  import SpinLock from "./liveness.spec.ts"
  extends SpinLock
  fairness strong P
`;
//# sourceMappingURL=liveness.spec.js.map