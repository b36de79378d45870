// The generated checker as a state space for explore(): states packed into
// WORDS 32-bit words, kept in full (packed-store.ts) or as fingerprints
// (fingerprint-store.ts).
import { explore, type LevelBoundary, type StateSpace, type StateStore } from './explore';
import type { CheckOptions, CheckResult } from './result';
import { PackedStore, type PackedCodec } from './packed-store';
import { symmetryUse } from './symmetry-use';
import { FingerprintStore } from './fingerprint-store';
import type { Step } from '../runtime/step';
import type { JsonValue } from '../runtime/json';

// (a module binding: conformance steps a module state by state, and under jest, in a vm
// context, each lookup of a global such as Object goes through the context's interceptor)
const { Proxy, Map, String } = globalThis;
const objectPrototype = Object.prototype as Record<PropertyKey, unknown>;

/** The interface of a generated checker (see generator/emit.ts). */
export interface CompiledChecker {
  META: {
    spec: string;
    constants: Record<string, unknown>;
    /** the state variables in state order, with their packed bit fields */
    vars: { name: string; type: string; bit: number; width: number }[];
    words: number;
    /** per action: its name, each parameter's name and number of values (the radixes of a combo), its process step */
    actions: { name: string; params: { name: string; size: number }[]; process: { name: string; label: string; indexed: boolean } | null }[];
    invariants: string[];
    /** liveness properties: kind, and each instance of the forall prefix as JSON ({ t: 0 }) */
    liveness?: { name: string; kind: 'leadsTo' | 'eventually' | 'infinitelyOften'; instances: Record<string, JsonValue>[] }[];
    fairness?: { strength: 'weak' | 'strong'; process?: string; action?: string }[];
    /** `symmetric X`: the set's name, first value and number of values */
    symmetric?: { name: string; lo: number; size: number };
  };
  WORDS: number;
  init(emit: (n: unknown[]) => void): void;
  successors(s: unknown[], emit: (action: number, combo: number, n: unknown[]) => void): void;
  /** the successors of s by one action, by index */
  successorsOf(s: unknown[], action: number, emit: (action: number, combo: number, n: unknown[]) => void): void;
  /** the successors of s by one action with one choice of parameters (its combo) */
  successorsAt(s: unknown[], action: number, combo: number, emit: (action: number, combo: number, n: unknown[]) => void): void;
  /** the combo of an action's parameter values (ints, booleans, enum tags), in declaration order; throws for a value outside its type */
  comboOf(action: number, params: unknown[]): number;
  /** per liveness property: its premise p (leadsTo) and goal q, for instance k of its forall prefix */
  LIVENESS: { p?: (s: unknown[], k: number) => boolean; q: (s: unknown[], k: number) => boolean }[];
  /** each invariant on its own, by index */
  INVARIANTS: ((s: unknown[]) => boolean)[];
  terminated(s: unknown[]): boolean;
  encode(n: unknown[], w: Uint32Array, o: number): void;
  /** the values are shared (interned, and remembered by encode): never mutate them, build new ones */
  decode(w: Uint32Array, o: number): unknown[];
  /**
   * With `symmetric X` only: the representative of n's orbit under the
   * permutations of X (the one with the smallest packed words), to encode
   * in n's place. Pure: n is not changed (and is returned when it is the
   * representative).
   */
  /** `symmetric X`: encode n as the representative of its orbit (moving the packed words where it can) */
  encodeCanonical?(n: unknown[], w: Uint32Array, o: number): void;
  toJSON(s: unknown[]): Record<string, unknown>;
  /** variable i of s as JSON */
  varToJSON(s: unknown[], i: number): unknown;
  /** the step an emitted (action, combo) stands for */
  stepOf(action: number, combo: number): Step;
  /**
   * on: the steps write their next states into one reused array (the caller takes each
   * successor before the next one is made and keeps no reference to it); off: fresh copies
   */
  reuseNext?(on: boolean): void;
  /** off: every action runs on values, none on the packed words (present when some action is compiled to words: generator/word-steps.ts) */
  wordSteps?(on: boolean): void;
  /** whether invariant k holds in the state whose words are w[o ..] (with word steps) */
  invariantOfWords?(k: number, w: Uint32Array, o: number): boolean;
  /** the state at w[o ..] to pass to successors() next, its values decoded only if a step on values reads them (with word steps) */
  expandOf?(w: Uint32Array, o: number): unknown[];
}

