import { FastAgiServer } from '../agi/fastagi-server';
import type { ServiceLogger } from '../agi/logger';
import { PeerAllowList } from '../../config/peer-allow-list';
import { SqlCallbackDirectory } from '../callback/callback-directory';
import { CallbackMemory, type RecentCallbacks } from '../routing/callback-memory';
import type { CallbackOriginator } from '../callback/callback-originator';
import { CallbackService } from '../callback/callback-service';
import { createCourierJournalHandler } from '../callback/courier-journal-handler';
import type { JournalSink } from '../callback/journal-sink';
import { createFeedbackHandler } from '../feedback/feedback-handler';
import type { FeedbackStore } from '../feedback/feedback-record';
import { FeedbackRecorder } from '../feedback/feedback-recorder';
import type { QueryExecutor } from '../../lookup/types';
import { directoryParcelFinder } from '../routing/parcel-finder';
import { createRouteCallHandler, type RouteCallOptions } from '../routing/route-call-handler';
import { SqlRoutingDirectory } from '../routing/sql-routing-directory';
import { BearerTokens } from './http/bearer-tokens';
import { createCallbackEndpoint } from './http/callback-endpoint';
import { listenHttp, type RunningHttpServer } from './http/listen-http';
import type { ServerSettings } from '../../config/server-settings';

/** What the service runs on; each part can be replaced in tests. */
export interface PbxServiceParts {
  /** Routing and callback lookups, with the read-only account. */
  readonly lookups: QueryExecutor;
  /** Where feedback is written. */
  readonly feedback: FeedbackStore;
  /** Where courier calls are journaled. */
  readonly journal: JournalSink;
  /** The PBX side of callbacks; without it the callback endpoint stays off. */
  readonly originator?: CallbackOriginator;
  /**
   * Where recent callbacks are remembered: the shared table when the journal's account is
   * there, else this process's memory.
   */
  readonly recentCallbacks?: RecentCallbacks;
}

export interface StartPbxServiceOptions {
  readonly settings: ServerSettings;
  readonly defaultCountry: string;
  readonly parts: PbxServiceParts;
  readonly logger: ServiceLogger;
  /** Stops the service: listeners close, background writes give up their pauses. */
  readonly signal: AbortSignal;
  /** Sees every routing decision (tests, metrics). */
  readonly onRoute?: RouteCallOptions['onDecision'];
}

export interface PbxService {
  readonly agiPort: number;
  /** Undefined when the callback endpoint is off. */
  readonly httpPort: number | undefined;
  readonly callbacks: CallbackService | undefined;
  /** Resolves once feedback and callbacks handed over so far are done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export const HOUR_MS = 3_600_000;
const MAX_REMEMBERED_CALLBACKS = 50_000;

/**
 * The PBX-side role: FastAGI scripts for routing (`route_call`), feedback (`feedback`) and
 * the courier call journal (`journal`), plus the callback endpoint when tokens are set.
 */
export async function startPbxService(options: StartPbxServiceOptions): Promise<PbxService> {
  const { settings, defaultCountry, parts, logger, signal } = options;
  const directory = new SqlRoutingDirectory(parts.lookups, settings.routing, defaultCountry);
  const parcels = directoryParcelFinder(directory);
  const memory =
    parts.recentCallbacks ??
    new CallbackMemory({
      ttlMs: settings.callbackMemoryHours * HOUR_MS,
      maxEntries: MAX_REMEMBERED_CALLBACKS,
    });
  const recorder = new FeedbackRecorder({ store: parts.feedback, logger, signal });
  const callbacks =
    parts.originator === undefined
      ? undefined
      : new CallbackService({
          settings: {
            companyNumber: settings.companyNumber,
            context: settings.callbackContext,
            courierContext: settings.callbackCourierContext,
            ringTimeoutMs: settings.callbackRingSeconds * 1000,
            record: settings.recordCallbacks,
            lookupTimeoutMs: settings.lookupTimeoutMs,
            defaultCountry,
          },
          originator: parts.originator,
          directory: new SqlCallbackDirectory(parts.lookups, settings.callbacks, defaultCountry),
          memory,
          journal: parts.journal,
          logger,
        });
  const lookups = { lookupTimeoutMs: settings.lookupTimeoutMs, defaultCountry, logger };
  const agi = await FastAgiServer.listen({
    host: settings.agiHost,
    port: settings.agiPort,
    allowList: new PeerAllowList(settings.agiAllowedPeers),
    handlers: {
      route_call: createRouteCallHandler({
        directory,
        recentCallbacks: memory,
        timeoutMs: settings.routeTimeoutMs,
        defaultCountry,
        logger,
        ...(options.onRoute ? { onDecision: options.onRoute } : {}),
      }),
      feedback: createFeedbackHandler({ recorder, parcels, ...lookups }),
      journal: createCourierJournalHandler({
        journal: parts.journal,
        parcels,
        ...(callbacks ? { callbacks: callbacks.board } : {}),
        ...lookups,
      }),
    },
    logger,
    signal,
  });
  let http: RunningHttpServer | undefined;
  try {
    if (callbacks !== undefined && settings.httpTokens.length > 0) {
      http = await listenHttp(
        {
          host: settings.httpHost,
          port: settings.httpPort,
          tlsCertFile: settings.tlsCertFile,
          tlsKeyFile: settings.tlsKeyFile,
        },
        createCallbackEndpoint({
          callbacks,
          tokens: new BearerTokens(settings.httpTokens),
          ...(settings.httpAllowedPeers.length > 0
            ? { allowList: new PeerAllowList(settings.httpAllowedPeers, 'server.httpAllowedPeers') }
            : {}),
          logger,
          signal,
        }),
      );
    }
  } catch (error) {
    await agi.close();
    throw error;
  }
  logger.info(
    {
      agi: `${settings.agiHost}:${agi.port}`,
      http: http ? `${settings.httpHost}:${http.port}` : 'off',
    },
    'PBX-side service listening',
  );
  const running = http;
  let closed: Promise<void> | undefined;
  return {
    agiPort: agi.port,
    httpPort: running?.port,
    callbacks,
    async settled() {
      await Promise.all([recorder.settled(), callbacks?.settled()]);
    },
    close() {
      closed ??= Promise.all([agi.close(), running?.close()]).then(() => undefined);
      return closed;
    },
  };
}
