import type {
  DoctorDatabase,
  DoctorDatabaseFactory,
  QueryAnswer,
} from '../../../../../helper/workstation/doctor/doctor-database';
import type { DatabaseConfig } from '../../../../../helper/config/types';
import { ENTRY_COLUMNS } from '../../../../../helper/journal/journal-sql';

export const JOURNAL_USER = 'courier_journal';
export const JOURNAL_TABLES = [
  'call_journal',
  'call_journal_orders',
  'call_feedback',
  'courier_callback_memory',
];

export const WRITER_GRANTS = [
  "GRANT USAGE ON *.* TO `courier_journal`@`%` IDENTIFIED BY PASSWORD '*0123456789ABCDEF'",
  ...JOURNAL_TABLES.map(
    (table) =>
      `GRANT SELECT, INSERT, UPDATE ON \`courier\`.\`${table}\` TO \`courier_journal\`@\`%\``,
  ),
];

/** How the courier database answers the journal account and the migration bookkeeping. */
export interface JournalDatabaseState {
  /** The journal account's login fails with this. */
  connectError?: Error;
  /** What `SHOW TABLES` lists for the journal account. */
  tables?: string[];
  /** `SHOW GRANTS` of the journal account. */
  grants?: string[];
  grantsError?: Error;
  /** Rows of telephony_schema_migrations; an Error when reading it fails. */
  versions?: string[] | Error;
  /** The columns of call_journal; every one the helper writes by default. */
  columns?: readonly string[];
  /** `SHOW INDEX FROM call_journal` as index name → its columns in order. */
  indexes?: Record<string, string[]>;
}

/** The migrations the helper carries, all applied. */
export const APPLIED_VERSIONS = ['001', '002', '003', '004', '005', '006'];

const MIGRATED_INDEXES: Record<string, string[]> = {
  PRIMARY: ['id'],
  uq_call_journal_call: ['call_id', 'extension'],
  ix_call_journal_pages: ['extension', 'started_at', 'call_id'],
};

export function sqlError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

const answer = (rows: Record<string, unknown>[]): QueryAnswer => ({
  rows,
  columns: Object.keys(rows[0] ?? {}),
});

function journalAccount(state: JournalDatabaseState): DoctorDatabase {
  const query = async (sql: string): Promise<QueryAnswer> => {
    if (state.connectError) throw state.connectError;
    if (sql === 'SELECT 1') return answer([{ 1: 1 }]);
    if (sql === 'SHOW TABLES') {
      return answer(
        (state.tables ?? JOURNAL_TABLES).map((table) => ({ Tables_in_courier: table })),
      );
    }
    if (sql === 'SHOW COLUMNS FROM call_journal') {
      if (!(state.tables ?? JOURNAL_TABLES).includes('call_journal')) {
        throw sqlError('ER_NO_SUCH_TABLE');
      }
      return answer((state.columns ?? ['id', ...ENTRY_COLUMNS]).map((Field) => ({ Field })));
    }
    if (sql === 'SHOW INDEX FROM call_journal') {
      return answer(
        Object.entries(state.indexes ?? MIGRATED_INDEXES).flatMap(([Key_name, columns]) =>
          columns.map((Column_name, i) => ({ Key_name, Seq_in_index: i + 1, Column_name })),
        ),
      );
    }
    if (sql === 'SHOW GRANTS') {
      if (state.grantsError) throw state.grantsError;
      return answer((state.grants ?? WRITER_GRANTS).map((grant) => ({ grant })));
    }
    throw sqlError('ER_TABLEACCESS_DENIED_ERROR', `${sql} denied to ${JOURNAL_USER}`);
  };
  return { query, execute: query, close: async () => undefined };
}

function withBookkeeping(state: JournalDatabaseState, inner: DoctorDatabase): DoctorDatabase {
  const query = async (sql: string, params: readonly (string | number)[]): Promise<QueryAnswer> => {
    if (!/FROM telephony_schema_migrations/.test(sql)) return inner.query(sql, params);
    const versions = state.versions ?? APPLIED_VERSIONS;
    if (versions instanceof Error) throw versions;
    return answer(versions.map((version) => ({ version })));
  };
  return { query, execute: inner.execute, close: inner.close };
}

const unusedLookups: DoctorDatabaseFactory = () => {
  const query = async (): Promise<QueryAnswer> => answer([]);
  return { query, execute: query, close: async () => undefined };
};

/**
 * The doctor's database seam with a journal: the journal account (by its user name) gets
 * the journal's answers, every other account the `lookups` factory's, plus the migration
 * bookkeeping the doctor reads with it.
 */
export function withJournal(
  state: JournalDatabaseState,
  lookups: DoctorDatabaseFactory = unusedLookups,
  opened: DatabaseConfig[] = [],
): DoctorDatabaseFactory {
  return (db) => {
    opened.push(db);
    return db.user === JOURNAL_USER ? journalAccount(state) : withBookkeeping(state, lookups(db));
  };
}
