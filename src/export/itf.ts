// Traces in the Informal Trace Format (ITF), the JSON trace format that
// Apalache and Quint read and write (Apalache ADR-015). docs/itf.md gives
// the mapping; in short:
//   bool → JSON boolean; int → {"#bigint": "n"}; a record → a JSON object;
//   a map [D] -> T → {"#map": [[key, value], ...]} in the domain's order;
//   set<T> → {"#set": [...]} in the checker's canonical order; seq<T, N> → a
//   JSON array; a union value (enums included) → a variant
//   {"tag": "Name", "value": payload}, the payload a record of the tag's
//   fields, or the unit {"#tup": []} for a tag without fields (as Quint
//   writes its sum types).
// A spec trace is typed (every variable has its type); a conformance trace
// or schedule is plain JSON, converted by its shape (itfOfPlain).
import type { JsonValue } from '../runtime/json';
import { type Type, typeToString } from '../runtime/types';
import { type Value, enumerate, toJSON } from '../runtime/values';

export type ItfValue = boolean | string | ItfValue[] | { [k: string]: ItfValue };

export interface ItfState {
  '#meta': { index: number; [k: string]: string | number };
  [variable: string]: ItfValue | ItfState['#meta'];
}

export interface ItfTrace {
  '#meta': Record<string, string>;
  vars: string[];
  states: ItfState[];
  loop?: number;
}

export const ITF_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

const UNIT: ItfValue = { '#tup': [] };

const bigint = (n: number): ItfValue => ({ '#bigint': String(n) });

/** A value of type `t`, given in its plain-JSON form (runtime/values.ts toJSON), as ITF. */
export function itfOfJson(t: Type, v: unknown): ItfValue {
  switch (t.k) {
    case 'bool':
      return expect(typeof v === 'boolean', t, v) && (v as boolean);
    case 'int':
      expect(Number.isInteger(v), t, v);
      return bigint(v as number);
    case 'union': {
      const tag = typeof v === 'string' ? v : (v as { tag?: unknown } | null)?.tag;
      const ti = t.tags.find((x) => x.name === tag);
      expect(ti !== undefined, t, v);
      if (ti!.fields.length === 0) return { tag: ti!.name, value: UNIT };
      const payload: Record<string, ItfValue> = {};
      for (const f of ti!.fields) payload[f.name] = itfOfJson(f.type, (v as Record<string, unknown>)[f.name]);
      return { tag: ti!.name, value: payload };
    }
    case 'record': {
      expect(isObject(v), t, v);
      const o: Record<string, ItfValue> = {};
      for (const f of t.fields) o[f.name] = itfOfJson(f.type, (v as Record<string, unknown>)[f.name]);
      return o;
    }
    case 'map': {
      expect(isObject(v), t, v);
      const o = v as Record<string, unknown>;
      const pairs: ItfValue[] = enumerate(t.dom).map((k) => {
        const key = keyText(k);
        expect(key in o, t, v);
        return [itfOfJson(t.dom, toJSON(t.dom, k)), itfOfJson(t.rng, o[key])];
      });
      return { '#map': pairs };
    }
    case 'set':
      expect(Array.isArray(v), t, v);
      return { '#set': (v as unknown[]).map((x) => itfOfJson(t.elem, x)) };
    case 'seq':
      expect(Array.isArray(v), t, v);
      return (v as unknown[]).map((x) => itfOfJson(t.elem, x));
  }
}

