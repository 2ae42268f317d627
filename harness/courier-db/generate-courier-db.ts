import { fileURLToPath } from 'node:url';
import { createConnection, type Connection, type ConnectionOptions } from 'mysql2/promise';
import { buildIndexes } from './build-indexes';
import { BulkLoader } from './bulk-loader';
import type { CourierTable } from './courier-rows';
import { GenerationContext, type TableRow } from './generation-context';
import { createPrng } from './prng';
import { randomClients, randomContactPersons } from './random-clients';
import { randomDeliveries } from './random-deliveries';
import { randomCouriers, randomUsers } from './random-staff';
import { courierDbSizes, type CourierDbSizes } from './sizes';
import { isIndexStatement, readSqlStatements } from './sql-statements';
import { WELL_KNOWN_NUMBERS, wellKnownRows } from './well-known-data';

export const COURIER_DATABASE = 'courier';
export const SCHEMA_FILE = fileURLToPath(new URL('../../db/courier-schema.sql', import.meta.url));
export const ROLES_FILE = fileURLToPath(new URL('../../db/roles.sql', import.meta.url));

export interface CourierDbTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password?: string;
}

export interface GenerateCourierDbOptions {
  /** Server to load into, as an account that may create databases and users. */
  readonly target: CourierDbTarget;
  /** Total rows in `contacts`; every other table is sized from it. Default 3,000. */
  readonly contacts?: number;
  readonly seed?: number;
  /** Database to create; default `courier`. Another name suits side-by-side comparisons. */
  readonly database?: string;
  /** Drop an existing database of that name instead of refusing to touch it. */
  readonly replace?: boolean;
  /**
   * Also create the read-only lookup account from `db/roles.sql` (it grants on `courier.*`).
   * Default: only when the database is `courier`.
   */
  readonly roles?: boolean;
}

export interface CourierDbReport {
  readonly sizes: CourierDbSizes;
  readonly rows: Readonly<Record<CourierTable, number>>;
  readonly loadMs: number;
  readonly indexMs: number;
  readonly totalMs: number;
}

export class CourierDbExistsError extends Error {
  override readonly name = 'CourierDbExistsError';

  constructor(database: string, target: CourierDbTarget) {
    super(
      `database \`${database}\` already exists on ${target.host}:${target.port}; ` +
        'pass replace: true (--replace on the command line) to drop and regenerate it',
    );
  }
}

export class CourierDbNameError extends RangeError {
  override readonly name = 'CourierDbNameError';
}

type Fixtures = ReturnType<typeof wellKnownRows>;

function* allRows(ctx: GenerationContext, fixtures: Fixtures): Generator<TableRow> {
  for (const table of Object.keys(fixtures) as CourierTable[]) {
    for (const row of fixtures[table]) yield { table, row } as TableRow;
  }
  yield* randomUsers(ctx);
  yield* randomCouriers(ctx);
  yield* randomClients(ctx);
  yield* randomContactPersons(ctx);
  yield* randomDeliveries(ctx);
}

async function createTables(
  connection: Connection,
  options: GenerateCourierDbOptions,
  database: string,
  tableStatements: readonly string[],
): Promise<void> {
  const [existing] = await connection.query(
    'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
    [database],
  );
  if ((existing as unknown[]).length > 0) {
    if (!options.replace) throw new CourierDbExistsError(database, options.target);
    await connection.query(`DROP DATABASE \`${database}\``);
  }
  await connection.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.query(`USE \`${database}\``);
  for (const statement of tableStatements) await connection.query(statement);
}

async function loadRows(
  connectionOptions: ConnectionOptions,
  options: GenerateCourierDbOptions,
  sizes: CourierDbSizes,
): Promise<Record<CourierTable, number>> {
  const fixtures = wellKnownRows();
  const reserved = new Set<string>([
    ...fixtures.contacts.map((c) => c.VALUE),
    ...Object.values(WELL_KNOWN_NUMBERS),
  ]);
  const ctx = new GenerationContext(
    createPrng(options.seed ?? 1),
    sizes,
    reserved,
    fixtures.contacts.length,
  );
  const loader = new BulkLoader(async () => {
    const connection = await createConnection(connectionOptions);
    await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
    return connection;
  });
  try {
    for (const { table, row } of allRows(ctx, fixtures)) await loader.add(table, row);
    await loader.finish();
  } finally {
    await loader.close();
  }
  return { ...loader.counts };
}

/**
 * Creates the `courier` database on the target server and fills it with deterministic,
 * realistic data plus the well-known fixtures. Indexes are built after the load.
 */
export async function generateCourierDb(
  options: GenerateCourierDbOptions,
): Promise<CourierDbReport> {
  const started = performance.now();
  const sizes = courierDbSizes(options.contacts ?? 3_000);
  const statements = readSqlStatements(SCHEMA_FILE);
  const serverOptions: ConnectionOptions = {
    host: options.target.host,
    port: options.target.port,
    user: options.target.user,
    password: options.target.password ?? '',
    charset: 'utf8mb4_unicode_ci',
    flags: ['+LOCAL_FILES'],
  };
  const database = options.database ?? COURIER_DATABASE;
  if (!/^\w+$/.test(database)) {
    throw new CourierDbNameError(
      `database name must be letters, digits and _ only, got "${database}"`,
    );
  }
  const databaseOptions = { ...serverOptions, database };
  const connection = await createConnection(serverOptions);
  try {
    await createTables(
      connection,
      options,
      database,
      statements.filter((s) => !isIndexStatement(s)),
    );
    const rows = await loadRows(databaseOptions, options, sizes);
    const loaded = performance.now();
    await buildIndexes(databaseOptions, statements.filter(isIndexStatement));
    const indexed = performance.now();
    if (options.roles ?? database === COURIER_DATABASE) {
      for (const statement of readSqlStatements(ROLES_FILE)) await connection.query(statement);
    }
    return {
      sizes,
      rows,
      loadMs: loaded - started,
      indexMs: indexed - loaded,
      totalMs: performance.now() - started,
    };
  } finally {
    await connection.end();
  }
}
