"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.syntaxError = syntaxError;
const diagnostics_1 = require("./diagnostics");
const messages_1 = require("./messages");
const STMT_KEYWORDS = ['await', 'if', 'let', 'with', 'either', 'for', 'skip', 'goto'];
const DECL_KEYWORDS = ['const', 'assume', 'type', 'enum', 'union', 'var', 'init', 'action', 'process', 'invariant', 'property', 'def'];
const EXPR_STARTS = ['(', 'true', 'false', 'an integer', 'match', '<<', '[', '{', '-', '!', 'not', 'if', 'let', 'forall', 'exists'];
const TYPE_STARTS = ['bool', 'set', 'seq'];
// Operators and postfix forms that can continue any expression. When an
// expression has just ended they are all expected, and listing them only
// hides what the user most likely missed.
const OPERATORS = new Set([
    '.', '[', '-', '+', '*', '/', '%', 'at', 'is', 'subseteq', 'notin', 'in', '>', '<', '>=', '<=', '!=', '==',
    '\\', 'inter', 'union', 'and', '&&', '=>', 'or', '||', 'with', '..', '(',
]);
const KEYWORDS = new Set([
    ...DECL_KEYWORDS, ...STMT_KEYWORDS, 'fairness', 'then', 'else', 'in', 'match', 'or', 'forall', 'exists',
    'true', 'false', 'bool', 'set', 'seq', 'is', 'at', 'and', 'not',
]);
function syntaxError(text, m) {
    const pos = m.getRightmostFailurePosition();
    const failures = (m.getRightmostFailures() ?? [])
        .filter((f) => !f.isFluffy() && f.getType() !== 'code');
    const expected = new Set();
    // `not ""` is the `never` rule: membership was disabled here (the value of a
    // let), so an expected "in" is the let's own `in`, not an operator.
    let letIn = false;
    for (const f of failures) {
        if (f.getText() === 'not ""')
            letIn = true;
        // other negative lookaheads (`~"="`) are grammar plumbing
        else if (f.getType() === 'string' || (f.getType() === 'description' && !f.getText().startsWith('not '))) {
            expected.add(f.getText());
        }
    }
    // after an assignment target, `x' =`, `x[..]`, `x.f` (and `f(..)`, a statement def) are variations of what is missing: `:=`
    if (expected.has(':='))
        for (const k of ["'", '[', '.', '('])
            expected.delete(k);
    const tok = tokenAt(text, pos);
    const found = tok.text === '' ? 'end of input' : `"${tok.text}"`;
    const at = { start: pos, end: pos + Math.max(tok.text.length, 0) };
    if (text.slice(pos - 1, pos + 1) === '..' && expected.size === 0)
        return (0, diagnostics_1.report)(messages_1.M.RangeOutOfPlace, [], { start: pos - 1, end: pos + 1 });
    // (with nothing expected, describeExpected says "something else": ohm always reports some expectation)
    if (tok.text === '/*' && !text.includes('*/', pos))
        return (0, diagnostics_1.report)(messages_1.M.UnterminatedComment, [], at);
    if (letIn && expected.has('in'))
        return (0, diagnostics_1.report)(messages_1.M.LetWithoutIn, [found], at);
    if (['==', '!=', '<', '<=', '>', '>='].includes(tok.text) && !expected.has('an integer'))
        return (0, diagnostics_1.report)(messages_1.M.ComparisonChain, [tok.text], at);
    if (expected.has('an identifier') && KEYWORDS.has(tok.text))
        return (0, diagnostics_1.report)(messages_1.M.KeywordAsName, [tok.text], at);
    return (0, diagnostics_1.report)(messages_1.M.SyntaxExpected, [describeExpected(expected), found], at);
}
function describeExpected(raw) {
    const items = new Set(raw);
    const groups = [];
    const take = (name, markers, members, requireAll = true) => {
        const hit = requireAll ? markers.every((k) => items.has(k)) : markers.some((k) => items.has(k));
        if (!hit)
            return;
        for (const k of members)
            items.delete(k);
        groups.push(name);
    };
    take('a declaration', ['const', 'invariant'], DECL_KEYWORDS);
    take('a statement', ['await', 'skip'], [...STMT_KEYWORDS, 'an identifier']);
    take('a type', TYPE_STARTS, [...TYPE_STARTS, ...EXPR_STARTS, 'an identifier']);
    take('an expression', ['<<', 'match'], [...EXPR_STARTS, 'an identifier']);
    const exprEnded = items.has('+') && items.has('*');
    let rest = [...items];
    if (exprEnded)
        rest = rest.filter((k) => !OPERATORS.has(k));
    // `;` is optional and `{` after an expression is mostly a would-be tag
    // constructor: mention them only when nothing else fits
    const others = rest.filter((k) => k !== ';' && !(exprEnded && k === '{'));
    if (others.length + groups.length > 0)
        rest = others;
    if (exprEnded && rest.every((k) => k === '{' || k === ';') && groups.length === 0)
        groups.push('an operator');
    // "end of input" reads best last; otherwise keep ohm's order (deterministic)
    const ordered = [
        ...rest.filter((k) => k !== 'end of input').map((k) => (/^[a-z]+ /.test(k) ? k : `"${k}"`)),
        ...groups,
        ...(rest.includes('end of input') ? ['end of input'] : []),
    ];
    if (ordered.length === 0)
        return 'something else';
    if (ordered.length === 1)
        return ordered[0];
    return `${ordered.slice(0, -1).join(', ')} or ${ordered[ordered.length - 1]}`;
}
/** The token starting at `pos`, for "found ..." in messages. */
function tokenAt(text, pos) {
    const rest = text.slice(pos);
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|:=|==|!=|<=|>=|=>|&&|\|\||\|->|->|<<|>>|\.\.|\/\*|\/\/|[^\s])/.exec(rest);
    return { text: m ? m[0] : '' };
}
//# sourceMappingURL=syntax-errors.js.map