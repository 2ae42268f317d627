/**
 * The journal's statements. Every value is a `?` parameter; the table names are fixed by
 * the migration in db/migrations.
 */

/** The columns of a transfer from the card, written with the entry or on their own. */
export const TRANSFER_COLUMNS = [
  'transfer_target',
  'transfer_mode',
  'transferred_to',
  'transfer_ok',
  'transfer_reason',
  'transferred_at',
  'transfer_message',
] as const;

/** What the operator noted; `noted_at` is set whenever any of it was saved. */
export const OUTCOME_COLUMNS = [
  'outcome',
  'outcome_label',
  'note',
  'outcome_order_code',
  'outcome_order_number',
  'noted_at',
] as const;

export const ENTRY_COLUMNS = [
  'call_id',
  'extension',
  'direction',
  'origin',
  'remote_raw',
  'remote_e164',
  'remote_db_key',
  'client_code',
  'contact_code',
  'courier_code',
  'identity_json',
  'remote_name',
  'started_at',
  'answered_at',
  'ended_at',
  'talk_seconds',
  'result',
  'missed',
  'answered_by',
  'recording_file',
  'recording_url',
  ...TRANSFER_COLUMNS,
  ...OUTCOME_COLUMNS,
  'recovered',
] as const;

/** Kept from an earlier write when a later one does not know them (a transfer noted first). */
const KEEP_WHEN_NULL = new Set<string>([
  'recording_file',
  'recording_url',
  ...TRANSFER_COLUMNS,
  'identity_json',
  'remote_name',
  'client_code',
  'contact_code',
  'courier_code',
]);

/**
 * An entry that carries an outcome replaces all of these columns; one without keeps what is
 * there (an outcome saved after the entry was handed over came as a record of its own).
 */
const OUTCOME_GROUP = new Set<string>(OUTCOME_COLUMNS);

const KEY_COLUMNS = new Set<string>(['call_id', 'extension']);

const row = `(${ENTRY_COLUMNS.map(() => '?').join(', ')})`;

function update(column: string): string {
  if (OUTCOME_GROUP.has(column)) {
    return `${column} = IF(VALUES(noted_at) IS NULL, ${column}, VALUES(${column}))`;
  }
  return KEEP_WHEN_NULL.has(column)
    ? `${column} = COALESCE(VALUES(${column}), ${column})`
    : `${column} = VALUES(${column})`;
}

const updates = ENTRY_COLUMNS.filter((column) => !KEY_COLUMNS.has(column)).map(update);

function rows(count: number, one: string): string {
  return Array.from({ length: count }, () => one).join(', ');
}

/**
 * Inserts or replaces entries, one per call and extension; a later row for the same key
 * wins, as the rows are applied in order.
 */
export function upsertEntries(count: number): string {
  return (
    `INSERT INTO call_journal (${ENTRY_COLUMNS.join(', ')}) VALUES ${rows(count, row)} ` +
    `ON DUPLICATE KEY UPDATE ${updates.join(', ')}`
  );
}

/**
 * Entries completed after a restart from what was saved before it: they never replace an
 * entry written from what the PBX reported.
 */
export function insertRecoveredEntries(count: number): string {
  return (
    `INSERT INTO call_journal (${ENTRY_COLUMNS.join(', ')}) VALUES ${rows(count, row)} ` +
    'ON DUPLICATE KEY UPDATE id = id'
  );
}

export function selectEntryIds(count: number): string {
  return (
    'SELECT id, call_id, extension FROM call_journal ' +
    `WHERE (call_id, extension) IN (${rows(count, '(?, ?)')})`
  );
}

export function upsertOrders(count: number): string {
  return (
    'INSERT INTO call_journal_orders (journal_id, address_code, order_code, courier_code) ' +
    `VALUES ${rows(count, '(?, ?, ?, ?)')} ON DUPLICATE KEY UPDATE ` +
    'order_code = VALUES(order_code), courier_code = VALUES(courier_code)'
  );
}

export const UPDATE_OUTCOME =
  `UPDATE call_journal SET ${OUTCOME_COLUMNS.map((column) => `${column} = ?`).join(', ')} ` +
  'WHERE call_id = ? AND extension = ?';

/** Parameters: {@link TRANSFER_COLUMNS} in order, then the call's id and extension. */
export const UPDATE_TRANSFER =
  `UPDATE call_journal SET ${TRANSFER_COLUMNS.map((column) => `${column} = ?`).join(', ')} ` +
  'WHERE call_id = ? AND extension = ?';
