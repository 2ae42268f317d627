import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { MissingDependencyError } from './missing-dependency-error';

const INSTALL_HINT =
  'Run `bash scripts/setup-test-services.sh` as root to install the test services (`bash .ci/run` runs it too)';

/** Resolves a binary on PATH (plus the sbin directories a non-login root shell may lack). */
export function requireBinary(name: string, aptPackage: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  throw new MissingDependencyError(
    `The \`${name}\` binary (Debian package \`${aptPackage}\`)`,
    `${INSTALL_HINT}, or \`apt-get install -y ${aptPackage}\`.`,
  );
}
