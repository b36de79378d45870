"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConstantPass = void 0;
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const symbols_1 = require("./symbols");
const typecheck_1 = require("./typecheck");
class ConstantPass {
    res;
    specName;
    overrides;
    constructor(res, specName, overrides) {
        this.res = res;
        this.specName = specName;
        this.overrides = overrides;
    }
    fail(msg, args, span) {
        (0, symbols_1.fail)(this.res.source, msg, args, span);
    }
    checkConst(d) {
        // analyze.ts has reported a constant without a type before this pass runs
        if (!d.type)
            throw new Error(`internal: constant ${d.name.name} has no type`);
        const dType = d.type;
        const type = this.res.resolveType(dType);
        if (!(type.k === 'bool' || (type.k === 'int' && Number.isFinite(type.lo)) || (type.k === 'union' && type.isEnum))) {
            this.fail(messages_1.M.ConstType, [d.name.name, (0, types_1.typeToString)(type)], dType.span);
        }
        const override = this.overrides[d.name.name];
        let value;
        if (override !== undefined) {
            value = this.parseOverride(d.name.name, type, override, dType.span);
        }
        else {
            const typer = this.res.typer;
            const e = typer.expr(d.value, typer.constCtx(), type);
            value = typer.evalConst(e, d.value.span);
            this.checkValueInType(value, type, d.value.span, `default of ${d.name.name}`);
        }
        this.res.constants.set(d.name.name, { name: d.name.name, type, value, overridden: override !== undefined });
    }
    /**
     * `def N: T = e` at the top level, where e reads no state, is a derived
     * constant: computed once here, listed with the constants (so reports and
     * traces show it), and never set from the command line. A def that reads the
     * state is left to be expanded where it is used. --const may name a
     * derived constant only with the value it has.
     */
    checkDerived(d) {
        if (d.form !== 'expr' || d.parens)
            return;
        const typer = this.res.typer;
        let value;
        let type;
        try {
            type = this.res.resolveType(d.result);
            const e = typer.expr(d.value, { ...typer.constCtx(), probing: true, expanding: [d.name.name] }, type);
            typer.expectType(type, e.ty, d.value.span, `def ${d.name.name}`);
            value = typer.evalConst(e, d.value.span);
        }
        catch (e) {
            if (e instanceof typecheck_1.ReadsState)
                return;
            throw e;
        }
        this.checkValueInType(value, type, d.value.span, `def ${d.name.name}`);
        // A full constants record (as traces and counterexample schedules store it)
        // names the derived constants too: it may, with their own values.
        const override = this.overrides[d.name.name];
        if (override !== undefined && String(override) !== String(value))
            this.fail(messages_1.M.OverrideDerived, [d.name.name, String(override), String(value)], d.name.span);
        this.res.constants.set(d.name.name, { name: d.name.name, type, value, overridden: false, derived: true });
    }
    /** An override's value, checked against the constant's type; errors point at that type (`span`). */
    parseOverride(name, type, raw, span) {
        const text = String(raw);
        if (type.k === 'bool') {
            if (text === 'true' || text === 'false')
                return text === 'true';
            return this.fail(messages_1.M.OverrideNotBool, [name, text], span);
        }
        if (type.k === 'int') {
            if (!/^-?\d+$/.test(text))
                this.fail(messages_1.M.OverrideNotInt, [name, text, (0, types_1.typeToString)(type)], span);
            const n = Number(text);
            if (n < type.lo || n > type.hi)
                this.fail(messages_1.M.OverrideOutOfRange, [name, text, (0, types_1.typeToString)(type)], span);
            return n;
        }
        if (type.k === 'union' && type.tags.some((t) => t.name === text))
            return text;
        if (type.k === 'union')
            return this.fail(messages_1.M.OverrideNotTag, [name, text, type.tags.map((t) => t.name).join(', ')], span);
        // checkConst admits only bool, integer ranges and enums
        throw new Error(`internal: constant ${name} of type ${(0, types_1.typeToString)(type)}`);
    }
    /** Every --const names a declared constant. */
    checkOverrides() {
        for (const name of Object.keys(this.overrides)) {
            if (this.res.constDecls.has(name))
                continue;
            const known = [...this.res.constDecls.keys()];
            // located at the spec's first constant, or at the start of the spec when it has none
            const at = known.length ? this.res.constDecls.get(known[0]).span : { start: 0, end: 0 };
            // a derived constant is checked against its computed value in checkDerived
            const def = this.res.defs.get(name);
            if (def?.form === 'expr' && !def.parens && (this.res.constants.get(name)?.derived || this.res.failedConsts.has(name)))
                continue;
            this.fail(messages_1.M.UnknownConstant, [name, this.specName, known.length ? `constants: ${known.join(', ')}` : 'it has no constants'], at);
        }
    }
    checkAssume(d) {
        const typer = this.res.typer;
        const e = typer.expr(d.expr, typer.constCtx(), types_1.BOOL);
        typer.expectType(types_1.BOOL, e.ty, d.expr.span);
        if (typer.evalConst(e, d.expr.span) === true)
            return;
        // the constants the assumption names (the others cannot be why it fails)
        const named = new Set();
        const walk = (x) => {
            if (!x || typeof x !== 'object')
                return;
            const n = x;
            if (n.kind === 'Name' && typeof n.name === 'string' && this.res.constants.has(n.name))
                named.add(n.name);
            for (const v of Object.values(x))
                if (v && typeof v === 'object')
                    walk(v);
        };
        walk(d.expr);
        const vals = [...this.res.constants.values()].filter((c) => named.has(c.name)).map((c) => `${c.name}=${String(c.value)}`).join(', ');
        this.fail(messages_1.M.AssumptionFails, [vals || 'these constants'], d.expr.span);
    }
    checkValueInType(v, t, span, what) {
        if (t.k === 'int' && (v < t.lo || v > t.hi))
            this.fail(messages_1.M.DefaultOutOfType, [what, v, (0, types_1.typeToString)(t)], span);
    }
}
exports.ConstantPass = ConstantPass;
//# sourceMappingURL=constants.js.map