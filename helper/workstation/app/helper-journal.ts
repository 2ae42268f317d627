import type { Logger } from 'pino';
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
  signal: AbortSignal;
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
    onHealth: (health, reason) => {
      if (health === 'ok') logger.info('journal database reachable; waiting calls written');
      else logger.warn({ reason }, 'journal database unreachable; calls wait in the spool');
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
