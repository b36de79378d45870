// File-system helpers shared by the generator and the command line.
import * as crypto from 'crypto';
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

/**
 * Write `text` to `file` so that no reader ever sees half of it: into a
 * temporary file of this process, then renamed into place (concurrent writers
 * of the same content: the last rename wins). Creates the folder.
 */
export function writeAtomic(file: string, text: string): void {
  mkdirs(path.dirname(file));
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** writeAtomic for a cache: a folder that cannot be written only means the work is redone next time. */
export function keepInCache(file: string, text: string): void {
  try {
    writeAtomic(file, text);
  } catch {
    // a read-only package: nothing to keep
  }
}
