// Errors are values with a source span; they are rendered in one place (render()).
// A front-end diagnostic also carries the stable code of its message
// (dsl/messages.ts), shown as `error US3001:`; errors of later stages (a CLI
// flag, an evaluation failure, a trace) have no code.
import type { SourceText, Span } from './ast';
import { type MessageDef, format, phaseOf } from './messages';

export type { SourceText } from './ast';

export interface Diagnostic {
  message: string;
  /** the message's code in dsl/messages.ts, e.g. 'US3001'; absent outside the front end */
  code?: string;
  /** span relative to the spec text; absent for errors without a location (e.g. a CLI flag) */
  span?: Span;
  source?: SourceText;
  /** where the error was found, e.g. 'parse', 'type', 'const', 'eval', 'cli', 'trace' */
  phase: string;
}

export class SpecError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => renderOneLine(d)).join('\n'));
    this.name = 'SpecError';
  }
}

/** A diagnostic without a code: for the stages after the front end (CLI, evaluation, traces). */
export function diag(phase: string, message: string, span?: Span, source?: SourceText): Diagnostic {
  return { phase, message, span, source };
}

/** A front-end diagnostic: a message of the table with its arguments. */
export function report(msg: MessageDef, args: readonly (string | number)[], span?: Span, source?: SourceText): Diagnostic {
  return { phase: phaseOf(msg.code), code: msg.code, message: format(msg.text, args), span, source };
}

/** line and column (1-based) of an absolute offset in a text */
export function lineCol(text: string, offset: number): { line: number; col: number } {
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
export function sourceOf(d: Diagnostic): SourceText | undefined {
  return d.span?.src ?? d.source;
}

/** `file:line:col: error US3001: message` — the first line of every rendering */
export function renderOneLine(d: Diagnostic): string {
  const error = d.code ? `error ${d.code}` : 'error';
  const source = sourceOf(d);
  if (source && d.span) {
    const { line, col } = lineCol(source.text, source.base + d.span.start);
    return `${source.file}:${line}:${col}: ${error}: ${d.message}`;
  }
  if (source) return `${source.file}: ${error}: ${d.message}`;
  return `${error}: ${d.message}`;
}

/** Full rendering: the one-line form, then the source line and a caret under the span. */
export function render(d: Diagnostic): string {
  const head = renderOneLine(d);
  const source = sourceOf(d);
  if (!source || !d.span) return head;
  const text = source.text;
  const abs = source.base + d.span.start;
  const lineStart = text.lastIndexOf('\n', abs - 1) + 1;
  let lineEnd = text.indexOf('\n', abs);
  if (lineEnd < 0) lineEnd = text.length;
  const srcLine = text.slice(lineStart, lineEnd);
  const col = abs - lineStart;
  const width = Math.max(1, Math.min(d.span.end - d.span.start, lineEnd - abs));
  const pad = srcLine.slice(0, col).replace(/[^\t]/g, ' ');
  return `${head}\n  ${srcLine}\n  ${pad}${'^'.repeat(width)}`;
}