/** A state of a generated checker in its three forms (result.ts says who reads which). */
export interface StateForms {
  /** decoded values, a copy that the module will not reuse */
  s: unknown[];
  /** plain JSON */
  json: Record<string, unknown>;
  /** the state's identity: its packed words, as text */
  key: string;
}

/**
 * For code that steps a generated checker by hand instead of through
 * explore() (the conformance spec target, tests): a state the module
 * emitted, in its three forms. The module may reuse the array it emits, so
 * the decoded form is a copy, made through the packed encoding.
 */
export function stateForms(m: CompiledChecker): (s: unknown[]) => StateForms {
  const words = new Uint32Array(m.WORDS);
  return (s) => {
    m.encode(s, words, 0);
    return { s: m.decode(words, 0), json: m.toJSON(s), key: keyOf(words) };
  };
}

/**
 * The three forms of a state given by its packed words (which it keeps): decoded on
 * first use, and its JSON made variable by variable as they are read, so a reader
 * of a few variables of a large state (the conformance binding) converts only those.
 */
export function formsOfWords(m: CompiledChecker, words: Uint32Array): StateForms {
  let s: unknown[] | undefined;
  const decoded = () => (s ??= m.decode(words, 0));
  return {
    get s() {
      return decoded();
    },
    json: lazyJson(m, decoded),
    key: keyOf(words),
  };
}

/** the words as text, "w0,w1,...": a state's identity in the conformance engine (a loop: Array.from and join made an array per state) */
function keyOf(words: Uint32Array): string {
  let key = words.length > 0 ? String(words[0]) : '';
  for (let i = 1; i < words.length; i++) key += ',' + words[i];
  return key;
}

/**
 * Per checker: the maker of its states' lazy JSON. A proxy is one
 * object per state; defining an accessor per variable on each (as this did)
 * gave every object a map of its own in V8: 1.7 s of a 10 s model-based test.
 * The target holds the variables read so far; the names (ownKeys) and
 * descriptors make it enumerate, spread and stringify as a plain object.
 */
const makers = new WeakMap<CompiledChecker, (state: () => unknown[]) => Record<string, unknown>>();

