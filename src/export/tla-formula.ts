// A TLA+ formula as a small tree, and its layout: conjunctions and
// disjunctions as aligned bullet lists (SANY reads a list by the column of
// its bullets, so every nested line is indented past its bullet).
export type F =
  | { k: 'atom'; t: string }
  | { k: 'and'; xs: F[] }
  | { k: 'or'; xs: F[] }
  | { k: 'exists'; name: string; dom: string; body: F }
  | { k: 'let'; name: string; def: string; body: F }
  | { k: 'if'; c: string; a: F; b: F };

export const atom = (t: string): F => ({ k: 'atom', t });

/** A conjunction, nested ones flattened; TRUE when empty. */
export function and(xs: F[]): F {
  const flat = xs.flatMap((x) => (x.k === 'and' ? x.xs : [x])).filter((x) => !(x.k === 'atom' && x.t === 'TRUE'));
  if (flat.length === 0) return atom('TRUE');
  return flat.length === 1 ? flat[0] : { k: 'and', xs: flat };
}

/** A disjunction, nested ones flattened; FALSE when empty. */
export function or(xs: F[]): F {
  const flat = xs.flatMap((x) => (x.k === 'or' ? x.xs : [x]));
  if (flat.length === 0) return atom('FALSE');
  return flat.length === 1 ? flat[0] : { k: 'or', xs: flat };
}

const sp = (n: number) => ' '.repeat(n);

/**
 * The lines of `f` when it starts at column `col`: the first line without
 * its indentation (the caller has put it there), the others with theirs.
 */
export function layout(f: F, col: number): string[] {
  switch (f.k) {
    case 'atom': {
      // a long UNCHANGED list, one line per 100 columns, continued under its first variable
      const u = /^UNCHANGED <<(.*)>>$/.exec(f.t);
      if (!u || f.t.length + col <= 100) return [f.t];
      const lines: string[] = [];
      let line = 'UNCHANGED <<';
      for (const v of u[1].split(', ')) {
        const piece = line.endsWith('<<') ? v : `, ${v}`;
        if ((lines.length === 0 ? col : 0) + line.length + piece.length > 100 && !line.endsWith('<<')) {
          lines.push(`${line},`);
          line = sp(col + 12) + v;
        } else line += piece;
      }
      lines.push(`${line}>>`);
      return lines;
    }
    case 'and':
    case 'or': {
      const bullet = f.k === 'and' ? '/\\ ' : '\\/ ';
      const out: string[] = [];
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
      const defs: string[] = [];
      let body: F = f;
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
export function definition(head: string, f: F): string {
  const lines = layout(f, 4);
  return [`${head} ==`, sp(4) + lines[0], ...lines.slice(1)].join('\n');
}
