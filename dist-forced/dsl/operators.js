"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.binary = binary;
exports.call = call;
exports.match = match;
const messages_1 = require("./messages");
const types_1 = require("../src/runtime/types");
const symbols_1 = require("./symbols");
function binary(t, e, ctx) {
    const op = e.op;
    const mk = (a, b, ty) => ({ k: 'bin', op, a, b, ty, span: e.span });
    /** both operands of type `operand`, the result of type `result` */
    const typed = (operand, result) => {
        const a = t.expr(e.left, ctx, operand);
        const b = t.expr(e.right, ctx, operand);
        t.expectType(operand, a.ty, e.left.span, `left operand of ${op}`);
        t.expectType(operand, b.ty, e.right.span, `right operand of ${op}`);
        return mk(a, b, result);
    };
    switch (op) {
        case '=>':
        case '||':
        case '&&':
            return typed(types_1.BOOL, types_1.BOOL);
        case '==':
        case '!=': {
            const a = t.expr(e.left, ctx);
            const b = t.expr(e.right, ctx, a.ty);
            if (!(0, types_1.join)(a.ty, b.ty))
                t.fail(messages_1.M.CannotCompare, [(0, symbols_1.showType)(a.ty), (0, symbols_1.showType)(b.ty)], e.span);
            return mk(a, b, types_1.BOOL);
        }
        case '<':
        case '<=':
        case '>':
        case '>=':
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
            return typed(types_1.INT, ['<', '<=', '>', '>='].includes(op) ? types_1.BOOL : types_1.INT);
        case 'in':
        case 'notin': {
            const a = t.expr(e.left, ctx);
            const r = e.right;
            // x in Type / x in lo..hi need no set value
            if (r.kind === 'Name' && !ctx.scope.lookup(r.name) && t.sym.typeDecls.has(r.name)) {
                const ty = t.sym.namedType(r.name, r.span);
                if (!(0, types_1.assignable)(ty, a.ty))
                    t.fail(messages_1.M.CannotTestMembership, [(0, types_1.typeToString)(a.ty), (0, types_1.typeToString)(ty)], e.span);
                const test = { k: 'inType', e: a, type: ty, ty: types_1.BOOL };
                return op === 'in' ? test : { k: 'not', e: test, ty: types_1.BOOL };
            }
            if (r.kind === 'Range') {
                const lo = t.expr(r.lo, ctx, types_1.INT);
                const hi = t.expr(r.hi, ctx, types_1.INT);
                t.expectType(types_1.INT, a.ty, e.left.span);
                t.expectType(types_1.INT, lo.ty, r.lo.span);
                t.expectType(types_1.INT, hi.ty, r.hi.span);
                const test = { k: 'inRange', e: a, lo, hi, ty: types_1.BOOL };
                return op === 'in' ? test : { k: 'not', e: test, ty: types_1.BOOL };
            }
            const b = t.expr(r, ctx, { k: 'set', elem: a.ty });
            if (b.ty.k !== 'set')
                t.fail(messages_1.M.RightNotSet, [op, (0, types_1.typeToString)(b.ty)], r.span);
            if (!(0, types_1.join)(b.ty.elem, a.ty))
                t.fail(messages_1.M.CannotTestMembership, [(0, types_1.typeToString)(a.ty), (0, types_1.typeToString)(b.ty)], e.span);
            return mk(a, b, types_1.BOOL);
        }
        case 'subseteq':
        case 'union':
        case 'inter':
        case '\\': {
            const a = t.expr(e.left, ctx);
            if (a.ty.k !== 'set')
                t.fail(messages_1.M.LeftNotSet, [op, (0, types_1.typeToString)(a.ty)], e.left.span);
            const b = t.expr(e.right, ctx, a.ty);
            if (b.ty.k !== 'set')
                t.fail(messages_1.M.RightNotSet, [op, (0, types_1.typeToString)(b.ty)], e.right.span);
            const ty = (0, types_1.join)(a.ty, b.ty);
            if (!ty)
                t.fail(messages_1.M.SetsDiffer, [(0, types_1.typeToString)(a.ty), (0, types_1.typeToString)(b.ty)], e.span);
            return mk(a, b, op === 'subseteq' ? types_1.BOOL : ty);
        }
    }
}
const ARITY = { len: 1, head: 1, tail: 1, append: 2, card: 1, min: 2, max: 2 };
function isBuiltin(name) {
    return Object.prototype.hasOwnProperty.call(ARITY, name);
}
/** A call of a built-in function (dsl/typecheck.ts has already tried the defs). */
function call(t, e, ctx, expected) {
    const fn = e.fn.name;
    if (!isBuiltin(fn)) {
        const g = t.sym.globals.get(fn);
        if (g && !ctx.scope.lookup(fn))
            t.fail(messages_1.M.NotCallable, [fn, (0, symbols_1.aKind)(g.kind)], e.fn.span);
        return t.fail(messages_1.M.UnknownFunction, [fn, Object.keys(ARITY).join(', ')], e.fn.span);
    }
    if (e.args.length !== ARITY[fn])
        t.fail(messages_1.M.BuiltinArity, [fn, `${ARITY[fn]} argument${ARITY[fn] > 1 ? 's' : ''}`], e.span);
    const mk = (args, ty) => ({ k: 'call', fn, args, ty, span: e.span });
    if (fn === 'min' || fn === 'max') {
        const args = e.args.map((a) => t.expr(a, ctx, types_1.INT));
        args.forEach((a, i) => t.expectType(types_1.INT, a.ty, e.args[i].span, `argument of ${fn}`));
        return mk(args, types_1.INT);
    }
    if (fn === 'card') {
        const s = t.expr(e.args[0], ctx);
        if (s.ty.k !== 'set')
            t.fail(messages_1.M.CardNeedsSet, [(0, types_1.typeToString)(s.ty)], e.args[0].span);
        return mk([s], types_1.INT);
    }
    const s = t.expr(e.args[0], ctx, fn === 'tail' || fn === 'append' ? expected : undefined);
    if (s.ty.k !== 'seq')
        t.fail(messages_1.M.NeedsSequence, [fn, (0, types_1.typeToString)(s.ty)], e.args[0].span);
    if (fn === 'len')
        return mk([s], types_1.INT);
    if (fn === 'head')
        return mk([s], s.ty.elem);
    if (fn === 'tail')
        return mk([s], s.ty);
    const x = t.expr(e.args[1], ctx, s.ty.elem);
    t.expectType(s.ty.elem, x.ty, e.args[1].span, 'appended element');
    return mk([s, x], s.ty);
}
function match(t, e, ctx, expected) {
    const x = t.expr(e.scrutinee, ctx);
    if (x.ty.k !== 'union')
        t.fail(messages_1.M.MatchNeedsUnion, [(0, types_1.typeToString)(x.ty)], e.scrutinee.span);
    const union = x.ty;
    let ty = expected;
    let resultTy;
    const covered = new Set();
    let wildcard = false;
    const arms = e.arms.map((arm) => {
        if (wildcard)
            t.fail(messages_1.M.ArmAfterWildcard, [], arm.span);
        const inner = ctx.scope.child();
        const binds = [];
        if (arm.tag === null)
            wildcard = true;
        else {
            const info = (0, types_1.findTag)(union, arm.tag.name);
            if (!info)
                t.fail(messages_1.M.NotATag, [arm.tag.name, union.name], arm.tag.span);
            if (covered.has(arm.tag.name))
                t.fail(messages_1.M.TagMatchedTwice, [arm.tag.name], arm.tag.span);
            covered.add(arm.tag.name);
            for (const b of arm.binds) {
                const f = info.fields.find((y) => y.name === b.name);
                if (!f)
                    t.fail(messages_1.M.TagHasNoField, [arm.tag.name, b.name], b.span);
                binds.push({ field: b.name, slot: inner.bind(b.name, f.type), name: b.name });
            }
        }
        const body = t.expr(arm.body, { ...ctx, scope: inner }, ty);
        if (resultTy === undefined)
            resultTy = body.ty;
        else {
            const j = (0, types_1.join)(resultTy, body.ty);
            if (!j)
                t.fail(messages_1.M.ArmsDiffer, [(0, types_1.typeToString)(resultTy), (0, types_1.typeToString)(body.ty)], arm.body.span);
            resultTy = j;
        }
        ty = ty ?? body.ty;
        return { tag: arm.tag?.name ?? null, binds, body };
    });
    if (!wildcard) {
        const missing = union.tags.filter((u) => !covered.has(u.name)).map((u) => u.name);
        if (missing.length)
            t.fail(messages_1.M.MatchNotExhaustive, [missing.join(', ')], e.span);
    }
    // the grammar requires at least one arm
    if (!resultTy)
        throw new Error('internal: match without arms');
    return { k: 'match', e: x, arms, ty: resultTy, span: e.span };
}
//# sourceMappingURL=operators.js.map