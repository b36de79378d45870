// The shmem + uffd application: where its spec is and the spec itself, loaded
// once per process.
import { loadSpecFile } from '../../src/api';
import type { Spec } from '../../dsl';
import { inPackage } from '../../src/util/package-root';

/** The spec file, relative to the package (as docs and generated files name it). */
export const SPEC_PATH = 'spec/shmem_uffd/shmem_uffd.spec.ts';
export const SPEC_NAME = 'ShmemUffd';

export function specFile(): string {
  return inPackage(SPEC_PATH);
}

let loaded: Spec | undefined;

/** The spec, read from its file (statically, as the command line reads it). */
export function shmemSpec(): Spec {
  return (loaded ??= loadSpecFile(specFile(), SPEC_NAME));
}
