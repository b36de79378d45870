// One worker's share of a BFS level: expand a contiguous range of parents
// (in index order), insert each successor into the shared exact table (its
// words go to this thread's fresh region when it is new), and record the
// discoveries that may be the first in sequential order (candidates,
// table.ts) with the invariants they violate; the words of a candidate are
// the ones its table slot leads to. The main thread runs the same code for the levels too small
// to hand out, so both paths number states the same way.
import type { CompiledChecker } from '../bfs';
import { fingerprint } from '../fpset';
import { ENTRY_HEAD, claim, claimAlone, entryOf, freshRef, regionOf, tagOf, touchHomes, type SharedTable, type StateWords } from './table';
import { EvalError } from '../../runtime/values';
import { growableBuffer, grownView, wordsOf } from './arena';
import { COLUMN_SHIFT } from '../links';

/**
 * Candidate record: parent, action, combo, ordinal (the emission's rank
 * among the parent's), slot; then the masks; then the state's words (so
 * the merge copies a winner's words from its record, not from its slot or
 * a thread's region: winners.ts).
 */
export const HEAD = 5;
/** per-action generated counts are saved every CHECKPOINT parents, so a run stopped mid-level recounts at most this many */
export const CHECKPOINT = 256;
/** slots of a thread's cache of earlier levels' states met lately (Expander.recent) */
const RECENT_MASK = (1 << 14) - 1;
/** staged lookups per batch (Staging): as the sequential engine's (explore.ts BATCH) */
const STAGED = 128;
/** ... and parents per batch at most */
const STAGED_PARENTS = 256;
/** Int32s per staged lookup: parent, action, combo, rank among the parent's emissions, tag (the first hash) */
const STAGE_META = 5;

/**
 * Staged lookups (RunLimits.staged): the successors of a few parents,
 * encoded and hashed as they are emitted, wait here; then the slots they
 * start from are read in one short loop, whose reads of memory the
 * processor overlaps, and the lookups are made in the order emitted, which
 * finds what they would have found one by one (explore.ts stages the
 * sequential engine's lookups the same way).
 */
class Staging {
  n = 0;
  readonly meta = new Int32Array(STAGED * STAGE_META);
  readonly words: Uint32Array;
  constructor(W: number) {
    this.words = new Uint32Array(STAGED * W);
  }
  /** the successor whose words are at j (j = n) is staged */
  keep(j: number, parent: number, action: number, combo: number, rank: number, tag: number): void {
    const e = j * STAGE_META;
    const m = this.meta;
    m[e] = parent;
    m[e + 1] = action;
    m[e + 2] = combo;
    m[e + 3] = rank;
    m[e + 4] = tag;
    this.n = j + 1;
  }
}

/** the first parent of range k of [from, to) cut in K ranges */
export function cutOf(from: number, to: number, K: number, k: number): number {
  return from + Math.floor(((to - from) * k) / K);
}

/** the range of `cut` that parent p is in */
export function rangeOf(cut: LevelCut, p: number): number {
  const { from, to, K } = cut;
  let k = Math.min(K - 1, Math.floor(((p - from) * K) / (to - from)));
  while (k + 1 < K && cutOf(from, to, K, k + 1) <= p) k++;
  while (k > 0 && cutOf(from, to, K, k) > p) k--;
  return k;
}

/**
 * A thread's lowerings in a level: per range of the level, a list (through
 * `next`) of the owners it took over whose parents are in that range, with
 * their slots. Each names the one candidate that lost: that owner's, of that
 * slot (a parent makes at most one candidate of a slot). The merge marks
 * those candidates lost from these lists, range by range (winners.ts),
 * without reading the table: reading the slot of every candidate of a lowered
 * slot missed the caches, 17·10^6 reads of 5.5·10^7 candidates on one thread
 * of Counters K=100, and made the merge 4.0-4.5 s of a 29 s run.
 */
export interface Lowerings {
  /** triples: owner, slot, the range's previous entry (-1: none) */
  e: Int32Array;
  n: number;
  /** per range, its last entry (-1: none) */
  head: Int32Array;
}

