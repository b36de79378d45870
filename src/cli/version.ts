// The version printed by `uffdspec --version`: package.json's.
import { packageJson } from '../util/package-root';

export function packageVersion(): string {
  try {
    return packageJson().version;
  } catch {
    return 'unknown';
  }
}
