/**
 * The `[journal]` configuration: the durable call journal in the courier database.
 * The database server and name come from `[database]`; the account is the journal's own,
 * limited by `courier-helper migrate` to the journal tables.
 */
export interface JournalSettings {
  /** Off until `courier-helper migrate` has created the tables and the account. */
  readonly enabled: boolean;
  /** Writer account: SELECT, INSERT, UPDATE on call_journal and call_journal_orders. */
  readonly user: string;
  readonly password: string;
  /** Spool and in-progress state; empty means `<state dir>/journal`. */
  readonly spoolDir: string;
}

export const DEFAULT_JOURNAL_SETTINGS: JournalSettings = {
  enabled: false,
  user: 'courier_journal',
  password: '',
  spoolDir: '',
};
