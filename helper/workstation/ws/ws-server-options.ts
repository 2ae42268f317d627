import type { PairingAuthority } from '../pairing/pairing-authority';
import { NonLoopbackHostError } from './errors';
import type { WsLogger } from './logger';
import { isLoopbackAddress } from './loopback';
import { createOriginPolicy, type OriginPolicy } from './origin-policy';
import type { RateLimit } from './token-bucket';

export interface WsServerOptions {
  /** `websocket.port`; 0 picks a free port (tests). */
  port: number;
  /** Loopback IP literals only. Default `['127.0.0.1', '::1']`. */
  hosts?: string[];
  /**
   * Exact `chrome-extension://<id>` / `moz-extension://<uuid>` origins; the
   * entry `moz-extension://*` admits any Firefox extension, leaving trust to
   * the pairing token.
   */
  allowedOrigins: string[];
  /** A `PairingStore`, or anything else that issues and checks tokens. */
  pairing: PairingAuthority;
  logger: WsLogger;
  /** Aborting closes the server like `close()`. */
  signal?: AbortSignal;
  /** Default 20 s; a peer silent for two intervals is terminated. */
  heartbeatIntervalMs?: number;
  /** Per connection. Default `{ burst: 3, perMinute: 20 }`. */
  dialRate?: RateLimit;
  helperVersion: string;
  /** Time allowed for the first frame. Default 5 s. */
  helloTimeoutMs?: number;
  /** Malformed frames in a row before the connection is closed. Default 5. */
  maxBadFrames?: number;
  /** Authenticated sockets beyond which upgrades get 503. Default 32. */
  maxConnections?: number;
  /**
   * Sockets that have not yet been authenticated (no `hello` or `pair` accepted), counted
   * apart from authenticated ones so silent sockets cannot take the paired extension's
   * place. Default 8 in all and 2 per origin: an extension reconnects one socket at a time.
   */
  maxPendingConnections?: number;
  maxPendingPerOrigin?: number;
}

export interface ResolvedWsServerOptions {
  port: number;
  hosts: string[];
  originPolicy: OriginPolicy;
  allowedOrigins: string[];
  pairing: PairingAuthority;
  logger: WsLogger;
  signal: AbortSignal | undefined;
  heartbeatIntervalMs: number;
  dialRate: RateLimit;
  helperVersion: string;
  helloTimeoutMs: number;
  maxBadFrames: number;
  maxConnections: number;
  maxPendingConnections: number;
  maxPendingPerOrigin: number;
}

export const DEFAULT_HOSTS: readonly string[] = ['127.0.0.1', '::1'];

function positive(value: number | undefined, fallback: number, key: string): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved <= 0) {
    throw new RangeError(`${key} must be a positive number, got ${String(value)}.`);
  }
  return resolved;
}

/** Applies defaults and refuses settings that would expose the server. */
export function resolveWsServerOptions(options: WsServerOptions): ResolvedWsServerOptions {
  const hosts = [...new Set(options.hosts ?? DEFAULT_HOSTS)];
  for (const host of hosts) {
    if (!isLoopbackAddress(host)) throw new NonLoopbackHostError(host);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new RangeError(`websocket.port must be a port number (1–65535), got ${options.port}.`);
  }
  const dialRate = options.dialRate ?? { burst: 3, perMinute: 20 };
  return {
    port: options.port,
    hosts,
    originPolicy: createOriginPolicy(options.allowedOrigins),
    allowedOrigins: [...options.allowedOrigins],
    pairing: options.pairing,
    logger: options.logger,
    signal: options.signal,
    heartbeatIntervalMs: positive(options.heartbeatIntervalMs, 20_000, 'heartbeatIntervalMs'),
    dialRate: {
      burst: positive(dialRate.burst, 3, 'dialRate.burst'),
      perMinute: positive(dialRate.perMinute, 20, 'dialRate.perMinute'),
    },
    helperVersion: options.helperVersion,
    helloTimeoutMs: positive(options.helloTimeoutMs, 5_000, 'helloTimeoutMs'),
    maxBadFrames: positive(options.maxBadFrames, 5, 'maxBadFrames'),
    maxConnections: positive(options.maxConnections, 32, 'maxConnections'),
    maxPendingConnections: positive(options.maxPendingConnections, 8, 'maxPendingConnections'),
    maxPendingPerOrigin: positive(options.maxPendingPerOrigin, 2, 'maxPendingPerOrigin'),
  };
}
