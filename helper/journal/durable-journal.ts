import type { CallOutcome } from '../../shared/protocol';
import { entryKey, type JournalEntry, type JournalRecord } from './entry';
import { JournalClosedError } from './errors';
import { isDiskFull, type JournalSpool } from './journal-spool';
import type { JournalStore } from './journal-store';
import { DEFAULT_RETRY_POLICY, pause, retryDelay, type RetryPolicy } from './retry-delay';
import { isRecordRefused } from './write-failure';

/**
 * Where the journal stands: `database` is `waiting` while it cannot be written (records wait
 * in the spool); `spool` is `reserve` while a full disk is using the spool's reserve (records
 * still safe on disk) and `full` once records wait in memory because nothing could be written.
 */
export interface JournalHealth {
  readonly database: 'ok' | 'waiting';
  readonly spool: 'ok' | 'reserve' | 'full';
  /** Records not yet in the database; counted while anything is not `ok`. */
  readonly pending: number;
  /** Why, for the log and the status line; never a secret. */
  readonly reason?: string;
}

const HEALTHY: JournalHealth = { database: 'ok', spool: 'ok', pending: 0 };

function sameHealth(a: JournalHealth, b: JournalHealth): boolean {
  return (
    a.database === b.database &&
    a.spool === b.spool &&
    a.pending === b.pending &&
    a.reason === b.reason
  );
}

export interface DurableJournalOptions {
  readonly store: JournalStore;
  readonly spool: JournalSpool;
  /** Stops the writer; records already handed over stay in the spool for the next start. */
  readonly signal: AbortSignal;
  readonly retry?: Partial<RetryPolicy>;
  /** Records written per transaction. */
  readonly batchSize?: number;
  /** A committed prefix longer than this is cut from the spool while newer records wait. */
  readonly compactAfter?: number;
  /** Every change of the journal's health (and of its pending count while not healthy). */
  readonly onHealth?: (health: JournalHealth) => void;
  readonly onError?: (error: unknown, context: string) => void;
  readonly random?: () => number;
}

/**
 * The journal's write path. Every record is appended to the spool (synced) before it is
 * written to the database; the database gets the records in order, in batches, and the
 * spool is emptied only when everything in it is committed. While the database cannot be
 * written, records wait in the spool and the writer retries with growing pauses; after a
 * restart the spool is replayed first. A record the database refuses for its content is
 * set aside in the rejected file instead of blocking the ones behind it.
 */
export class DurableJournal {
  private readonly retry: RetryPolicy;
  private readonly batchSize: number;
  private readonly compactAfter: number;
  /** Records in the spool file, in order; the first `committed` are in the database. */
  private inFile: JournalRecord[] = [];
  private committed = 0;
  /** Handed over, not yet synced to the spool. */
  private incoming: JournalRecord[] = [];
  private appending: JournalRecord[] = [];
  private fileLane: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private idleWaiters: Array<() => void> = [];
  private worker: Promise<void> | undefined;
  private health: JournalHealth = HEALTHY;
  private databaseReason: string | undefined;
  /** Why the last append failed; undefined once records reach the disk again. */
  private spoolReason: string | undefined;
  private closed = false;
  /** Aborted by close() or by the caller's signal: ends waits at once. */
  private readonly stop = new AbortController();
  private readonly onAbort = (): void => this.stop.abort();

  constructor(private readonly options: DurableJournalOptions) {
    options.signal.addEventListener('abort', this.onAbort, { once: true });
    if (options.signal.aborted) this.stop.abort();
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.batchSize = options.batchSize ?? 200;
    this.compactAfter = options.compactAfter ?? 5_000;
  }

  /** Opens the spool, queues what an earlier run left in it, and starts writing. */
  async start(): Promise<{ replayed: number; unreadable: number }> {
    if (this.stopped) throw new JournalClosedError();
    const { records, unreadable } = await this.options.spool.open();
    this.inFile = records;
    this.committed = 0;
    this.worker = this.run();
    return { replayed: records.length, unreadable };
  }

  /**
   * Hands a record over; resolves once it is safe on disk (not yet in the database). When
   * the spool cannot be written it rejects, but keeps the record: it is appended once the
   * disk has room, or written to the database directly, whichever comes first.
   */
  record(record: JournalRecord): Promise<void> {
    if (this.closed) return Promise.reject(new JournalClosedError());
    this.incoming.push(record);
    return this.appendIncoming();
  }

  /** Entries handed over and not yet committed, oldest first, the latest per call and extension. */
  pending(): JournalEntry[] {
    const latest = new Map<string, JournalEntry>();
    for (const record of this.waiting()) {
      const key = entryKey(record.kind === 'entry' ? record.entry : record);
      if (record.kind === 'entry') {
        latest.set(key, record.entry);
        continue;
      }
      const entry = latest.get(key);
      if (entry === undefined) continue;
      latest.set(
        key,
        record.kind === 'transfer'
          ? { ...entry, transfer: record.transfer }
          : { ...entry, outcome: record.outcome },
      );
    }
    return [...latest.values()];
  }

  /**
   * Outcomes handed over and not yet committed, the latest per call and extension: they
   * belong on entries the database may already hold.
   */
  pendingOutcomes(): Map<string, CallOutcome> {
    const latest = new Map<string, CallOutcome>();
    for (const record of this.waiting()) {
      if (record.kind === 'outcome') latest.set(entryKey(record), record.outcome);
    }
    return latest;
  }

  private waiting(): JournalRecord[] {
    return [...this.inFile.slice(this.committed), ...this.appending, ...this.incoming];
  }

  /** How many records wait for the database. */
  backlog(): number {
    return this.inFile.length - this.committed + this.appending.length + this.incoming.length;
  }

