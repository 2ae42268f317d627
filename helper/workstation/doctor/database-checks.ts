import type { HelperConfig, LookupQueryName } from '../../config/types';
import { REQUIRED_ALIASES } from '../../lookup/aliases';
import { splitExtensions } from '../../lookup/extensions';
import { CALLER_QUERY_NAMES } from '../../lookup/merge-identity';
import { tr } from '../../core/cli-text';
import { fail, NO_PROGRESS, ok, skip } from './check-result';
import type { CheckProgress, CheckResult } from './check-result';
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
import './russian';

/** A well-formed number that belongs to nobody: the queries run, nothing is read. */
export const DUMMY_NUMBER = '70000000000';
const DUMMY_USER = 'courier-helper-doctor';
const WRITE_PRIVILEGES = /\b(ALL PRIVILEGES|INSERT|UPDATE|DELETE|DROP|ALTER|CREATE|SUPER)\b/i;

type DatabaseCheckConfig = Pick<HelperConfig, 'database' | 'lookup' | 'operator'>;

/** The check names, in the command-line language. */
const NAMES = {
  reachable: () => tr`database reachable`,
  readOnly: () => tr`database account is read-only`,
  query: (key: string) => tr`${key} runs`,
  indexed: () => tr`contacts.VALUE lookup uses an index`,
};

async function readOnly(
  database: DoctorDatabase,
  config: DatabaseCheckConfig,
): Promise<CheckResult> {
  const name = NAMES.readOnly();
  try {
    const { rows } = await database.query('SHOW GRANTS', []);
    const grants = rows.map((row) => String(Object.values(row)[0] ?? ''));
    const writable = grants.filter((grant) => WRITE_PRIVILEGES.test(grant.split(' ON ')[0] ?? ''));
    if (writable.length === 0) return ok(name, tr`"${config.database.user}" may only read`);
    const sql = `CREATE USER 'courier_ro'@'%' IDENTIFIED BY '...'; GRANT SELECT ON \`${config.database.database}\`.* TO 'courier_ro'@'%';`;
    return fail(
      name,
      tr`"${config.database.user}" may also change data (${writable[0]?.split(' TO ')[0]})`,
      tr`give the helper an account with SELECT only, e.g. ${sql}`,
    );
  } catch (error) {
    return fail(
      name,
      tr`cannot read the account's grants: ${(error as Error).message}`,
      tr`run doctor again`,
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
        NAMES.query(key),
        tr`the query runs but returns no column ${missing.join(', ')}`,
        tr`alias the matching columns in ${key}: ${missing.map((alias) => `... AS ${alias}`).join(', ')}`,
      );
    }
    if (name === 'operatorExtensions' && config.operator.user !== '') {
      const extensions = splitExtensions(rows.map((row) => String(row.extensions ?? '')).join(','));
      return extensions.length > 0
        ? ok(
            NAMES.query(key),
            tr`operator "${config.operator.user}" has extensions ${extensions.join(',')}`,
          )
        : fail(
            NAMES.query(key),
            rows.length === 0
              ? tr`the cabinet has no user "${config.operator.user}"`
              : tr`the cabinet user "${config.operator.user}" has no extension in users.extPhone`,
            tr`correct operator.user, fill users.extPhone in the user card, or set operator.extensions instead`,
          );
    }
    return ok(NAMES.query(key), tr`returns ${REQUIRED_ALIASES[name].join(', ')}`);
  } catch (error) {
    const { detail, fix } = diagnoseQuery(error, key);
    return fail(NAMES.query(key), detail, fix);
  }
}

async function contactsIndexed(
  database: DoctorDatabase,
  config: DatabaseCheckConfig,
): Promise<CheckResult> {
  const name = NAMES.indexed();
  const missingFix = tr`on the database server run: ${CREATE_CONTACTS_INDEX}`;
  try {
    const indexes = valueIndexes((await database.query('SHOW INDEX FROM contacts', [])).rows);
    if (indexes.length === 0) {
      return fail(
        name,
        tr`contacts has no index on VALUE, so every call reads the whole table`,
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
        bypassing.push(`lookup.${query} (${key === undefined ? tr`full scan` : tr`uses ${key}`})`);
      }
    }
    if (bypassing.length > 0) {
      return fail(
        name,
        tr`${bypassing.join(', ')} does not search contacts by ${indexes.join(', ')}`,
        tr`compare VALUE with the ? directly in those queries (no function around the column), then run ANALYZE TABLE contacts; if it persists, run: ${CREATE_CONTACTS_INDEX}`,
      );
    }
    return ok(name, tr`every lookup searches contacts by ${indexes.join(', ')}`);
  } catch (error) {
    const { detail } = diagnoseQuery(error, 'lookup');
    return fail(
      name,
      tr`cannot read the query plans: ${detail}`,
      tr`fix the failing lookup queries above first`,
    );
  }
}

/** Reachability, the account, every lookup query, and the index the lookups depend on. */
export async function checkDatabase(
  config: DatabaseCheckConfig,
  factory: DoctorDatabaseFactory = openDoctorDatabase,
  progress: CheckProgress = NO_PROGRESS,
): Promise<CheckResult[]> {
  const db = config.database;
  const database = factory(db);
  const queryNames = Object.keys(config.lookup) as LookupQueryName[];
  const results: CheckResult[] = [];
  const step = async (name: string, check: () => Promise<CheckResult>): Promise<void> => {
    progress.start(name);
    results.push(progress.end(await check()));
  };
  try {
    progress.start(NAMES.reachable());
    try {
      await database.query('SELECT 1', []);
    } catch (error) {
      const { detail, fix } = diagnoseConnection(error, db);
      const needs = tr`needs the database`;
      return [
        fail(NAMES.reachable(), detail, fix),
        ...queryNames.map((name) => skip(NAMES.query(`lookup.${name}`), needs)),
        skip(NAMES.indexed(), needs),
      ];
    }
    results.push(
      progress.end(
        ok(
          NAMES.reachable(),
          tr`logged in to ${db.host}:${db.port}/${db.database} as "${db.user}"`,
        ),
      ),
    );
    await step(NAMES.readOnly(), () => readOnly(database, config));
    for (const name of queryNames) {
      await step(NAMES.query(`lookup.${name}`), () => queryRuns(database, config, name));
    }
    await step(NAMES.indexed(), () => contactsIndexed(database, config));
    return results;
  } finally {
    await database.close().catch(() => undefined);
  }
}
