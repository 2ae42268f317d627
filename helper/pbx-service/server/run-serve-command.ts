import { once } from 'node:events';
import { AmiClient } from '../../ami/client';
import { errorSummary, type ServiceLogger } from '../agi/logger';
import { amiOriginator } from '../callback/callback-originator';
import type { ConfigPaths, DatabaseConfig, PbxConfig, PhoneConfig } from '../../config/types';
import type { JournalSettings } from '../../config/journal-settings';
import { MysqlExecutor } from '../../lookup/mysql-executor';
import { openWriters, serverSpoolDir } from './open-writers';
import { validateServerSettings, type ServerSettings } from '../../config/server-settings';
import { HOUR_MS, startPbxService } from './start-pbx-service';

/** The configuration `serve` reads: the usual sections plus `[server]`. */
export interface ServeConfig {
  readonly pbx: PbxConfig;
  readonly database: DatabaseConfig;
  readonly phone: PhoneConfig;
  readonly journal: JournalSettings;
  readonly server: ServerSettings;
  readonly paths: Pick<ConfigPaths, 'stateDir'>;
}

/**
 * `courier-helper serve`: the PBX-side role. Answers the dialplan's FastAGI calls and, when
 * `server.httpTokens` is set, the callback endpoint; runs until `signal` aborts.
 */
export async function runServeCommand(
  config: ServeConfig,
  logger: ServiceLogger,
  signal: AbortSignal,
): Promise<void> {
  const settings = validateServerSettings(config.server);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  if (signal.aborted) return;
  signal.addEventListener('abort', onAbort, { once: true });
  const lookups = new MysqlExecutor({ ...config.database, poolSize: settings.poolSize });
  const ami =
    settings.httpTokens.length > 0
      ? new AmiClient({
          host: config.pbx.host,
          port: config.pbx.port,
          username: config.pbx.user,
          secret: config.pbx.secret,
          // Originate's outcome arrives as an OriginateResponse event (class "call").
          eventMask: 'call',
          logger,
          signal: stop.signal,
        })
      : undefined;
  const writers = await openWriters({
    journal: config.journal,
    database: config.database,
    spoolDir: serverSpoolDir(settings.journalSpoolDir, config.paths.stateDir),
    callbackMemoryMs: settings.callbackMemoryHours * HOUR_MS,
    logger,
    signal: stop.signal,
  });
  try {
    ami?.start().catch((error: unknown) => logger.error(errorSummary(error), 'AMI login failed'));
    const service = await startPbxService({
      settings,
      defaultCountry: config.phone.defaultCountry,
      parts: {
        lookups,
        feedback: writers.feedback,
        journal: writers.journal,
        ...(writers.recentCallbacks ? { recentCallbacks: writers.recentCallbacks } : {}),
        ...(ami ? { originator: amiOriginator(ami) } : {}),
      },
      logger,
      signal: stop.signal,
    });
    if (!stop.signal.aborted) await once(stop.signal, 'abort');
    await service.close();
    await service.settled();
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort();
    await ami?.close();
    await writers.close();
    await lookups.close();
  }
}
