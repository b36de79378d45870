"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BATCH_PARENTS = exports.EvaluationFailure = void 0;
exports.traceOf = traceOf;
exports.resultOf = resultOf;
exports.explore = explore;
const result_1 = require("./result");
const step_1 = require("../runtime/step");
const liveness_1 = require("./liveness");
const grow_1 = require("./grow");
const replay_1 = require("./replay");
const links_1 = require("./links");
/**
 * A failure while evaluating the spec: in a step (`action` its index, -1 for
 * init) or in an invariant (`invariant` its index). `cause` is what the
 * engine caught.
 */
class EvaluationFailure extends Error {
    cause;
    where;
    constructor(cause, where) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
        this.where = where;
    }
}
exports.EvaluationFailure = EvaluationFailure;
/** staged lookups per batch (explore's settle): enough to overlap the reads of memory, few enough that what they read stays in the processor's cache */
const BATCH = 128;
/**
 * parents per batch at most: a stop in a batch expands its parents again, and
 * a store that frees the states the scan has passed keeps that many (the
 * fingerprint-only frontier keeps one chunk back, 4,096 states)
 */
exports.BATCH_PARENTS = 1024;
/**
 * The trace to state `i` by its parent links (explore() and the parallel
 * engine): the stored states along the path (`get`), or, when the store keeps
 * representatives or no states, a concrete behaviour replayed along it.
 */
function traceOf(m, links, i, states) {
    const idx = [];
    for (let j = i; j >= 0; j = links.parent(j))
        idx.push(j);
    idx.reverse();
    if ('replay' in states) {
        // the steps of the path's states only (sparse: the links may be on disk)
        const via = [];
        const viaCombo = [];
        for (const j of idx) {
            via[j] = links.action(j);
            viaCombo[j] = links.combo(j);
        }
        return (0, replay_1.replayTrace)(states.replay, idx, via, viaCombo);
    }
    return idx.map((j) => {
        const state = m.toJSON(states.get(j));
        if (links.action(j) < 0)
            return { action: result_1.INIT_ACTION, step: null, state };
        const step = m.stepOf(links.action(j), links.combo(j));
        return { action: (0, step_1.stepText)(step), step, state };
    });
}
/** The result of an exploration that ended (stopped early when `stopped`); shared with the parallel engine. */
function resultOf(m, e, stopped) {
    const { violations } = e;
    const result = violations.length
        ? violations[0].property === 'Deadlock' ? 'deadlock' : 'violation'
        : stopped ? 'limit' : 'ok';
    const r = {
        spec: m.spec,
        constants: m.constants,
        result,
        complete: stopped === null,
        statesGenerated: e.generated,
        distinctStates: e.count,
        depth: e.depth,
        queueLeft: e.queueLeft,
        durationMs: Date.now() - e.t0,
        violations,
        properties: [],
        coverage: e.coverage,
        engine: m.engine,
        ...(m.symmetry ? { symmetry: m.symmetry } : {}),
    };
    // several per property: grouped by property, in the order the properties were first violated
    if (e.wanted > 1) {
        const order = [...new Set(violations.map((v) => v.property))];
        r.violations = order.flatMap((p) => violations.filter((v) => v.property === p));
    }
    if (stopped && stopped !== 'first-violation')
        r.limit = stopped;
    if (stopped)
        r.stoppedBy = stopped;
    r.properties = (0, result_1.propertyVerdicts)(r, m.invariants, e.deadlockCheck, e.liveNames);
    return r;
}
/**
 * `atLevel`: called at each level boundary after the first level; a result it
 * returns (the run finished by another engine) is the exploration's result.
 */
