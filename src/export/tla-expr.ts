// IR expressions as TLA+ expressions (docs/tla-export.md, "Expressions").
// Each form follows dsl/evaluate.ts, the plain semantics: integer division
// truncates toward zero (Quot, Rem), sequences are 0-based in the spec and
// 1-based in TLA+, a match takes its first matching arm. Text is one line;
// an operand that is not an atom is parenthesised.
import type { IDomain, IExpr } from '../../dsl/ir';
import type { Type } from '../runtime/types';
import { type Names, fieldName } from './tla-names';
import { TAG_FIELD, isStringUnion, str, tlaValue, typeSet } from './tla-values';

export interface ExprCtx {
  /** TLA+ name of each state variable, by index */
  vars: string[];
  /** what each local slot stands for: a bound name, or a value's text */
  env: Map<number, string>;
  /** the fresh-name supply of the definition being written */
  names: Names;
  /** TLA+ name of each constant */
  constants: Map<string, string>;
  /** the name of a named union's definition */
  named: (u: Type & { k: 'union' }) => string | undefined;
}

interface R {
  t: string;
  /** an atom needs no parentheses as an operand */
  atom: boolean;
}

const BIN: Record<string, string> = {
  '=>': '=>', '||': '\\/', '&&': '/\\', '==': '=', '!=': '#', '<': '<', '<=': '=<', '>': '>', '>=': '>=',
  in: '\\in', notin: '\\notin', subseteq: '\\subseteq', union: '\\cup', inter: '\\cap', '\\': '\\', '+': '+', '-': '-', '*': '*',
};

/** Operators that may be chained without parentheses (associative). */
const CHAIN = new Set(['&&', '||', '+', '*', 'union', 'inter']);

export function expr(e: IExpr, c: ExprCtx): string {
  return r(e, c).t;
}

function p(x: R): string {
  return x.atom ? x.t : `(${x.t})`;
}

function atom(t: string): R {
  return { t, atom: true };
}

function compound(t: string): R {
  return { t, atom: false };
}

/** `e` bound to a fresh name for the rest of `body`. */
function bind(c: ExprCtx, slot: number, base: string): { name: string; c: ExprCtx } {
  const name = c.names.fresh(base);
  const env = new Map(c.env);
  env.set(slot, name);
  return { name, c: { ...c, env } };
}

