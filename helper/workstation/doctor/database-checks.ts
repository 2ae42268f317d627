import type { HelperConfig, LookupQueryName } from '../../config/types';
import { REQUIRED_ALIASES } from '../../lookup/aliases';
import { splitExtensions } from '../../lookup/extensions';
import { CALLER_QUERY_NAMES } from '../../lookup/merge-identity';
import { fail, ok, skip } from './check-result';
import type { CheckResult } from './check-result';
import {
  contactsAlias,
  CREATE_CONTACTS_INDEX,
  keyUsed,
  planReads,
  valueIndexes,
} from './contacts-index';
import { diagnoseConnection, diagnoseQuery } from './database-errors';
import type { DoctorDatabase, DoctorDatabaseFactory } from './doctor-database';
import { openDoctorDatabase } from './doctor-database';

/** A well-formed number that belongs to nobody: the queries run, nothing is read. */
export const DUMMY_NUMBER = '70000000000';
const DUMMY_USER = 'courier-helper-doctor';
const WRITE_PRIVILEGES = /\b(ALL PRIVILEGES|INSERT|UPDATE|DELETE|DROP|ALTER|CREATE|SUPER)\b/i;

type DatabaseCheckConfig = Pick<HelperConfig, 'database' | 'lookup' | 'operator'>;

async function readOnly(
  database: DoctorDatabase,
  config: DatabaseCheckConfig,
): Promise<CheckResult> {
  const name = 'database account is read-only';
  try {
    const { rows } = await database.query('SHOW GRANTS', []);
    const grants = rows.map((row) => String(Object.values(row)[0] ?? ''));
    const writable = grants.filter((grant) => WRITE_PRIVILEGES.test(grant.split(' ON ')[0] ?? ''));
    if (writable.length === 0) return ok(name, `"${config.database.user}" may only read`);
    return fail(
      name,
      `"${config.database.user}" may also change data (${writable[0]?.split(' TO ')[0]})`,
      'give the helper an account with SELECT only, e.g. ' +
        `CREATE USER 'courier_ro'@'%' IDENTIFIED BY '...'; GRANT SELECT ON \`${config.database.database}\`.* TO 'courier_ro'@'%';`,
    );
  } catch (error) {
    return fail(
      name,
      `cannot read the account's grants: ${(error as Error).message}`,
      'run doctor again',
    );
  }
}

async function queryRuns(
  database: DoctorDatabase,
  config: DatabaseCheckConfig,
  name: LookupQueryName,
): Promise<CheckResult> {
  const key = `lookup.${name}`;
  const param = name === 'operatorExtensions' ? config.operator.user || DUMMY_USER : DUMMY_NUMBER;
  try {
    const { columns, rows } = await database.execute(config.lookup[name], [param]);
    const missing = REQUIRED_ALIASES[name].filter((alias) => !columns.includes(alias));
    if (missing.length > 0) {
      return fail(
        `${key} runs`,
        `the query runs but returns no column ${missing.join(', ')}`,
        `alias the matching columns in ${key}: ${missing.map((alias) => `... AS ${alias}`).join(', ')}`,
      );
    }
    if (name === 'operatorExtensions' && config.operator.user !== '') {
      const extensions = splitExtensions(rows.map((row) => String(row.extensions ?? '')).join(','));
      return extensions.length > 0
        ? ok(
            `${key} runs`,
            `operator "${config.operator.user}" has extensions ${extensions.join(',')}`,
          )
        : fail(
            `${key} runs`,
            rows.length === 0
              ? `the cabinet has no user "${config.operator.user}"`
              : `the cabinet user "${config.operator.user}" has no extension in users.extPhone`,
            'correct operator.user, fill users.extPhone in the user card, or set operator.extensions instead',
          );
    }
    return ok(`${key} runs`, `returns ${REQUIRED_ALIASES[name].join(', ')}`);
  } catch (error) {
    const { detail, fix } = diagnoseQuery(error, key);
    return fail(`${key} runs`, detail, fix);
  }
}

async function contactsIndexed(
  database: DoctorDatabase,
  config: DatabaseCheckConfig,
): Promise<CheckResult> {
  const name = 'contacts.VALUE lookup uses an index';
  const missingFix = `on the database server run: ${CREATE_CONTACTS_INDEX}`;
  try {
    const indexes = valueIndexes((await database.query('SHOW INDEX FROM contacts', [])).rows);
    if (indexes.length === 0) {
      return fail(
        name,
        'contacts has no index on VALUE, so every call reads the whole table',
        missingFix,
      );
    }
    const bypassing: string[] = [];
    for (const query of CALLER_QUERY_NAMES) {
      const sql = config.lookup[query];
      const alias = contactsAlias(sql);
      if (!alias) continue;
      const plan = (
        await database.query(`EXPLAIN ${sql.trim().replace(/;\s*$/, '')}`, [DUMMY_NUMBER])
      ).rows;
      const key = keyUsed(plan, alias);
      if (planReads(plan, alias) && (key === undefined || !indexes.includes(key))) {
        bypassing.push(`lookup.${query} (${key === undefined ? 'full scan' : `uses ${key}`})`);
      }
    }
    if (bypassing.length > 0) {
      return fail(
        name,
        `${bypassing.join(', ')} does not search contacts by ${indexes.join(', ')}`,
        `compare VALUE with the ? directly in those queries (no function around the column), ` +
          `then run ANALYZE TABLE contacts; if it persists, run: ${CREATE_CONTACTS_INDEX}`,
      );
    }
    return ok(name, `every lookup searches contacts by ${indexes.join(', ')}`);
  } catch (error) {
    const { detail } = diagnoseQuery(error, 'lookup');
    return fail(
      name,
      `cannot read the query plans: ${detail}`,
      'fix the failing lookup queries above first',
    );
  }
}

/** Reachability, the account, every lookup query, and the index the lookups depend on. */
export async function checkDatabase(
  config: DatabaseCheckConfig,
  factory: DoctorDatabaseFactory = openDoctorDatabase,
): Promise<CheckResult[]> {
  const db = config.database;
  const database = factory(db);
  const queryNames = Object.keys(config.lookup) as LookupQueryName[];
  try {
    try {
      await database.query('SELECT 1', []);
    } catch (error) {
      const { detail, fix } = diagnoseConnection(error, db);
      return [
        fail('database reachable', detail, fix),
        ...queryNames.map((name) => skip(`lookup.${name} runs`, 'needs the database')),
        skip('contacts.VALUE lookup uses an index', 'needs the database'),
      ];
    }
    const results: CheckResult[] = [
      ok('database reachable', `logged in to ${db.host}:${db.port}/${db.database} as "${db.user}"`),
      await readOnly(database, config),
    ];
    for (const name of queryNames) results.push(await queryRuns(database, config, name));
    results.push(await contactsIndexed(database, config));
    return results;
  } finally {
    await database.close().catch(() => undefined);
  }
}
