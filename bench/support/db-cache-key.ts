import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR_DIR = fileURLToPath(new URL('../../harness/courier-db/', import.meta.url));
const SCHEMA_DIR = fileURLToPath(new URL('../../db/', import.meta.url));
/** Raised when the layout of the cached directory itself changes. */
const CACHE_FORMAT = 1;

export interface DbCacheKeyInput {
  readonly contacts: number;
  readonly seed: number;
  /** `mariadbd --version`: a data directory is only reused by the server that wrote it. */
  readonly serverVersion: string;
}

function filesOf(dir: string, ending: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(ending))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * A short digest of everything that decides the generated database's content: the
 * generator's sources, the schema and roles, the size, the seed and the server version.
 * Any change to one of them gives a new key, so a stale cache is never reused.
 */
export function dbCacheKey(input: DbCacheKeyInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      format: CACHE_FORMAT,
      contacts: input.contacts,
      seed: input.seed,
      server: input.serverVersion.trim(),
    }),
  );
  for (const file of [...filesOf(GENERATOR_DIR, '.ts'), ...filesOf(SCHEMA_DIR, '.sql')]) {
    hash.update(`\0${file.slice(file.lastIndexOf('/') + 1)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}
