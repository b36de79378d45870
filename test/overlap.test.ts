// Two part assignments of one step whose run-time indices name the same part
// (m[a] := 1; m[b] := 2 with a == b) are an evaluation error
// (docs/language.md). The reference interpreter compares every update of a
// step; the generated checker compares only the pairs generator/overlap.ts
// finds, on values (emit.ts) and on the packed words (word-steps.ts, which
// hands such a choice to the value step). All three must agree: the same
// error, or the same exploration where the indices never meet. Also here: a
// choice inside a `for`, whose later iterations rebind the loop variable
// (both engines once read the last iteration's value in the next choice).
import { parseSpecText } from '../dsl';
import { emitChecker } from '../generator/emit';
import { generateChecker } from '../generator/load';
import { checkModel } from '../src/api';
import { useScratchBuildDir } from './helpers/cli';

useScratchBuildDir('uffdspec-overlap-');

const HEAD = `
  var m: [0..2] -> 0..3
  var g: [0..1] -> [0..1] -> bool
  var r: [0..1] -> { x: 0..1, y: 0..1 }
  var q: seq<0..3, 3>
  init { m := [i in 0..2 |-> 0]; g := [i in 0..1 |-> [j in 0..1 |-> false]]; r := [i in 0..1 |-> { x: 0, y: 0 }]; q := << 0, 0, 0 >> }
`;

/** what a check ends in: the error's message, or the counts */
function outcome(text: string, engine: 'words' | 'values' | 'interpreter'): string {
  const model = () => parseSpecText('Overlap', HEAD + text).model();
  const { checker } = generateChecker(model());
  checker.wordSteps?.(engine !== 'values');
  try {
    const r = checkModel(model(), { engine: engine === 'interpreter' ? 'interpreter' : 'generated', workers: 1, deadlock: false, stopAtFirst: false });
    return `${r.result}: ${r.distinctStates} distinct, ${r.statesGenerated} generated`;
  } catch (e) {
    // the interpreter locates the error at the assignment, the generated checker at the step
    return (e as Error).message.replace(/^<spec Overlap>:\d+:\d+: /, '');
  }
}

// what, the action, what the interpreter answers, and whether the action runs on words (every case here does)
const CASES: [string, string, string, boolean?][] = [
  ['two indices that meet', 'action A(a: 0..2, b: 0..2) { m[a] := 1; m[b] := 2 }', 'error: step A: m is assigned twice in one step'],
  ['two indices that never meet', 'action A(a: 0..1) { m[a] := 1; m[a + 1] := 2 }', 'ok: 5 distinct, 11 generated'],
  ['a part and a deeper part of it', 'action A(a: 0..1, b: 0..1) { await a == 1; g[a][b] := true; g[b] := [j in 0..1 |-> false] }', 'error: step A: g is assigned twice in one step'],
  ['different fields of one entry', 'action A(a: 0..1, b: 0..1) { r[a].x := 1; r[b].y := 1 }', 'ok: 10 distinct, 41 generated'],
  ['sequence positions', 'action A(i: 0..2, j: 0..2) { await i < j + 1; q[i] := 1; q[j] := 2 }', 'error: step A: q is assigned twice in one step'],
  ['if branches: only the branch taken counts', 'action A(a: 0..2) { if a == 0 { m[1] := 1 } else { m[0] := 1 }; m[a] := 3 }', 'ok: 7 distinct, 22 generated'],
  ['each choice of a with starts afresh', 'action A { with x in 0..1 { if x == 0 { m[1] := 1 }; m[x] := 2 } }', 'ok: 4 distinct, 9 generated'],
  ['a choice of a with that meets', 'action A(a: 0..2) { with x in 0..1 { m[a] := 1; m[x] := 2 } }', 'error: step A: m is assigned twice in one step'],
  ['the branches of an either', 'action A(a: 0..1) { either { m[a] := 1 } or { m[2] := 1 }; m[1 - a] := 2 }', 'ok: 8 distinct, 33 generated'],
  ['every iteration of a for counts, not only the last', 'action A { for i in 0..1 { m[i] := 1 }; m[0] := 3 }', 'error: step A: m is assigned twice in one step'],
  ['the same part in two iterations of a for', 'action A(c: 0..1) { for i in 0..1 { m[c] := i } }', 'error: step A: m is assigned twice in one step'],
  // a choice inside a for: each choice starts from the loop variable as it was (the later iterations, which it runs, rebind it);
  // on words the iterations are written out (generator/unroll.ts), and the two iterations' m[i] are compared at run time
  ['a with inside a for', 'action A { for i in 0..1 { with v in 1..2 { m[i] := v } } }', 'ok: 5 distinct, 21 generated'],
  ['an either inside a for', 'action A { for i in 0..1 { let k = i + 1; either { m[i] := k } or { m[i] := 3 } } }', 'ok: 5 distinct, 21 generated'],
  ['iterations of a for that never meet', 'action A { for i in 0..2 { m[i] := (m[i] + 1) % 4 } }', 'ok: 4 distinct, 5 generated'],
];

describe('two assignments of one part in one step', () => {
  test.each(CASES)('%s: the interpreter, and the generated checker on values and on words, agree', (_what, action, expected, onWords = true) => {
    const src = emitChecker(parseSpecText('Overlap', HEAD + action).model());
    expect(src.includes('function waction0(')).toBe(onWords);
    const i = outcome(action, 'interpreter');
    expect(i).toBe(expected);
    expect(outcome(action, 'values')).toBe(i);
    expect(outcome(action, 'words')).toBe(i);
  });

  test('only the pairs that may meet are compared: none in the shmem spec\'s steps', () => {
    const src = emitChecker(parseSpecText('Overlap', HEAD + CASES[3][1]).model());
    expect(src).not.toMatch(/assignedTwice/);
    expect(emitChecker(parseSpecText('Overlap', HEAD + CASES[0][1]).model())).toMatch(/rt\.assignedTwice\("m"\)/);
  });
});
