"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpecError = void 0;
exports.diag = diag;
exports.report = report;
exports.lineCol = lineCol;
exports.sourceOf = sourceOf;
exports.renderOneLine = renderOneLine;
exports.render = render;
const messages_1 = require("./messages");
class SpecError extends Error {
    diagnostics;
    constructor(diagnostics) {
        super(diagnostics.map((d) => renderOneLine(d)).join('\n'));
        this.diagnostics = diagnostics;
        this.name = 'SpecError';
    }
}
exports.SpecError = SpecError;
/** A diagnostic without a code: for the stages after the front end (CLI, evaluation, traces). */
function diag(phase, message, span, source) {
    return { phase, message, span, source };
}
/** A front-end diagnostic: a message of the table with its arguments. */
function report(msg, args, span, source) {
    return { phase: (0, messages_1.phaseOf)(msg.code), code: msg.code, message: (0, messages_1.format)(msg.text, args), span, source };
}
/** line and column (1-based) of an absolute offset in a text */
function lineCol(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, col: offset - lineStart + 1 };
}
/**
 * The text a diagnostic's span is in: the span's own (a node an extended or
 * imported spec declared, dsl/modules.ts) or the diagnostic's.
 */
function sourceOf(d) {
    return d.span?.src ?? d.source;
}
/** `file:line:col: error US3001: message` — the first line of every rendering */
function renderOneLine(d) {
    const error = d.code ? `error ${d.code}` : 'error';
    const source = sourceOf(d);
    if (source && d.span) {
        const { line, col } = lineCol(source.text, source.base + d.span.start);
        return `${source.file}:${line}:${col}: ${error}: ${d.message}`;
    }
    if (source)
        return `${source.file}: ${error}: ${d.message}`;
    return `${error}: ${d.message}`;
}
/** Full rendering: the one-line form, then the source line and a caret under the span. */
function render(d) {
    const head = renderOneLine(d);
    const source = sourceOf(d);
    if (!source || !d.span)
        return head;
    const text = source.text;
    const abs = source.base + d.span.start;
    const lineStart = text.lastIndexOf('\n', abs - 1) + 1;
    let lineEnd = text.indexOf('\n', abs);
    if (lineEnd < 0)
        lineEnd = text.length;
    const srcLine = text.slice(lineStart, lineEnd);
    const col = abs - lineStart;
    const width = Math.max(1, Math.min(d.span.end - d.span.start, lineEnd - abs));
    const pad = srcLine.slice(0, col).replace(/[^\t]/g, ' ');
    return `${head}\n  ${srcLine}\n  ${pad}${'^'.repeat(width)}`;
}
//# sourceMappingURL=diagnostics.js.map