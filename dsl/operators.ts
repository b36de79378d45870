// Typing of the operators whose rules take more than a few lines: binary
// operators (with the `in Type` / `in lo..hi` forms that need no set value),
// the built-in functions, and match. Part of the typing pass (dsl/typecheck.ts).
import type * as A from './ast';
import { M } from './messages';
import type { BuiltinFn, IExpr, IMatchArm } from './ir';
import { BOOL, INT, type Type, assignable, findTag, join, typeToString } from '../src/runtime/types';
import { type Ctx, aKind, showType } from './symbols';
import type { MessageDef } from './messages';
import type { Span } from './ast';
import type { Symbols } from './symbols';

/** What the operators need of the typing pass (dsl/typecheck.ts implements it). */
export interface Typer {
  readonly sym: Symbols;
  fail(msg: MessageDef, args: readonly (string | number)[], span?: Span): never;
  expectType(want: Type, got: Type, span: Span, what?: string): void;
  expr(e: A.Expr, ctx: Ctx, expected?: Type): IExpr;
}

export function binary(t: Typer, e: Extract<A.Expr, { kind: 'Binary' }>, ctx: Ctx): IExpr {
  const op = e.op;
  const mk = (a: IExpr, b: IExpr, ty: Type): IExpr => ({ k: 'bin', op, a, b, ty, span: e.span });
  /** both operands of type `operand`, the result of type `result` */
  const typed = (operand: Type, result: Type): IExpr => {
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
      return typed(BOOL, BOOL);
    case '==':
    case '!=': {
      const a = t.expr(e.left, ctx);
      const b = t.expr(e.right, ctx, a.ty);
      if (!join(a.ty, b.ty)) t.fail(M.CannotCompare, [showType(a.ty), showType(b.ty)], e.span);
      return mk(a, b, BOOL);
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
      return typed(INT, ['<', '<=', '>', '>='].includes(op) ? BOOL : INT);
    case 'in':
    case 'notin': {
      const a = t.expr(e.left, ctx);
      const r = e.right;
      // x in Type / x in lo..hi need no set value
      if (r.kind === 'Name' && !ctx.scope.lookup(r.name) && t.sym.typeDecls.has(r.name)) {
        const ty = t.sym.namedType(r.name, r.span);
        if (!assignable(ty, a.ty)) t.fail(M.CannotTestMembership, [typeToString(a.ty), typeToString(ty)], e.span);
        const test: IExpr = { k: 'inType', e: a, type: ty, ty: BOOL };
        return op === 'in' ? test : { k: 'not', e: test, ty: BOOL };
      }
      if (r.kind === 'Range') {
        const lo = t.expr(r.lo, ctx, INT);
        const hi = t.expr(r.hi, ctx, INT);
        t.expectType(INT, a.ty, e.left.span);
        t.expectType(INT, lo.ty, r.lo.span);
        t.expectType(INT, hi.ty, r.hi.span);
        const test: IExpr = { k: 'inRange', e: a, lo, hi, ty: BOOL };
        return op === 'in' ? test : { k: 'not', e: test, ty: BOOL };
      }
      const b = t.expr(r, ctx, { k: 'set', elem: a.ty });
      if (b.ty.k !== 'set') t.fail(M.RightNotSet, [op, typeToString(b.ty)], r.span);
      if (!join(b.ty.elem, a.ty)) t.fail(M.CannotTestMembership, [typeToString(a.ty), typeToString(b.ty)], e.span);
      return mk(a, b, BOOL);
    }
    case 'subseteq':
    case 'union':
    case 'inter':
    case '\\': {
      const a = t.expr(e.left, ctx);
      if (a.ty.k !== 'set') t.fail(M.LeftNotSet, [op, typeToString(a.ty)], e.left.span);
      const b = t.expr(e.right, ctx, a.ty);
      if (b.ty.k !== 'set') t.fail(M.RightNotSet, [op, typeToString(b.ty)], e.right.span);
      const ty = join(a.ty, b.ty);
      if (!ty) t.fail(M.SetsDiffer, [typeToString(a.ty), typeToString(b.ty)], e.span);
      return mk(a, b, op === 'subseteq' ? BOOL : ty);
    }
  }
}

const ARITY: Record<BuiltinFn, number> = { len: 1, head: 1, tail: 1, append: 2, card: 1, min: 2, max: 2 };

function isBuiltin(name: string): name is BuiltinFn {
  return Object.prototype.hasOwnProperty.call(ARITY, name);
}

/** A call of a built-in function (dsl/typecheck.ts has already tried the defs). */
export function call(t: Typer, e: Extract<A.Expr, { kind: 'Call' }>, ctx: Ctx, expected?: Type): IExpr {
  const fn = e.fn.name;
  if (!isBuiltin(fn)) {
    const g = t.sym.globals.get(fn);
    if (g && !ctx.scope.lookup(fn)) t.fail(M.NotCallable, [fn, aKind(g.kind)], e.fn.span);
    return t.fail(M.UnknownFunction, [fn, Object.keys(ARITY).join(', ')], e.fn.span);
  }
  if (e.args.length !== ARITY[fn]) t.fail(M.BuiltinArity, [fn, `${ARITY[fn]} argument${ARITY[fn] > 1 ? 's' : ''}`], e.span);
  const mk = (args: IExpr[], ty: Type): IExpr => ({ k: 'call', fn, args, ty, span: e.span });
  if (fn === 'min' || fn === 'max') {
    const args = e.args.map((a) => t.expr(a, ctx, INT));
    args.forEach((a, i) => t.expectType(INT, a.ty, e.args[i].span, `argument of ${fn}`));
    return mk(args, INT);
  }
  if (fn === 'card') {
    const s = t.expr(e.args[0], ctx);
    if (s.ty.k !== 'set') t.fail(M.CardNeedsSet, [typeToString(s.ty)], e.args[0].span);
    return mk([s], INT);
  }
  const s = t.expr(e.args[0], ctx, fn === 'tail' || fn === 'append' ? expected : undefined);
  if (s.ty.k !== 'seq') t.fail(M.NeedsSequence, [fn, typeToString(s.ty)], e.args[0].span);
  if (fn === 'len') return mk([s], INT);
  if (fn === 'head') return mk([s], s.ty.elem);
  if (fn === 'tail') return mk([s], s.ty);
  const x = t.expr(e.args[1], ctx, s.ty.elem);
  t.expectType(s.ty.elem, x.ty, e.args[1].span, 'appended element');
  return mk([s, x], s.ty);
}

export function match(t: Typer, e: Extract<A.Expr, { kind: 'Match' }>, ctx: Ctx, expected?: Type): IExpr {
  const x = t.expr(e.scrutinee, ctx);
  if (x.ty.k !== 'union') t.fail(M.MatchNeedsUnion, [typeToString(x.ty)], e.scrutinee.span);
  const union = x.ty;
  let ty: Type | undefined = expected;
  let resultTy: Type | undefined;
  const covered = new Set<string>();
  let wildcard = false;
  const arms = e.arms.map((arm): IMatchArm => {
    if (wildcard) t.fail(M.ArmAfterWildcard, [], arm.span);
    const inner = ctx.scope.child();
    const binds: IMatchArm['binds'] = [];
    if (arm.tag === null) wildcard = true;
    else {
      const info = findTag(union, arm.tag.name);
      if (!info) t.fail(M.NotATag, [arm.tag.name, union.name], arm.tag.span);
      if (covered.has(arm.tag.name)) t.fail(M.TagMatchedTwice, [arm.tag.name], arm.tag.span);
      covered.add(arm.tag.name);
      for (const b of arm.binds) {
        const f = info.fields.find((y) => y.name === b.name);
        if (!f) t.fail(M.TagHasNoField, [arm.tag.name, b.name], b.span);
        binds.push({ field: b.name, slot: inner.bind(b.name, f.type), name: b.name });
      }
    }
    const body = t.expr(arm.body, { ...ctx, scope: inner }, ty);
    if (resultTy === undefined) resultTy = body.ty;
    else {
      const j = join(resultTy, body.ty);
      if (!j) t.fail(M.ArmsDiffer, [typeToString(resultTy), typeToString(body.ty)], arm.body.span);
      resultTy = j;
    }
    ty = ty ?? body.ty;
    return { tag: arm.tag?.name ?? null, binds, body };
  });
  if (!wildcard) {
    const missing = union.tags.filter((u) => !covered.has(u.name)).map((u) => u.name);
    if (missing.length) t.fail(M.MatchNotExhaustive, [missing.join(', ')], e.span);
  }
  // the grammar requires at least one arm
  if (!resultTy) throw new Error('internal: match without arms');
  return { k: 'match', e: x, arms, ty: resultTy, span: e.span };
}
