// The example models and sizes the tests check, with the spec file, spec name,
// constants and deadlock setting the checker is run with, and the hand-written
// model that derives the expected figures.
import { Model, bfs } from './bfs';
import { dieHard } from './diehard';
import { peterson } from './peterson';
import { twoPhase } from './twophase';
import { prodCons } from './prodcons';

export interface Case {
  /** a short label for test names and the docs table */
  label: string;
  file: string;
  spec: string;
  constants: Record<string, number | boolean>;
  deadlock: boolean;
  model: Model<any>;
}

export const CASES: Case[] = [
  ...[4, 0, 1, 2, 3, 5, 6].map((goal): Case => ({
    label: `DieHard GOAL=${goal}`,
    file: 'spec/examples/diehard.spec.ts',
    spec: 'DieHard',
    constants: goal === 4 ? {} : { GOAL: goal }, // 4 is the default
    deadlock: true,
    model: dieHard(goal),
  })),
  {
    label: 'Peterson',
    file: 'spec/examples/peterson.spec.ts',
    spec: 'Peterson',
    constants: {},
    deadlock: true,
    model: peterson(false),
  },
  {
    label: 'PetersonBroken',
    file: 'spec/examples/peterson.spec.ts',
    spec: 'PetersonBroken',
    constants: {},
    deadlock: true,
    model: peterson(true),
  },
  // TwoPhase is checked with deadlock checking off (deadlock: false), as TLC's
  // TwoPhase.cfg does not ask for it either. In Lamport's spec the receive
  // actions stay enabled (as self-loops) once Commit/Abort has been sent, so
  // no state is a deadlock anyway; the test also checks that with the default.
  ...[1, 2, 3, 4].map((n): Case => ({
    label: `TwoPhase RM_COUNT=${n}`,
    file: 'spec/examples/twophase.spec.ts',
    spec: 'TwoPhase',
    constants: n === 3 ? {} : { RM_COUNT: n },
    deadlock: false,
    model: twoPhase(n),
  })),
  {
    label: 'TwoPhase RM_COUNT=3 (deadlock check on)',
    file: 'spec/examples/twophase.spec.ts',
    spec: 'TwoPhase',
    constants: {},
    deadlock: true,
    model: twoPhase(3),
  },
  ...[
    [2, 2, false],
    [1, 1, false],
    [1, 2, false],
    [2, 3, false],
    [3, 3, false],
    [2, 2, true],
    [1, 1, true],
  ].map(([cap, items, greedy]): Case => ({
    label: `ProdCons CAP=${cap} ITEMS=${items}${greedy ? ' GREEDY' : ''}`,
    file: 'spec/examples/prodcons.spec.ts',
    spec: 'ProdCons',
    constants: {
      ...(cap === 2 ? {} : { CAP: cap as number }),
      ...(items === 2 ? {} : { ITEMS: items as number }),
      ...(greedy ? { GREEDY: true } : {}),
    },
    deadlock: true,
    model: prodCons(cap as number, items as number, greedy as boolean),
  })),
];

/** The figures a correct checker must report for a case, derived by bfs(). */
export function expected(c: (typeof CASES)[number]) {
  const r = bfs(c.model);
  const inv = Object.entries(r.violations).sort((a, b) => a[1] - b[1]);
  let verdict: 'ok' | 'violation' | 'deadlock';
  let cex: number | null = null;
  let property: string | null = null;
  // The checker stops at the first error on the BFS frontier: the shortest one.
  const dl = c.deadlock ? r.shortestDeadlock : null;
  if (inv.length > 0 && (dl === null || inv[0][1] <= dl)) {
    verdict = 'violation';
    [property, cex] = inv[0];
  } else if (dl !== null) {
    verdict = 'deadlock';
    cex = dl;
  } else verdict = 'ok';
  return { ...r, verdict, property, cex };
}
