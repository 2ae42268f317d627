import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { CountryCode } from '../../../shared/phone/types';
import { AmiClient } from '../../ami/client';
import { ConfigError } from '../../config/config-error';
import { seatAccountName } from '../../config/seat-account';
import type { HelperConfig } from '../../config/types';
import type { JournalReader } from '../../core/journal-reader';
import { MemoryJournal } from '../../core/journal-reader';
import type { CallJournal } from '../../journal/call-journal';
import { configSecrets } from '../../log/logger-for-config';
import {
  createLinksFor,
  createLinkTemplates,
  outcomeSettings,
} from '../../config/outcome-settings';
import { createMysqlDirectory, type MysqlDirectory } from '../../lookup/mysql-caller-lookup';
import { MysqlExecutor } from '../../lookup/mysql-executor';
import { CallHub } from '../hub/call-hub';
import { CallOutcomes } from '../hub/call-outcomes';
import { ReportingResolver, watchDatabase } from '../hub/database-health';
import { HelperService } from '../hub/helper-service';
import { createInboundPrefetch } from '../hub/inbound-prefetch';
import { journalState, StatusBoard } from '../hub/status-board';
import { createScrubber } from '../../log/scrub';
import { RecordingIndex } from '../recording/recording-index';
import { CallController } from '../call-control/call-controller';
import { QueuePresence } from '../queues/queue-presence';
import { recoverAfterFirstResync, startHelperJournal } from './helper-journal';
import { operatorExtensions } from './operator-extensions';
import { PbxSession } from './pbx-session';
import { serveExtension } from './serve-extension';
import { HELPER_VERSION } from './version';

/**
 * The helper against a real Asterisk and the cabinet's MySQL. Every part
 * degrades on its own: without the PBX the extension still connects and says
 * so; without the database calls still ring, marked "lookup unavailable".
 * Each part is built once what it needs exists; later links are subscriptions.
 */
export async function startRealHelper(
  config: HelperConfig,
  logger: Logger,
  signal: AbortSignal,
): Promise<{ port: number; stopped: Promise<void> }> {
  // Every part below ends with this one signal, a dozen listeners by design; Node's
  // default of 10 would report that as a leak.
  setMaxListeners(32, signal);
  const database = openDatabase(config);
  const recordings = new RecordingIndex({ urlTemplate: config.recording.urlTemplate });
  const createLinks = createLinkTemplates(config.links.create);
  const hub = new CallHub({
    resolver: database.lookups,
    recordingUrl: (callId) => recordings.urlFor(callId),
    onLookupError: (error) => logger.warn({ err: error }, 'caller lookup failed'),
    createLinks: (remote) => createLinksFor(createLinks, remote.e164),
  });
  const status = StatusBoard.pushedBy(hub, initialStatus(config));
  const journal = await journalFor(config, { hub, status, database, recordings, logger, signal });
  const health = watchDatabase(
    {
      ...database,
      status,
      secrets: configSecrets(config),
      logger: logger.child({ part: 'database' }),
    },
    signal,
  );
  void health.check();

  const ami = amiClientFor(config, () => status.get().operator.extensions, logger, signal);
  const pbx = new PbxSession(ami, config);
  const api = new HelperService({
    hub,
    status,
    dialer: pbx.dialer,
    journal: journal.reader,
    callControl: cardCallControl(ami, config, { hub, status, journal, logger }, signal),
    queues: queuePresence(ami, { status, logger }, signal),
    outcomes: new CallOutcomes({
      hub,
      settings: outcomeSettings(config.outcomes),
      extensions: () => status.get().operator.extensions,
      ...(journal.journal ? { keeper: journal.journal } : {}),
    }),
  });
  const server = await serveExtension(config, api, logger, signal);
  logger.info({ port: server.port }, 'listening for the extension on loopback');

  const extensions = await operatorExtensions(config, database.directory, logger, signal);
  status.setExtensions(extensions, config.operator.user || undefined);
  followCalls(
    pbx,
    extensions,
    { config, hub, status, database, recordings, journal, logger },
    signal,
  );
  ami.start().catch((error: unknown) => {
    if (!signal.aborted) logger.error({ err: error }, 'AMI login failed');
  });
  return {
    port: server.port,
    stopped: closedOnAbort(signal, [
      () => server.close(),
      () => ami.close(),
      () => database.close(),
      () => journal.closed,
    ]),
  };
}

interface OpenDatabase {
  executor: MysqlExecutor;
  directory: MysqlDirectory;
  /** The directory's lookups, told to the health watch as well. */
  lookups: ReportingResolver;
  close(): Promise<unknown>;
}

function openDatabase(config: HelperConfig): OpenDatabase {
  const executor = new MysqlExecutor(config.database);
  const directory = createMysqlDirectory(config, executor);
  return {
    executor,
    directory,
    lookups: new ReportingResolver(directory.lookup),
    close: () => Promise.allSettled([directory.close(), executor.close()]),
  };
}

function initialStatus(config: HelperConfig): ConstructorParameters<typeof StatusBoard>[0] {
  return {
    helperVersion: HELPER_VERSION,
    pbx: { state: 'connecting', since: Date.now() },
    database: { state: 'connecting', since: Date.now() },
    operator: {
      extensions: config.operator.extensions,
      ...(config.operator.user ? { user: config.operator.user } : {}),
    },
    demo: false,
    outcomes: outcomeSettings(config.outcomes),
  };
}

interface HelperJournal {
  /** What the popup lists: the durable journal, or the hub's recent calls without one. */
  reader: JournalReader;
  journal?: CallJournal;
  closed?: Promise<void>;
}

