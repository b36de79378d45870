// File-system helpers shared by the generator and the command line.
import * as fs from 'fs';
import * as path from 'path';

/**
 * mkdir -p, one level at a time: Node 20's `mkdirSync(dir, { recursive: true })`
 * never returns for a path under /proc (it retries ENOENT for ever).
 */
export function mkdirs(dir: string): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (!fs.existsSync(d)) {
    missing.unshift(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing) {
    try {
      fs.mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Why `dir` cannot be created and written (an errno code), or null when it can. */
export function unwritableDir(dir: string): string | null {
  try {
    mkdirs(dir);
    fs.accessSync(dir, fs.constants.W_OK);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}
