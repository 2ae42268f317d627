import { AmiConfigError } from './errors';
import { silentLogger, type AmiLogger } from './logger';
import {
  DEFAULT_RECONNECT_POLICY,
  validateReconnectPolicy,
  type ReconnectPolicy,
} from './reconnect';
import { createTcpTransport } from './tcp-transport';
import type { AmiTransport } from './transport';

export interface AmiClientOptions {
  readonly host: string;
  /** Default 5038. */
  readonly port?: number;
  /**
   * The account name, or where to read it before each login (reconnects included): a seat
   * whose account is named after its extension knows that name only once the extension is.
   */
  readonly username: string | (() => string);
  readonly secret: string;
  /** Deadline for an action's response. Default 10 s. */
  readonly actionTimeoutMs?: number;
  /** How often `Ping` checks the connection once ready. Default 15 s. */
  readonly keepaliveIntervalMs?: number;
  /** No `Ping` answer within this → the socket is treated as half-open. Default 5 s. */
  readonly keepaliveTimeoutMs?: number;
  readonly reconnect?: Partial<ReconnectPolicy>;
  /**
   * The `Events` value of `Login`: `on`, `off`, or a comma list of classes such as
   * `call,dialplan`. Default `on`; narrow it per account with `eventfilter=` in manager.conf.
   */
  readonly eventMask?: string;
  /** Aborting closes the client, as close() does. */
  readonly signal?: AbortSignal;
  readonly logger?: AmiLogger;
  /** Default: TCP via node:net. */
  readonly transport?: AmiTransport;
  /** Random source for reconnect jitter; default Math.random. */
  readonly random?: () => number;
  /** ActionID prefix; default a random one per client. */
  readonly actionIdPrefix?: string;
}

export interface ResolvedAmiClientOptions {
  readonly host: string;
  readonly port: number;
  /** Read before each login. */
  readonly username: () => string;
  readonly secret: string;
  readonly actionTimeoutMs: number;
  readonly keepaliveIntervalMs: number;
  readonly keepaliveTimeoutMs: number;
  readonly reconnect: ReconnectPolicy;
  readonly eventMask: string;
  readonly signal: AbortSignal | undefined;
  readonly logger: AmiLogger;
  readonly transport: AmiTransport;
  readonly random: () => number;
  readonly actionIdPrefix: string | undefined;
}

const EVENT_CLASSES = new Set([
  'system',
  'call',
  'log',
  'verbose',
  'command',
  'agent',
  'user',
  'config',
  'dtmf',
  'reporting',
  'cdr',
  'dialplan',
  'originate',
  'agi',
  'cc',
  'aoc',
  'test',
  'security',
  'message',
  'all',
]);

export function resolveAmiClientOptions(options: AmiClientOptions): ResolvedAmiClientOptions {
  const port = options.port ?? 5038;
  if (typeof options.host !== 'string' || options.host.trim().length === 0) {
    throw new AmiConfigError('host', 'set pbx.host to the PBX address');
  }
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new AmiConfigError('port', 'must be a TCP port from 1 to 65535 (AMI default 5038)');
  }
  const { username } = options;
  if (typeof username !== 'function') validUsername(username);
  if (typeof options.secret !== 'string' || options.secret.length === 0) {
    throw new AmiConfigError('secret', 'set pbx.secret to the secret of the AMI account');
  }
  const eventMask = options.eventMask ?? 'on';
  if (!isEventMask(eventMask)) {
    throw new AmiConfigError(
      'eventMask',
      'must be "on", "off" or a comma list of AMI classes (e.g. "call,dialplan")',
    );
  }
  return {
    host: options.host,
    port,
    username: typeof username === 'string' ? () => username : () => validUsername(username()),
    secret: options.secret,
    actionTimeoutMs: positive('actionTimeoutMs', options.actionTimeoutMs ?? 10_000),
    keepaliveIntervalMs: positive('keepaliveIntervalMs', options.keepaliveIntervalMs ?? 15_000),
    keepaliveTimeoutMs: positive('keepaliveTimeoutMs', options.keepaliveTimeoutMs ?? 5_000),
    reconnect: validateReconnectPolicy({ ...DEFAULT_RECONNECT_POLICY, ...options.reconnect }),
    eventMask,
    signal: options.signal,
    logger: options.logger ?? silentLogger,
    transport: options.transport ?? createTcpTransport(),
    random: options.random ?? Math.random,
    actionIdPrefix: options.actionIdPrefix,
  };
}

/** The name itself, when it is one an account can have; throws AmiConfigError otherwise. */
function validUsername(username: unknown): string {
  if (typeof username !== 'string' || username.length === 0) {
    throw new AmiConfigError('username', 'set pbx.user to the AMI account from manager.conf');
  }
  return username;
}

function positive(option: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 2_147_483_647) {
    throw new AmiConfigError(option, 'must be a positive number of milliseconds');
  }
  return value;
}

function isEventMask(mask: string): boolean {
  if (mask === 'on' || mask === 'off') return true;
  const classes = mask.split(',');
  return classes.length > 0 && classes.every((c) => EVENT_CLASSES.has(c.trim()));
}
