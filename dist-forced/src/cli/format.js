"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.READING_TRACES = exports.DEADLOCK_MEANING = void 0;
exports.meaningOf = meaningOf;
exports.showValue = showValue;
exports.stateLeaves = stateLeaves;
exports.formatTraceText = formatTraceText;
exports.formatTraceTla = formatTraceTla;
exports.formatTrace = formatTrace;
exports.memoryLine = memoryLine;
exports.explorationLine = explorationLine;
exports.propertyTable = propertyTable;
exports.formatResult = formatResult;
const symmetry_use_1 = require("../engine/symmetry-use");
const lanes_1 = require("./lanes");
exports.DEADLOCK_MEANING = 'No reachable state is stuck: some step is possible until every process has finished';
exports.READING_TRACES = 'docs/reading-traces.md';
/** The first sentence of a doc comment, on one line: a property's meaning. */
function meaningOf(doc) {
    if (!doc)
        return undefined;
    const flat = doc.replace(/\s*\n\s*/g, ' ').trim();
    const m = /^(.*?[.!?])(\s|$)/.exec(flat);
    return (m ? m[1] : flat).replace(/\.$/, '');
}
// ---------------------------------------------------------------- values
/** A value in the notation of the spec language; the type, when known, tells sets from sequences. */
function showValue(v, t) {
    if (v === null || typeof v !== 'object')
        return typeof v === 'string' ? v : JSON.stringify(v);
    if (Array.isArray(v)) {
        const elem = t && (t.k === 'set' || t.k === 'seq') ? t.elem : undefined;
        const items = v.map((x) => showValue(x, elem)).join(', ');
        return t?.k === 'seq' ? `<<${items}>>` : `{${items}}`;
    }
    const o = v;
    if (typeof o.tag === 'string') {
        const fields = t?.k === 'union' ? t.tags.find((x) => x.name === o.tag)?.fields : undefined;
        const rest = Object.entries(o).filter(([k]) => k !== 'tag');
        return rest.length ? `${o.tag} { ${rest.map(([k, x]) => `${k}: ${showValue(x, fields?.find((f) => f.name === k)?.type)}`).join(', ')} }` : String(o.tag);
    }
    if (t?.k === 'record')
        return `{ ${t.fields.map((f) => `${f.name}: ${showValue(o[f.name], f.type)}`).join(', ')} }`;
    const rng = t?.k === 'map' ? t.rng : undefined;
    return `[${Object.entries(o).map(([k, x]) => `${k} |-> ${showValue(x, rng)}`).join(', ')}]`;
}
/** The leaves of a variable's value: one per map entry and record field, with its access path. */
function leaves(path, type, v, out) {
    if (type && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const o = v;
        if (type.k === 'map') {
            for (const [k, x] of Object.entries(o))
                leaves(`${path}[${k}]`, type.rng, x, out);
            return;
        }
        if (type.k === 'record') {
            for (const f of type.fields)
                leaves(`${path}.${f.name}`, f.type, o[f.name], out);
            return;
        }
    }
    out.push([path, showValue(v, type)]);
}
/** Every leaf of a state; process variables per instance, each instance's together: `Thread[1].pc`, `Thread[1].p`. */
function stateLeaves(state, shape) {
    const out = [];
    const instances = new Map();
    for (const [name, v] of Object.entries(state)) {
        const sv = shape?.vars.find((x) => x.name === name);
        if (sv?.process?.indexed && sv.type.k === 'map' && v && typeof v === 'object') {
            const local = name.slice(sv.process.name.length + 1);
            for (const [k, x] of Object.entries(v)) {
                const key = `${sv.process.name}[${k}]`;
                if (!instances.has(key))
                    instances.set(key, []);
                leaves(`${key}.${local}`, sv.type.rng, x, instances.get(key));
            }
        }
        else
            leaves(name, sv?.type, v, out);
    }
    for (const rows of instances.values())
        out.push(...rows);
    return out;
}
/** Initial state: a map whose entries are all equal is one line `x[*] = v`. */
function collapse(rows) {
    const out = [];
    let i = 0;
    while (i < rows.length) {
        const [p, v] = rows[i];
        const base = /^(.*)\[[^\]]*\]$/.exec(p)?.[1];
        let j = i + 1;
        if (base !== undefined)
            while (j < rows.length && rows[j][1] === v && /^(.*)\[[^\]]*\]$/.exec(rows[j][0])?.[1] === base)
                j++;
        if (j - i > 1)
            out.push([`${base}[*]`, v]);
        else
            out.push([p, v]);
        i = j;
    }
    // maps of maps: collapse again (pte[0][*], pte[1][*] -> pte[*][*])
    return out.length < rows.length ? collapse(out) : out;
}
// ---------------------------------------------------------------- traces
/** A counterexample as numbered steps: the initial state whole, then each step's changes. */
function formatTraceText(trace, shape, full = false, diffOnly = false) {
    const out = [];
    let prev = null;
    trace.forEach((step, i) => {
        const rows = stateLeaves(step.state, shape);
        const cur = new Map(rows);
        let shown;
        if (!prev && diffOnly) {
            out.push('Initial state: not shown (--diff-only); each step shows only what it changed.');
            shown = [];
        }
        else if (!prev || full) {
            const list = prev ? rows : collapse(rows);
            const w = Math.max(...list.map(([p]) => p.length), 1);
            shown = list.map(([p, v]) => `    ${p.padEnd(w)} = ${v}`);
            out.push(i === 0 ? 'Initial state:' : `Step ${i}: ${step.action}`);
        }
        else {
            const before = prev;
            const changed = rows.filter(([p, v]) => before.get(p) !== v);
            const w = Math.max(...changed.map(([p]) => p.length), 1);
            shown = changed.map(([p, v]) => `    ${p.padEnd(w)}   ${before.get(p)} -> ${v}`);
            out.push(`Step ${i}: ${step.action}`);
            if (!changed.length)
                shown.push('    (nothing changed)');
        }
        out.push(...shown, '');
        prev = cur;
    });
    return out.join('\n');
}
/** TLC's notation: every state numbered, `/\ var = value` for the variables that changed. */
function formatTraceTla(trace, full = false, diffOnly = false) {
    const out = [];
    let prev = null;
    trace.forEach((step, i) => {
        out.push(`State ${i + 1}: <${step.action === 'Init' ? 'Initial predicate' : step.action}>`);
        const entries = Object.entries(step.state);
        if (!prev && diffOnly) {
            out.push(`   (${entries.length} variables, not shown: --diff-only)`, '');
            prev = step.state;
            return;
        }
        const changed = entries.filter(([k, v]) => full || !prev || JSON.stringify(prev[k]) !== JSON.stringify(v));
        for (const [k, v] of changed)
            out.push(`/\\ ${k} = ${showTla(v)}`);
        if (prev && !full && changed.length < entries.length)
            out.push(`   (${entries.length - changed.length} unchanged)`);
        out.push('');
        prev = step.state;
    });
    return out.join('\n');
}
function showTla(v) {
    if (v === null || typeof v !== 'object')
        return typeof v === 'string' ? v : JSON.stringify(v);
    if (Array.isArray(v))
        return `<<${v.map(showTla).join(', ')}>>`;
    const o = v;
    if (typeof o.tag === 'string') {
        const rest = Object.entries(o).filter(([k]) => k !== 'tag');
        return rest.length ? `${o.tag}{${rest.map(([k, x]) => `${k}: ${showTla(x)}`).join(', ')}}` : String(o.tag);
    }
    return `[${Object.entries(o).map(([k, x]) => `${k} |-> ${showTla(x)}`).join(', ')}]`;
}
/** One counterexample in the notation `opts.format` asks for (text, tla or lanes). */
function formatTrace(trace, property, shape, opts) {
    if (opts.format === 'tla')
        return formatTraceTla(trace, opts.fullStates, opts.diffOnly);
    if (opts.format !== 'lanes')
        return formatTraceText(trace, shape, opts.fullStates, opts.diffOnly);
    return (0, lanes_1.formatLanes)({
        trace,
        property,
        leaves: (s) => stateLeaves(s, shape),
        initial: opts.diffOnly ? null : collapse(stateLeaves(trace[0].state, shape)),
        processes: shape?.processes,
        paint: (0, lanes_1.paint)(!!opts.colour),
    });
}
// ---------------------------------------------------------------- the report
function n(x) {
    return x.toLocaleString('en-US');
}
function seconds(ms) {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** Fingerprint-only mode: the estimated probability that two distinct states shared a fingerprint, as text; else null. */
function collisionText(r) {
    const p = r.memory?.collisionProbability;
    if (p === undefined)
        return null;
    return p === 0 ? '0' : `about ${p.toPrecision(2)}, estimated`;
}
/**
 * Fingerprint-only mode: one sentence on what was kept and what it may cost
 * (the default mode prints none: its output is unchanged).
 */
function memoryLine(r) {
    const mem = r.memory;
    if (mem?.mode !== 'fingerprint-only')
        return null;
    return (`Fingerprint-only: the fingerprint table, the frontier at its largest and the buffers took ${mem.bytesPerState} bytes per distinct state; ${n(mem.diskBytes ?? 0)} bytes went to temporary files (removed); ` +
        `two distinct states with the same 64-bit fingerprint would count as one: probability ${collisionText(r)} (TLC's optimistic estimate, distinct·(generated−distinct)/2^64).`);
}
/** One sentence: how far the exploration went. */
function explorationLine(r) {
    const counts = `${n(r.distinctStates)} distinct states (${n(r.statesGenerated)} generated), depth ${r.depth}, in ${seconds(r.durationMs)}`;
    if (r.complete)
        return `Explored every reachable state: ${counts}.`;
    const why = {
        'first-violation': 'at the first violation (--continue explores everything)',
        'max-states': 'by the --max-states limit',
        'max-depth': 'by the --max-depth limit',
        timeout: 'by the --timeout limit',
    };
    return `Stopped ${why[r.stoppedBy ?? ''] ?? 'early'} after ${counts}; ${r.queueLeft === 1 ? '1 state was' : `${n(r.queueLeft)} states were`} left unexplored.`;
}
function verdictText(p, expected, collision) {
    if (p.status === 'holds')
        return collision ? `holds unless two states collided (probability ${collision})` : 'holds';
    if (p.status === 'violated')
        return `violated${expected.has(p.name) ? ' (expected)' : ''} in ${p.traceLength - 1} steps`;
    return 'unknown';
}
/** The property table: name, verdict, meaning; then the reason of any unknown. */
function propertyTable(r, meanings, expected = []) {
    const exp = new Set(expected);
    const w = Math.max(...r.properties.map((p) => p.name.length), 8);
    const out = [];
    for (const p of r.properties) {
        out.push(`  ${p.name.padEnd(w)}  ${verdictText(p, exp, collisionText(r))}`);
        const meaning = p.name === 'Deadlock' ? exports.DEADLOCK_MEANING : meanings[p.name];
        if (meaning)
            out.push(`      ${meaning}`);
    }
    const unknown = r.properties.find((p) => p.status === 'unknown');
    if (unknown)
        out.push(`  (unknown: ${unknown.reason})`);
    return out;
}
/** How a lasso goes on after its last state (TLC: "Back to state N", "Stuttering"). */
function loopLine(loopFrom, stutter, tla) {
    // the text notation numbers the initial state 0 and steps from 1; TLC's numbers states from 1
    const n = tla ? loopFrom + 1 : loopFrom;
    if (stutter)
        return tla ? `State ${n}: Stuttering (no fair step is enabled: nothing more happens, forever)` : `Then nothing more happens, forever: no step that fairness requires is enabled here (stuttering).`;
    return tla ? `Back to state ${n}: the cycle repeats forever` : loopFrom === 0
        ? 'The last state is the initial state again: steps 1.. repeat forever.'
        : `The last state is the state after step ${loopFrom} again: steps ${loopFrom + 1}.. repeat forever.`;
}
function formatResult(r, shape, opts = {}) {
    const out = [];
    const expected = opts.expected ?? [];
    const mem = memoryLine(r);
    out.push(explorationLine(r), ...(mem ? [mem] : []));
    if (r.symmetry)
        out.push((0, symmetry_use_1.symmetryLine)(r.symmetry));
    out.push('', 'Properties:', ...propertyTable(r, shape?.meanings ?? {}, expected));
    const asked = opts.counterexamples ?? 1;
    for (const p of r.properties.filter((x) => x.status === 'violated')) {
        const got = r.violations.filter((v) => v.property === p.name).length;
        if (got < asked)
            out.push(`  (${p.name}: ${got} counterexample${got === 1 ? '' : 's'} ${r.complete ? 'in all' : 'found before the run stopped'}, of the ${asked} asked for)`);
    }
    out.push('');
    const tla = opts.format === 'tla';
    r.violations.forEach((v, i) => {
        const inst = v.instance ? `[${Object.entries(v.instance).map(([k, x]) => `${k}=${JSON.stringify(x)}`).join(', ')}]` : '';
        const what = v.property === 'Deadlock' ? 'Deadlock reached' : `${v.property}${inst} violated`;
        const tag = expected.includes(v.property) ? ' (expected)' : '';
        const count = r.violations.length > 1 ? ` ${i + 1} of ${r.violations.length}` : '';
        // --counterexamples N: which of this property's counterexamples this is
        const same = r.violations.filter((x) => x.property === v.property);
        const nth = same.length > 1 ? ` (${same.indexOf(v) + 1} of ${same.length} for ${v.property})` : '';
        const lasso = v.loopFrom === undefined ? '' : ', a behaviour that never ends (a lasso: a prefix, then a cycle forever)';
        if (tla)
            out.push(`Counterexample${count}: ${what}${tag}${nth}, ${v.trace.length} states${lasso}:`);
        else
            out.push(`Counterexample${count}: ${what}${tag}${nth} after ${v.trace.length - 1} steps${lasso} (how to read it: ${exports.READING_TRACES}):`, '');
        out.push(formatTrace(v.trace, v.property, shape, opts));
        if (v.loopFrom !== undefined)
            out.push(loopLine(v.loopFrom, v.stutter === true, tla), '');
    });
    if (opts.coverage) {
        out.push('Coverage (action or process step: new states/states generated):');
        const w = Math.max(...r.coverage.map((c) => c.action.length), 6);
        for (const c of r.coverage)
            out.push(`  ${c.action.padEnd(w)}  ${c.distinct}/${c.generated}${c.generated === 0 ? '  (never enabled)' : ''}`);
        out.push('');
    }
    const rate = r.durationMs > 0 ? Math.round((r.distinctStates * 1000) / r.durationMs) : r.distinctStates;
    out.push(`${r.statesGenerated} states generated, ${r.distinctStates} distinct states found, ${r.queueLeft} states left on queue.`);
    out.push(`The depth of the ${r.complete ? 'complete ' : ''}state graph search is ${r.depth}.`);
    out.push(`Finished in ${r.durationMs}ms (${rate} distinct states/s, ${r.engine} engine${r.workers ? `, ${r.workers} worker threads` : ''}).`);
    return out.join('\n');
}
//# sourceMappingURL=format.js.map