export function newLowerings(): Lowerings {
  return { e: new Int32Array(new SharedArrayBuffer(4 * 3 * 1024)), n: 0, head: new Int32Array(new SharedArrayBuffer(4 * 64)).fill(-1) };
}

/** the lowering of slot's owner `owner`, a parent in range k */
export function lowering(l: Lowerings, k: number, owner: number, slot: number): void {
  if (3 * (l.n + 1) > l.e.length) {
    const b = new Int32Array(new SharedArrayBuffer(l.e.byteLength * 2));
    b.set(l.e.subarray(0, 3 * l.n));
    l.e = b;
  }
  if (k >= l.head.length) {
    const h = new Int32Array(new SharedArrayBuffer(4 * Math.max(2 * l.head.length, k + 1))).fill(-1);
    h.set(l.head);
    l.head = h;
  }
  const x = 3 * l.n;
  l.e[x] = owner;
  l.e[x + 1] = slot;
  l.e[x + 2] = l.head[k];
  l.head[k] = l.n++;
}

/** what a message carries of a thread's lowerings (views are rebuilt on the other side: lowsOf) */
export interface SentLowerings {
  e: SharedArrayBuffer;
  n: number;
  head: SharedArrayBuffer;
}

export function sentLows(l: Lowerings): SentLowerings {
  return { e: l.e.buffer as SharedArrayBuffer, n: l.n, head: l.head.buffer as SharedArrayBuffer };
}

export function lowsOf(s: SentLowerings): Lowerings {
  return { e: new Int32Array(s.e), n: s.n, head: new Int32Array(s.head) };
}

/**
 * The candidates of range k that have lost their state, by every thread's
 * lowerings: the merge knows each range's winners before it places them
 * (winners.ts).
 */
export function lostIn(lows: Lowerings[], k: number): number {
  let n = 0;
  for (const l of lows) for (let x = k < l.head.length ? l.head[k] : -1; x >= 0; x = l.e[3 * x + 2]) n++;
  return n;
}

export interface Layout {
  /** words per packed state */
  W: number;
  /** 32-bit words per invariant mask */
  MW: number;
  /**
   * Int32s per candidate record: HEAD, violated mask, threw mask, then at WAT the W words for a
   * table that keeps them in its slots, else the ref that leads to them (table.ts)
   */
  R: number;
  WAT: number;
  /** the table keeps the words in its slots */
  inline: boolean;
  actions: number;
  invariants: number;
}

/** the records' layout for m's states, in a table that keeps the words in its slots (`inline`) or not */
export function layoutOf(m: CompiledChecker, inline: boolean): Layout {
  const MW = Math.ceil(m.META.invariants.length / 32);
  const WAT = HEAD + 2 * MW;
  return { W: m.WORDS, MW, R: WAT + (inline ? m.WORDS : 1), WAT, inline, actions: m.META.actions.length, invariants: m.META.invariants.length };
}

/** An error crossing threads: enough to rebuild what the sequential engine would have caught. */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  /** an EvalError of the runtime (located by api.ts) */
  evalError: boolean;
}

export function sendable(e: unknown): SentError {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack, evalError: e instanceof EvalError };
  return { name: 'Error', message: String(e), evalError: false };
}

