import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCodeUnits } from '../core/code-unit-order';

export interface Migration {
  /** `001`, `002`, … from the file name; applied in this order. */
  readonly version: string;
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of the text, to notice a migration edited after it was applied. */
  readonly checksum: string;
}

/** Where the migrations come from: the `db/migrations` folder, or text bundled with the helper. */
export interface MigrationSource {
  list(): Promise<Migration[]>;
}

const FILE_NAME = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/**
 * `db/migrations` of the source tree. Resolved when asked, not at import: a bundled helper
 * has no source tree and passes its migrations as text instead.
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../db/migrations/', import.meta.url));
}

export function migrationOf(fileName: string, sql: string): Migration | undefined {
  const match = FILE_NAME.exec(fileName);
  if (match === null) return undefined;
  return {
    version: match[1] ?? '',
    name: match[2] ?? '',
    sql,
    checksum: createHash('sha256').update(sql).digest('hex'),
  };
}

/** Migrations given as text, e.g. embedded in the single-file helper. */
export function textMigrations(files: Readonly<Record<string, string>>): MigrationSource {
  return {
    list: async () =>
      Object.entries(files)
        .map(([name, sql]) => migrationOf(name, sql))
        .filter((m): m is Migration => m !== undefined)
        .sort((a, b) => byCodeUnits(a.version, b.version)),
  };
}

/** `NNN_name.sql` files of a folder. */
export function directoryMigrations(dir?: string): MigrationSource {
  return {
    list: async () => {
      const folder = dir ?? defaultMigrationsDir();
      const names = (await readdir(folder)).filter((name) => FILE_NAME.test(name));
      const files: Record<string, string> = {};
      for (const name of names) files[name] = await readFile(join(folder, name), 'utf8');
      return textMigrations(files).list();
    },
  };
}

const CREATE_TABLE = /\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?`?([A-Za-z0-9_$]+)`?/gi;

/** The tables the migrations create, in order: the ones the helper's account writes. */
export function migrationTables(migrations: readonly Migration[]): string[] {
  const tables = new Set<string>();
  for (const migration of migrations) {
    for (const match of migration.sql.matchAll(CREATE_TABLE)) {
      if (match[1] !== undefined && match[1] !== '') tables.add(match[1]);
    }
  }
  return [...tables];
}
