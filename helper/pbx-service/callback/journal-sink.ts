import type { JournalRecord } from '../../journal/entry';

/** Where courier calls are journaled: the durable call journal (helper/journal). */
export interface JournalSink {
  /** Resolves once the record is safe (spooled); the database write follows. */
  record(record: JournalRecord): Promise<void>;
}