function explore(m, opts = {}, atLevel) {
    try {
        return exploreStore(m, opts, atLevel);
    }
    finally {
        m.store.close?.();
    }
}
function exploreStore(m, opts, atLevel) {
    const t0 = Date.now();
    // per state: its parent's index, and the action (-1 for initial states) and combo that produced it
    const links = m.store.links ?? new links_1.MemoryLinks();
    const coverage = m.actions.map((action) => ({ action, generated: 0, distinct: 0 }));
    let count = 0;
    let generated = 0;
    let depth = 0;
    const deadlockCheck = opts.deadlock !== false;
    const timeoutAt = opts.timeout ? (opts.startedAt ?? t0) + opts.timeout * 1000 : Infinity;
    let lastProgress = Date.now();
    const progressEvery = opts.progressIntervalMs ?? 3000;
    // With stopAtFirst false (TLC's -continue) the first violation of each
    // property is kept and exploration goes on; breadth first, that first one
    // is a shortest counterexample.
    const stopAtFirst = opts.stopAtFirst !== false;
    const violations = [];
    // violated[k]: invariant k has all its counterexamples and is not evaluated any more
    const violated = new Array(m.invariants.length).fill(false);
    let deadlocked = false;
    // --counterexamples N: up to `wanted` per property. A state whose path
    // already violates invariant k (its parent is in tainted[k]) is not another
    // counterexample of k, only a longer one: it is tainted too, not evaluated.
    const wanted = Math.max(1, opts.counterexamples ?? 1);
    const found = new Array(m.invariants.length).fill(0);
    const tainted = wanted > 1 ? m.invariants.map(() => new Set()) : null;
    if (tainted && m.store.mode === 'fingerprint-only')
        throw new Error('--counterexamples N > 1 needs the states of each path in memory; it cannot be combined with --fingerprint-only');
    let deadlocks = 0;
    let full = false; // a property has `wanted` counterexamples (what stopAtFirst waits for)
    const trace = (i) => traceOf(m, links, i, m.store.tracesByReplay ? { replay: m } : { get: (j) => m.store.get(j) });
    const done = (stopped, queueLeft) => {
        const r = resultOf(m, { t0, generated, count, depth, queueLeft, violations, coverage, wanted, deadlockCheck, liveNames }, stopped);
        const memory = memoryOf(m.store, links, count, generated);
        if (memory)
            r.memory = memory;
        if (liveSkipped) {
            const reason = 'not checked: --fingerprint-only keeps no states, and the liveness check needs every state and edge (run without it)';
            r.properties = r.properties.map((p) => (liveNames.includes(p.name) && p.status !== 'violated' ? { name: p.name, status: 'unknown', reason } : p));
        }
        return r;
    };
    const liveNames = m.liveness?.props.map((p) => p.name) ?? [];
    // With liveness properties, the graph's edges are kept as they are met (liveness.ts
    // needs every edge, with its step): edgeOff[head] is where a state's edges start.
    // the liveness check needs every state and edge in memory: a store that keeps
    // its links elsewhere (fingerprint-only) leaves the liveness properties unknown
    const liveSkipped = !!m.liveness && m.liveness.props.length > 0 && !(links instanceof links_1.MemoryLinks);
    const liveNeeded = !!m.liveness && m.liveness.props.length > 0 && !liveSkipped;
    const edgeOff = new grow_1.Grow(liveNeeded ? 1024 : 1);
    const edgeDst = new grow_1.Grow(liveNeeded ? 1024 : 1);
    const edgeAct = new grow_1.Grow(liveNeeded ? 1024 : 1);
    const edgeCombo = new grow_1.Grow(liveNeeded ? 1024 : 1);
    const add = (n, from, action, combo) => {
        generated++;
        const i = m.store.add(n);
        if (liveNeeded && from >= 0) {
            edgeDst.push(i >= 0 ? i : ~i);
            edgeAct.push(action);
            edgeCombo.push(combo);
        }
        if (i < 0)
            return -1;
        links.push(from, action, combo);
        count++;
        return i;
    };
    /** the violations of the invariants in mask `bad` by new state i, as checkInvariants reports them */
    const reportInvariants = (bad, i) => {
        for (let k = 0; bad !== 0 && k < violated.length; k++) {
            if (violated[k] || (bad & (1 << k)) === 0)
                continue;
            violations.push({ property: m.invariants[k], trace: trace(i) });
            if (++found[k] < wanted)
                continue;
            violated[k] = true;
            full = true;
            if (stopAtFirst)
                return;
        }
    };
    /**
     * check the invariants not yet violated (all of them: a state may violate several) in
     * s, or with s null in the state the store filed last, on its words (invariantOfWords)
     */
    const checkInvariants = (s, i, from) => {
        for (let k = 0; k < violated.length; k++) {
            if (violated[k])
                continue;
            if (tainted && from >= 0 && tainted[k].has(from)) {
                tainted[k].add(i);
                continue;
            }
            let ok;
            try {
                ok = s === null ? m.invariantOfWords(k, st.words, 0) : m.invariant(k, s);
            }
            catch (err) {
                throw new EvaluationFailure(err, { invariant: k });
            }
            if (!ok) {
                violations.push({ property: m.invariants[k], trace: trace(i) });
                tainted?.[k].add(i);
                if (++found[k] < wanted)
                    continue;
                violated[k] = true;
                full = true;
                if (tainted)
                    tainted[k].clear();
                if (stopAtFirst)
                    return;
            }
        }
    };
    const stop = () => stopAtFirst && full;
    // Lookups in batches (StateStore.stage): the successors of a few parents of
    // a level are staged, then their lookups and all that follows from them
    // (links, invariants, deadlocks) are settled in the order they were
    // emitted, so the result is the one-by-one path's below. A run that needs a
    // successor's fate before the next one is emitted goes one by one: the
    // liveness graph, --counterexamples N.
    const st = m.store;
    /** state i, to pass to successors() */
    const expandAt = (i) => (st.expand ? st.expand(i) : st.get(i));
    // the invariants of a new state, on the words it was filed under when the space can (else
    // on the values, as it is staged: the module reuses what it emits; a mask of 32 at most)
    const onWords = m.invariantOfWords !== undefined;
    const batching = st.stage !== undefined && !liveNeeded && !tainted && (onWords || m.invariants.length <= 32);
    // per staged successor, and per parent to report as deadlocked, REC Int32s: its parent, its
    // place among the parent's emitted successors (-1: the deadlock), action, combo, the invariants it violates
    const REC = 5;
    let log = new Int32Array(batching ? REC * 1024 : 0);
    let logN = 0;
    let staged = 0;
    let batchFrom = 0; // the batch's first parent
    let level = 0; // BFS level of the state at `head` (initial states: 0)
    let stagingFrom = 0;
    let place = 0;
    let expanding;
    const record = (from, at, action, combo, bad) => {
        if (logN + REC > log.length) {
            const more = new Int32Array(log.length * 2);
            more.set(log);
            log = more;
        }
        log[logN] = from;
        log[logN + 1] = at;
        log[logN + 2] = action;
        log[logN + 3] = combo;
        log[logN + 4] = bad;
        logN += REC;
    };
    // every emitted successor is counted as it is staged (a stop takes back the ones after it: uncount)
    const stageNext = (action, combo, n) => {
        const at = place++;
        generated++;
        coverage[action].generated++;
        if (n === expanding || st.stage(n) < 0)
            return;
        staged++;
        let bad = 0;
        if (!onWords)
            for (let k = 0; k < violated.length; k++)
                if (!violated[k] && !m.invariant(k, n))
                    bad |= 1 << k;
        record(stagingFrom, at, action, combo, bad);
    };
    /** take back the counts of the successors of `head` it emitted in places [keep, end) (a step that throws does so again) */
    const uncount = (head, keep, end = Infinity) => {
        let k = 0;
        const s = expandAt(head);
        try {
            m.successors(s, (action) => {
                if (k >= keep && k < end) {
                    generated--;
                    coverage[action].generated--;
                }
                k++;
            });
        }
        catch {
            // (where the staging stopped too)
        }
    };
    /** stage the successors of state `head`, s; false if a step or an invariant failed (and nothing of it is staged) */
    const stageParent = (head, s) => {
        const n0 = logN;
        const staged0 = staged;
        stagingFrom = head;
        place = 0;
        expanding = s;
        try {
            m.successors(s, stageNext);
        }
        catch {
            // the one-by-one path expands it again, and reports the failure as it does
            expanding = undefined;
            uncount(head, 0, place);
            logN = n0;
            st.unstage(staged0);
            staged = staged0;
            return false;
        }
        expanding = undefined;
        if (place === 0 && deadlockCheck && !m.terminated(s))
            record(head, -1, 0, 0, 0);
        return true;
    };
    /** settle the staged successors, in order, up to parent `last`: a result when the exploration stops there */
    const settle = (last) => {
        if (logN === 0) {
            batchFrom = last + 1;
            return undefined;
        }
        st.touch();
        let j = 0;
        try {
            for (let e = 0; e < logN; e += REC) {
                const from = log[e];
                const at = log[e + 1];
                if (at < 0) {
                    if (deadlocked)
                        continue;
                    violations.push({ property: 'Deadlock', trace: trace(from) });
                    if (++deadlocks < wanted)
                        continue;
                    deadlocked = true;
                    full = true;
                }
                else {
                    const i = st.commit(j++);
                    if (i < 0)
                        continue;
                    const action = log[e + 2];
                    links.push(from, action, log[e + 3]);
                    count++;
                    coverage[action].distinct++;
                    if (level + 2 > depth)
                        depth = level + 2;
                    if (onWords)
                        checkInvariants(null, i, from);
                    else
                        reportInvariants(log[e + 4], i);
                }
                if (stop()) {
                    uncount(from, at + 1);
                    for (let p = from + 1; p <= last; p++)
                        uncount(p, 0);
                    return done('first-violation', count - from - 1);
                }
            }
            return undefined;
        }
        finally {
            logN = 0;
            staged = 0;
            st.unstage();
            batchFrom = last + 1;
        }
    };
    try {
        m.init((n) => {
            if (stop())
                return;
            const i = add(n, -1, -1, 0);
            if (i >= 0)
                checkInvariants(n, i, -1);
        });
    }
    catch (err) {
        if (err instanceof EvaluationFailure)
            throw err;
        throw new EvaluationFailure(err, { action: -1 });
    }
    depth = count > 0 ? 1 : 0;
    if (stop())
        return done('first-violation', count);
    let levelEnd = count;
    let levelStart = 0;
    // (decided per level: nothing is staged across a level's end)
    const batchesNow = () => batching && st.batches !== false;
    let batchingNow = batchesNow();
    for (let head = 0; head < count; head++) {
        if (head === levelEnd) {
            level++;
            levelEnd = count;
            batchingNow = batchesNow();
            if (atLevel) {
                const r = atLevel({ head, count, level, previous: head - levelStart, generated, depth, coverage, violations, violated, deadlocked, links, t0 });
                if (r)
                    return r;
            }
            levelStart = head;
        }
        // states at depth max-depth are checked but not expanded
        if (opts.maxDepth !== undefined && level + 1 >= opts.maxDepth)
            return done('max-depth', count - head);
        if (opts.maxStates !== undefined) {
            // (the staged successors are at most as many new states: settled when they may reach the limit)
            if (count + staged >= opts.maxStates) {
                const r = settle(head - 1);
                if (r)
                    return r;
            }
            if (count >= opts.maxStates)
                return done('max-states', count - head);
        }
        if ((head & 1023) === 0) {
            const now = Date.now();
            if (now > timeoutAt)
                return settle(head - 1) ?? done('timeout', count - head);
            if (opts.progress && progressEvery > 0 && now - lastProgress >= progressEvery) {
                lastProgress = now;
                opts.progress({ distinct: count, queue: count - head, generated, statesPerSecond: Math.round((count * 1000) / Math.max(1, now - t0)), elapsedMs: now - t0 });
            }
        }
        let s = expandAt(head);
        if (batchingNow) {
            if (stageParent(head, s)) {
                // (a level's successors are all settled before the next level starts)
                if (staged >= BATCH || head + 1 === levelEnd || head + 1 - batchFrom >= exports.BATCH_PARENTS) {
                    const r = settle(head);
                    if (r)
                        return r;
                }
                continue;
            }
            const r = settle(head - 1);
            if (r)
                return r;
            // (a fresh expansion: the module's steps may have left state of their own behind)
            s = expandAt(head);
        }
        if (liveNeeded)
            edgeOff.push(edgeDst.n);
        let any = false;
        let current = -1;
        try {
            m.successors(s, (action, combo, n) => {
                any = true;
                if (stop())
                    return;
                if (n === s) {
                    // a step that changed nothing (generated modules emit the state itself): a
                    // self-loop to the state being expanded, which is stored already
                    generated++;
                    coverage[action].generated++;
                    if (liveNeeded) {
                        edgeDst.push(head);
                        edgeAct.push(action);
                        edgeCombo.push(combo);
                    }
                    return;
                }
                current = action;
                coverage[action].generated++;
                const i = add(n, head, action, combo);
                current = -1;
                if (i < 0)
                    return;
                coverage[action].distinct++;
                if (level + 2 > depth)
                    depth = level + 2;
                checkInvariants(n, i, head);
            });
        }
        catch (err) {
            if (err instanceof EvaluationFailure)
                throw err;
            // a step failed (generated modules tag the error with the failing action)
            const tagged = err?.actionIndex;
            throw new EvaluationFailure(err, { action: current >= 0 ? current : tagged ?? -1 });
        }
        if (stop())
            return done('first-violation', count - head - 1);
        if (!any && deadlockCheck && !deadlocked && !m.terminated(s)) {
            violations.push({ property: 'Deadlock', trace: trace(head) });
            if (++deadlocks >= wanted) {
                deadlocked = true;
                full = true;
                if (stopAtFirst)
                    return done('first-violation', count - head - 1);
            }
        }
    }
    if (liveNeeded) {
        // every liveness property is decided here, on the complete graph
        if (Date.now() > timeoutAt)
            return done('timeout', 0);
        edgeOff.push(edgeDst.n);
        violations.push(...(0, liveness_1.checkLiveness)({
            count,
            get: (i) => m.store.get(i),
            indexOf: (x) => m.store.indexOf(x),
            successors: (x, emit) => m.successors(x, emit),
            stepOf: (a, c) => m.stepOf(a, c),
            toJSON: (x) => m.toJSON(x),
            parent: links.parents.toArray(),
            via: links.actions.toArray(),
            viaCombo: links.combos.toArray(),
            edges: { off: edgeOff.a.subarray(0, count + 1), dst: edgeDst.a.subarray(0, edgeDst.n), action: edgeAct.a.subarray(0, edgeDst.n), combo: edgeCombo.a.subarray(0, edgeDst.n) },
        }, m.liveness));
    }
    return done(null, 0);
}
/**
 * What the store and the links hold per distinct state (a store that does
 * not measure itself, the interpreter's, gives none), and in fingerprint-only
 * mode TLC's optimistic estimate of the probability that two distinct states
 * had the same fingerprint: n·(g−n)/2^64 for n distinct of g generated.
 */
function memoryOf(store, links, distinct, generated) {
    if (store.bytes === undefined)
        return undefined;
    const bytes = Math.max(store.bytes, store.peakBytes ?? 0) + links.bytes;
    const mode = store.mode ?? 'exact';
    return {
        mode,
        bytes,
        bytesPerState: distinct > 0 ? Math.round((bytes / distinct) * 10) / 10 : 0,
        ...(store.diskBytes !== undefined ? { diskBytes: store.diskBytes } : {}),
        ...(mode === 'fingerprint-only' ? { collisionProbability: (distinct * Math.max(0, generated - distinct)) / 2 ** 64 } : {}),
    };
}
//# sourceMappingURL=explore.js.map