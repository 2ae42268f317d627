import { DEFAULT_CALLBACK_QUERIES, type CallbackQueries } from './callback-queries';
import { DEFAULT_ROUTING_QUERIES, type RoutingQueries } from './routing-queries';
import { tr } from '../core/cli-text';
import './russian';

/**
 * The `[server]` section: the PBX-side role (`courier-helper serve`) that answers the dialplan over
 * FastAGI and takes callback requests over HTTP. It runs on one server near the PBX, not on
 * the operators' workstations.
 */
export interface ServerSettings {
  /** Address FastAGI listens on. */
  agiHost: string;
  agiPort: number;
  /** PBX addresses (IPs or CIDR ranges) allowed to connect for FastAGI. */
  agiAllowedPeers: string[];
  /** The database must answer a routing lookup within this, or the call goes to the operators. */
  routeTimeoutMs: number;
  /** Deadline of the other lookups (callbacks, journal, feedback). */
  lookupTimeoutMs: number;
  /** Connections of the server's own database pool. */
  poolSize: number;
  /** Address of the callback endpoint. */
  httpHost: string;
  httpPort: number;
  /** Bearer tokens accepted by the endpoint; none leaves the endpoint off. */
  httpTokens: string[];
  /** Optional: only these addresses may use the endpoint (empty: any). */
  httpAllowedPeers: string[];
  /** PEM certificate and key: both set serves HTTPS, both empty plain HTTP. */
  tlsCertFile: string;
  tlsKeyFile: string;
  /** The company's number, shown to callback recipients; digits with an optional "+". */
  companyNumber: string;
  /** Dialplan contexts of the shipped snippet. */
  callbackContext: string;
  callbackCourierContext: string;
  /** Seconds the courier's mobile may ring. */
  callbackRingSeconds: number;
  /** Record callbacks (MixMonitor in courier-callback). */
  recordCallbacks: boolean;
  /** How long a callback sends the recipient's call back to the same courier. */
  callbackMemoryHours: number;
  /** The journal's spool for courier calls; empty: `<state dir>/server-journal`. */
  journalSpoolDir: string;
  routing: RoutingQueries;
  callbacks: CallbackQueries;
}

export const DEFAULT_SERVER_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  agiHost: '0.0.0.0',
  agiPort: 4573,
  agiAllowedPeers: ['127.0.0.1'],
  routeTimeoutMs: 300,
  lookupTimeoutMs: 2_000,
  poolSize: 8,
  httpHost: '127.0.0.1',
  httpPort: 47810,
  httpTokens: [],
  httpAllowedPeers: [],
  tlsCertFile: '',
  tlsKeyFile: '',
  companyNumber: '',
  callbackContext: 'courier-callback',
  callbackCourierContext: 'courier-callback-courier',
  callbackRingSeconds: 30,
  recordCallbacks: true,
  callbackMemoryHours: 12,
  journalSpoolDir: '',
  routing: { ...DEFAULT_ROUTING_QUERIES },
  callbacks: { ...DEFAULT_CALLBACK_QUERIES },
} satisfies ServerSettings);

/** The `[server]` settings are wrong; every problem says what to change. */
export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`${tr`The [server] configuration cannot be used:`}\n- ${problems.join('\n- ')}`);
  }
}

const CONTEXT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,78}$/;
const NUMBER = /^\+?\d{2,15}$/;
const MIN_TOKEN_LENGTH = 24;

function port(problems: string[], key: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    problems.push(`server.${key} ${tr`must be a TCP port from 1 to 65535`}`);
  }
}

function range(problems: string[], key: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push(`server.${key} ${tr`must be from ${min} to ${max}`}`);
  }
}

/**
 * Checks the settings a serve run needs: the FastAGI side always; the callback endpoint
 * only when it has tokens (callbacks then need the company number).
 */
export function validateServerSettings(settings: ServerSettings): ServerSettings {
  const problems: string[] = [];
  port(problems, 'agiPort', settings.agiPort);
  if (settings.agiHost.trim() === '') {
    problems.push(`server.agiHost ${tr`must be an address, e.g. "0.0.0.0"`}`);
  }
  if (settings.agiAllowedPeers.length === 0) {
    problems.push(`server.agiAllowedPeers ${tr`must list the PBX address, e.g. ["10.0.0.5"]`}`);
  }
  range(problems, 'routeTimeoutMs', settings.routeTimeoutMs, 50, 5_000);
  range(problems, 'lookupTimeoutMs', settings.lookupTimeoutMs, 100, 30_000);
  range(problems, 'poolSize', settings.poolSize, 1, 64);
  range(problems, 'callbackRingSeconds', settings.callbackRingSeconds, 5, 120);
  range(problems, 'callbackMemoryHours', settings.callbackMemoryHours, 0, 168);
  if (settings.httpTokens.length > 0) {
    port(problems, 'httpPort', settings.httpPort);
    if (settings.httpTokens.some((token) => token.length < MIN_TOKEN_LENGTH || /\s/.test(token))) {
      problems.push(
        `server.httpTokens: ${tr`each token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. the output of ${'`openssl rand -hex 24`'})`}`,
      );
    }
    if (!NUMBER.test(settings.companyNumber)) {
      problems.push(
        `server.companyNumber ${tr`must be the company number callbacks show, e.g. "74951234567"`}`,
      );
    }
  }
  if ((settings.tlsCertFile === '') !== (settings.tlsKeyFile === '')) {
    problems.push(
      tr`server.tlsCertFile and server.tlsKeyFile must be set together (or both left empty)`,
    );
  }
  for (const key of ['callbackContext', 'callbackCourierContext'] as const) {
    if (!CONTEXT.test(settings[key]))
      problems.push(`server.${key} ${tr`must be a dialplan context name`}`);
  }
  if (problems.length > 0) throw new ServerConfigError(problems);
  return settings;
}
