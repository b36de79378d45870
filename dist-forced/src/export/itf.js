"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ITF_DESCRIPTION = void 0;
exports.itfOfJson = itfOfJson;
exports.jsonOfItf = jsonOfItf;
exports.itfOfPlain = itfOfPlain;
exports.itfOfTrace = itfOfTrace;
exports.itfText = itfText;
const types_1 = require("../runtime/types");
const values_1 = require("../runtime/values");
exports.ITF_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';
const UNIT = { '#tup': [] };
const bigint = (n) => ({ '#bigint': String(n) });
/** A value of type `t`, given in its plain-JSON form (runtime/values.ts toJSON), as ITF. */
function itfOfJson(t, v) {
    switch (t.k) {
        case 'bool':
            return expect(typeof v === 'boolean', t, v) && v;
        case 'int':
            expect(Number.isInteger(v), t, v);
            return bigint(v);
        case 'union': {
            const tag = typeof v === 'string' ? v : v?.tag;
            const ti = t.tags.find((x) => x.name === tag);
            expect(ti !== undefined, t, v);
            if (ti.fields.length === 0)
                return { tag: ti.name, value: UNIT };
            const payload = {};
            for (const f of ti.fields)
                payload[f.name] = itfOfJson(f.type, v[f.name]);
            return { tag: ti.name, value: payload };
        }
        case 'record': {
            expect(isObject(v), t, v);
            const o = {};
            for (const f of t.fields)
                o[f.name] = itfOfJson(f.type, v[f.name]);
            return o;
        }
        case 'map': {
            expect(isObject(v), t, v);
            const o = v;
            const pairs = (0, values_1.enumerate)(t.dom).map((k) => {
                const key = keyText(k);
                expect(key in o, t, v);
                return [itfOfJson(t.dom, (0, values_1.toJSON)(t.dom, k)), itfOfJson(t.rng, o[key])];
            });
            return { '#map': pairs };
        }
        case 'set':
            expect(Array.isArray(v), t, v);
            return { '#set': v.map((x) => itfOfJson(t.elem, x)) };
        case 'seq':
            expect(Array.isArray(v), t, v);
            return v.map((x) => itfOfJson(t.elem, x));
    }
}
/** The inverse of itfOfJson: an ITF value of type `t` back in the plain-JSON form. */
function jsonOfItf(t, v) {
    const o = v;
    switch (t.k) {
        case 'bool':
            expect(typeof v === 'boolean', t, v);
            return v;
        case 'int': {
            expect(isObject(v) && typeof o['#bigint'] === 'string' && /^-?\d+$/.test(o['#bigint']), t, v);
            return Number(o['#bigint']);
        }
        case 'union': {
            expect(isObject(v) && typeof o.tag === 'string' && 'value' in o, t, v);
            const ti = t.tags.find((x) => x.name === o.tag);
            expect(ti !== undefined, t, v);
            if (ti.fields.length === 0)
                return ti.name;
            const payload = o.value;
            const out = { tag: ti.name };
            for (const f of ti.fields)
                out[f.name] = jsonOfItf(f.type, payload[f.name]);
            return out;
        }
        case 'record': {
            expect(isObject(v), t, v);
            const out = {};
            for (const f of t.fields)
                out[f.name] = jsonOfItf(f.type, o[f.name]);
            return out;
        }
        case 'map': {
            expect(isObject(v) && Array.isArray(o['#map']), t, v);
            const out = {};
            const keys = (0, values_1.enumerate)(t.dom);
            for (const pair of o['#map']) {
                const kj = JSON.stringify(jsonOfItf(t.dom, pair[0]));
                const k = keys.find((x) => JSON.stringify((0, values_1.toJSON)(t.dom, x)) === kj);
                expect(k !== undefined, t, v);
                out[keyText(k)] = jsonOfItf(t.rng, pair[1]);
            }
            return out;
        }
        case 'set':
            expect(isObject(v) && Array.isArray(o['#set']), t, v);
            return o['#set'].map((x) => jsonOfItf(t.elem, x));
        case 'seq':
            expect(Array.isArray(v), t, v);
            return v.map((x) => jsonOfItf(t.elem, x));
    }
}
/** Plain JSON (a conformance trace, a schedule) as ITF, by its shape: integers as #bigint, arrays as sequences, objects as records. */
function itfOfPlain(v) {
    if (typeof v === 'boolean' || typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return Number.isInteger(v) ? bigint(v) : { '#unserializable': String(v) };
    if (Array.isArray(v))
        return v.map(itfOfPlain);
    if (isObject(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, itfOfPlain(x)]));
    return { '#unserializable': String(v) };
}
/** A trace of a spec (a counterexample, a simulation path) as ITF. */
function itfOfTrace(vars, steps, meta) {
    return {
        '#meta': { format: 'ITF', 'format-description': exports.ITF_DESCRIPTION, ...meta, 'var-types': varTypes(vars) },
        vars: vars.map((v) => v.name),
        states: steps.map((s, index) => {
            const st = { '#meta': { index, action: s.action } };
            for (const v of vars)
                st[v.name] = itfOfJson(v.type, s.state[v.name]);
            return st;
        }),
    };
}
/** The variables' types in the spec's notation, one string (ITF trace metadata is strings). */
function varTypes(vars) {
    return vars.map((v) => `${v.name}: ${(0, types_1.typeToString)(v.type)}`).join('; ');
}
/** ITF as text: one state per line, so that a diff of two traces reads state by state. */
function itfText(t) {
    const head = JSON.stringify({ '#meta': t['#meta'], vars: t.vars });
    const states = t.states.map((s) => `  ${JSON.stringify(s)}`).join(',\n');
    return `${head.slice(0, -1)},\n"states": [\n${states}\n]${t.loop !== undefined ? `,\n"loop": ${t.loop}` : ''}}\n`;
}
/** A map key as the plain-JSON form writes it (values.ts toJSON: the run-time value's text). */
function keyText(v) {
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function expect(ok, t, v) {
    if (!ok)
        throw new Error(`not a value of ${(0, types_1.typeToString)(t)}: ${JSON.stringify(v)}`);
    return true;
}
//# sourceMappingURL=itf.js.map