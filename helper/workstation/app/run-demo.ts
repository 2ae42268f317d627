import type { Logger } from 'pino';
import type { HelperConfig } from '../../config/types';
import { DemoDirectory } from '../demo/demo-directory';
import { DemoPbx } from '../demo/demo-pbx';
import {
  createLinksFor,
  createLinkTemplates,
  outcomeSettings,
} from '../../config/outcome-settings';
import { CallHub } from '../hub/call-hub';
import { CallOutcomes } from '../hub/call-outcomes';
import { HelperService } from '../hub/helper-service';
import { MemoryJournal } from '../../core/journal-reader';
import { serveExtension } from './serve-extension';
import { StatusBoard } from '../hub/status-board';
import { HELPER_VERSION } from './version';

const DEMO_EXTENSIONS = ['101'];

/**
 * Demo on embedded defaults: a simulated PBX and a built-in directory behind
 * the same extension-facing API, so the product can be tried without Asterisk
 * or MySQL. Resolves once the WebSocket is listening; serves until `signal`.
 */
export async function startDemoHelper(
  config: HelperConfig,
  logger: Logger,
  signal: AbortSignal,
): Promise<{ port: number; stopped: Promise<void> }> {
  const createLinks = createLinkTemplates(config.links.create);
  const hub: CallHub = new CallHub({
    resolver: new DemoDirectory(),
    createLinks: (remote) => createLinksFor(createLinks, remote.e164),
  });
  const outcomes = outcomeSettings(config.outcomes);
  const extensions =
    config.operator.extensions.length > 0 ? config.operator.extensions : DEMO_EXTENSIONS;
  const status = StatusBoard.pushedBy(hub, {
    helperVersion: HELPER_VERSION,
    pbx: { state: 'connected', reason: 'Demo: simulated PBX', since: Date.now() },
    database: { state: 'connected', reason: 'Demo: built-in directory', since: Date.now() },
    operator: { extensions },
    demo: true,
    outcomes,
  });
  const pbx = new DemoPbx(hub, signal);
  const api = new HelperService({
    hub,
    status,
    dialer: pbx,
    simulator: pbx,
    journal: new MemoryJournal(() => hub.recentCalls()),
    outcomes: new CallOutcomes({ hub, settings: outcomes, extensions: () => extensions }),
  });
  const server = await serveExtension(config, api, logger, signal);
  logger.warn(
    { port: server.port, extensions },
    'DEMO MODE: simulated PBX and built-in directory; no real calls are made',
  );
  const stopped = new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => void server.close().then(resolve, resolve), {
      once: true,
    });
  });
  return { port: server.port, stopped };
}
