"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DieHard = void 0;
const dsl_1 = require("../../dsl");
// DieHard: the water-jug puzzle from the film "Die Hard with a Vengeance",
// the first example of Lamport's TLA+ video course (DieHard.tla).
// With a 5-gallon jug and a 3-gallon jug, a tap and a drain, measure exactly
// 4 gallons. The "invariant" NotFour says the big jug never holds GOAL
// gallons, so a counterexample is a solution of the puzzle, and breadth-first
// search makes it a shortest one: 6 steps (7 states) for GOAL = 4.
// GOAL is a constant so that other puzzles can be posed; GOAL = 6 can never
// happen and makes the checker explore the whole graph (16 states).
exports.DieHard = (0, dsl_1.spec) `
  const GOAL: 0..6 = 4        // the film asks for 4 gallons

  var big: 0..5               // gallons in the 5-gallon jug
  var small: 0..3             // gallons in the 3-gallon jug

  init { big := 0; small := 0 }

  action FillSmall { small := 3 }
  action FillBig { big := 5 }
  action EmptySmall { small := 0 }
  action EmptyBig { big := 0 }

  // Pour from one jug into the other until the source is empty or the
  // destination is full, whichever comes first.
  action SmallToBig {
    let poured = min(small, 5 - big)
    big := big + poured
    small := small - poured
  }
  action BigToSmall {
    let poured = min(big, 3 - small)
    big := big - poured
    small := small + poured
  }

  // The big jug never holds exactly GOAL gallons (a violation is a solution of the puzzle).
  invariant NotFour: big != GOAL
`;
//# sourceMappingURL=diehard.spec.js.map