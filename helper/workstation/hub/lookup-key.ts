/**
 * Shorter numbers are internal (extensions, short service numbers): the courier database
 * keys full international numbers, so these are never looked up.
 */
const MIN_LOOKUP_KEY_LENGTH = 6;

/** Whether a caller's `dbKey` is worth a database lookup. */
export function isLookupKey(dbKey: string | undefined): dbKey is string {
  return dbKey !== undefined && dbKey.length >= MIN_LOOKUP_KEY_LENGTH;
}
