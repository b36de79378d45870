"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.atom = void 0;
exports.and = and;
exports.or = or;
exports.layout = layout;
exports.definition = definition;
const atom = (t) => ({ k: 'atom', t });
exports.atom = atom;
/** A conjunction, nested ones flattened; TRUE when empty. */
function and(xs) {
    const flat = xs.flatMap((x) => (x.k === 'and' ? x.xs : [x])).filter((x) => !(x.k === 'atom' && x.t === 'TRUE'));
    if (flat.length === 0)
        return (0, exports.atom)('TRUE');
    return flat.length === 1 ? flat[0] : { k: 'and', xs: flat };
}
/** A disjunction, nested ones flattened; FALSE when empty. */
function or(xs) {
    const flat = xs.flatMap((x) => (x.k === 'or' ? x.xs : [x]));
    if (flat.length === 0)
        return (0, exports.atom)('FALSE');
    return flat.length === 1 ? flat[0] : { k: 'or', xs: flat };
}
const sp = (n) => ' '.repeat(n);
/**
 * The lines of `f` when it starts at column `col`: the first line without
 * its indentation (the caller has put it there), the others with theirs.
 */
function layout(f, col) {
    switch (f.k) {
        case 'atom': {
            // a long UNCHANGED list, one line per 100 columns, continued under its first variable
            const u = /^UNCHANGED <<(.*)>>$/.exec(f.t);
            if (!u || f.t.length + col <= 100)
                return [f.t];
            const lines = [];
            let line = 'UNCHANGED <<';
            for (const v of u[1].split(', ')) {
                const piece = line.endsWith('<<') ? v : `, ${v}`;
                if ((lines.length === 0 ? col : 0) + line.length + piece.length > 100 && !line.endsWith('<<')) {
                    lines.push(`${line},`);
                    line = sp(col + 12) + v;
                }
                else
                    line += piece;
            }
            lines.push(`${line}>>`);
            return lines;
        }
        case 'and':
        case 'or': {
            const bullet = f.k === 'and' ? '/\\ ' : '\\/ ';
            const out = [];
            f.xs.forEach((x, i) => {
                const sub = layout(x, col + 3);
                out.push((i === 0 ? '' : sp(col)) + bullet + sub[0], ...sub.slice(1));
            });
            return out;
        }
        case 'exists': {
            const sub = layout(f.body, col + 2);
            return [`\\E ${f.name} \\in ${f.dom} :`, sp(col + 2) + sub[0], ...sub.slice(1)];
        }
        case 'let': {
            // consecutive LETs as one, a definition a line (a later one may use an earlier one)
            const defs = [];
            let body = f;
            while (body.k === 'let') {
                defs.push(`${body.name} == ${body.def}`);
                body = body.body;
            }
            const sub = layout(body, col + 4);
            return [`LET ${defs[0]}`, ...defs.slice(1).map((d) => `${sp(col + 4)}${d}`), `${sp(col)}IN  ${sub[0]}`, ...sub.slice(1)];
        }
        case 'if': {
            const a = layout(f.a, col + 7);
            const b = layout(f.b, col + 7);
            return [`IF ${f.c}`, `${sp(col + 2)}THEN ${a[0]}`, ...a.slice(1), `${sp(col + 2)}ELSE ${b[0]}`, ...b.slice(1)];
        }
    }
}
/** `Name == f` with the formula on the following lines, indented by 4. */
function definition(head, f) {
    const lines = layout(f, 4);
    return [`${head} ==`, sp(4) + lines[0], ...lines.slice(1)].join('\n');
}
//# sourceMappingURL=tla-formula.js.map