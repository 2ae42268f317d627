import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneDefaults } from '../../../../../helper/config/defaults';
import type { DatabaseConfig, HelperConfig } from '../../../../../helper/config/types';
import {
  checkJournal,
  journalSpoolDir,
} from '../../../../../helper/workstation/doctor/journal-checks';
import type { CheckResult } from '../../../../../helper/workstation/doctor/check-result';
import type { MigrationSource } from '../../../../../helper/journal/migration-source';
import { ENTRY_COLUMNS, OUTCOME_COLUMNS } from '../../../../../helper/journal/journal-sql';
import {
  JOURNAL_USER,
  sqlError,
  WRITER_GRANTS,
  withJournal,
  type JournalDatabaseState,
} from '../../../../support/helper/workstation/doctor/fake-journal-database';

const JOURNAL_PASSWORD = 'journal-Secret-1234';

describe('checkJournal', () => {
  let dir: string;
  let config: Pick<HelperConfig, 'database' | 'journal' | 'paths'>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'doctor-journal-'));
    const values = cloneDefaults();
    config = {
      database: { ...values.database, host: 'db.office.lan', user: 'courier_ro' },
      journal: { enabled: true, user: JOURNAL_USER, password: JOURNAL_PASSWORD, spoolDir: '' },
      paths: { file: join(dir, 'helper.toml'), stateDir: dir },
    };
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (state: JournalDatabaseState, opened: DatabaseConfig[] = []) =>
    checkJournal(config, { database: withJournal(state, undefined, opened) });

  const line = (results: CheckResult[], name: string): CheckResult => {
    const found = results.find((result) => result.name === name);
    if (!found) throw new Error(`no "${name}" in ${JSON.stringify(results)}`);
    return found;
  };

  it('says the journal is off in one skip line', async () => {
    config.journal.enabled = false;
    expect(await run({})).toEqual([
      {
        status: 'skip',
        name: 'journal checks',
        detail: 'journal.enabled is false, so calls are not written to the database',
      },
    ]);
  });

  it('passes a migrated database and a writer limited to the journal tables', async () => {
    const opened: DatabaseConfig[] = [];
    const results = await run({}, opened);
    expect(results.map((result) => [result.status, result.name])).toEqual([
      ['ok', 'journal account connects'],
      ['ok', 'journal tables migrated'],
      ['ok', 'journal columns and paging index'],
      ['ok', 'journal account grants'],
      ['ok', 'journal spool folder writable'],
    ]);
    expect(line(results, 'journal account connects').detail).toBe(
      'logged in to db.office.lan:3306/courier as "courier_journal"',
    );
    expect(line(results, 'journal tables migrated').detail).toBe(
      'call_journal, call_journal_orders, call_feedback, courier_callback_memory present, migrations up to 006 applied',
    );
    expect(line(results, 'journal account grants').detail).toBe(
      '"courier_journal" may SELECT, INSERT, UPDATE call_journal, call_journal_orders, call_feedback, courier_callback_memory and nothing else',
    );
    expect(opened.map((db) => [db.user, db.password, db.host])).toEqual([
      [JOURNAL_USER, JOURNAL_PASSWORD, 'db.office.lan'],
      ['courier_ro', config.database.password, 'db.office.lan'],
    ]);
  });

  it('names journal.password when the login is refused, and skips what needs it', async () => {
    const results = await run({ connectError: sqlError('ER_ACCESS_DENIED_ERROR') });
    const connects = line(results, 'journal account connects');
    expect(connects.status).toBe('fail');
    expect(connects.detail).toBe(
      'the server refused the login as "courier_journal" (ER_ACCESS_DENIED_ERROR)',
    );
    expect(connects.fix).toContain('check journal.user and journal.password');
    expect(connects.fix).toContain('courier-helper migrate');
    expect(line(results, 'journal tables migrated').status).toBe('skip');
    expect(line(results, 'journal account grants').status).toBe('skip');
    expect(line(results, 'journal spool folder writable').status).toBe('ok');
  });

  it('sends an account without rights in the database to migrate', async () => {
    const results = await run({ connectError: sqlError('ER_DBACCESS_DENIED_ERROR') });
    const connects = line(results, 'journal account connects');
    expect(connects.detail).toBe(
      'the account "courier_journal" has no rights in "courier" (ER_DBACCESS_DENIED_ERROR)',
    );
    expect(connects.fix).toMatch(
      /^run courier-helper migrate --config \S+helper\.toml --admin-user <an account that may create tables>, with that account's password in COURIER_MIGRATE_ADMIN_PASSWORD: it grants/,
    );
  });

  it('shares the database diagnoses for an unreachable server', async () => {
    const results = await run({ connectError: sqlError('ECONNREFUSED') });
    const connects = line(results, 'journal account connects');
    expect(connects.detail).toBe('cannot reach the database at db.office.lan:3306 (ECONNREFUSED)');
    expect(connects.fix).toContain('check database.host and database.port');
  });

  it('sends missing tables to migrate', async () => {
    const results = await run({ tables: ['call_journal'], versions: sqlError('ER_NO_SUCH_TABLE') });
    const tables = line(results, 'journal tables migrated');
    expect(tables.status).toBe('fail');
    expect(tables.detail).toBe(
      '"courier_journal" sees no table call_journal_orders, call_feedback, courier_callback_memory in "courier"; ' +
        'no journal migration is recorded in telephony_schema_migrations',
    );
    expect(tables.fix).toMatch(/^run courier-helper migrate --config /);
    expect(line(results, 'journal columns and paging index').status).toBe('ok');
  });

  it('sends a database behind this helper to migrate', async () => {
    const results = await run({ versions: ['001', '002', '003'] });
    const tables = line(results, 'journal tables migrated');
    expect(tables.status).toBe('fail');
    expect(tables.detail).toBe('migration 004, 005, 006 of this helper (up to 006) is not applied');
    expect(tables.fix).toContain('courier-helper migrate');
  });

  it('names the outcome columns and the paging index a journal without 005 lacks', async () => {
    const results = await run({
      versions: ['001', '002', '003'],
      columns: ['id', ...ENTRY_COLUMNS.filter((c) => !OUTCOME_COLUMNS.some((o) => o === c))],
      indexes: { PRIMARY: ['id'], ix_call_journal_extension: ['extension', 'started_at'] },
    });
    const columns = line(results, 'journal columns and paging index');
    expect(columns.status).toBe('fail');
    expect(columns.detail).toBe(
      'call_journal has no column outcome, outcome_label, note, outcome_order_code, ' +
        'outcome_order_number, noted_at; call_journal has no index on (extension, started_at, call_id)',
    );
    expect(columns.fix).toMatch(/^run courier-helper migrate --config /);
  });

  it('finds the paging index under any name', async () => {
    const results = await run({
      indexes: { by_operator: ['extension', 'started_at', 'call_id', 'id'] },
    });
    expect(line(results, 'journal columns and paging index')).toMatchObject({
      status: 'ok',
      detail: `the ${ENTRY_COLUMNS.length} columns the helper writes are there; pages read along by_operator`,
    });
  });

  it('judges by the tables alone when the lookup account cannot read the bookkeeping', async () => {
    const results = await run({
      versions: sqlError('ER_TABLEACCESS_DENIED_ERROR', 'SELECT command denied'),
    });
    const tables = line(results, 'journal tables migrated');
    expect(tables.status).toBe('ok');
    expect(tables.detail).toContain('which migrations are applied is not readable as "courier_ro"');
  });

  it('names rights beyond the journal tables and how to take them back', async () => {
    const results = await run({
      grants: [
        ...WRITER_GRANTS,
        'GRANT SELECT ON `courier`.* TO `courier_journal`@`%`',
        'GRANT DELETE ON `courier`.`call_journal` TO `courier_journal`@`%`',
      ],
    });
    const grants = line(results, 'journal account grants');
    expect(grants.status).toBe('fail');
    expect(grants.detail).toBe(
      '"courier_journal" may do more than write the journal: SELECT ON `courier`.*; DELETE ON `courier`.`call_journal`',
    );
    expect(grants.fix).toMatch(
      /^on the database server run: REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'courier_journal'@'%'; then run courier-helper migrate/,
    );
  });

  it('treats the right to grant as broader', async () => {
    const results = await run({
      grants: WRITER_GRANTS.map((grant) =>
        grant.includes('call_feedback') ? `${grant} WITH GRANT OPTION` : grant,
      ),
    });
    expect(line(results, 'journal account grants').detail).toContain(
      'GRANT OPTION ON `courier`.`call_feedback`',
    );
  });

  it('names the rights missing on a journal table with the GRANT to run', async () => {
    const results = await run({
      grants: [
        ...WRITER_GRANTS.filter((grant) => !grant.includes('call_feedback')),
        'GRANT SELECT ON `courier`.`call_feedback` TO `courier_journal`@`10.0.%`',
      ],
    });
    const grants = line(results, 'journal account grants');
    expect(grants.status).toBe('fail');
    expect(grants.detail).toBe('"courier_journal" may not INSERT, UPDATE on call_feedback');
    expect(grants.fix).toContain('courier-helper migrate');
    expect(grants.fix).toContain(
      "GRANT SELECT, INSERT, UPDATE ON `courier`.`call_feedback` TO 'courier_journal'@'%';",
    );
  });

  it('reports grants it cannot read', async () => {
    const results = await run({ grantsError: sqlError('ER_QUERY_INTERRUPTED', 'interrupted') });
    expect(line(results, 'journal account grants')).toMatchObject({
      status: 'fail',
      detail: "cannot read the account's grants: ER_QUERY_INTERRUPTED: interrupted",
    });
  });

  it('reports migrations it cannot list instead of stopping', async () => {
    const broken: MigrationSource = {
      list: () => Promise.reject(new Error('no db/migrations here')),
    };
    const results = await checkJournal(config, { database: withJournal({}), migrations: broken });
    expect(line(results, 'journal tables migrated')).toMatchObject({
      status: 'fail',
      detail: 'cannot read the migrations this helper carries: no db/migrations here',
    });
    expect(line(results, 'journal account grants').status).toBe('skip');
  });

  it('checks the configured spool folder, else "journal" beside the configuration', async () => {
    expect(journalSpoolDir(config)).toBe(join(dir, 'journal'));
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    config.journal.spoolDir = join(blocker, 'spool');
    const results = await run({});
    expect(line(results, 'journal spool folder writable')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('set journal.spoolDir to a folder'),
    });
  });
});
