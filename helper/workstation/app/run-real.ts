import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import { AmiClient } from '../../ami/client';
import { CallTracker } from '../calls/tracker';
import type { HelperConfig } from '../../config/types';
import type { CountryCode } from '../../../shared/phone/types';
import { createMysqlDirectory } from '../../lookup/mysql-caller-lookup';
import { MysqlExecutor } from '../../lookup/mysql-executor';
import type { CallJournal } from '../../journal/call-journal';
import { configSecrets } from '../../log/logger-for-config';
import { createRecordingIndex } from '../recording';
import { createTransferrer } from '../transfer';
import { CallHub } from '../hub/call-hub';
import { watchDatabase } from '../hub/database-health';
import { createPbxDialer } from './pbx-dialer';
import { HelperService } from '../hub/helper-service';
import { createInboundPrefetch } from '../hub/inbound-prefetch';
import { recoverAfterFirstResync, startHelperJournal } from './helper-journal';
import type { LookupOutcome } from '../../core/identity-resolver';
import { MemoryJournal } from '../../core/journal-reader';
import { operatorExtensions } from './operator-extensions';
import { followPbx } from './pbx-session';
import { serveExtension } from './serve-extension';
import { StatusBoard } from '../hub/status-board';
import { HELPER_VERSION } from './version';

/**
 * The helper against a real Asterisk and the cabinet's MySQL. Every part
 * degrades on its own: without the PBX the extension still connects and says
 * so; without the database calls still ring, marked "lookup unavailable".
 */
export async function startRealHelper(
  config: HelperConfig,
  logger: Logger,
  signal: AbortSignal,
): Promise<{ port: number; stopped: Promise<void> }> {
  // Every part below ends with this one signal, a dozen listeners by design; Node's
  // default of 10 would report that as a leak.
  setMaxListeners(32, signal);
  const secrets = configSecrets(config);
  const executor = new MysqlExecutor(config.database);
  const directory = createMysqlDirectory(config, executor);
  const recordings = createRecordingIndex(config.recording);

  // Built once the operator's extensions are known; dials before that are refused.
  const trackerRef: { current?: CallTracker } = {};
  // The journal starts after the hub it listens to; no call ends before the PBX is followed.
  const journalRef: { current?: CallJournal } = {};
  const resolver = {
    lookup: lookupCaller,
    cached: (dbKey: string) => directory.lookup.cached(dbKey),
  };
  const hub: CallHub = new CallHub({
    resolver,
    recordingUrl: (callId) => recordings.urlFor(callId),
    onEnded: (view) => journalRef.current?.ended(view),
    onLookupError: (error) => logger.warn({ err: error }, 'caller lookup failed'),
  });
  const status = new StatusBoard(
    {
      helperVersion: HELPER_VERSION,
      pbx: { state: 'connecting', since: Date.now() },
      database: { state: 'connecting', since: Date.now() },
      operator: {
        extensions: config.operator.extensions,
        ...(config.operator.user ? { user: config.operator.user } : {}),
      },
      demo: false,
    },
    (next) => hub.broadcast({ type: 'status', status: next }),
    () => hub.missedCount(),
  );
  const memoryJournal = new MemoryJournal(() => hub.recentCalls());
  const running = await startHelperJournal(config, {
    recordings,
    resolver,
    fallback: memoryJournal,
    extensions: () => status.get().operator.extensions,
    logger: logger.child({ part: 'journal' }),
    signal,
  }).catch(async (error: unknown) => {
    await Promise.allSettled([directory.close(), executor.close()]);
    throw error;
  });
  const journal = running?.journal;
  journalRef.current = journal;
  if (journal) {
    hub.subscribe((message) => {
      if (message.type === 'call') journal.observe(message.call);
    }, signal);
  }

  const database = watchDatabase(
    executor,
    status,
    secrets,
    logger.child({ part: 'database' }),
    signal,
  );
  void database.check();

  async function lookupCaller(dbKey: string, lookupSignal?: AbortSignal): Promise<LookupOutcome> {
    const outcome = await directory.lookup.lookup(dbKey, lookupSignal);
    if (outcome.state === 'unavailable') void database.check();
    else status.set('database', 'connected');
    return outcome;
  }

  const ami = new AmiClient({
    host: config.pbx.host,
    port: config.pbx.port,
    username: config.pbx.user,
    secret: config.pbx.secret,
    logger: logger.child({ part: 'ami' }),
    signal,
  });

  const transferLogger = logger.child({ part: 'transfer' });
  const transferrer = createTransferrer(
    ami,
    config.transfer,
    () => status.get().operator.extensions,
    (call, state) => {
      transferLogger.info(
        {
          callId: call.callId,
          extension: call.extension,
          target: state.target,
          ok: state.ok,
          ...(state.reason ? { reason: state.reason } : {}),
        },
        'transfer asked from the card',
      );
      hub.setTransfer(call.callId, call.extension, state);
      // The journal records transfers to someone; a refusal before any number was found
      // (no courier holds the parcel, no manager) shows on the card and in the log only.
      if (state.to !== '') journal?.transferred(call, state);
    },
  );

  const api = new HelperService({
    hub,
    status,
    dialer: createPbxDialer(ami, config, () => trackerRef.current),
    journal: running?.reader ?? memoryJournal,
    transferrer,
  });
  const server = await serveExtension(config, api, logger, signal);
  logger.info({ port: server.port }, 'listening for the extension on loopback');

  const extensions = await operatorExtensions(config, directory, logger, signal);
  status.setExtensions(extensions, config.operator.user || undefined);
  const tracker = new CallTracker({
    extensions,
    defaultCountry: config.phone.defaultCountry as never,
  });
  trackerRef.current = tracker;
  const prefetch = config.database.prefetch
    ? createInboundPrefetch({
        extensions,
        defaultCountry: config.phone.defaultCountry as CountryCode,
        prefetch: (dbKey) => void lookupCaller(dbKey).catch(() => undefined),
      })
    : undefined;
  const callsLogger = logger.child({ part: 'calls' });
  followPbx(
    {
      ami,
      tracker,
      hub,
      status,
      logger: callsLogger,
      onFrame: (frame) => {
        prefetch?.(frame);
        recordings.observe(frame);
      },
      ...(journal
        ? { onResync: recoverAfterFirstResync(journal, () => hub.activeCalls(), callsLogger) }
        : {}),
    },
    signal,
  );
  ami.start().catch((error: unknown) => {
    if (!signal.aborted) logger.error({ err: error }, 'AMI login failed');
  });

  const stopped = new Promise<void>((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        void Promise.allSettled([
          server.close(),
          ami.close(),
          directory.close(),
          executor.close(),
          running?.closed,
        ]).then(() => resolve());
      },
      { once: true },
    );
  });
  return { port: server.port, stopped };
}
