// TLC-style human output of a check result: the verdict, the shortest
// counterexample as numbered states (all variables in the first state, then
// only those a step changed), and the statistics.
import type { CheckResult, TraceStep } from '../engine/result';

function showJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `<<${v.map(showJSON).join(', ')}>>`;
  const o = v as Record<string, unknown>;
  if (typeof o.tag === 'string') {
    const rest = Object.entries(o).filter(([k]) => k !== 'tag');
    return rest.length ? `${o.tag}{${rest.map(([k, x]) => `${k}: ${showJSON(x)}`).join(', ')}}` : String(o.tag);
  }
  return `[${Object.entries(o).map(([k, x]) => `${k} |-> ${showJSON(x)}`).join(', ')}]`;
}

export function formatTrace(trace: TraceStep[], full = false): string {
  const out: string[] = [];
  let prev: Record<string, unknown> | null = null;
  trace.forEach((step, i) => {
    out.push(`State ${i + 1}: <${step.action === 'Init' ? 'Initial predicate' : step.action}>`);
    const entries = Object.entries(step.state);
    const changed = entries.filter(([k, v]) => full || !prev || JSON.stringify(prev[k]) !== JSON.stringify(v));
    for (const [k, v] of changed) out.push(`/\\ ${k} = ${showJSON(v)}`);
    if (prev && !full && changed.length < entries.length) out.push(`   (${entries.length - changed.length} unchanged)`);
    out.push('');
    prev = step.state;
  });
  return out.join('\n');
}

export function formatResult(r: CheckResult, opts: { fullStates?: boolean; coverage?: boolean } = {}): string {
  const out: string[] = [];
  switch (r.result) {
    case 'ok':
      out.push('Model checking completed. No error has been found.');
      break;
    case 'violation':
    case 'deadlock':
      for (const v of r.violations) out.push(v.property === 'Deadlock' ? 'Error: Deadlock reached.' : `Error: Invariant ${v.property} is violated.`);
      break;
    case 'limit':
      out.push(`Stopped: the ${r.limit} limit was reached before the state space was exhausted (no error found so far).`);
      break;
  }
  for (const v of r.violations) {
    out.push(`Error: The behavior up to this point${r.violations.length > 1 ? ` (${v.property})` : ''} is (${v.trace.length} states, ${v.trace.length - 1} steps):`);
    out.push(formatTrace(v.trace, opts.fullStates));
  }
  if (opts.coverage) {
    out.push('Coverage (action: distinct/generated):');
    const w = Math.max(...r.coverage.map((c) => c.action.length), 6);
    for (const c of r.coverage) out.push(`  ${c.action.padEnd(w)}  ${c.distinct}/${c.generated}${c.generated === 0 ? '  (never enabled)' : ''}`);
  }
  out.push(`${r.statesGenerated} states generated, ${r.distinctStates} distinct states found, ${r.queueLeft} states left on queue.`);
  out.push(`The depth of the complete state graph search is ${r.depth}.`);
  const rate = r.durationMs > 0 ? Math.round((r.distinctStates * 1000) / r.durationMs) : r.distinctStates;
  out.push(`Finished in ${r.durationMs}ms (${rate} distinct states/s, ${r.engine} engine).`);
  return out.join('\n');
}
