import type { JournalRecord } from './entry';

/** Where journal records end up for good. */
export interface JournalStore {
  /**
   * Writes the records in order, all or nothing. Writing a record again is harmless:
   * entries are keyed by call id and extension.
   */
  write(records: readonly JournalRecord[]): Promise<void>;
}
