"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.expr = expr;
exports.seqPos = seqPos;
exports.domain = domain;
const tla_names_1 = require("./tla-names");
const tla_values_1 = require("./tla-values");
const BIN = {
    '=>': '=>', '||': '\\/', '&&': '/\\', '==': '=', '!=': '#', '<': '<', '<=': '=<', '>': '>', '>=': '>=',
    in: '\\in', notin: '\\notin', subseteq: '\\subseteq', union: '\\cup', inter: '\\cap', '\\': '\\', '+': '+', '-': '-', '*': '*',
};
/** Operators that may be chained without parentheses (associative). */
const CHAIN = new Set(['&&', '||', '+', '*', 'union', 'inter']);
function expr(e, c) {
    return r(e, c).t;
}
function p(x) {
    return x.atom ? x.t : `(${x.t})`;
}
function atom(t) {
    return { t, atom: true };
}
function compound(t) {
    return { t, atom: false };
}
/** `e` bound to a fresh name for the rest of `body`. */
function bind(c, slot, base) {
    const name = c.names.fresh(base);
    const env = new Map(c.env);
    env.set(slot, name);
    return { name, c: { ...c, env } };
}
function r(e, c) {
    switch (e.k) {
        case 'lit':
            if (e.name !== undefined && c.constants.has(e.name))
                return atom(c.constants.get(e.name));
            return typeof e.v === 'number' && e.v < 0 ? compound(String(e.v)) : atom((0, tla_values_1.tlaValue)(e.ty, e.v, (b) => c.names.fresh(b)));
        case 'var':
            return atom(c.vars[e.index]);
        case 'local': {
            const t = c.env.get(e.slot);
            if (t === undefined)
                throw new Error(`internal: local ${e.name} (slot ${e.slot}) is not bound`);
            return /^[A-Za-z_][A-Za-z0-9_]*$|^"[^"]*"$|^\d+$/.test(t) ? atom(t) : compound(t);
        }
        case 'not':
            return compound(`~${p(r(e.e, c))}`);
        case 'neg':
            return compound(`-${p(r(e.e, c))}`);
        case 'bin': {
            if (e.op === '/' || e.op === '%')
                return atom(`${e.op === '/' ? 'Quot' : 'Rem'}(${expr(e.a, c)}, ${expr(e.b, c)})`);
            const a = r(e.a, c);
            const b = r(e.b, c);
            const chained = (x, y) => (CHAIN.has(e.op) && x.k === 'bin' && x.op === e.op ? y.t : p(y));
            return compound(`${chained(e.a, a)} ${BIN[e.op]} ${chained(e.b, b)}`);
        }
        case 'inType':
            return compound(`${p(r(e.e, c))} \\in ${(0, tla_values_1.typeSet)(e.type, c.named)}`);
        case 'inRange':
            return compound(`${p(r(e.e, c))} \\in ${p(r(e.lo, c))}..${p(r(e.hi, c))}`);
        case 'tag': {
            const u = e.ty;
            if ((0, tla_values_1.isStringUnion)(u))
                return atom((0, tla_values_1.str)(e.tag));
            return atom(`[${[`${tla_values_1.TAG_FIELD} |-> ${(0, tla_values_1.str)(e.tag)}`, ...e.fields.map((f) => `${(0, tla_names_1.fieldName)(f.name)} |-> ${expr(f.e, c)}`)].join(', ')}]`);
        }
        case 'record':
            return atom(`[${e.fields.map((f) => `${(0, tla_names_1.fieldName)(f.name)} |-> ${expr(f.e, c)}`).join(', ')}]`);
        case 'setlit':
            return atom(`{${e.elems.map((x) => expr(x, c)).join(', ')}}`);
        case 'rangeSet':
            return compound(`${p(r(e.lo, c))}..${p(r(e.hi, c))}`);
        case 'seqlit':
            return atom(`<<${e.elems.map((x) => expr(x, c)).join(', ')}>>`);
        case 'maplit': {
            const b = bind(c, e.slot, e.name);
            return atom(`[${b.name} \\in ${(0, tla_values_1.typeSet)(e.dom, c.named)} |-> ${expr(e.body, b.c)}]`);
        }
        case 'field':
            return atom(`${p(r(e.e, c))}.${(0, tla_names_1.fieldName)(e.field)}`);
        case 'mapIndex':
            return atom(`${p(r(e.e, c))}[${expr(e.i, c)}]`);
        case 'seqIndex':
            return atom(`${p(r(e.e, c))}[${seqPos(e.i, c)}]`);
        case 'recUpdate':
            return atom(`[${expr(e.e, c)} EXCEPT ${e.fields.map((f) => `!.${(0, tla_names_1.fieldName)(f.name)} = ${expr(f.e, c)}`).join(', ')}]`);
        case 'mapUpdate':
            return atom(`[${expr(e.e, c)} EXCEPT ![${expr(e.i, c)}] = ${expr(e.v, c)}]`);
        case 'call': {
            const args = e.args.map((x) => expr(x, c)).join(', ');
            const fn = { len: 'Len', head: 'Head', tail: 'Tail', append: 'Append', card: 'Cardinality', min: 'Min', max: 'Max' }[e.fn];
            return atom(`${fn}(${args})`);
        }
        case 'if':
            return compound(`IF ${expr(e.c, c)} THEN ${expr(e.a, c)} ELSE ${expr(e.b, c)}`);
        case 'let': {
            const v = expr(e.v, c);
            const b = bind(c, e.slot, e.name);
            return compound(`LET ${b.name} == ${v} IN ${expr(e.body, b.c)}`);
        }
        case 'quant': {
            const d = domain(e.dom, c);
            const b = bind(c, e.slot, e.name);
            return compound(`${e.q === 'forall' ? '\\A' : '\\E'} ${b.name} \\in ${d} : ${expr(e.body, b.c)}`);
        }
        case 'match':
            return compound(match(e, c));
        case 'is':
            return compound(`${tagOf(p(r(e.e, c)), e.e.ty)} = ${(0, tla_values_1.str)(e.tag)}`);
    }
}
/** A 0-based position of the spec as a 1-based TLA+ one. */
function seqPos(i, c) {
    if (i.k === 'lit' && typeof i.v === 'number' && i.name === undefined)
        return String(i.v + 1);
    return `${p(r(i, c))} + 1`;
}
function tagOf(text, t) {
    return t.k === 'union' && !(0, tla_values_1.isStringUnion)(t) ? `${text}.${tla_values_1.TAG_FIELD}` : text;
}
/** `match e { ... }`: the value bound once, then a CASE over its tag; the first `_` arm is OTHER and ends it. */
function match(e, c) {
    const scrutinee = expr(e.e, c);
    const m = c.names.fresh('m');
    const arms = [];
    let other;
    for (const arm of e.arms) {
        let ac = c;
        const lets = [];
        for (const b of arm.binds) {
            const x = bind(ac, b.slot, b.name);
            ac = x.c;
            lets.push(`${x.name} == ${m}.${(0, tla_names_1.fieldName)(b.field)}`);
        }
        const body = lets.map((l) => `LET ${l} IN `).join('') + expr(arm.body, ac);
        if (arm.tag === null) {
            other = body;
            break;
        }
        arms.push(`${tagOf(m, e.e.ty)} = ${(0, tla_values_1.str)(arm.tag)} -> (${body})`);
    }
    const cases = [...arms, ...(other !== undefined ? [`OTHER -> (${other})`] : [])];
    if (arms.length === 0)
        return `LET ${m} == ${scrutinee} IN ${other}`;
    return `LET ${m} == ${scrutinee} IN CASE ${cases.join(' [] ')}`;
}
function domain(d, c) {
    switch (d.k) {
        case 'type':
            return (0, tla_values_1.typeSet)(d.type, c.named);
        case 'range':
            return `${p(r(d.lo, c))}..${p(r(d.hi, c))}`;
        case 'set':
            return p(r(d.e, c));
    }
}
//# sourceMappingURL=tla-expr.js.map