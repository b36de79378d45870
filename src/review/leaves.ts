// A state's variables as leaves (`pte[0][1]`, `Thread.wr[0]`) with compact
// values (`Present{folio:0,writable:true,wp:false}`), and the leaves two
// states differ in: what a review prints of a step or a blocked step.

/** Compact text of a JSON value: tags as Tag{field:value}, maps as {k:v}. */
export function compact(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `<<${v.map(compact).join(',')}>>`;
  const o = v as Record<string, unknown>;
  if (typeof o.tag === 'string') {
    const rest = Object.entries(o).filter(([k]) => k !== 'tag');
    return rest.length ? `${o.tag}{${rest.map(([k, x]) => `${k}:${compact(x)}`).join(',')}}` : o.tag;
  }
  return `{${Object.entries(o).map(([k, x]) => `${k}:${compact(x)}`).join(',')}}`;
}

function leaves(path: string, v: unknown, out: Map<string, string>): void {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { tag?: unknown }).tag !== 'string') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(`${path}[${k}]`, x, out);
    return;
  }
  out.set(path, compact(v));
}

/** Each leaf that differs between two states (variables of both; pcs left out). */
export function differingLeaves(before: Record<string, unknown>, after: Record<string, unknown>): { path: string; before: string; after: string }[] {
  const out: { path: string; before: string; after: string }[] = [];
  for (const name of Object.keys(after)) {
    if (!(name in before) || name.endsWith('.pc')) continue;
    const a = new Map<string, string>();
    const b = new Map<string, string>();
    leaves(name, before[name], a);
    leaves(name, after[name], b);
    for (const [p, v] of b) if (a.get(p) !== v) out.push({ path: p, before: a.get(p) ?? '(none)', after: v });
  }
  return out;
}

/** Each leaf that differs, as `path: before -> after`. */
export function changedLeaves(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return differingLeaves(before, after).map((d) => `${d.path}: ${d.before} -> ${d.after}`);
}
