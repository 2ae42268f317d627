import { directoryMigrations, textMigrations, type MigrationSource } from './migration-source';

/**
 * The migrations this build of the helper carries: the text bundled into the single-file
 * executable, or, when running from the source tree (tsx, tests), where `.sql` files cannot
 * be imported, the `db/migrations` folder.
 */
export async function availableMigrations(): Promise<MigrationSource> {
  try {
    const { BUNDLED_MIGRATIONS } = await import('./bundled-migrations');
    return textMigrations(BUNDLED_MIGRATIONS);
  } catch {
    return directoryMigrations();
  }
}