/** The inverse of itfOfJson: an ITF value of type `t` back in the plain-JSON form. */
export function jsonOfItf(t: Type, v: ItfValue): JsonValue {
  const o = v as Record<string, ItfValue>;
  switch (t.k) {
    case 'bool':
      expect(typeof v === 'boolean', t, v);
      return v as boolean;
    case 'int': {
      expect(isObject(v) && typeof o['#bigint'] === 'string' && /^-?\d+$/.test(o['#bigint'] as string), t, v);
      return Number(o['#bigint']);
    }
    case 'union': {
      expect(isObject(v) && typeof o.tag === 'string' && 'value' in o, t, v);
      const ti = t.tags.find((x) => x.name === o.tag);
      expect(ti !== undefined, t, v);
      if (ti!.fields.length === 0) return ti!.name;
      const payload = o.value as Record<string, ItfValue>;
      const out: Record<string, JsonValue> = { tag: ti!.name };
      for (const f of ti!.fields) out[f.name] = jsonOfItf(f.type, payload[f.name]);
      return out;
    }
    case 'record': {
      expect(isObject(v), t, v);
      const out: Record<string, JsonValue> = {};
      for (const f of t.fields) out[f.name] = jsonOfItf(f.type, o[f.name]);
      return out;
    }
    case 'map': {
      expect(isObject(v) && Array.isArray(o['#map']), t, v);
      const out: Record<string, JsonValue> = {};
      const keys = enumerate(t.dom);
      for (const pair of o['#map'] as ItfValue[][]) {
        const kj = JSON.stringify(jsonOfItf(t.dom, pair[0]));
        const k = keys.find((x) => JSON.stringify(toJSON(t.dom, x)) === kj);
        expect(k !== undefined, t, v);
        out[keyText(k!)] = jsonOfItf(t.rng, pair[1]);
      }
      return out;
    }
    case 'set':
      expect(isObject(v) && Array.isArray(o['#set']), t, v);
      return (o['#set'] as ItfValue[]).map((x) => jsonOfItf(t.elem, x));
    case 'seq':
      expect(Array.isArray(v), t, v);
      return (v as ItfValue[]).map((x) => jsonOfItf(t.elem, x));
  }
}

/** Plain JSON (a conformance trace, a schedule) as ITF, by its shape: integers as #bigint, arrays as sequences, objects as records. */
export function itfOfPlain(v: unknown): ItfValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? bigint(v) : { '#unserializable': String(v) };
  if (Array.isArray(v)) return v.map(itfOfPlain);
  if (isObject(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, itfOfPlain(x)]));
  return { '#unserializable': String(v) };
}

export interface TypedStep {
  /** the step's text ('Init' for the initial state) */
  action: string;
  /** every variable in plain-JSON form */
  state: Record<string, unknown>;
}

/** A trace of a spec (a counterexample, a simulation path) as ITF. */
export function itfOfTrace(vars: readonly { name: string; type: Type }[], steps: readonly TypedStep[], meta: Record<string, string>): ItfTrace {
  return {
    '#meta': { format: 'ITF', 'format-description': ITF_DESCRIPTION, ...meta, 'var-types': varTypes(vars) },
    vars: vars.map((v) => v.name),
    states: steps.map((s, index) => {
      const st: ItfState = { '#meta': { index, action: s.action } };
      for (const v of vars) st[v.name] = itfOfJson(v.type, s.state[v.name]);
      return st;
    }),
  };
}

/** The variables' types in the spec's notation, one string (ITF trace metadata is strings). */
function varTypes(vars: readonly { name: string; type: Type }[]): string {
  return vars.map((v) => `${v.name}: ${typeToString(v.type)}`).join('; ');
}

/** ITF as text: one state per line, so that a diff of two traces reads state by state. */
export function itfText(t: ItfTrace): string {
  const head = JSON.stringify({ '#meta': t['#meta'], vars: t.vars });
  const states = t.states.map((s) => `  ${JSON.stringify(s)}`).join(',\n');
  return `${head.slice(0, -1)},\n"states": [\n${states}\n]${t.loop !== undefined ? `,\n"loop": ${t.loop}` : ''}}\n`;
}

/** A map key as the plain-JSON form writes it (values.ts toJSON: the run-time value's text). */
function keyText(v: Value): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function expect(ok: boolean, t: Type, v: unknown): true {
  if (!ok) throw new Error(`not a value of ${typeToString(t)}: ${JSON.stringify(v)}`);
  return true;
}
