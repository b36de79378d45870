// The plain-JSON form of values (values.ts `toJSON`): what traces, `--json`
// output, verdict tables, schedules and the conformance bindings read. It
// differs from the run-time form in one visible way: a tag with fields is
// `{ tag: 'Folio', gen: 1 }` here, `{ $: 'Folio', gen: 1 }` at run time; a
// nullary tag is its name in both.

/** A value in its plain-JSON form. */
export type JsonValue = boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/**
 * The tag of a union value in its JSON form: the name of a nullary tag, the
 * `tag` field of a tag with fields. Anything else is not a union value, and
 * the caller has read the wrong variable or field: say so rather than
 * compare `undefined` with a tag name.
 */
export function tagOfJson(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof (v as { tag?: unknown }).tag === 'string') return (v as { tag: string }).tag;
  throw new Error(`not a union value in JSON form: ${JSON.stringify(v)}`);
}
