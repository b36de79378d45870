// Evaluation of IR expressions over a state: used by the front end to fold
// constant expressions and by the reference interpreter. The generated
// checkers do not use it: they compile the same IR to JavaScript, so the two
// stay independent implementations of the semantics.
import type { IDomain, IExpr } from './ir';
import { EvalError, MAX_ENUMERATED, Value, compare, enumerate, equals, ord, setFromArray, setHas, tagOf } from '../src/runtime/values';
import { BOOL, type Type, typeToString } from '../src/runtime/types';

export interface Env {
  /** the state the expression reads (null where there is none, e.g. constants) */
  state: Value[] | null;
  /** local slots (parameters, let/with/for/quantifier/match bindings) */
  frame: Value[];
}

export function evaluate(e: IExpr, env: Env): Value {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'var':
      if (!env.state) throw new EvalError('a state variable cannot be read here');
      return env.state[e.index];
    case 'local':
      return env.frame[e.slot];
    case 'not':
      return !evaluate(e.e, env);
    case 'neg':
      return -(evaluate(e.e, env) as number);
    case 'bin':
      return binary(e.op, e.a, e.b, env);
    case 'inType': {
      const v = evaluate(e.e, env);
      try {
        ord(e.type, v);
        return true;
      } catch {
        return false;
      }
    }
    case 'inRange': {
      const v = evaluate(e.e, env) as number;
      return v >= (evaluate(e.lo, env) as number) && v <= (evaluate(e.hi, env) as number);
    }
    case 'tag': {
      if (e.fields.length === 0) return e.tag;
      const o: { [k: string]: Value } = { $: e.tag };
      for (const f of e.fields) o[f.name] = evaluate(f.e, env);
      return o;
    }
    case 'record': {
      const o: { [k: string]: Value } = {};
      for (const f of e.fields) o[f.name] = evaluate(f.e, env);
      return o;
    }
    case 'setlit':
      return setFromArray(e.elems.map((x) => evaluate(x, env)));
    case 'rangeSet':
      return intRange(evaluate(e.lo, env) as number, evaluate(e.hi, env) as number);
    case 'seqlit':
      return e.elems.map((x) => evaluate(x, env));
    case 'maplit': {
      const dom = enumerate(e.dom);
      return dom.map((k) => {
        env.frame[e.slot] = k;
        return evaluate(e.body, env);
      });
    }
    case 'field': {
      const r = evaluate(e.e, env) as { [k: string]: Value };
      if (e.onUnion && (typeof r === 'string' || !(e.field in r))) {
        throw new EvalError(`${tagOf(r)} has no field ${e.field}`);
      }
      return r[e.field];
    }
    case 'mapIndex': {
      const m = evaluate(e.e, env) as Value[];
      const k = evaluate(e.i, env);
      let i: number;
      try {
        i = ord(e.dom, k);
      } catch {
        throw new EvalError(`index ${JSON.stringify(k)} is outside the map's domain ${typeToString(e.dom)}`);
      }
      return m[i];
    }
    case 'seqIndex': {
      const s = evaluate(e.e, env) as Value[];
      const i = evaluate(e.i, env) as number;
      if (i < 0 || i >= s.length) throw new EvalError(`index ${i} is outside a sequence of length ${s.length}`);
      return s[i];
    }
    case 'recUpdate': {
      const r = evaluate(e.e, env) as { [k: string]: Value };
      const o = { ...r };
      for (const f of e.fields) o[f.name] = evaluate(f.e, env);
      return o;
    }
    case 'mapUpdate': {
      const m = (evaluate(e.e, env) as Value[]).slice();
      const k = evaluate(e.i, env);
      m[ord(e.dom, k)] = evaluate(e.v, env);
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
        const b = evaluate(e.body, env) as boolean;
        if (e.q === 'forall' && !b) return false;
        if (e.q === 'exists' && b) return true;
      }
      return e.q === 'forall';
    }
    case 'match': {
      const v = evaluate(e.e, env);
      const t = tagOf(v);
      for (const arm of e.arms) {
        if (arm.tag === null || arm.tag === t) {
          for (const b of arm.binds) env.frame[b.slot] = (v as any)[b.field];
          return evaluate(arm.body, env);
        }
      }
      throw new EvalError(`no match arm for ${t}`);
    }
    case 'is':
      return tagOf(evaluate(e.e, env)) === e.tag;
  }
}

