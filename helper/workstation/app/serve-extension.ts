import type { Logger } from 'pino';
import { admissionProblems } from '../../config/origins';
import type { HelperConfig } from '../../config/types';
import { PairingStore } from '../pairing/pairing-store';
import { startWsServer, type WsServerHandle } from '../ws/server';
import type { HelperApi } from '../../core/helper-api';
import { HELPER_VERSION } from './version';

/** Opens the loopback WebSocket for the extension with the configured origins and pairing. */
export function serveExtension(
  config: HelperConfig,
  api: HelperApi,
  logger: Logger,
  signal: AbortSignal,
): Promise<WsServerHandle> {
  for (const problem of admissionProblems(config.websocket.allowedOrigins)) {
    logger.warn(`websocket.allowedOrigins ${problem.message}: ${problem.fix}`);
  }
  return startWsServer(
    {
      port: config.websocket.port,
      allowedOrigins: config.websocket.allowedOrigins,
      pairing: new PairingStore({
        stateDir: config.paths.stateDir,
        managedSecret: config.websocket.pairingSecret,
      }),
      logger: logger.child({ part: 'websocket' }),
      signal,
      helperVersion: HELPER_VERSION,
    },
    api,
  );
}
