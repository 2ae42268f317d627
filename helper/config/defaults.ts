import { DEFAULT_JOURNAL_SETTINGS } from './journal-settings';
import { DEFAULT_OUTCOME_SETTINGS } from './outcome-settings';
import { DEFAULT_SERVER_SETTINGS } from './server-settings';
import { DEFAULT_TRANSFER_SETTINGS } from './transfer-settings';
import { DEFAULT_LOOKUP_QUERIES } from './default-queries';
import { defaultAllowedOrigins } from './origins';
import type { ConfigValues, ServerConfig } from './types';

export const DEFAULT_WEBSOCKET_PORT = 47800;

const { routing, callbacks, ...server } = DEFAULT_SERVER_SETTINGS;
const DEFAULT_SERVER_CONFIG: ServerConfig = server;

/** Every key the configuration file knows, with the value used when it is absent. */
export const DEFAULTS: Readonly<ConfigValues> = Object.freeze({
  mode: 'real',
  pbx: { host: '', port: 5038, user: '', secret: '' },
  originate: {
    channel: 'PJSIP/{ext}',
    context: 'from-internal',
    callerId: '',
    ringTimeoutSeconds: 30,
  },
  operator: { extensions: [], user: '' },
  database: {
    host: '',
    port: 3306,
    user: '',
    password: '',
    database: 'courier',
    poolSize: 4,
    queryTimeoutMs: 1000,
    cacheTtlSeconds: 30,
    prefetch: true,
  },
  lookup: DEFAULT_LOOKUP_QUERIES,
  links: { client: '', order: '', courier: '', create: [] },
  websocket: {
    port: DEFAULT_WEBSOCKET_PORT,
    allowedOrigins: defaultAllowedOrigins(),
    pairingSecret: '',
  },
  log: { level: 'info', file: '' },
  phone: { defaultCountry: 'RU' },
  journal: { ...DEFAULT_JOURNAL_SETTINGS },
  recording: { urlTemplate: '' },
  transfer: { ...DEFAULT_TRANSFER_SETTINGS },
  outcomes: { ...DEFAULT_OUTCOME_SETTINGS, list: [...DEFAULT_OUTCOME_SETTINGS.list] },
  server: { ...DEFAULT_SERVER_CONFIG },
  routing: { ...routing },
  callbacks: { ...callbacks },
} satisfies ConfigValues);

/** A deep copy of the defaults that callers may change. */
export function cloneDefaults(): ConfigValues {
  return structuredClone(DEFAULTS) as ConfigValues;
}