export function rebuilt(e: SentError): Error {
  const err = e.evalError ? new EvalError(e.message) : new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

/** Why a range stopped: done, paused (its table budget is spent), timeout, or an evaluation error. */
export interface Stop {
  reason: 'done' | 'pause' | 'timeout' | 'error';
  /** the first parent not completely expanded (the range's end when done) */
  at: number;
  /**
   * reason 'error': where (the sequential engine's EvaluationFailure) and what;
   * `where` null for an error outside a step or invariant; `record` the candidate whose invariant threw
   */
  error?: { cause: SentError; where: { action: number } | { invariant: number } | null; record: number };
}

export interface RunLimits {
  /** invariants violated before the level (not evaluated), one bit each */
  violated: Int32Array;
  deadlockCheck: boolean;
  timeoutAt: number;
  /** the level's ranges */
  cut: LevelCut;
  /** pause before the next parent once `total` reaches this */
  budget: number;
  /** the table (or this thread's fresh region) would be too full past this: fail rather than loop forever */
  hard: number;
  /**
   * For tests: only these bits of the hash make the tag (and the home slot),
   * so that many distinct states share one and only their words tell them apart.
   */
  tagMask?: number;
  /**
   * stage the lookups (Staging), the invariants then evaluated on the words
   * (a module without invariantOfWords looks up one by one)
   */
  staged: boolean;
}

/**
 * The limits and the words' places as run() takes them: objects of one shape,
 * made here. Made where they are used (object spreads, messages), their
 * shapes differed from level to level, and each new one threw run()'s
 * optimized code away ('wrong map'): on the shmem spec at PAGES=3 THREADS=3,
 * two workers, run() was compiled 29 times in a run (733 ms of compilation,
 * which on two cores takes time from the two exploring threads), now 12
 * (308 ms).
 */
export function limitsOf(l: RunLimits): RunLimits {
  return { violated: l.violated, deadlockCheck: l.deadlockCheck, timeoutAt: l.timeoutAt, cut: l.cut, budget: l.budget, hard: l.hard, tagMask: l.tagMask ?? -1, staged: l.staged };
}
export function wordsAt(w: StateWords): StateWords {
  return { W: w.W, arena: w.arena, fresh: w.fresh, arenaN: w.arenaN, locs: w.locs };
}

/**
 * A thread's fresh region that holds `states` entries of E Int32s (a state's mark and words:
 * table.ts), the first `keep` of `old` in it:
 * `old` itself when it has the room, else a view of its buffer grown in place (arena.ts), which no
 * thread must be reading meanwhile. Growable, as the arena: V8 maps its pages itself, in small
 * pages, whose first write costs this kind of machine less than a huge page's (links.ts Column);
 * in huge pages (a buffer reserved as the table's) the regions of PAGES=3 THREADS=3 took 2.8 s of
 * system time in a run of 7 s.
 */
export function regionFor(old: Uint32Array | undefined, states: number, E: number, keep: number): Uint32Array {
  const words = Math.max(1, states) * E;
  if (old && old.length >= words) return old;
  if (!old) return wordsOf(growableBuffer(4 * words, REGION));
  let cap = Math.max(E, old.length);
  while (cap < words) cap *= 2;
  return grownView(old as Uint32Array<SharedArrayBuffer>, cap, keep * E, REGION);
}

const LOC_MASK = (1 << COLUMN_SHIFT) - 1;

/** what the shared buffers past 4 GiB would hold (arena.ts growableBuffer's error) */
const REGION = "region of a thread's states";
const RECORDS = "candidate records of a thread's level";

/**
 * A fixed-length view of a records' buffer, grown in place (arena.ts): a
 * view that tracks a growable buffer's length is read on a slower path.
 */
export function recordsOf(sab: SharedArrayBuffer): Int32Array {
  return new Int32Array(sab, 0, sab.byteLength >>> 2);
}

/** thrown through the module's successors() to stop at an invariant that threw */
class InvariantThrew {}
class TableFull {}

export class Expander {
  readonly lay: Layout;
  cand: Int32Array;
  /**
   * the states this thread added to the table, as [mark, words] entries (its fresh region,
   * table.ts; a table that keeps the words in its slots writes none)
   */
  fresh: Uint32Array;
  /** states in `fresh` (of every level so far: a region is only ever appended to) */
  freshN = 0;
  /** freshN when the level started */
  private freshBase = 0;
  /** which region is this thread's, of how many */
  region = 0;
  regions = 1;
  /** records in the buffer (every range of the level so far) */
  n = 0;
  /** the current range's first record */
  base = 0;
  /** per action: successors generated in this range so far */
  readonly gen: Float64Array;
  /** gen at every CHECKPOINT-th parent of the range, flattened */
  checkpoints: number[] = [];
  /** the first parent without successors that has not terminated, or -1 */
  deadlock = -1;
  /** fingerprints this range added to the table */
  inserted = 0;
  /** fingerprints all ranges of the level added (what the table budget counts) */
  total = 0;
  /** the level's lowerings by this thread (Lowerings): each names the candidate that lost */
  lows = newLowerings();
  /** parents and successors of the level's earlier ranges (for progress) */
  private parentsBefore = 0;
  private genBefore = 0;
  /** invariant errors of the last record (when the range stopped on one) */
  invErrors: { record: number; k: number; cause: SentError }[] = [];
  from = 0;
  to = 0;
  private readonly scratch: Uint32Array;
  /**
   * States this thread looked up lately, direct-mapped by their second hash
   * (the words, then 1 when the entry is set). A thread expands its parents
   * in increasing order (its ranges come from a counter, levels follow one
   * another), and a state's owner only ever goes down: once this thread has
   * claimed a state from parent p, the owner is at most p, so claim() from
   * any later parent answers -1. A successor found here gets that answer
   * without reading the shared table or the arena; neighbouring parents meet
   * the same states (two steps taken in either order).
   */
  private readonly recent: Uint32Array;
  private readonly fp = new Uint32Array(2);
  /** the owner a lowering took over (claim) */
  private readonly prev = new Int32Array(2);
  private readonly staging: Staging;
  /** what touchHomes read (kept, so that the reads are not left out) */
  private sink = 0;
  /** the parent of the candidate whose invariant threw */
  private threwAt = 0;
  private readonly canon: ((n: unknown[], w: Uint32Array, o: number) => void) | undefined;

  /**
   * `alone`: no other thread uses the table meanwhile (plain loads and stores suffice);
   * `reduced`: states are filed under their orbit's representative (symmetry-use.ts decides)
   */
  constructor(private readonly m: CompiledChecker, private readonly alone: boolean, reduced: boolean, inline: boolean) {
    this.lay = layoutOf(m, inline);
    this.cand = recordsOf(growableBuffer(4 * this.lay.R * 1024, RECORDS));
    // (a region of the pool's replaces it before a state is written: parallel.ts, worker.ts)
    this.fresh = new Uint32Array(0);
    this.gen = new Float64Array(this.lay.actions);
    this.scratch = new Uint32Array(m.WORDS);
    this.recent = new Uint32Array((RECENT_MASK + 1) * (m.WORDS + 1));
    this.staging = new Staging(m.WORDS);
    // symmetry reduction, when the run uses it: states are stored canonical
    this.canon = reduced ? m.encodeCanonical?.bind(m) : undefined;
  }

  /** a new level: the buffer is empty; the fresh region holds `freshFrom` states of the earlier levels */
  reset(freshFrom = 0): void {
    this.n = 0;
    this.lows.n = 0;
    this.lows.head.fill(-1);
    this.freshN = this.freshBase = freshFrom;
    this.total = 0;
    this.parentsBefore = 0;
    this.genBefore = 0;
    this.from = this.to = 0;
  }

  /** start a new range [from, to); its records follow the previous range's */
  begin(from: number, to: number): void {
    this.base = this.n;
    this.parentsBefore += this.to - this.from;
    this.genBefore += this.gen.reduce((a, b) => a + b, 0);
    this.gen.fill(0);
    this.checkpoints = [];
    this.deadlock = -1;
    this.inserted = 0;
    this.invErrors = [];
    this.from = from;
    this.to = to;
  }

  private room(): void {
    this.cand = recordsOf(grownView(wordsOf(this.cand.buffer as SharedArrayBuffer), 2 * this.cand.length, this.n * this.lay.R, RECORDS).buffer);
  }

  /** the main thread alone: its fresh region grows (no other thread reads it meanwhile) */
  private freshRoom(at: StateWords): void {
    const b = regionFor(this.fresh, 2 * (this.freshN + 1), this.lay.W + ENTRY_HEAD, this.freshN);
    this.fresh = b;
    at.fresh[this.region] = b;
  }

  /**
   * expand parents p0 .. to-1 (p0 = from, or where a pause stopped); `at` has
   * the arena and every thread's fresh region, this thread's at `region`
   */
  run(at: StateWords, t: SharedTable, p0: number, lim: RunLimits, progress?: Float64Array): Stop {
    const { arena, arenaN, locs, fresh } = at;
    const { m, lay, gen } = this;
    const { W, MW, R, WAT, invariants } = lay;
    if (t.inline !== lay.inline) throw new Error(`internal error: records laid out for a table ${lay.inline ? 'with' : 'without'} the words in its slots`);
    const E = W + ENTRY_HEAD;
    if (!this.alone && !t.inline && this.fresh.length < (this.freshBase + lim.hard) * E) throw new Error(`internal error: a fresh region of ${this.fresh.length / E} states, ${this.freshBase} of them used, for a limit of ${lim.hard}`);
    const INV = m.INVARIANTS;
    const onWords = m.invariantOfWords?.bind(m);
    const vio = lim.violated;
    const scratch = this.scratch;
    const fpo = this.fp;
    const canon = this.canon;
    const recent = this.recent;
    const insert = this.alone ? claimAlone : claim;
    const tagMask = lim.tagMask ?? -1;
    const alone = this.alone;
    const { cut } = lim;
    const prev = this.prev;
    const { region, regions } = this;
    // staged lookups (see Staging): the invariants are then evaluated on the words
    const staging = lim.staged && (onWords !== undefined || invariants === 0) ? this.staging : null;
    let p = p0;
    let any = false;
    let ord = 0;
    let cur = -1;
    let s: unknown[] = [];
    /**
     * The lookup of the successor whose words are w[o .. o+W) (its tag from
     * `tag`), found from parent `from` as its `rank`-th emission, and its
     * candidate record when it is one (n: its value, or null to evaluate the
     * invariants on its words). Throws InvariantThrew (with threwAt set) or
     * TableFull.
     */
    const file = (from: number, action: number, combo: number, rank: number, tag: number, w: Uint32Array, o: number, n: unknown[] | null) => {
      // (a table that keeps the words in its slots writes no region)
      if (alone && !t.inline && (this.freshN + 1) * E > this.fresh.length) this.freshRoom(at);
      if (w !== scratch) for (let j = 0; j < W; j++) scratch[j] = w[o + j];
      const nr = freshRef(this.freshN, region, regions);
      const r = insert(t, tagOf(tag & tagMask), scratch, from, at, nr, this.fresh, this.freshN, prev);
      if (r === -1) return;
      let slot = r;
      // where the state's words are (a table whose slots lead to them): the winner's place (winners.ts)
      let ref = nr;
      if (r >= 0) {
        this.freshN++;
        this.inserted++;
        this.total++;
      } else {
        slot = -2 - r;
        ref = prev[1];
        // the candidate of the owner taken over has lost
        lowering(this.lows, rangeOf(cut, prev[0]), prev[0], slot);
      }
      if ((this.n + 1) * R > this.cand.length) this.room();
      const oc = this.n * R;
      const c = this.cand;
      c[oc] = from;
      c[oc + 1] = action;
      c[oc + 2] = combo;
      c[oc + 3] = rank;
      c[oc + 4] = slot;
      let threw = false;
      for (let v = 0; v < MW; v++) {
        let bad = 0;
        let err = 0;
        for (let b = 0; b < 32; b++) {
          const k = v * 32 + b;
          if (k >= invariants) break;
          if (vio[v] & (1 << b)) continue;
          try {
            if (!(n === null ? onWords!(k, scratch, 0) : INV[k](n))) bad |= 1 << b;
          } catch (e) {
            err |= 1 << b;
            this.invErrors.push({ record: this.n - this.base, k, cause: sendable(e) });
          }
        }
        c[oc + HEAD + v] = bad;
        c[oc + HEAD + MW + v] = err;
        if (err) threw = true;
      }
      if (t.inline) for (let j = 0; j < W; j++) c[oc + WAT + j] = scratch[j];
      else c[oc + WAT] = ref;
      this.n++;
      if (threw) {
        this.threwAt = from;
        throw new InvariantThrew();
      }
      if (this.total >= lim.hard) throw new TableFull();
    };
    /** the successor's words into `w` at `o` (the representative's, under symmetry); false when it was met lately (recent) */
    const encoded = (n: unknown[], w: Uint32Array, o: number): boolean => {
      if (canon) canon(n, w, o);
      else m.encode(n, w, o);
      fingerprint(w, o, W, fpo);
      const rb = (fpo[1] & RECENT_MASK) * (W + 1);
      if (recent[rb + W] === 1) {
        let j = 0;
        while (j < W && recent[rb + j] === w[o + j]) j++;
        if (j === W) return false;
      }
      // (known from now on: a later lookup of it, from this parent or a later one, answers -1 anyway)
      for (let j = 0; j < W; j++) recent[rb + j] = w[o + j];
      recent[rb + W] = 1;
      return true;
    };
    const emit = staging
      ? (action: number, combo: number, n: unknown[]) => {
          any = true;
          ord++;
          gen[action]++;
          if (n === s) return;
          cur = action;
          const j = staging.n;
          if (encoded(n, staging.words, j * W)) {
            staging.keep(j, p, action, combo, ord - 1, fpo[0]);
            if (staging.n === STAGED) settle();
          }
          cur = -1;
        }
      : (action: number, combo: number, n: unknown[]) => {
          any = true;
          ord++;
          gen[action]++;
          // the parent itself (a step that changed nothing): in the table since an earlier level
          if (n === s) return;
          cur = action;
          if (encoded(n, scratch, 0)) file(p, action, combo, ord - 1, fpo[0], scratch, 0, n);
          cur = -1;
        };
    /** the staged lookups, in the order staged: their slots read first, all in one loop (touchHomes) */
    const settle = () => {
      const st = staging!;
      const k = st.n;
      st.n = 0;
      this.sink ^= touchHomes(t, st.meta, STAGE_META, 4, k, tagMask, at);
      const { meta, words } = st;
      for (let j = 0; j < k; j++) {
        const e = j * STAGE_META;
        file(meta[e], meta[e + 1], meta[e + 2], meta[e + 3], meta[e + 4], words, j * W, null);
      }
    };
    /** why the range stops at parent p on error e (thrown by the steps, or by file) */
    const failed = (e: unknown): Stop => {
      if (e instanceof InvariantThrew) {
        const last = this.invErrors[0];
        return { reason: 'error', at: this.threwAt, error: { cause: last.cause, where: { invariant: last.k }, record: this.n - 1 - this.base } };
      }
      if (e instanceof TableFull) throw new Error(`the shared state table is too full to go on (a state with ${ord} successors, more than the room left in the table or in the thread's region for new states): an internal limit of the parallel engine; use --workers 1`);
      const tagged = (e as { actionIndex?: number } | null)?.actionIndex;
      return { reason: 'error', at: p, error: { cause: sendable(e), where: { action: cur >= 0 ? cur : tagged ?? -1 }, record: -1 } };
    };
    /** the staged lookups settled, or why the range stops there */
    const settled = (): Stop | null => {
      if (!staging || staging.n === 0) return null;
      try {
        settle();
        return null;
      } catch (e) {
        return failed(e);
      }
    };
    let batchFrom = p;
    for (; p < this.to; p++) {
      const rel = p - this.from;
      if ((rel & 1023) === 0 && rel > 0) {
        if (Date.now() > lim.timeoutAt) return settled() ?? { reason: 'timeout', at: p };
        if (progress) {
          progress[0] = this.parentsBefore + rel;
          progress[1] = this.total;
          progress[2] = this.genBefore + gen.reduce((a, b) => a + b, 0);
        }
      }
      // (staged lookups are settled before the table's room is counted, and every STAGED_PARENTS parents)
      if (staging && staging.n > 0 && (this.total + staging.n >= lim.budget || p - batchFrom >= STAGED_PARENTS)) {
        const stop = settled();
        if (stop) return stop;
        batchFrom = p;
      }
      if (this.total >= lim.budget) return { reason: 'pause', at: p };
      if (rel % CHECKPOINT === 0) for (let a = 0; a < gen.length; a++) this.checkpoints.push(gen[a]);
      any = false;
      ord = 0;
      cur = -1;
      try {
        // (a state found after the hand-over, in a table whose slots lead to the words: in a region)
        let src = arena;
        let so = p * W;
        if (p >= arenaN) {
          const ref = locs!.chunks[(p >>> COLUMN_SHIFT) - locs!.first][p & LOC_MASK];
          src = fresh[regionOf(ref, fresh.length)];
          so = entryOf(ref, fresh.length, W) + ENTRY_HEAD;
        }
        s = m.expandOf ? m.expandOf(src, so) : m.decode(src, so);
        m.successors(s, emit);
      } catch (e) {
        // (what was staged before comes first: a lookup of it may stop the range earlier)
        if (!(e instanceof InvariantThrew) && !(e instanceof TableFull)) {
          const stop = settled();
          if (stop) return stop;
        }
        return failed(e);
      }
      if (!any && lim.deadlockCheck && this.deadlock < 0) {
        let ended: boolean;
        try {
          ended = m.terminated(s);
        } catch (e) {
          return settled() ?? { reason: 'error', at: p, error: { cause: sendable(e), where: null, record: -1 } };
        }
        if (!ended) this.deadlock = p;
      }
    }
    const stop = settled();
    if (stop) return stop;
    if (progress) {
      progress[0] = this.parentsBefore + this.to - this.from;
      progress[1] = this.total;
      progress[2] = this.genBefore + gen.reduce((a, b) => a + b, 0);
    }
    return { reason: 'done', at: this.to };
  }
}

/** what a range answered: its records are base .. base+n-1 of the thread's buffer */
export interface Segment {
  k: number;
  stop: Stop;
  base: number;
  n: number;
  gen: number[];
  checkpoints: number[];
  deadlock: number;
  inserted: number;
  invErrors: { record: number; k: number; cause: SentError }[];
}

/** a level cut into K ranges of parents [from, to) */
export interface LevelCut {
  from: number;
  to: number;
  K: number;
}

/** the range that paused on a full table, and where */
export interface Paused {
  k: number;
  at: number;
}

function segment(e: Expander, k: number, stop: Stop): Segment {
  return { k, stop, base: e.base, n: e.n - e.base, gen: Array.from(e.gen), checkpoints: e.checkpoints, deadlock: e.deadlock, inserted: e.inserted, invErrors: e.invErrors };
}

/** ctrl[READY]: the workers that have loaded the module (or failed to: they answer the next message with why) */
export const READY = 3;

/** ctrl[GROW_PART]: the next part of a growing table to re-file (table.ts takeParts) */
export const GROW_PART = 4;

/** ctrl[MAILBOX + w]: the messages posted to worker w so far (parallel.ts send, worker.ts) */
export const MAILBOX = 5;

/**
 * How long a thread that waits for another polls shared memory before it
 * sleeps: waking a sleeping thread took this virtual machine a few tenths of
 * a millisecond, and a level costs two such waits on each side
 * (parallel.ts send, collect).
 */
export const SPIN_MS = 2;

/** poll ctrl[i] for up to `ms` until it reaches `least` (the caller sleeps on it after, if it has not) */
export function pollFor(ctrl: Int32Array, i: number, least: number, ms: number): void {
  const until = performance.now() + ms;
  while (Atomics.load(ctrl, i) < least && performance.now() < until);
}

/**
 * One thread's share of a level, worker or main thread alike: run the paused
 * range (if any) to its end, then take ranges from the shared counter
 * ctrl[2] in order until none is left or one stops early (a thread that
 * finds more new states takes fewer ranges). `between` runs after each range.
 */
export function work(e: Expander, at: StateWords, table: SharedTable, limits: RunLimits, cut: LevelCut, ctrl: Int32Array, paused: Paused | undefined, progress?: Float64Array, between?: () => void): { segs: Segment[]; paused?: Paused } {
  const segs: Segment[] = [];
  const words = wordsAt(at);
  const lim = limitsOf(limits);
  if (paused) {
    const stop = e.run(words, table, paused.at, lim, progress);
    segs.push(segment(e, paused.k, stop));
    if (stop.reason === 'pause') return { segs, paused: { k: paused.k, at: stop.at } };
    if (stop.reason !== 'done') return { segs };
  }
  for (;;) {
    const k = Atomics.add(ctrl, 2, 1);
    if (k >= cut.K) return { segs };
    const a = cutOf(cut.from, cut.to, cut.K, k);
    e.begin(a, cutOf(cut.from, cut.to, cut.K, k + 1));
    const stop = e.run(words, table, a, lim, progress);
    segs.push(segment(e, k, stop));
    if (stop.reason === 'pause') return { segs, paused: { k, at: stop.at } };
    if (stop.reason !== 'done') return { segs };
    between?.();
  }
}

