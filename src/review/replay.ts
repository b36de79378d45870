// Follow a counterexample of one spec on another (the base's on the patched
// spec): step by step, the same step (same action, instance, parameters) to a
// state that agrees on every variable both specs have. Where it cannot, that
// is the step the patch blocks, and why.
import type { Model } from '../../dsl/ir';
import { generateChecker } from '../../generator/load';
import { stateForms } from '../engine/bfs';
import type { TraceStep } from '../engine/result';
import { stepText } from '../runtime/step';
import { differingLeaves } from './leaves';

export interface Blocked {
  /** index in the trace of the step that cannot be taken (0: no initial state agrees) */
  step: number;
  action: string;
  /** one line: why */
  why: string;
}

export function replayOn(model: Model, trace: TraceStep[]): Blocked | undefined {
  const m = generateChecker(model).checker;
  const forms = stateForms(m);
  const agrees = (json: Record<string, unknown>, want: Record<string, unknown>) =>
    Object.keys(want).every((k) => !(k in json) || JSON.stringify(json[k]) === JSON.stringify(want[k]));
  let current: unknown[] | undefined;
  m.init((n) => {
    const f = forms(n);
    if (!current && agrees(f.json, trace[0].state)) current = f.s;
  });
  if (!current) return { step: 0, action: trace[0].action, why: 'no initial state of the patched spec agrees with the counterexample\'s' };
  for (let i = 1; i < trace.length; i++) {
    const want = trace[i];
    let next: unknown[] | undefined;
    let same: Record<string, unknown> | undefined;
    m.successors(current, (a, c, n) => {
      if (next || stepText(m.stepOf(a, c)) !== want.action) return;
      const f = forms(n);
      if (agrees(f.json, want.state)) next = f.s;
      else same ??= f.json;
    });
    if (next) {
      current = next;
      continue;
    }
    if (!same) return { step: i, action: want.action, why: 'with the patch this step is not enabled here' };
    // what the patched step does differently: its state against the counterexample's
    const differs = differingLeaves(want.state, same);
    const shown = differs.slice(0, 3).map((d) => `${d.path} becomes ${d.after}, not ${d.before}`).join('; ');
    return { step: i, action: want.action, why: `with the patch this step leads elsewhere: ${shown}${differs.length > 3 ? `; and ${differs.length - 3} more` : ''}` };
  }
  return undefined;
}
