import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Environment } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import { loadConfig } from '../../config/load';
import { InstallError } from './install-context';

/**
 * Copies the office's configuration (one file for every seat, e.g. on a file share) to the
 * seat's own place, readable by this account only: the share's copy is readable by many,
 * and the helper must not depend on the share being reachable when the session starts. The
 * file is checked first, on this seat (its login name, its environment), and a broken one
 * is refused with every problem listed, leaving the seat's copy as it was. An earlier copy
 * is replaced, so installing again takes the office's changes.
 */
export function copyOfficeConfig(source: string, target: string, env: Environment): string[] {
  const loaded = loadConfig({ file: source, env });
  if (!loaded.ok) {
    const problems = loaded.problems.map((p) => `  ${p.key}: ${p.message} (${p.fix})`);
    throw new InstallError(
      `${tr`the configuration ${source} has problems on this seat; the seat's copy is unchanged:`}\n${problems.join('\n')}`,
    );
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  copyFileSync(source, target);
  // copyFileSync keeps the source's mode; the copy holds secrets and is the owner's alone.
  chmodSync(target, 0o600);
  return [
    tr`Copied the office configuration ${source} to ${target} (readable by this account only).`,
  ];
}

/** Whether `--config` names an existing file other than the one the helper will run with. */
export function isOfficeConfig(source: string | undefined, target: string): source is string {
  return source !== undefined && source !== target && existsSync(source);
}