function binary(op: string, a: IExpr, b: IExpr, env: Env): Value {
  switch (op) {
    case '&&':
      return (evaluate(a, env) as boolean) && (evaluate(b, env) as boolean);
    case '||':
      return (evaluate(a, env) as boolean) || (evaluate(b, env) as boolean);
    case '=>':
      return !(evaluate(a, env) as boolean) || (evaluate(b, env) as boolean);
  }
  const x = evaluate(a, env);
  const y = evaluate(b, env);
  switch (op) {
    case '==':
      return equals(x, y);
    case '!=':
      return !equals(x, y);
    case '<':
      return (x as number) < (y as number);
    case '<=':
      return (x as number) <= (y as number);
    case '>':
      return (x as number) > (y as number);
    case '>=':
      return (x as number) >= (y as number);
    case '+':
      return (x as number) + (y as number);
    case '-':
      return (x as number) - (y as number);
    case '*':
      return (x as number) * (y as number);
    case '/':
      if (y === 0) throw new EvalError('division by zero');
      return Math.trunc((x as number) / (y as number));
    case '%':
      if (y === 0) throw new EvalError('division by zero');
      return (x as number) % (y as number);
    case 'in':
      return setHas(y as Value[], x);
    case 'notin':
      return !setHas(y as Value[], x);
    case 'subseteq':
      return (x as Value[]).every((v) => setHas(y as Value[], v));
    case 'union':
      return setFromArray([...(x as Value[]), ...(y as Value[])]);
    case 'inter':
      return (x as Value[]).filter((v) => setHas(y as Value[], v));
    case '\\':
      return (x as Value[]).filter((v) => !setHas(y as Value[], v));
  }
  throw new EvalError(`unknown operator ${op}`);
}

function call(fn: string, args: Value[]): Value {
  switch (fn) {
    case 'len':
    case 'card':
      return (args[0] as Value[]).length;
    case 'head': {
      const s = args[0] as Value[];
      if (s.length === 0) throw new EvalError('head of an empty sequence');
      return s[0];
    }
    case 'tail': {
      const s = args[0] as Value[];
      if (s.length === 0) throw new EvalError('tail of an empty sequence');
      return s.slice(1);
    }
    case 'append':
      return [...(args[0] as Value[]), args[1]];
    case 'min':
      return Math.min(args[0] as number, args[1] as number);
    case 'max':
      return Math.max(args[0] as number, args[1] as number);
  }
  throw new EvalError(`unknown function ${fn}`);
}

/** lo..hi, at most MAX_ENUMERATED values (the runtime's rt.range has the same bound) */
function intRange(lo: number, hi: number): Value[] {
  if (hi - lo + 1 > MAX_ENUMERATED) throw new EvalError(`cannot enumerate ${lo}..${hi}: ${hi - lo + 1} values, at most ${MAX_ENUMERATED}`);
  const out: Value[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

/** The values a domain ranges over, in a fixed order (ordinal order for types). */
export function domainValues(d: IDomain, env: Env): Value[] {
  switch (d.k) {
    case 'type':
      return enumerate(d.type);
    case 'range':
      return intRange(evaluate(d.lo, env) as number, evaluate(d.hi, env) as number);
    case 'set':
      return (evaluate(d.e, env) as Value[]).slice().sort(compare);
  }
}

/** Fold expressions whose operands are all literals (constants are literals by the time expressions are typed). */
export function foldConst(e: IExpr): IExpr {
  if (e.k === 'lit' || e.k === 'var' || e.k === 'local') return e;
  if (e.k === 'bin' && e.a.k === 'lit' && e.b.k === 'lit' && ['+', '-', '*', '<', '<=', '>', '>=', '==', '!=', '&&', '||'].includes(e.op)) {
    try {
      return { k: 'lit', v: evaluate(e, { state: null, frame: [] }), ty: e.ty.k === 'int' ? intLitType(evaluate(e, { state: null, frame: [] }) as number) : e.ty };
    } catch {
      return e;
    }
  }
  if (e.k === 'neg' && e.e.k === 'lit') {
    const v = -(e.e.v as number);
    return { k: 'lit', v, ty: intLitType(v) };
  }
  if (e.k === 'not' && e.e.k === 'lit') return { k: 'lit', v: !e.e.v, ty: BOOL };
  return e;
}

function intLitType(v: number): Type {
  return { k: 'int', lo: v, hi: v };
}
