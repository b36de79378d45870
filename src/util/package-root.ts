// Where the package lives. Code runs both from the sources (ts-jest, ts-node)
// and from dist/, so a path next to a source file is not a path in the
// package; everything that names a file of the package goes through here.
import * as fs from 'fs';
import * as path from 'path';

let root: string | undefined;

/** The nearest directory above this module that holds package.json. */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return (root = dir);
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${__dirname}`);
  }
}

/** A path inside the package, e.g. inPackage('conformance', 'generated'). */
export function inPackage(...parts: string[]): string {
  return path.join(packageRoot(), ...parts);
}

/** package.json of this package. */
export function packageJson(): { version: string; scripts: Record<string, string> } {
  return JSON.parse(fs.readFileSync(inPackage('package.json'), 'utf8'));
}
