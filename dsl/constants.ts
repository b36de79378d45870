// Constants: each constant's value (its default, or the --const override),
// the derived constants (top-level defs without parameters whose value needs
// no state), and the assumptions over them. A Model is specialised to these
// values: from here on a constant is a literal.
import type * as A from './ast';
import type { Span } from './ast';
import { M, type MessageDef } from './messages';
import { BOOL, type Type, typeToString } from '../src/runtime/types';
import type { Value } from '../src/runtime/values';
import { fail } from './symbols';
import type { Resolver } from './resolve';
import { ReadsState } from './typecheck';

export type ConstOverrides = Record<string, string | number | boolean>;

export class ConstantPass {
  constructor(
    private readonly res: Resolver,
    private readonly specName: string,
    private readonly overrides: ConstOverrides,
  ) {}

  private fail(msg: MessageDef, args: readonly (string | number)[], span?: Span): never {
    fail(this.res.source, msg, args, span);
  }

  checkConst(d: A.ConstDecl): void {
    // analyze.ts has reported a constant without a type before this pass runs
    if (!d.type) throw new Error(`internal: constant ${d.name.name} has no type`);
    const dType = d.type;
    const type = this.res.resolveType(dType);
    if (!(type.k === 'bool' || (type.k === 'int' && Number.isFinite(type.lo)) || (type.k === 'union' && type.isEnum))) {
      this.fail(M.ConstType, [d.name.name, typeToString(type)], dType.span);
    }
    const override = this.overrides[d.name.name];
    let value: Value;
    if (override !== undefined) {
      value = this.parseOverride(d.name.name, type, override, dType.span);
    } else {
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
  checkDerived(d: A.DefDecl): void {
    if (d.form !== 'expr' || d.parens) return;
    const typer = this.res.typer;
    let value: Value;
    let type: Type;
    try {
      type = this.res.resolveType(d.result);
      const e = typer.expr(d.value, { ...typer.constCtx(), probing: true, expanding: [d.name.name] }, type);
      typer.expectType(type, e.ty, d.value.span, `def ${d.name.name}`);
      value = typer.evalConst(e, d.value.span);
    } catch (e) {
      if (e instanceof ReadsState) return;
      throw e;
    }
    this.checkValueInType(value, type, d.value.span, `def ${d.name.name}`);
    // A full constants record (as traces and counterexample schedules store it)
    // names the derived constants too: it may, with their own values.
    const override = this.overrides[d.name.name];
    if (override !== undefined && String(override) !== String(value)) this.fail(M.OverrideDerived, [d.name.name, String(override), String(value)], d.name.span);
    this.res.constants.set(d.name.name, { name: d.name.name, type, value, overridden: false, derived: true });
  }

  /** An override's value, checked against the constant's type; errors point at that type (`span`). */
  private parseOverride(name: string, type: Type, raw: string | number | boolean, span: Span): Value {
    const text = String(raw);
    if (type.k === 'bool') {
      if (text === 'true' || text === 'false') return text === 'true';
      return this.fail(M.OverrideNotBool, [name, text], span);
    }
    if (type.k === 'int') {
      if (!/^-?\d+$/.test(text)) this.fail(M.OverrideNotInt, [name, text, typeToString(type)], span);
      const n = Number(text);
      if (n < type.lo || n > type.hi) this.fail(M.OverrideOutOfRange, [name, text, typeToString(type)], span);
      return n;
    }
    if (type.k === 'union' && type.tags.some((t) => t.name === text)) return text;
    if (type.k === 'union') return this.fail(M.OverrideNotTag, [name, text, type.tags.map((t) => t.name).join(', ')], span);
    // checkConst admits only bool, integer ranges and enums
    throw new Error(`internal: constant ${name} of type ${typeToString(type)}`);
  }

  /** Every --const names a declared constant. */
  checkOverrides(): void {
    for (const name of Object.keys(this.overrides)) {
      if (this.res.constDecls.has(name)) continue;
      const known = [...this.res.constDecls.keys()];
      // located at the spec's first constant, or at the start of the spec when it has none
      const at = known.length ? this.res.constDecls.get(known[0])!.span : { start: 0, end: 0 };
      // a derived constant is checked against its computed value in checkDerived
      const def = this.res.defs.get(name);
      if (def?.form === 'expr' && !def.parens && (this.res.constants.get(name)?.derived || this.res.failedConsts.has(name))) continue;
      this.fail(M.UnknownConstant, [name, this.specName, known.length ? `constants: ${known.join(', ')}` : 'it has no constants'], at);
    }
  }

  checkAssume(d: A.AssumeDecl): void {
    const typer = this.res.typer;
    const e = typer.expr(d.expr, typer.constCtx(), BOOL);
    typer.expectType(BOOL, e.ty, d.expr.span);
    if (typer.evalConst(e, d.expr.span) === true) return;
    // the constants the assumption names (the others cannot be why it fails)
    const named = new Set<string>();
    const walk = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      const n = x as { kind?: string; name?: unknown };
      if (n.kind === 'Name' && typeof n.name === 'string' && this.res.constants.has(n.name)) named.add(n.name);
      for (const v of Object.values(x)) if (v && typeof v === 'object') walk(v);
    };
    walk(d.expr);
    const vals = [...this.res.constants.values()].filter((c) => named.has(c.name)).map((c) => `${c.name}=${String(c.value)}`).join(', ');
    this.fail(M.AssumptionFails, [vals || 'these constants'], d.expr.span);
  }

  private checkValueInType(v: Value, t: Type, span: Span, what: string): void {
    if (t.k === 'int' && ((v as number) < t.lo || (v as number) > t.hi)) this.fail(M.DefaultOutOfType, [what, v as number, typeToString(t)], span);
  }
}
