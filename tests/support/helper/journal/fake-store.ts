import { entryKey, type JournalEntry, type JournalRecord } from '../../../../helper/journal/entry';
import type { JournalStore } from '../../../../helper/journal/journal-store';
import { SpoolFullError } from '../../../../helper/journal/errors';
import { JournalSpool } from '../../../../helper/journal/journal-spool';

export class ConnectionLost extends Error {
  readonly code = 'ECONNREFUSED';
}

export class DataTooLong extends Error {
  readonly sqlState = '22001';
  readonly errno = 1406;
}

/**
 * A database that keeps rows by call id and extension, as the unique key does, and can
 * be taken down or made to refuse one record.
 */
export class FakeJournalStore implements JournalStore {
  readonly rows = new Map<string, JournalEntry>();
  /** Every record written, in order, counting repeats. */
  readonly writes: JournalRecord[] = [];
  transactions = 0;
  down = false;
  refuse: ((record: JournalRecord) => boolean) | undefined;

  async write(records: readonly JournalRecord[]): Promise<void> {
    await Promise.resolve();
    if (this.down) throw new ConnectionLost('connect ECONNREFUSED 127.0.0.1:3306');
    if (records.some((record) => this.refuse?.(record))) {
      throw new DataTooLong('Data too long for column');
    }
    this.transactions += 1;
    for (const record of records) {
      this.writes.push(record);
      if (record.kind === 'entry') {
        const key = entryKey(record.entry);
        // As the upsert does: an entry without an outcome keeps the one the row has.
        const kept = record.entry.outcome ?? this.rows.get(key)?.outcome;
        this.rows.set(key, { ...record.entry, ...(kept ? { outcome: kept } : {}) });
      } else {
        const key = entryKey(record);
        const row = this.rows.get(key);
        if (row === undefined) continue;
        this.rows.set(
          key,
          record.kind === 'transfer'
            ? { ...row, transfer: record.transfer }
            : { ...row, outcome: record.outcome },
        );
      }
    }
  }

  /** How many times each call's entry was written. */
  entryWrites(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const record of this.writes) {
      if (record.kind !== 'entry') continue;
      const key = entryKey(record.entry);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}

/** A spool on a disk the test can fill: while `full`, appends fail as on a full disk. */
export class FillableSpool extends JournalSpool {
  full = false;

  override append(records: readonly JournalRecord[]): Promise<void> {
    if (this.full) return Promise.reject(new SpoolFullError(this.path));
    return super.append(records);
  }
}
