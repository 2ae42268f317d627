import type { HelperConfig } from '../config/types';
import { createLogger } from './create-logger';
import type { HelperLogger, LineSink } from './create-logger';

/** The values that must never appear in a log line or a message. */
export function configSecrets(
  config: Pick<HelperConfig, 'pbx' | 'database' | 'journal' | 'server' | 'websocket'>,
): string[] {
  return [
    config.pbx.secret,
    config.database.password,
    config.journal.password,
    ...config.server.httpTokens,
    config.websocket.pairingSecret,
  ].filter((secret) => secret !== '');
}

/** A logger with the configured level and file that scrubs the configured secrets. */
export function loggerForConfig(config: HelperConfig, stream?: LineSink): HelperLogger {
  return createLogger({
    level: config.log.level,
    file: config.log.file,
    secrets: configSecrets(config),
    ...(stream ? { stream } : {}),
  });
}
