"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Philosophers = void 0;
const dsl_1 = require("../../dsl");
// Dining philosophers, the scalable benchmark model (bench/run.ts). N
// philosophers sit at a round table with one fork between neighbours:
// fork[i] lies between philosopher i and philosopher (i+1)%N. Each picks up
// its first fork, then its second, eats, and puts both down. Philosopher N-1
// takes its forks in the opposite order (right before left), which breaks the
// circular wait, so the model is deadlock-free. Every label is one atomic
// step; the Promela twin (bench/models/promela.ts) has the same variables
// (fork[], one pc per philosopher) and the same steps, so SPIN's "states,
// stored" equals our distinct states.
exports.Philosophers = (0, dsl_1.spec) `
  const N: 2..16 = 5
  type Ph = 0..N-1

  var fork: [Ph] -> bool     // fork[i] is in somebody's hand

  init {
    fork := [i in Ph |-> false]
  }

  process Phil[self in Ph] {
    first:   let f = if self == N-1 then 0 else self
             await !fork[f]
             fork[f] := true
    second:  let g = if self == N-1 then N-1 else self + 1
             await !fork[g]
             fork[g] := true
    eat:     skip
    release: fork[self] := false
             fork[(self + 1) % N] := false
             goto first
  }

  // A fork in use is held by exactly one of its two neighbours: no two
  // neighbours eat at once.
  invariant NeighboursNotBothEating:
    forall i in Ph: !(Phil[i] at eat && Phil[(i + 1) % N] at eat)
`;
//# sourceMappingURL=philosophers.spec.js.map