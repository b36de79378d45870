"use strict";
// The plain-JSON form of values (values.ts `toJSON`): what traces, `--json`
// output, verdict tables, schedules and the conformance bindings read. It
// differs from the run-time form in one visible way: a tag with fields is
// `{ tag: 'Folio', gen: 1 }` here, `{ $: 'Folio', gen: 1 }` at run time; a
// nullary tag is its name in both.
Object.defineProperty(exports, "__esModule", { value: true });
exports.tagOfJson = tagOfJson;
/**
 * The tag of a union value in its JSON form: the name of a nullary tag, the
 * `tag` field of a tag with fields. Anything else is not a union value, and
 * the caller has read the wrong variable or field: say so rather than
 * compare `undefined` with a tag name.
 */
function tagOfJson(v) {
    if (typeof v === 'string')
        return v;
    if (v !== null && typeof v === 'object' && typeof v.tag === 'string')
        return v.tag;
    throw new Error(`not a union value in JSON form: ${JSON.stringify(v)}`);
}
//# sourceMappingURL=json.js.map