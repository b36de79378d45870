"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.symmetryUse = symmetryUse;
exports.symmetryLine = symmetryLine;
/** How a run uses the set `sym` (absent: the spec declares none). */
function symmetryUse(sym, opts, liveness) {
    if (!sym)
        return undefined;
    let permutations = 1;
    for (let k = 2; k <= sym.size; k++)
        permutations *= k;
    const base = { name: sym.name, values: sym.size, permutations };
    if (opts.symmetry === false)
        return { ...base, reduced: false, off: 'option' };
    if (liveness)
        return { ...base, reduced: false, off: 'liveness' };
    return { ...base, reduced: true };
}
/** The summary's one line about symmetry. */
function symmetryLine(u) {
    const set = `${u.name} (${u.values} values, ${u.permutations} permutations)`;
    if (u.reduced)
        return `Symmetry: ${set}: one state per orbit; distinct states are orbits.`;
    if (u.off === 'option')
        return `Symmetry: ${set} not used (--no-symmetry): the full state space.`;
    return `Symmetry: ${set} not used: liveness properties are checked on the full state graph.`;
}
//# sourceMappingURL=symmetry-use.js.map