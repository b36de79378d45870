// `uffdspec gen-traces`: (re)generate the conformance suite from the spec;
// `--check` only verifies that the committed files are up to date.
import * as fs from 'fs';
import * as path from 'path';
import { TOUR_VARIANTS, buildBundle, bundlePath, bundleText } from '../../spec/shmem_uffd/tours';
import { Out, Parsed, UsageError } from './options';
import { mkdirs } from '../util/files';

export function runGenTraces(p: Parsed, out: Out, err: Out): number {
  if (p.positional.length) throw new UsageError(`gen-traces: unexpected argument '${p.positional[0]}' (uffdspec gen-traces --help)`);
  const variants = p.flags.get('variant') ?? Object.keys(TOUR_VARIANTS);
  for (const v of variants) if (!(v in TOUR_VARIANTS)) throw new UsageError(`gen-traces: unknown variant '${v}' (variants: ${Object.keys(TOUR_VARIANTS).join(', ')})`);
  let stale = 0;
  for (const v of variants) {
    const t0 = Date.now();
    const b = buildBundle(v);
    const text = bundleText(b);
    const file = bundlePath(v);
    const rel = path.relative(process.cwd(), file);
    const s = b.stats;
    const line = `${v}: ${s.traces} traces, ${s.steps} steps, ${s.covered}/${s.observable} observable transitions (${s.states} states, ${s.transitions} transitions, ${s.nondeterministic} nondeterministic ops), ${Date.now() - t0}ms`;
    if (p.flags.has('check')) {
      const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (old !== text) {
        stale++;
        err(`${rel}: stale (regenerating would change it): run \`npx uffdspec gen-traces\``);
      } else out(`${line} — up to date`);
    } else {
      mkdirs(path.dirname(file));
      fs.writeFileSync(file, text);
      out(`${line} → ${rel}`);
    }
  }
  return stale ? 1 : 0;
}
