// Errors are values with a source span; they are rendered in one place (render()).
import type { Span } from './ast';

export interface SourceText {
  /** path of the file shown to the user (e.g. spec/examples/diehard.spec.ts) */
  file: string;
  /** full text of that file */
  text: string;
  /** offset in `text` where the spec's own text starts (0 for a bare spec string) */
  base: number;
}

export interface Diagnostic {
  message: string;
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

export function diag(phase: string, message: string, span?: Span, source?: SourceText): Diagnostic {
  return { phase, message, span, source };
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

/** `file:line:col: error: message` — the first line of every rendering */
export function renderOneLine(d: Diagnostic): string {
  if (d.source && d.span) {
    const { line, col } = lineCol(d.source.text, d.source.base + d.span.start);
    return `${d.source.file}:${line}:${col}: error: ${d.message}`;
  }
  if (d.source) return `${d.source.file}: error: ${d.message}`;
  return `error: ${d.message}`;
}

/** Full rendering: the one-line form, then the source line and a caret under the span. */
export function render(d: Diagnostic): string {
  const head = renderOneLine(d);
  if (!d.source || !d.span) return head;
  const text = d.source.text;
  const abs = d.source.base + d.span.start;
  const lineStart = text.lastIndexOf('\n', abs - 1) + 1;
  let lineEnd = text.indexOf('\n', abs);
  if (lineEnd < 0) lineEnd = text.length;
  const srcLine = text.slice(lineStart, lineEnd);
  const col = abs - lineStart;
  const width = Math.max(1, Math.min(d.span.end - d.span.start, lineEnd - abs));
  const pad = srcLine.slice(0, col).replace(/[^\t]/g, ' ');
  return `${head}\n  ${srcLine}\n  ${pad}${'^'.repeat(width)}`;
}
