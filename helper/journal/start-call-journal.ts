import { join } from 'node:path';
import type { IdentityResolver } from '../core/identity-resolver';
import type { JournalReader } from '../core/journal-reader';
import { ActiveCallsFile } from './active-calls-file';
import { CallJournal, type RecordingSource } from './call-journal';
import { DurableJournal, type JournalHealth } from './durable-journal';
import { DurableJournalReader } from './durable-journal-reader';
import type { JournalDatabase } from './journal-database';
import type { JournalSettings } from '../config/journal-settings';
import { JournalSpool } from './journal-spool';
import { MysqlJournalDatabase } from './mysql-journal-database';
import type { RetryPolicy } from './retry-delay';
import { SqlJournalStore } from './sql-journal-store';
import { journalSpoolDir } from './spool-dir';

export const ACTIVE_CALLS_FILE = 'active-calls.json';

export interface JournalLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface StartCallJournalOptions {
  readonly settings: JournalSettings;
  /** Server and database name (`[database]`); the account comes from `settings`. */
  readonly database: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly queryTimeoutMs?: number;
  };
  /** The helper's state directory; the spool goes in `journal/` there unless set. */
  readonly stateDir: string;
  readonly extensions: () => readonly string[];
  readonly recordings?: RecordingSource;
  readonly resolver?: IdentityResolver;
  /** What the popup reads while the database cannot answer (the hub's recent calls). */
  readonly fallback?: JournalReader;
  readonly logger?: JournalLogger;
  readonly onHealth?: (health: JournalHealth) => void;
  readonly retry?: Partial<RetryPolicy>;
  /** Replaces the MySQL pool (tests). */
  readonly databaseOverride?: JournalDatabase;
  /** Stops the journal; whatever is not in the database stays spooled for the next start. */
  readonly signal: AbortSignal;
}

export interface RunningCallJournal {
  /** Hook it to the hub: `observe` for every call update, `ended` through `subscribeEnded`. */
  readonly journal: CallJournal;
  /** The popup's journal (`HelperServiceParts.journal`). */
  readonly reader: JournalReader;
  readonly durable: DurableJournal;
  /** Records replayed from the spool, and calls saved in progress by the previous run. */
  readonly restored: { readonly spooled: number; readonly calls: number };
  /** Resolves once everything is closed (after the signal aborts). */
  readonly closed: Promise<void>;
}

/**
 * Starts the durable journal: opens the spool and replays what an earlier run left there,
 * reads back the calls that were in progress, and writes to the database in the
 * background. Call `journal.recover(hub.activeCalls())` after the first resync with the PBX.
 */
export async function startCallJournal(
  options: StartCallJournalOptions,
): Promise<RunningCallJournal> {
  const { settings, logger } = options;
  const dir = journalSpoolDir(settings.spoolDir, options.stateDir);
  const onError = (error: unknown, context: string): void => logger?.warn({ err: error }, context);
  const database =
    options.databaseOverride ??
    new MysqlJournalDatabase({
      host: options.database.host,
      port: options.database.port,
      database: options.database.database,
      user: settings.user,
      password: settings.password,
      queryTimeoutMs: Math.max(5_000, options.database.queryTimeoutMs ?? 0),
    });
  const active = new ActiveCallsFile(join(dir, ACTIVE_CALLS_FILE), (error) =>
    onError(error, 'the in-progress calls file could not be used'),
  );
  const durable = new DurableJournal({
    store: new SqlJournalStore(database),
    spool: new JournalSpool(dir),
    signal: options.signal,
    onError,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.onHealth ? { onHealth: options.onHealth } : {}),
  });
  let replayed: number;
  let calls: number;
  try {
    calls = await active.load();
    ({ replayed } = await durable.start());
  } catch (error) {
    await database.close();
    throw error;
  }
  if (replayed > 0 || calls > 0) {
    logger?.info({ spooled: replayed, inProgress: calls }, 'journal resumed from the spool');
  }
  const journal = new CallJournal({
    journal: durable,
    active,
    ...(options.recordings ? { recordings: options.recordings } : {}),
    ...(options.resolver ? { resolver: options.resolver } : {}),
    onError,
  });
  const reader = new DurableJournalReader({
    database,
    extensions: options.extensions,
    pending: () => durable.pending(),
    pendingOutcomes: () => durable.pendingOutcomes(),
    ...(options.fallback ? { fallback: options.fallback } : {}),
    onError,
  });
  const closed = new Promise<void>((resolve) => {
    const close = (): void => {
      void journal
        .settled()
        .then(() => active.flushed())
        .then(() => durable.close())
        .then(() => database.close())
        .catch((error: unknown) => onError(error, 'closing the journal'))
        .finally(resolve);
    };
    if (options.signal.aborted) close();
    else options.signal.addEventListener('abort', close, { once: true });
  });
  return { journal, reader, durable, restored: { spooled: replayed, calls }, closed };
}