  /** Resolves when everything handed over so far is committed (or the journal stops). */
  drained(): Promise<void> {
    if (this.backlog() === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops writing; what is not committed stays in the spool for the next start. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.options.signal.removeEventListener('abort', this.onAbort);
    this.stop.abort();
    await this.fileLane;
    await this.worker;
    this.releaseIdle();
    await this.options.spool.close();
  }

  /** Runs spool file work one at a time, so the file and `inFile` always agree. */
  private fileOp<T>(work: () => Promise<T>): Promise<T> {
    const run = this.fileLane.then(work);
    this.fileLane = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private appendIncoming(): Promise<void> {
    return this.fileOp(async () => {
      if (this.incoming.length === 0) return;
      this.appending = this.incoming;
      this.incoming = [];
      try {
        await this.options.spool.append(this.appending);
      } catch (error) {
        this.incoming = [...this.appending, ...this.incoming];
        this.appending = [];
        this.spoolReason = error instanceof Error ? error.message : String(error);
        this.reportHealth();
        // The worker retries on its own clock, so the records do not wait for another call.
        this.wake?.();
        throw error;
      }
      this.spoolReason = undefined;
      this.inFile.push(...this.appending);
      this.appending = [];
      this.reportHealth();
      this.wake?.();
    });
  }

  /**
   * Records the spool could not take: appended if the disk has room again, else written to
   * the database directly (the row is keyed, so writing it again later changes nothing).
   * Throws when neither worked, for the worker to pause and retry.
   */
  private rescueIncoming(): Promise<void> {
    return this.fileOp(async () => {
      if (this.incoming.length === 0) return;
      const waiting = this.incoming.slice(0, this.batchSize);
      try {
        await this.options.spool.append(waiting);
        this.inFile.push(...waiting);
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        await this.writeBatch(waiting);
        // writeBatch counted them as committed spool records; they never were in the file.
        this.committed -= waiting.length;
      }
      this.incoming.splice(0, waiting.length);
      if (this.incoming.length === 0) this.spoolReason = undefined;
      this.reportHealth();
    });
  }

  private get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const batch = this.inFile.slice(this.committed, this.committed + this.batchSize);
      try {
        if (batch.length > 0) {
          await this.writeBatch(batch);
          if (this.committed >= this.compactAfter) await this.tidySpool();
        } else if (this.incoming.length > 0) {
          await this.rescueIncoming();
        } else {
          await this.tidySpool();
          if (this.options.spool.onReserve) await this.options.spool.restoreReserve();
          this.reportHealth();
          if (this.backlog() === 0) this.releaseIdle();
          await this.sleepUntilWoken();
          continue;
        }
        failures = 0;
        this.databaseReason = undefined;
        this.reportHealth();
      } catch (error) {
        failures += 1;
        this.databaseReason = error instanceof Error ? error.message : String(error);
        this.reportHealth();
        this.options.onError?.(error, 'journal write failed; the records wait in the spool');
        await pause(retryDelay(this.retry, failures, this.options.random), this.stop.signal);
      }
    }
    this.releaseIdle();
  }

  /** Writes a batch; when the database refuses one of its records, isolates and sets it aside. */
  private async writeBatch(batch: JournalRecord[]): Promise<void> {
    try {
      await this.options.store.write(batch);
      this.committed += batch.length;
      return;
    } catch (error) {
      if (!isRecordRefused(error)) throw error;
    }
    for (const record of batch) {
      try {
        await this.options.store.write([record]);
      } catch (error) {
        if (!isRecordRefused(error)) throw error;
        await this.options.spool.reject([record], error instanceof Error ? error.message : '');
        this.options.onError?.(error, 'journal record refused by the database; set aside');
      }
      this.committed += 1;
    }
  }

  /** Empties the spool once all of it is committed, or cuts a long committed prefix. */
  private tidySpool(): Promise<void> {
    return this.fileOp(async () => {
      if (this.committed === 0) return;
      try {
        if (this.committed === this.inFile.length) {
          await this.options.spool.clear();
          this.inFile = [];
          this.committed = 0;
        } else if (this.committed >= this.compactAfter) {
          const rest = this.inFile.slice(this.committed);
          await this.options.spool.rewrite(rest);
          this.inFile = rest;
          this.committed = 0;
        }
      } catch (error) {
        // The committed records stay in the file; replaying them later is harmless.
        this.options.onError?.(error, 'journal spool could not be tidied');
      }
    });
  }

  private sleepUntilWoken(): Promise<void> {
    if (this.inFile.length > this.committed || this.stopped) return Promise.resolve();
    // Records the spool refused: retried on the retry clock, not only when a call ends.
    if (this.incoming.length > 0) return pause(this.retry.initialMs, this.stop.signal);
    return new Promise((resolve) => {
      const done = (): void => {
        this.wake = undefined;
        this.stop.signal.removeEventListener('abort', done);
        resolve();
      };
      this.wake = done;
      this.stop.signal.addEventListener('abort', done, { once: true });
    });
  }

  private releaseIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Tells onHealth what changed: the database, the spool, or the pending count while unwell. */
  private reportHealth(): void {
    const spool: JournalHealth['spool'] =
      this.incoming.length > 0 && this.spoolReason !== undefined
        ? 'full'
        : this.options.spool.onReserve
          ? 'reserve'
          : 'ok';
    const database: JournalHealth['database'] =
      this.databaseReason === undefined ? 'ok' : 'waiting';
    const reason = spool === 'full' ? this.spoolReason : this.databaseReason;
    const next: JournalHealth =
      spool === 'ok' && database === 'ok'
        ? HEALTHY
        : { database, spool, pending: this.backlog(), ...(reason ? { reason } : {}) };
    if (sameHealth(next, this.health)) return;
    this.health = next;
    this.options.onHealth?.(next);
  }
}
