import type { Logger } from 'pino';
import type { JournalHealth } from '../../journal/durable-journal';
import type { CallView } from '../../../shared/protocol';
import type { HelperConfig } from '../../config/types';
import type { CallJournal, RecordingSource } from '../../journal/call-journal';
import { startCallJournal, type RunningCallJournal } from '../../journal/start-call-journal';
import type { IdentityResolver } from '../../core/identity-resolver';
import type { JournalReader } from '../../core/journal-reader';

export interface HelperJournalParts {
  recordings: RecordingSource;
  /** Asked for the caller of a call that ended before the card's own lookup answered. */
  resolver: IdentityResolver;
  /** The hub's recent calls: what the popup reads while the database cannot answer. */
  fallback: JournalReader;
  extensions: () => readonly string[];
  logger: Logger;
  /** Every change of the journal's health, for the status the extension shows. */
  onHealth: (health: JournalHealth) => void;
  signal: AbortSignal;
}

/** One log line per change of the journal's health. */
function logHealth(logger: Logger, health: JournalHealth): void {
  const { pending, reason } = health;
  if (health.spool !== 'ok') {
    logger.warn(
      { pending, reason, spool: health.spool },
      health.spool === 'reserve'
        ? "journal spool disk full: calls kept on the spool's reserve; free space on that disk"
        : 'journal spool disk full and its reserve used up: calls kept in memory; free space on that disk',
    );
  } else if (health.database === 'waiting') {
    logger.warn({ pending, reason }, 'journal database unreachable; calls wait in the spool');
  } else {
    logger.info('journal healthy again; waiting calls written');
  }
}

/**
 * The durable journal when `journal.enabled` is set, else undefined (the popup then lists
 * the hub's recent calls). Rejects with JournalSpoolError when the spool folder cannot be
 * used: a journal that would lose calls is a configuration error, not a degraded mode.
 */
export async function startHelperJournal(
  config: Pick<HelperConfig, 'journal' | 'database' | 'paths'>,
  parts: HelperJournalParts,
): Promise<RunningCallJournal | undefined> {
  if (!config.journal.enabled) return undefined;
  const { logger } = parts;
  let previous: JournalHealth | undefined;
  const running = await startCallJournal({
    settings: config.journal,
    database: {
      host: config.database.host,
      port: config.database.port,
      database: config.database.database,
      queryTimeoutMs: config.database.queryTimeoutMs,
    },
    stateDir: config.paths.stateDir,
    extensions: parts.extensions,
    recordings: parts.recordings,
    resolver: parts.resolver,
    fallback: parts.fallback,
    logger,
    onHealth: (health) => {
      // The pending count changes with every call while unwell: logged on state changes only.
      if (
        health.pending === 0 ||
        !previous ||
        previous.spool !== health.spool ||
        previous.database !== health.database
      ) {
        logHealth(logger, health);
      }
      previous = health;
      parts.onHealth(health);
    },
    signal: parts.signal,
  });
  logger.info(
    { spooled: running.restored.spooled, inProgress: running.restored.calls },
    'call journal started',
  );
  return running;
}

/**
 * A resync hook that, after the first resync only, journals the calls an earlier run saved
 * in progress and that are no longer going on (they ended while the helper was stopped).
 */
export function recoverAfterFirstResync(
  journal: CallJournal,
  activeCalls: () => readonly CallView[],
  logger: Logger,
): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    journal.recover(activeCalls()).then(
      (count) => {
        if (count > 0)
          logger.info({ count }, 'calls that ended while the helper was stopped journaled');
      },
      (error: unknown) =>
        logger.warn({ err: error }, 'journaling the calls of the previous run failed'),
    );
  };
}