/** The durable journal (when configured) fed by the hub; the hub's memory otherwise. */
async function journalFor(
  config: HelperConfig,
  parts: {
    hub: CallHub;
    status: StatusBoard;
    database: OpenDatabase;
    recordings: RecordingIndex;
    logger: Logger;
    signal: AbortSignal;
  },
): Promise<HelperJournal> {
  const { hub, status, database, signal } = parts;
  const memory = new MemoryJournal(() => hub.recentCalls());
  const scrub = createScrubber(configSecrets(config));
  const running = await startHelperJournal(config, {
    recordings: parts.recordings,
    resolver: database.lookups,
    fallback: memory,
    extensions: () => status.get().operator.extensions,
    logger: parts.logger.child({ part: 'journal' }),
    onHealth: (health) => status.setJournal(journalState(health, scrub)),
    signal,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (!running) return { reader: memory };
  if (status.get().journal === undefined) status.setJournal({ state: 'ok', pending: 0 });
  const { journal } = running;
  // Outcomes noted before a restart on calls still going on show on their cards again.
  for (const { call, outcome } of journal.restoredOutcomes()) hub.setOutcome(call, outcome);
  hub.subscribe((message) => {
    if (message.type === 'call') journal.observe(message.call);
  }, signal);
  hub.subscribeEnded((view) => journal.ended(view), signal);
  return { reader: running.reader, journal, closed: running.closed };
}

/**
 * The client logs in as the seat's own account: `pbx.user`, or with a `courier-{ext}`
 * template the name of the seat's one extension, read before every login — the extensions
 * from `users.extPhone` are known only after the client exists.
 */
function amiClientFor(
  config: HelperConfig,
  extensions: () => readonly string[],
  logger: Logger,
  signal: AbortSignal,
): AmiClient {
  return new AmiClient({
    host: config.pbx.host,
    port: config.pbx.port,
    username: () => {
      const seat = seatAccountName(config.pbx.user, extensions());
      if ('problem' in seat) throw new ConfigError([seat.problem], config.paths.file);
      return seat.user;
    },
    secret: config.pbx.secret,
    logger: logger.child({ part: 'ami' }),
    signal,
  });
}

/** Hang-up and transfers asked from the card: logged, shown on the card, transfers journaled. */
function cardCallControl(
  ami: AmiClient,
  config: HelperConfig,
  parts: { hub: CallHub; status: StatusBoard; journal: HelperJournal; logger: Logger },
  signal: AbortSignal,
): CallController {
  const { hub, status, journal } = parts;
  const logger = parts.logger.child({ part: 'call-control' });
  return new CallController({
    ami,
    settings: config.transfer,
    defaultCountry: config.phone.defaultCountry as CountryCode,
    extensions: () => status.get().operator.extensions,
    signal,
    onConsult: (call, consult) => hub.setConsult(call.callId, call.extension, consult),
    onTransfer: (call, state) => {
      logger.info(
        {
          callId: call.callId,
          extension: call.extension,
          target: state.target,
          mode: state.mode,
          ok: state.ok,
          ...(state.reason ? { reason: state.reason } : {}),
        },
        'transfer asked from the card',
      );
      hub.setTransfer(call.callId, call.extension, state);
      // The journal records transfers to someone; a refusal before any number was found
      // (a number that cannot be dialled) shows on the card and in the log only.
      if (state.to !== '') journal.journal?.transferred(call, state);
    },
  });
}

/** The operator's queues, read from the PBX and shown with the helper's status. */
function queuePresence(
  ami: AmiClient,
  parts: { status: StatusBoard; logger: Logger },
  signal: AbortSignal,
): QueuePresence {
  const logger = parts.logger.child({ part: 'queues' });
  return new QueuePresence({
    ami,
    extensions: () => parts.status.get().operator.extensions,
    onChange: (memberships) => parts.status.setQueues(memberships),
    onError: (error) => logger.warn({ err: error }, 'reading the queues failed'),
    signal,
  });
}

/** Follows the PBX for the operator's extensions, with the prefetch and recording links. */
function followCalls(
  pbx: PbxSession,
  extensions: string[],
  parts: {
    config: HelperConfig;
    hub: CallHub;
    status: StatusBoard;
    database: OpenDatabase;
    recordings: RecordingIndex;
    journal: HelperJournal;
    logger: Logger;
  },
  signal: AbortSignal,
): void {
  const { config, hub, database, recordings, journal } = parts;
  const prefetch = config.database.prefetch
    ? createInboundPrefetch({
        extensions,
        defaultCountry: config.phone.defaultCountry as CountryCode,
        prefetch: (dbKey) => void database.lookups.lookup(dbKey).catch(() => undefined),
      })
    : undefined;
  const logger = parts.logger.child({ part: 'calls' });
  pbx.follow(
    extensions,
    {
      hub,
      status: parts.status,
      logger,
      onFrame: (frame) => {
        prefetch?.(frame);
        recordings.observe(frame);
      },
      ...(journal.journal
        ? { onResync: recoverAfterFirstResync(journal.journal, () => hub.activeCalls(), logger) }
        : {}),
    },
    signal,
  );
}

/** Settles once every part has closed after the signal aborts. */
function closedOnAbort(
  signal: AbortSignal,
  closers: ReadonlyArray<() => Promise<unknown> | undefined>,
): Promise<void> {
  return new Promise<void>((resolve) => {
    signal.addEventListener(
      'abort',
      () => void Promise.allSettled(closers.map((close) => close())).then(() => resolve()),
      { once: true },
    );
  });
}
