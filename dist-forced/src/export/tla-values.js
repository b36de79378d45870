"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TAG_FIELD = void 0;
exports.isStringUnion = isStringUnion;
exports.str = str;
exports.tlaValue = tlaValue;
exports.firstValue = firstValue;
exports.typeSet = typeSet;
exports.unionSet = unionSet;
// How the spec's types and values are written in TLA+ (docs/tla-export.md,
// "Values"). The encoding is one-to-one, so TLC's states are ours and its
// distinct-state count is our count:
//   bool → BOOLEAN; lo..hi → integers; an enum member → its name as a string;
//   a tag of a union that has fields → a record [tag |-> "Name", field |-> ...]
//   (every tag of such a union, so that TLC never compares a string with a
//   record, which it refuses); a record → a record; a map [D] -> T → a
//   function; set<T> → a set; seq<T, N> → a sequence (<<>>, 1-based).
const types_1 = require("../runtime/types");
const values_1 = require("../runtime/values");
const tla_names_1 = require("./tla-names");
/** The field that carries the tag of a union value with fields. */
exports.TAG_FIELD = 'tag';
/** Whether a union's values are strings (an enum) or records with a tag field. */
function isStringUnion(t) {
    return t.tags.every((x) => x.fields.length === 0);
}
function str(s) {
    return JSON.stringify(s);
}
/** A value of type `t` as a TLA+ expression (a constant one). */
function tlaValue(t, v, fresh = (b) => b) {
    switch (t.k) {
        case 'bool':
            return v ? 'TRUE' : 'FALSE';
        case 'int':
            return String(v);
        case 'union': {
            const tag = typeof v === 'string' ? v : (v.$);
            if (isStringUnion(t))
                return str(tag);
            const ti = t.tags.find((x) => x.name === tag);
            if (!ti)
                throw new tla_names_1.ExportError(`${tag} is not a tag of ${t.name}`);
            const fields = [`${exports.TAG_FIELD} |-> ${str(tag)}`, ...ti.fields.map((f) => `${(0, tla_names_1.fieldName)(f.name)} |-> ${tlaValue(f.type, v[f.name], fresh)}`)];
            return `[${fields.join(', ')}]`;
        }
        case 'record':
            if (t.fields.length === 0)
                throw new tla_names_1.ExportError('a record without fields has no TLA+ form');
            return `[${t.fields.map((f) => `${(0, tla_names_1.fieldName)(f.name)} |-> ${tlaValue(f.type, v[f.name], fresh)}`).join(', ')}]`;
        case 'map': {
            const arr = v;
            const dom = typeSet(t.dom);
            const k = fresh('k');
            const texts = arr.map((x) => tlaValue(t.rng, x, fresh));
            if (texts.every((x) => x === texts[0]))
                return `[${k} \\in ${dom} |-> ${texts[0]}]`;
            const keys = (0, values_1.enumerate)(t.dom).map((x) => tlaValue(t.dom, x, fresh));
            return `[${k} \\in ${dom} |-> CASE ${keys.map((x, i) => `${k} = ${x} -> ${texts[i]}`).join(' [] ')}]`;
        }
        case 'set':
            return `{${v.map((x) => tlaValue(t.elem, x, fresh)).join(', ')}}`;
        case 'seq':
            return `<<${v.map((x) => tlaValue(t.elem, x, fresh)).join(', ')}>>`;
    }
}
/** The value of ordinal 0: where Init starts a variable it then assigns part by part. */
function firstValue(t, fresh) {
    return tlaValue(t, (0, values_1.val)(t, 0), fresh);
}
/**
 * The set of the values of a type. A named union is written by its name
 * when `named` says it has a definition (the module defines each union
 * once; see unionDefinitions).
 */
function typeSet(t, named) {
    switch (t.k) {
        case 'bool':
            return 'BOOLEAN';
        case 'int':
            if (!Number.isFinite(t.lo) || !Number.isFinite(t.hi))
                throw new tla_names_1.ExportError(`the unbounded type ${(0, types_1.typeToString)(t)} has no finite TLA+ set`);
            return `${t.lo}..${t.hi}`;
        case 'union': {
            const n = named?.(t);
            if (n)
                return n;
            return unionSet(t, named);
        }
        case 'record':
            if (t.fields.length === 0)
                throw new tla_names_1.ExportError('a record without fields has no TLA+ form');
            return `[${t.fields.map((f) => `${(0, tla_names_1.fieldName)(f.name)}: ${typeSet(f.type, named)}`).join(', ')}]`;
        case 'map':
            return `[${typeSet(t.dom, named)} -> ${typeSet(t.rng, named)}]`;
        case 'set':
            return `SUBSET ${wrapSet(typeSet(t.elem, named))}`;
        case 'seq':
            return `BSeq(${typeSet(t.elem, named)}, ${t.cap})`;
    }
}
/** The values of a union, spelled out (its definition). */
function unionSet(t, named) {
    if (isStringUnion(t))
        return `{${t.tags.map((x) => str(x.name)).join(', ')}}`;
    for (const ti of t.tags) {
        if (ti.fields.some((f) => f.name === exports.TAG_FIELD))
            throw new tla_names_1.ExportError(`union ${t.name}: tag ${ti.name} has a field named ${exports.TAG_FIELD}, the field the export uses for the tag`);
    }
    const nullary = t.tags.filter((x) => x.fields.length === 0);
    const parts = [];
    if (nullary.length)
        parts.push(`{${nullary.map((x) => `[${exports.TAG_FIELD} |-> ${str(x.name)}]`).join(', ')}}`);
    for (const ti of t.tags) {
        if (ti.fields.length === 0)
            continue;
        parts.push(`[${[`${exports.TAG_FIELD}: {${str(ti.name)}}`, ...ti.fields.map((f) => `${(0, tla_names_1.fieldName)(f.name)}: ${typeSet(f.type, named)}`)].join(', ')}]`);
    }
    return parts.join(' \\cup ');
}
function wrapSet(s) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `(${s})`;
}
//# sourceMappingURL=tla-values.js.map