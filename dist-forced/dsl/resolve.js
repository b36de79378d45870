"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Resolver = void 0;
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const values_1 = require("../src/runtime/values");
const symbols_1 = require("./symbols");
const typecheck_1 = require("./typecheck");
/** Largest number of values a state variable may have: ordinals must stay exact in a double. */
/** A type's number of values for messages; every type is finite, so Infinity means a double overflowed. */
function countText(n) {
    return Number.isFinite(n) ? n.toExponential(2) : 'more than 1.8e+308';
}
const GLOBAL_KIND = {
    Const: 'const', Type: 'type', Union: 'type', Var: 'var', Action: 'action', Process: 'process',
    Invariant: 'invariant', Property: 'property', Def: 'def',
};
class Resolver {
    source;
    globals = new Map();
    constDecls = new Map();
    constants = new Map();
    failedConsts = new Set();
    typeDecls = new Map();
    tags = new Map();
    vars = [];
    varIndex = new Map();
    processes = [];
    procs = new Map();
    defs = new Map();
    typer;
    /**
     * `symmetric X` (dsl/symmetry.ts): the type aliases whose integer range is
     * marked `sym` when resolved, and the processes whose index range written in
     * place is, so that every value of X in a declared type is known as one.
     */
    symmetricAliases = new Set();
    symmetricProcesses = new Set();
    resolvedTypes = new Map();
    resolving = new Set();
    constructor(source) {
        this.source = source;
        this.typer = new typecheck_1.Typer(this);
    }
    fail(msg, args, span) {
        (0, symbols_1.fail)(this.source, msg, args, span);
    }
    // ---------- global names
    addGlobal(name, kind) {
        const prev = this.globals.get(name.name);
        if (prev)
            this.fail(messages_1.M.AlreadyDeclared, [name.name, (0, symbols_1.aKind)(prev.kind)], name.span);
        if (name.name === 'self' || name.name === 'Done')
            this.fail(messages_1.M.ReservedName, [name.name], name.span);
        this.globals.set(name.name, { kind, span: name.span });
    }
    declareGlobal(d) {
        const kind = GLOBAL_KIND[d.kind];
        if (!kind || d.kind === 'Assume' || d.kind === 'Init' || d.kind === 'Fairness' || d.kind === 'Symmetric')
            return;
        this.addGlobal(d.name, kind);
        if (d.kind === 'Const')
            this.constDecls.set(d.name.name, d);
        else if (d.kind === 'Def')
            this.defs.set(d.name.name, d);
        else if (d.kind === 'Type')
            this.typeDecls.set(d.name.name, d);
        else if (d.kind === 'Union') {
            this.typeDecls.set(d.name.name, d);
            for (const t of d.tags) {
                this.addGlobal(t.name, 'tag');
                this.tags.set(t.name.name, { union: d.name.name, info: { name: t.name.name, fields: [] } });
            }
        }
    }
    // ---------- types
    namedType(name, span) {
        const done = this.resolvedTypes.get(name);
        if (done)
            return done;
        const d = this.typeDecls.get(name);
        if (!d) {
            const g = this.globals.get(name);
            if (g)
                this.fail(messages_1.M.NotAType, [name, (0, symbols_1.aKind)(g.kind)], span);
            this.fail(messages_1.M.UnknownType, [name], span);
        }
        if (this.resolving.has(name))
            this.fail(messages_1.M.TypeCycle, [name], span);
        this.resolving.add(name);
        let t;
        if (d.kind === 'Type') {
            t = this.resolveType(d.type);
            if (this.symmetricAliases.has(name) && t.k === 'int')
                t = { ...t, sym: name };
        }
        else {
            const tags = d.tags.map((tag) => this.tags.get(tag.name.name).info);
            t = { k: 'union', name, tags, isEnum: d.isEnum };
            // only finite field types are allowed, and a union that contains itself is caught above
            for (const tag of d.tags) {
                const info = this.tags.get(tag.name.name).info;
                const seen = new Set();
                for (const f of tag.fields) {
                    if (seen.has(f.name.name))
                        this.fail(messages_1.M.FieldDeclaredTwice, [f.name.name], f.name.span);
                    seen.add(f.name.name);
                    info.fields.push({ name: f.name.name, type: this.resolveType(f.type) });
                }
            }
            if (d.tags.length === 0)
                this.fail(messages_1.M.NoMember, [d.isEnum ? 'enum' : 'union', name], d.span);
        }
        this.resolving.delete(name);
        this.resolvedTypes.set(name, t);
        return t;
    }
    resolveType(t) {
        switch (t.kind) {
            case 'BoolType':
                return types_1.BOOL;
            case 'RangeType': {
                const lo = this.typer.constInt(t.lo);
                const hi = this.typer.constInt(t.hi);
                if (hi < lo)
                    this.fail(messages_1.M.EmptyRange, [lo, hi], t.span);
                return { k: 'int', lo, hi };
            }
            case 'NamedType':
                return this.namedType(t.name.name, t.name.span);
            case 'RecordType': {
                const seen = new Set();
                const fields = t.fields.map((f) => {
                    if (seen.has(f.name.name))
                        this.fail(messages_1.M.FieldDeclaredTwice, [f.name.name], f.name.span);
                    seen.add(f.name.name);
                    return { name: f.name.name, type: this.resolveType(f.type) };
                });
                return { k: 'record', fields };
            }
            case 'MapType': {
                const dom = this.resolveType(t.domain);
                const n = (0, types_1.size)(dom);
                if (!Number.isFinite(n) || n > 4096)
                    this.fail(messages_1.M.MapDomainTooLarge, [(0, types_1.typeToString)(dom)], t.domain.span);
                return { k: 'map', dom, rng: this.resolveType(t.range) };
            }
            case 'SetType': {
                const elem = this.resolveType(t.elem);
                if ((0, types_1.size)(elem) > 30)
                    this.fail(messages_1.M.SetElementTooLarge, [(0, types_1.typeToString)(elem), (0, types_1.size)(elem)], t.elem.span);
                return { k: 'set', elem };
            }
            case 'SeqType': {
                const elem = this.resolveType(t.elem);
                const cap = this.typer.constInt(t.capacity);
                if (cap < 0)
                    this.fail(messages_1.M.NegativeCapacity, [], t.capacity.span);
                return { k: 'seq', elem, cap };
            }
        }
    }
    /** A domain written as a type, which is enumerated (process indices, parameters, with/for/quantifiers): at most 2^20 values. */
    domainType(t) {
        return this.enumerable(this.resolveType(t), t.span);
    }
    /** A domain that is enumerated value by value (with, for, forall/exists, parameters, process indices, map comprehensions). */
    enumerable(ty, span) {
        const n = (0, types_1.size)(ty);
        if (!(n <= values_1.MAX_ENUMERATED))
            this.fail(messages_1.M.DomainTooLarge, [(0, types_1.typeToString)(ty), Number.isFinite(n) && n < 1e15 ? n : countText(n), values_1.MAX_ENUMERATED], span);
        return ty;
    }
    // ---------- state
    declareVar(name, type, span, typeSpan, process) {
        if (!(0, types_1.packable)(type))
            this.fail(messages_1.M.VariableTooLarge, [name, countText((0, types_1.size)(type))], typeSpan);
        const index = this.vars.length;
        this.vars.push({ name, type, span, process });
        this.varIndex.set(name, index);
        return index;
    }
    /** A process's pc variable (an enum of its labels and Done), its locals (variables indexed by instance) and its defs. */
    declareProcess(d) {
        // the grammar requires a step (Step+)
        if (d.steps.length === 0)
            throw new Error(`internal: process ${d.name.name} without steps`);
        const labels = [];
        for (const s of d.steps) {
            if (labels.includes(s.label.name))
                this.fail(messages_1.M.LabelTwice, [s.label.name, d.name.name], s.label.span);
            if (s.label.name === 'Done')
                this.fail(messages_1.M.DoneIsImplicit, [], s.label.span);
            labels.push(s.label.name);
        }
        let domain = d.index ? this.domainType(d.index.domain) : null;
        if (domain && domain.k === 'int' && this.symmetricProcesses.has(d.name.name))
            domain = { ...domain, sym: d.name.name };
        // no type is empty: ranges, enums and unions are checked non-empty where declared
        if (domain && (0, types_1.size)(domain) === 0)
            throw new Error(`internal: process ${d.name.name} has an empty domain`);
        const pcEnum = {
            k: 'union',
            name: `${d.name.name}.pc`,
            tags: [...labels, 'Done'].map((name) => ({ name, fields: [] })),
            isEnum: true,
        };
        const pcType = domain ? { k: 'map', dom: domain, rng: pcEnum } : pcEnum;
        const pcVar = this.declareVar(`${d.name.name}.pc`, pcType, d.name.span, d.name.span, d.name.name);
        const proc = { name: d.name.name, pcVar, pcType, domain, labels, locals: [] };
        const localTypes = new Map();
        for (const l of d.locals) {
            if (localTypes.has(l.name.name))
                this.fail(messages_1.M.LocalTwice, [l.name.name], l.name.span);
            if (d.index && l.name.name === d.index.name.name)
                this.fail(messages_1.M.LocalHidesIndex, [l.name.name], l.name.span);
            const t = this.resolveType(l.type);
            const vt = domain ? { k: 'map', dom: domain, rng: t } : t;
            const varIndex = this.declareVar(`${d.name.name}.${l.name.name}`, vt, l.span, l.type.span, d.name.name);
            localTypes.set(l.name.name, { varIndex, type: t });
            proc.locals.push({ name: l.name.name, varIndex });
        }
        // a process's defs share its name space with its locals (a global def of the same name is hidden inside the process)
        const defs = new Map();
        for (const def of d.defs) {
            if (defs.has(def.name.name) || localTypes.has(def.name.name))
                this.fail(messages_1.M.AlreadyDeclared, [def.name.name, (0, symbols_1.aKind)(defs.has(def.name.name) ? 'def' : 'local')], def.name.span);
            defs.set(def.name.name, def);
        }
        this.processes.push(proc);
        this.procs.set(d.name.name, { decl: d, proc, localTypes, defs });
    }
}
exports.Resolver = Resolver;
//# sourceMappingURL=resolve.js.map