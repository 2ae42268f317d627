import { statSync } from 'node:fs';
import type { LoadConfigResult } from './load';

/** A file holding a secret that other accounts on the computer may read. */
export interface ExposedSecretFile {
  readonly file: string;
  /** What secret it holds, for the message: `pbx.secret, database.password`. */
  readonly holds: string;
  /** Its permission bits, e.g. 0o644. */
  readonly mode: number;
  /** The command that fixes it, ready to paste. */
  readonly fix: string;
}

/** A path as a POSIX shell reads it back, quoted only when it needs to be. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

function exposed(file: string, holds: string): ExposedSecretFile | undefined {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    // A file that cannot be read is reported where it is read.
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  return { file, holds, mode, fix: `chmod 600 ${shellWord(file)}` };
}

/**
 * The configuration file when it holds a secret itself (the AMI secret, a database
 * password, the callback tokens), and the TLS key of the callback endpoint, when group or
 * others may read them. POSIX only: Windows keeps the per-user folders private with ACLs,
 * and its mode bits say nothing about them.
 */
export function exposedSecretFiles(
  loaded: LoadConfigResult,
  platform: NodeJS.Platform = process.platform,
): ExposedSecretFile[] {
  if (platform === 'win32') return [];
  const config = loaded.ok ? loaded.config : loaded.partial;
  if (config === undefined) return [];
  const found: ExposedSecretFile[] = [];
  const secrets = loaded.secretsInFile ?? [];
  if (config.paths.file !== null && secrets.length > 0) {
    const file = exposed(config.paths.file, secrets.join(', '));
    if (file !== undefined) found.push(file);
  }
  if (config.server.tlsKeyFile !== '') {
    const key = exposed(config.server.tlsKeyFile, 'the private key of server.tlsKeyFile');
    if (key !== undefined) found.push(key);
  }
  return found;
}

/** One line saying what is exposed and how to fix it. */
export function describeExposure(exposure: ExposedSecretFile): string {
  const mode = exposure.mode.toString(8).padStart(4, '0');
  return `${exposure.file} holds ${exposure.holds} and other accounts on this computer may read it (mode ${mode})`;
}
