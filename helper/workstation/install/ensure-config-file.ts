import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `text` to `file` unless a file is already there; resolves whether it wrote. Owner
 * read/write only: the file is where the AMI secret and database password go.
 */
export function ensureConfigFile(file: string, text: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  return true;
}
