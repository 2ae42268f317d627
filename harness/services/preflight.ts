import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ASTERISK_ROOT } from './asterisk';
import { MissingDependencyError } from './missing-dependency-error';
import { requireBinary } from './require-binary';

const BINARIES: readonly (readonly [string, string])[] = [
  ['mariadbd', 'mariadb-server'],
  ['mariadb-install-db', 'mariadb-server'],
  ['mariadb-admin', 'mariadb-client'],
  ['sipp', 'sip-tester'],
  ['chroot', 'coreutils'],
];

/**
 * Checks everything the integration services need before starting any of them, and names
 * all that is missing in one error.
 */
export function checkTestServices(asteriskRoot = DEFAULT_ASTERISK_ROOT): void {
  const missing: string[] = [];
  for (const [binary, aptPackage] of BINARIES) {
    try {
      requireBinary(binary, aptPackage);
    } catch (error) {
      if (!(error instanceof MissingDependencyError)) throw error;
      missing.push(`\`${binary}\` (apt package \`${aptPackage}\`)`);
    }
  }
  if (!existsSync(join(asteriskRoot, 'usr/sbin/asterisk'))) {
    missing.push(`the Asterisk 22 root at ${asteriskRoot}`);
  }
  if (missing.length > 0) {
    throw new MissingDependencyError(
      `For the integration tests, ${missing.join(', ')}`,
      'Run `bash scripts/setup-test-services.sh` as root to install them and build the ' +
        'Asterisk root (`bash .ci/run` does it too).',
    );
  }
}