function r(e: IExpr, c: ExprCtx): R {
  switch (e.k) {
    case 'lit':
      if (e.name !== undefined && c.constants.has(e.name)) return atom(c.constants.get(e.name)!);
      return typeof e.v === 'number' && e.v < 0 ? compound(String(e.v)) : atom(tlaValue(e.ty, e.v, (b) => c.names.fresh(b)));
    case 'var':
      return atom(c.vars[e.index]);
    case 'local': {
      const t = c.env.get(e.slot);
      if (t === undefined) throw new Error(`internal: local ${e.name} (slot ${e.slot}) is not bound`);
      return /^[A-Za-z_][A-Za-z0-9_]*$|^"[^"]*"$|^\d+$/.test(t) ? atom(t) : compound(t);
    }
    case 'not':
      return compound(`~${p(r(e.e, c))}`);
    case 'neg':
      return compound(`-${p(r(e.e, c))}`);
    case 'bin': {
      if (e.op === '/' || e.op === '%') return atom(`${e.op === '/' ? 'Quot' : 'Rem'}(${expr(e.a, c)}, ${expr(e.b, c)})`);
      const a = r(e.a, c);
      const b = r(e.b, c);
      const chained = (x: IExpr, y: R) => (CHAIN.has(e.op) && x.k === 'bin' && x.op === e.op ? y.t : p(y));
      return compound(`${chained(e.a, a)} ${BIN[e.op]} ${chained(e.b, b)}`);
    }
    case 'inType':
      return compound(`${p(r(e.e, c))} \\in ${typeSet(e.type, c.named)}`);
    case 'inRange':
      return compound(`${p(r(e.e, c))} \\in ${p(r(e.lo, c))}..${p(r(e.hi, c))}`);
    case 'tag': {
      const u = e.ty as Type & { k: 'union' };
      if (isStringUnion(u)) return atom(str(e.tag));
      return atom(`[${[`${TAG_FIELD} |-> ${str(e.tag)}`, ...e.fields.map((f) => `${fieldName(f.name)} |-> ${expr(f.e, c)}`)].join(', ')}]`);
    }
    case 'record':
      return atom(`[${e.fields.map((f) => `${fieldName(f.name)} |-> ${expr(f.e, c)}`).join(', ')}]`);
    case 'setlit':
      return atom(`{${e.elems.map((x) => expr(x, c)).join(', ')}}`);
    case 'rangeSet':
      return compound(`${p(r(e.lo, c))}..${p(r(e.hi, c))}`);
    case 'seqlit':
      return atom(`<<${e.elems.map((x) => expr(x, c)).join(', ')}>>`);
    case 'maplit': {
      const b = bind(c, e.slot, e.name);
      return atom(`[${b.name} \\in ${typeSet(e.dom, c.named)} |-> ${expr(e.body, b.c)}]`);
    }
    case 'field':
      return atom(`${p(r(e.e, c))}.${fieldName(e.field)}`);
    case 'mapIndex':
      return atom(`${p(r(e.e, c))}[${expr(e.i, c)}]`);
    case 'seqIndex':
      return atom(`${p(r(e.e, c))}[${seqPos(e.i, c)}]`);
    case 'recUpdate':
      return atom(`[${expr(e.e, c)} EXCEPT ${e.fields.map((f) => `!.${fieldName(f.name)} = ${expr(f.e, c)}`).join(', ')}]`);
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
      return compound(`${tagOf(p(r(e.e, c)), e.e.ty)} = ${str(e.tag)}`);
  }
}

/** A 0-based position of the spec as a 1-based TLA+ one. */
export function seqPos(i: IExpr, c: ExprCtx): string {
  if (i.k === 'lit' && typeof i.v === 'number' && i.name === undefined) return String(i.v + 1);
  return `${p(r(i, c))} + 1`;
}

function tagOf(text: string, t: Type): string {
  return t.k === 'union' && !isStringUnion(t) ? `${text}.${TAG_FIELD}` : text;
}

/** `match e { ... }`: the value bound once, then a CASE over its tag; the first `_` arm is OTHER and ends it. */
function match(e: Extract<IExpr, { k: 'match' }>, c: ExprCtx): string {
  const scrutinee = expr(e.e, c);
  const m = c.names.fresh('m');
  const arms: string[] = [];
  let other: string | undefined;
  for (const arm of e.arms) {
    let ac = c;
    const lets: string[] = [];
    for (const b of arm.binds) {
      const x = bind(ac, b.slot, b.name);
      ac = x.c;
      lets.push(`${x.name} == ${m}.${fieldName(b.field)}`);
    }
    const body = lets.map((l) => `LET ${l} IN `).join('') + expr(arm.body, ac);
    if (arm.tag === null) {
      other = body;
      break;
    }
    arms.push(`${tagOf(m, e.e.ty)} = ${str(arm.tag)} -> (${body})`);
  }
  const cases = [...arms, ...(other !== undefined ? [`OTHER -> (${other})`] : [])];
  if (arms.length === 0) return `LET ${m} == ${scrutinee} IN ${other}`;
  return `LET ${m} == ${scrutinee} IN CASE ${cases.join(' [] ')}`;
}

export function domain(d: IDomain, c: ExprCtx): string {
  switch (d.k) {
    case 'type':
      return typeSet(d.type, c.named);
    case 'range':
      return `${p(r(d.lo, c))}..${p(r(d.hi, c))}`;
    case 'set':
      return p(r(d.e, c));
  }
}