function lazyMaker(m: CompiledChecker): (state: () => unknown[]) => Record<string, unknown> {
  const made = makers.get(m);
  if (made) return made;
  const names = m.META.vars.map((v) => v.name);
  const index = new Map(names.map((n, i) => [n, i]));
  /** the variable a property key names, or undefined */
  const varOf = (key: PropertyKey): number | undefined => (typeof key === 'string' ? index.get(key) : undefined);
  /** the target: the state's maker, then each variable's JSON once read (JSON is never undefined) */
  type Target = { state: () => unknown[]; values: unknown[] };
  const read = (t: Target, i: number): unknown => {
    if (t.values[i] === undefined) t.values[i] = m.varToJSON(t.state(), i);
    return t.values[i];
  };
  const handler: ProxyHandler<Target> = {
    get: (t, key) => {
      const i = varOf(key);
      return i === undefined ? objectPrototype[key] : read(t, i);
    },
    has: (_t, key) => varOf(key) !== undefined,
    ownKeys: () => names.slice(),
    getOwnPropertyDescriptor: (t, key) => {
      const i = varOf(key);
      return i === undefined ? undefined : { value: read(t, i), writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  const make = (state: () => unknown[]) => new Proxy<Target>({ state, values: [] }, handler) as unknown as Record<string, unknown>;
  makers.set(m, make);
  return make;
}

/**
 * A state's JSON whose variables are converted as they are read (each once), from the
 * decoded state `state()` gives: readers of a few variables of a large state convert
 * only those. Read-only.
 */
export function lazyJson(m: CompiledChecker, state: () => unknown[]): Record<string, unknown> {
  return lazyMaker(m)(state);
}

/**
 * The generated checker's states: exact (every state packed, identified by its
 * words: packed-store.ts) or, with `fingerprintOnly`, 64-bit fingerprints and
 * the frontier (fingerprint-store.ts). `statesHint` sizes the table up front.
 */
export function generatedSpace(m: CompiledChecker, opts: Pick<CheckOptions, 'statesHint' | 'fingerprintOnly' | 'frontierBytes' | 'symmetry'> = {}): StateSpace<unknown[]> {
  // fingerprint-only leaves liveness unchecked (it keeps no graph): its safety run may reduce
  const sym = symmetryUse(m.META.symmetric, opts, (m.META.liveness?.length ?? 0) > 0 && !opts.fingerprintOnly);
  // a reduced run files each state under its orbit's representative: the stores encode that one,
  // and counterexamples are rebuilt by replay (the stored states are not the ones the steps made)
  const canon = sym?.reduced ? m.encodeCanonical?.bind(m) : undefined;
  const codec: PackedCodec<unknown[]> = canon ? { WORDS: m.WORDS, encode: canon, decode: (w, o) => m.decode(w, o), ...(m.expandOf ? { expandOf: m.expandOf.bind(m) } : {}) } : m;
  const words = new Uint32Array(m.WORDS);
  return {
    spec: m.META.spec,
    constants: m.META.constants,
    engine: 'generated',
    actions: m.META.actions.map((a) => a.name),
    invariants: m.META.invariants,
    store: opts.fingerprintOnly
      ? new FingerprintStore(codec, { statesHint: opts.statesHint, frontierBytes: opts.frontierBytes })
      : new PackedStore(codec, opts.statesHint, undefined, !!canon),
    ...(sym ? { symmetry: sym } : {}),
    init: (emit) => m.init(emit),
    successors: (s, emit) => m.successors(s, emit),
    invariant: (i, s) => m.INVARIANTS[i](s),
    // (a reduced run files representatives: dsl/symmetry.ts proves every invariant symmetric, so
    // a representative satisfies one exactly when the states of its orbit do)
    ...(m.invariantOfWords ? { invariantOfWords: m.invariantOfWords.bind(m) } : {}),
    terminated: (s) => m.terminated(s),
    toJSON: (s) => m.toJSON(s),
    stepOf: (a, c) => m.stepOf(a, c),
    // through the packed form: the module may reuse what it emits
    copy: (s) => {
      m.encode(s, words, 0);
      return m.decode(words, 0);
    },
    liveness: m.META.liveness?.length
      ? {
          props: m.META.liveness.map((p) => ({ name: p.name, kind: p.kind, instances: p.instances })),
          holds: (i, which, k, s) => m.LIVENESS[i][which]!(s, k),
          fairness: m.META.fairness ?? [],
        }
      : undefined,
  };
}

/** Explore a generated checker module. */
export function exploreGenerated(m: CompiledChecker, opts: CheckOptions = {}, atLevel?: (b: LevelBoundary, store: PackedStore<unknown[]>) => CheckResult | undefined): CheckResult {
  // explore() encodes each successor and tests it right away: no allocation per successor
  m.reuseNext?.(true);
  try {
    const space = generatedSpace(m, opts);
    const store = space.store;
    // (the exact store only: a fingerprint-only run is never handed over)
    return explore(space, opts, atLevel && store instanceof PackedStore ? (b) => atLevel(b, store) : undefined);
  } finally {
    m.reuseNext?.(false);
  }
}
