import type { Logger } from 'pino';
import { AmiClient } from '../ami/client';
import { CallTracker } from '../calls/tracker';
import type { HelperConfig } from '../config/types';
import { createMysqlDirectory } from '../lookup/mysql-caller-lookup';
import { MysqlExecutor } from '../lookup/mysql-executor';
import { configSecrets } from '../log/logger-for-config';
import { CallHub } from './call-hub';
import { watchDatabase } from './database-health';
import { createPbxDialer } from './pbx-dialer';
import { HelperService } from './helper-service';
import type { LookupOutcome } from './identity-resolver';
import { MemoryJournal } from './journal-reader';
import { operatorExtensions } from './operator-extensions';
import { followPbx } from './pbx-session';
import { serveExtension } from './serve-extension';
import { StatusBoard } from './status-board';
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
  const secrets = configSecrets(config);
  const executor = new MysqlExecutor(config.database);
  const directory = createMysqlDirectory(config, executor);

  // Built once the operator's extensions are known; dials before that are refused.
  const trackerRef: { current?: CallTracker } = {};
  const hub: CallHub = new CallHub({
    resolver: { lookup: (dbKey, lookupSignal) => lookupCaller(dbKey, lookupSignal) },
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

  const api = new HelperService({
    hub,
    status,
    dialer: createPbxDialer(ami, config, () => trackerRef.current),
    journal: new MemoryJournal(() => hub.recentCalls()),
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
  followPbx({ ami, tracker, hub, status, logger: logger.child({ part: 'calls' }) }, signal);
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
        ]).then(() => resolve());
      },
      { once: true },
    );
  });
  return { port: server.port, stopped };
}
