import { join } from 'node:path';
import type { ServiceLogger } from '../agi/logger';
import type { JournalSink } from '../callback/journal-sink';
import type { FeedbackStore } from '../feedback/feedback-record';
import { SqlFeedbackStore } from '../feedback/sql-feedback-store';
import { DurableJournal } from '../../journal/durable-journal';
import type { JournalSettings } from '../../config/journal-settings';
import { JournalSpool } from '../../journal/journal-spool';
import { MysqlJournalDatabase } from '../../journal/mysql-journal-database';
import { SqlJournalStore } from '../../journal/sql-journal-store';
import type { RecentCallbacks } from '../routing/callback-memory';
import { SqlCallbackMemory } from '../routing/sql-callback-memory';

export interface Writers {
  readonly journal: JournalSink;
  readonly feedback: FeedbackStore;
  /** Recent callbacks in the shared table; absent without the journal's account. */
  readonly recentCallbacks?: RecentCallbacks;
  /** Flushes what can be flushed and closes the database connections. */
  close(): Promise<void>;
}

export interface OpenWritersOptions {
  readonly journal: JournalSettings;
  readonly database: { readonly host: string; readonly port: number; readonly database: string };
  /** Where the spool goes. */
  readonly spoolDir: string;
  /** How long a callback is remembered (server.callbackMemoryHours). */
  readonly callbackMemoryMs: number;
  readonly logger: ServiceLogger;
  readonly signal: AbortSignal;
}

/** Without `[journal] enabled`, nothing can be written: say so once and on every record. */
function loggingWriters(logger: ServiceLogger): Writers {
  logger.warn(
    {},
    'courier calls, feedback and recent callbacks are not stored: enable [journal] (after ' +
      '"helper migrate") so the server can write them; until then a second serve instance ' +
      'does not know the callbacks this one placed',
  );
  return {
    journal: { record: async (record) => logger.info({ record }, 'courier call not journaled') },
    feedback: { save: async (record) => logger.info({ feedback: record }, 'feedback not stored') },
    close: async () => undefined,
  };
}

/**
 * The server's writers, with the journal's writer account: courier calls go through the
 * durable journal (spooled first, so a database outage loses nothing), feedback straight
 * to its table with retries, recent callbacks to the table every instance shares.
 */
export async function openWriters(options: OpenWritersOptions): Promise<Writers> {
  if (!options.journal.enabled) return loggingWriters(options.logger);
  const database = new MysqlJournalDatabase({
    ...options.database,
    user: options.journal.user,
    password: options.journal.password,
  });
  const durable = new DurableJournal({
    store: new SqlJournalStore(database),
    spool: new JournalSpool(options.spoolDir),
    signal: options.signal,
    onError: (error, context) => options.logger.warn({ err: error }, context),
  });
  try {
    const { replayed } = await durable.start();
    if (replayed > 0) options.logger.info({ spooled: replayed }, 'courier call journal resumed');
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    journal: durable,
    feedback: new SqlFeedbackStore(database),
    recentCallbacks: new SqlCallbackMemory(database, options.callbackMemoryMs),
    async close() {
      await durable.close();
      await database.close();
    },
  };
}

export function serverSpoolDir(configured: string, stateDir: string): string {
  return configured === '' ? join(stateDir, 'server-journal') : configured;
}
