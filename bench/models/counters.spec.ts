import { spec } from "../../dsl";

// Four counters modulo K, the flat-rate benchmark model (bench/run.ts). Each
// counter is a process that only ever adds one to its own counter, so every
// state has exactly four successors and the state space is all K^4
// valuations, packed in one word at every size. The only thing that changes
// with K is how many states there are: the rate across sizes (10^5 to 10^8)
// measures how the engine's cost per state grows as its tables outgrow the
// processor's caches, which TwoPhase and Philosophers mix with a branching
// factor that grows with their size. The Promela twin
// (bench/models/promela.ts) has `byte c[4]` and one d_step per counter.
export const Counters = spec`
  const K: 2..128 = 10
  type Val = 0..K-1
  type Ctr = 0..3

  var c: [Ctr] -> Val

  init {
    c := [i in Ctr |-> 0]
  }

  process Tick[self in Ctr] {
    tick: c[self] := (c[self] + 1) % K
          goto tick
  }

  // no counter leaves 0..K-1: a check evaluated on every new state, as the
  // other models have
  invariant InRange:
    forall i in Ctr: c[i] < K
`;
