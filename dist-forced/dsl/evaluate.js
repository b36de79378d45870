"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evaluate = evaluate;
exports.domainValues = domainValues;
exports.foldConst = foldConst;
const values_1 = require("../src/runtime/values");
const types_1 = require("../src/runtime/types");
function evaluate(e, env) {
    switch (e.k) {
        case 'lit':
            return e.v;
        case 'var':
            if (!env.state)
                throw new values_1.EvalError('a state variable cannot be read here');
            return env.state[e.index];
        case 'local':
            return env.frame[e.slot];
        case 'not':
            return !evaluate(e.e, env);
        case 'neg':
            return -evaluate(e.e, env);
        case 'bin':
            return binary(e.op, e.a, e.b, env);
        case 'inType': {
            const v = evaluate(e.e, env);
            try {
                (0, values_1.ord)(e.type, v);
                return true;
            }
            catch {
                return false;
            }
        }
        case 'inRange': {
            const v = evaluate(e.e, env);
            return v >= evaluate(e.lo, env) && v <= evaluate(e.hi, env);
        }
        case 'tag': {
            if (e.fields.length === 0)
                return e.tag;
            const o = { $: e.tag };
            for (const f of e.fields)
                o[f.name] = evaluate(f.e, env);
            return o;
        }
        case 'record': {
            const o = {};
            for (const f of e.fields)
                o[f.name] = evaluate(f.e, env);
            return o;
        }
        case 'setlit':
            return (0, values_1.setFromArray)(e.elems.map((x) => evaluate(x, env)));
        case 'rangeSet':
            return intRange(evaluate(e.lo, env), evaluate(e.hi, env));
        case 'seqlit':
            return e.elems.map((x) => evaluate(x, env));
        case 'maplit': {
            const dom = (0, values_1.enumerate)(e.dom);
            return dom.map((k) => {
                env.frame[e.slot] = k;
                return evaluate(e.body, env);
            });
        }
        case 'field': {
            const r = evaluate(e.e, env);
            if (e.onUnion && (typeof r === 'string' || !(e.field in r))) {
                throw new values_1.EvalError(`${(0, values_1.tagOf)(r)} has no field ${e.field}`);
            }
            return r[e.field];
        }
        case 'mapIndex': {
            const m = evaluate(e.e, env);
            const k = evaluate(e.i, env);
            let i;
            try {
                i = (0, values_1.ord)(e.dom, k);
            }
            catch {
                throw new values_1.EvalError(`index ${JSON.stringify(k)} is outside the map's domain ${(0, types_1.typeToString)(e.dom)}`);
            }
            return m[i];
        }
        case 'seqIndex': {
            const s = evaluate(e.e, env);
            const i = evaluate(e.i, env);
            if (i < 0 || i >= s.length)
                throw new values_1.EvalError(`index ${i} is outside a sequence of length ${s.length}`);
            return s[i];
        }
        case 'recUpdate': {
            const r = evaluate(e.e, env);
            const o = { ...r };
            for (const f of e.fields)
                o[f.name] = evaluate(f.e, env);
            return o;
        }
        case 'mapUpdate': {
            const m = evaluate(e.e, env).slice();
            const k = evaluate(e.i, env);
            m[(0, values_1.ord)(e.dom, k)] = evaluate(e.v, env);
            return m;
        }
        case 'call':
            return call(e.fn, e.args.map((a) => evaluate(a, env)));
        case 'if':
            return evaluate(e.c, env) ? evaluate(e.a, env) : evaluate(e.b, env);
        case 'let':
            env.frame[e.slot] = evaluate(e.v, env);
            return evaluate(e.body, env);
        case 'quant': {
            const dom = domainValues(e.dom, env);
            for (const x of dom) {
                env.frame[e.slot] = x;
                const b = evaluate(e.body, env);
                if (e.q === 'forall' && !b)
                    return false;
                if (e.q === 'exists' && b)
                    return true;
            }
            return e.q === 'forall';
        }
        case 'match': {
            const v = evaluate(e.e, env);
            const t = (0, values_1.tagOf)(v);
            for (const arm of e.arms) {
                if (arm.tag === null || arm.tag === t) {
                    for (const b of arm.binds)
                        env.frame[b.slot] = v[b.field];
                    return evaluate(arm.body, env);
                }
            }
            throw new values_1.EvalError(`no match arm for ${t}`);
        }
        case 'is':
            return (0, values_1.tagOf)(evaluate(e.e, env)) === e.tag;
    }
}
function binary(op, a, b, env) {
    switch (op) {
        case '&&':
            return evaluate(a, env) && evaluate(b, env);
        case '||':
            return evaluate(a, env) || evaluate(b, env);
        case '=>':
            return !evaluate(a, env) || evaluate(b, env);
    }
    const x = evaluate(a, env);
    const y = evaluate(b, env);
    switch (op) {
        case '==':
            return (0, values_1.equals)(x, y);
        case '!=':
            return !(0, values_1.equals)(x, y);
        case '<':
            return x < y;
        case '<=':
            return x <= y;
        case '>':
            return x > y;
        case '>=':
            return x >= y;
        case '+':
            return x + y;
        case '-':
            return x - y;
        case '*':
            return x * y;
        case '/':
            if (y === 0)
                throw new values_1.EvalError('division by zero');
            return Math.trunc(x / y);
        case '%':
            if (y === 0)
                throw new values_1.EvalError('division by zero');
            return x % y;
        case 'in':
            return (0, values_1.setHas)(y, x);
        case 'notin':
            return !(0, values_1.setHas)(y, x);
        case 'subseteq':
            return x.every((v) => (0, values_1.setHas)(y, v));
        case 'union':
            return (0, values_1.setFromArray)([...x, ...y]);
        case 'inter':
            return x.filter((v) => (0, values_1.setHas)(y, v));
        case '\\':
            return x.filter((v) => !(0, values_1.setHas)(y, v));
    }
    throw new values_1.EvalError(`unknown operator ${op}`);
}
function call(fn, args) {
    switch (fn) {
        case 'len':
        case 'card':
            return args[0].length;
        case 'head': {
            const s = args[0];
            if (s.length === 0)
                throw new values_1.EvalError('head of an empty sequence');
            return s[0];
        }
        case 'tail': {
            const s = args[0];
            if (s.length === 0)
                throw new values_1.EvalError('tail of an empty sequence');
            return s.slice(1);
        }
        case 'append':
            return [...args[0], args[1]];
        case 'min':
            return Math.min(args[0], args[1]);
        case 'max':
            return Math.max(args[0], args[1]);
    }
    throw new values_1.EvalError(`unknown function ${fn}`);
}
/** lo..hi, at most MAX_ENUMERATED values (the runtime's rt.range has the same bound) */
function intRange(lo, hi) {
    if (hi - lo + 1 > values_1.MAX_ENUMERATED)
        throw new values_1.EvalError(`cannot enumerate ${lo}..${hi}: ${hi - lo + 1} values, at most ${values_1.MAX_ENUMERATED}`);
    const out = [];
    for (let i = lo; i <= hi; i++)
        out.push(i);
    return out;
}
/** The values a domain ranges over, in a fixed order (ordinal order for types). */
function domainValues(d, env) {
    switch (d.k) {
        case 'type':
            return (0, values_1.enumerate)(d.type);
        case 'range':
            return intRange(evaluate(d.lo, env), evaluate(d.hi, env));
        case 'set':
            return evaluate(d.e, env).slice().sort(values_1.compare);
    }
}
/** Fold expressions whose operands are all literals (constants are literals by the time expressions are typed). */
function foldConst(e) {
    if (e.k === 'lit' || e.k === 'var' || e.k === 'local')
        return e;
    if (e.k === 'bin' && e.a.k === 'lit' && e.b.k === 'lit' && ['+', '-', '*', '<', '<=', '>', '>=', '==', '!=', '&&', '||'].includes(e.op)) {
        try {
            return { k: 'lit', v: evaluate(e, { state: null, frame: [] }), ty: e.ty.k === 'int' ? intLitType(evaluate(e, { state: null, frame: [] })) : e.ty };
        }
        catch {
            return e;
        }
    }
    if (e.k === 'neg' && e.e.k === 'lit') {
        const v = -e.e.v;
        return { k: 'lit', v, ty: intLitType(v) };
    }
    if (e.k === 'not' && e.e.k === 'lit')
        return { k: 'lit', v: !e.e.v, ty: types_1.BOOL };
    return e;
}
function intLitType(v) {
    return { k: 'int', lo: v, hi: v };
}
//# sourceMappingURL=evaluate.js.map