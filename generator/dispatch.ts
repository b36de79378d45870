// How successors() calls the steps: each by name, one after the other, and a
// process's step only where some instance of the process is at its label.
//
// A loop over an array of the steps was one call site with every step as its
// target, which V8 calls through its generic Call builtin and never inlines.
// And each process step tests `pc[self] = label` for every instance itself,
// after reading the fields it uses: on the shmem spec, with twelve labels of
// three threads, most of those calls end in that test.
import type { Model } from '../dsl/ir';
import { size, type Type } from '../src/runtime/types';
import { ord } from '../src/runtime/values';
import { readField, type FieldLayout } from './layout';
import { MAX_ORD } from './quotient';

/** a step to call: its function, the test that it may be enabled (null: always called), and a note said beside its name */
export interface Call {
  fn: string;
  when: string | null;
  note?: string;
}

/**
 * A function `name` that calls `calls` in order (`pre`: lines it runs first,
 * for the tests). A step that throws is named (actionIndex) for the engine to
 * point at it.
 */
export function callEach(name: string, what: string, calls: Call[], pre: string[] = []): string {
  const body = calls
    .map((c, i) => {
      const call = `${i ? `i = ${i}; ` : ''}${c.fn}${c.note ? ` /* ${c.note.replace(/\*\//g, '* /')} */` : ''}(s, emit);`;
      return c.when === null ? `    ${call}` : `    if (${c.when}) {\n      ${call}\n    }`;
    })
    .join('\n');
  return (
    `/** ${what}, each called by name */\nfunction ${name}(s: any[], emit: Emit): void {\n${pre.map((l) => `  ${l.trimStart()}\n`).join('')}  let i = 0;\n  try {\n${body}\n  } catch (e: any) {\n` +
    `    // tell the engine which step failed, so the error points at it\n    if (e && typeof e === 'object' && e.actionIndex === undefined) e.actionIndex = i;\n    throw e;\n  }\n}\n\n`
  );
}

/**
 * For the steps on words: lines that read, from the pre-state's words
 * (BASE_W), the labels each process has an instance at (one bit a label:
 * `at<p>`), and for each action the test that its label is among them. A
 * process whose pc is not one number of at most 31 bits, or that has more
 * than 31 labels or just one, is not tested (its steps are always called).
 */
export function labelTests(model: Model, fields: FieldLayout[]): { pre: string[]; when: (string | null)[] } {
  const pre: string[] = [];
  const byPc = new Map<number, { mask: string; label: (l: string) => number }>();
  model.processes.forEach((p, k) => {
    const t: Type = model.vars[p.pcVar].type;
    const labels = t.k === 'map' ? t.rng : t;
    const r = size(labels);
    // (one label and Done: its instances are at that label but for a rare end, not worth a test)
    if (size(t) > MAX_ORD || r > 31 || r <= 2) return;
    const at = `at${k}`;
    pre.push(`// ${p.name}: the labels an instance is at`, 'x = 0;', ...readField(fields[p.pcVar]));
    if (t.k === 'map') {
      const n = size(t.dom);
      pre.push(`let ${at} = 0;`);
      for (let j = 0; j < n; j++) pre.push(`${at} |= 1 << (x % ${r});${j + 1 < n ? ` x = (x / ${r}) | 0;` : ''}`);
    } else pre.push(`const ${at} = 1 << x;`);
    byPc.set(p.pcVar, { mask: at, label: (l) => ord(labels, l) });
  });
  if (pre.length) pre.unshift('const w = BASE_W;', 'const o = 0;', 'let x: number;');
  const when = model.actions.map((a) => {
    const b = a.process ? byPc.get(a.process.pcVar) : undefined;
    return b ? `(${b.mask} & ${2 ** b.label(a.process!.label)}) !== 0` : null;
  });
  return { pre, when };
}
