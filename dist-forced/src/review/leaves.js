"use strict";
// A state's variables as leaves (`pte[0][1]`, `Thread.wr[0]`) with compact
// values (`Present{folio:0,writable:true,wp:false}`), and the leaves two
// states differ in: what a review prints of a step or a blocked step.
Object.defineProperty(exports, "__esModule", { value: true });
exports.compact = compact;
exports.differingLeaves = differingLeaves;
exports.changedLeaves = changedLeaves;
/** Compact text of a JSON value: tags as Tag{field:value}, maps as {k:v}. */
function compact(v) {
    if (v === null || typeof v !== 'object')
        return String(v);
    if (Array.isArray(v))
        return `<<${v.map(compact).join(',')}>>`;
    const o = v;
    if (typeof o.tag === 'string') {
        const rest = Object.entries(o).filter(([k]) => k !== 'tag');
        return rest.length ? `${o.tag}{${rest.map(([k, x]) => `${k}:${compact(x)}`).join(',')}}` : o.tag;
    }
    return `{${Object.entries(o).map(([k, x]) => `${k}:${compact(x)}`).join(',')}}`;
}
function leaves(path, v, out) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.tag !== 'string') {
        for (const [k, x] of Object.entries(v))
            leaves(`${path}[${k}]`, x, out);
        return;
    }
    out.set(path, compact(v));
}
/** Each leaf that differs between two states (variables of both; pcs left out). */
function differingLeaves(before, after) {
    const out = [];
    for (const name of Object.keys(after)) {
        if (!(name in before) || name.endsWith('.pc'))
            continue;
        const a = new Map();
        const b = new Map();
        leaves(name, before[name], a);
        leaves(name, after[name], b);
        for (const [p, v] of b)
            if (a.get(p) !== v)
                out.push({ path: p, before: a.get(p) ?? '(none)', after: v });
    }
    return out;
}
/** Each leaf that differs, as `path: before -> after`. */
function changedLeaves(before, after) {
    return differingLeaves(before, after).map((d) => `${d.path}: ${d.before} -> ${d.after}`);
}
//# sourceMappingURL=leaves.js.map