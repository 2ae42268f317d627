import type { CallbackQueries } from './callback-queries';
import type { RoutingQueries } from './routing-queries';
import type { ServerSettings } from './server-settings';

/** Levels pino knows, from the most to the least verbose, plus `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const MODES = ['real', 'demo'] as const;
/** `demo` runs on a simulated PBX and built-in data; `real` needs the PBX and database. */
export type HelperMode = (typeof MODES)[number];

export interface PbxConfig {
  host: string;
  port: number;
  /** AMI account name (`[user]` in manager.conf). */
  user: string;
  secret: string;
}

export interface OriginateConfig {
  /** Channel of the operator's phone with an `{ext}` placeholder: `PJSIP/{ext}`. */
  channel: string;
  context: string;
  /** Caller ID the called party sees; empty leaves the PBX default. */
  callerId: string;
  ringTimeoutSeconds: number;
}

/**
 * Exactly one of the two is set in real mode: a fixed list of the operator's
 * extensions, or the cabinet user whose `users.extPhone` holds them.
 */
export interface OperatorConfig {
  extensions: string[];
  /** Empty when `extensions` is used. */
  user: string;
}

export interface DatabaseConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  poolSize: number;
  queryTimeoutMs: number;
  cacheTtlSeconds: number;
  /** Look an incoming caller up when the call reaches the PBX, before it rings here. */
  prefetch: boolean;
}

/**
 * One SQL query per role; each takes the caller's digits-only number as its only
 * `?`, except `operatorExtensions`, which takes the operator's cabinet login.
 */
export interface LookupQueries {
  client: string;
  contactPerson: string;
  courier: string;
  deliveries: string;
  parcelHolders: string;
  operatorExtensions: string;
}
export type LookupQueryName = keyof LookupQueries;

/** Cabinet URL templates of a record, with a `{code}` placeholder; empty means no link. */
export interface RecordLinkTemplates {
  client: string;
  order: string;
  courier: string;
}

/** The `[links]` section. */
export interface LinkTemplates extends RecordLinkTemplates {
  /**
   * Pages offered for a caller the database does not know, with the number filled in:
   * `Label | English label = https://…{digits}…`.
   */
  create: string[];
}

export interface WebSocketConfig {
  port: number;
  allowedOrigins: string[];
  /**
   * The office's managed-pairing secret, also given to the extension by browser policy;
   * empty turns managed pairing off (the pairing code still works).
   */
  pairingSecret: string;
}

export interface LogConfig {
  level: LogLevel;
  /** Empty logs to stderr only. */
  file: string;
}

export interface PhoneConfig {
  /** ISO 3166 country for numbers written without a country code. */
  defaultCountry: string;
}

/**
 * The durable call journal in the courier database (`courier-helper migrate` creates its tables
 * and account). Server and database name come from `[database]`.
 */
export interface JournalConfig {
  /** Off until `courier-helper migrate` has run. */
  enabled: boolean;
  /** The writer account, limited to the journal tables. */
  user: string;
  password: string;
  /** Spool and in-progress calls; empty means `<state dir>/journal`. */
  spoolDir: string;
}

export interface RecordingConfig {
  /** Link to a call's recording with {file}, {basename} or {date}; empty shows no link. */
  urlTemplate: string;
}

export const TRANSFER_METHODS = ['blind', 'redirect'] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

/** Where the card's transfer sends the caller. */
export interface TransferConfig {
  /** `blind`: AMI BlindTransfer of the operator's channel; `redirect`: AMI Redirect of the caller's. */
  method: TransferMethod;
  /** Context whose outbound route dials the courier's mobile. */
  courierContext: string;
  /** How the mobile is dialled: {e164}, {digits} or {national}, with an optional prefix. */
  courierExten: string;
  /** Context where the account manager's extension rings. */
  managerContext: string;
}

/** What the card offers to note on a call (`[outcomes]`). */
export interface OutcomeConfig {
  /** `code = Label | English label`, in the order the card offers them. */
  list: string[];
  /** How long after a call's end its card still takes an outcome and a note. */
  afterCallMinutes: number;
}

/**
 * The `[server]` section of `courier-helper serve`, the PBX-side role; its queries are the
 * `[routing]` and `[callbacks]` sections, since a section holds keys, not tables.
 */
export type ServerConfig = Omit<ServerSettings, 'routing' | 'callbacks'>;

/** Everything the configuration file can set. */
export interface ConfigValues {
  mode: HelperMode;
  pbx: PbxConfig;
  originate: OriginateConfig;
  operator: OperatorConfig;
  database: DatabaseConfig;
  lookup: LookupQueries;
  links: LinkTemplates;
  websocket: WebSocketConfig;
  log: LogConfig;
  phone: PhoneConfig;
  journal: JournalConfig;
  recording: RecordingConfig;
  transfer: TransferConfig;
  /** What the card offers to note on a call. */
  outcomes: OutcomeConfig;
  server: ServerConfig;
  /** The routing lookups of `serve`; each takes the caller's digits-only number. */
  routing: RoutingQueries;
  /** The callback lookups of `serve`. */
  callbacks: CallbackQueries;
}

export interface ConfigPaths {
  /** The file the values came from; null when none existed (demo on defaults). */
  file: string | null;
  /** Where the helper keeps its own state (pairing tokens), beside the config file. */
  stateDir: string;
}

export interface HelperConfig extends ConfigValues {
  paths: ConfigPaths;
}

/** One thing wrong with the configuration, with the dotted key and what to change. */
export interface ConfigProblem {
  key: string;
  message: string;
  fix: string;
}
