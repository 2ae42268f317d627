import { AgiConfigError, PeerAllowList } from './peer-allow-list';
import {
  DEFAULT_SERVER_SETTINGS,
  ServerConfigError,
  validateServerSettings,
  type ServerSettings,
} from './server-settings';
import * as rules from './field-rules';
import type { Finding, Rule } from './field-rules';
import type { ConfigProblem, ConfigValues, ServerConfig } from './types';
import { tr } from '../core/cli-text';
import './russian';

type ServerField = keyof ServerConfig;

const FIXES: Readonly<Record<ServerField, () => string>> = {
  agiHost: () =>
    tr`the address FastAGI listens on: "0.0.0.0" for every interface, or the address the PBX reaches this server at`,
  agiPort: () => tr`the port of the dialplan's AGI(agi://host:port/...) calls, usually 4573`,
  agiAllowedPeers: () => tr`the PBX addresses or CIDR ranges, e.g. ["10.0.0.5"] or ["10.0.0.0/24"]`,
  routeTimeoutMs: () => tr`milliseconds from 50 to 5000, e.g. 300`,
  lookupTimeoutMs: () => tr`milliseconds from 100 to 30000, e.g. 2000`,
  poolSize: () => tr`the number of database connections to keep, from 1 to 64, e.g. 8`,
  httpHost: () =>
    tr`the address the callback endpoint listens on, e.g. "127.0.0.1", or the address the mobile application's server reaches`,
  httpPort: () => tr`a free TCP port from 1 to 65535, e.g. 47810`,
  httpTokens: () =>
    tr`tokens of at least 24 characters without spaces (e.g. the output of ${'`openssl rand -hex 24`'}), better through the environment variable COURIER_SERVER_HTTP_TOKENS, or to [] to turn the callback endpoint off`,
  httpAllowedPeers: () =>
    tr`the addresses or CIDR ranges that may use the callback endpoint, e.g. ["10.0.0.7"], or [] for any`,
  tlsCertFile: () =>
    tr`the PEM certificate of the callback endpoint together with server.tlsKeyFile, or leave both empty for plain HTTP`,
  tlsKeyFile: () =>
    tr`the PEM key of the callback endpoint together with server.tlsCertFile, or leave both empty for plain HTTP`,
  companyNumber: () =>
    tr`the company's number callbacks show, digits with an optional "+", e.g. "74951234567" (required while server.httpTokens is set), or empty server.httpTokens to turn callbacks off`,
  callbackContext: () => tr`the context of the shipped dialplan snippet, "courier-callback"`,
  callbackCourierContext: () =>
    tr`the context of the shipped dialplan snippet, "courier-callback-courier"`,
  callbackRingSeconds: () => tr`seconds from 5 to 120, e.g. 30`,
  recordCallbacks: () => tr`true or false`,
  callbackMemoryHours: () => tr`hours from 0 to 168, e.g. 12 (0 turns it off)`,
  journalSpoolDir: () =>
    tr`a plain folder path, or "" for a "server-journal" folder beside this file`,
};

/** Turns the callback endpoint on, so that the rules of its keys apply; never used to serve. */
const ENDPOINT_ON: Partial<ServerSettings> = {
  httpTokens: ['sample-token-for-checking-only'],
  companyNumber: '74950000000',
};

/** The defaults with `field` set, in which only `field`'s own rules can fail. */
function isolate(field: ServerField, value: unknown): ServerSettings {
  const base: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, ...ENDPOINT_ON };
  if (field === 'tlsCertFile' || field === 'tlsKeyFile') {
    return { ...base, tlsCertFile: value as string, tlsKeyFile: value as string };
  }
  if (field === 'companyNumber' && value === '')
    return { ...base, httpTokens: [], companyNumber: '' };
  return { ...base, [field]: value };
}

const NAMED_KEY = /^server\.(\w+)[:\s]+/;

/**
 * `server.poolSize must be from 1 to 64` → `must be from 1 to 64`; a sentence naming another
 * key as well (`server.tlsCertFile and server.tlsKeyFile must…`) stays whole.
 */
function withoutKey(problem: string): string {
  const rest = problem.replace(NAMED_KEY, '');
  return /\bserver\.\w/.test(rest) ? problem : rest;
}

function fixFor(field: ServerField): string {
  return tr`set server.${field} to ${FIXES[field]()}`;
}

function isServerField(name: string | undefined): name is ServerField {
  return name !== undefined && Object.hasOwn(FIXES, name);
}

/** The serve command's own check of one key (`validateServerSettings`), reported against it. */
function validatorFinding(field: ServerField, value: unknown): Finding | undefined {
  try {
    validateServerSettings(isolate(field, value));
    return undefined;
  } catch (error) {
    if (!(error instanceof ServerConfigError)) throw error;
    const own = error.problems.find((problem) => NAMED_KEY.exec(problem)?.[1] === field);
    return own === undefined ? undefined : { message: withoutKey(own), fix: fixFor(field) };
  }
}

/** The allow-list's own parsing, so the configuration refuses what `serve` would. */
const peerList: Rule<string[]> = (value, key) => {
  if (value.length === 0) return undefined;
  try {
    new PeerAllowList(value, key);
    return undefined;
  } catch (error) {
    if (!(error instanceof AgiConfigError)) throw error;
    return { message: error.problem, fix: fixFor(key.replace('server.', '') as ServerField) };
  }
};

const notEmpty: Rule<string> = (value, key) =>
  value.trim() === ''
    ? {
        message: tr`is empty, which would listen on every interface`,
        fix: fixFor(key.replace('server.', '') as ServerField),
      }
    : undefined;

const EXTRA: Partial<Record<ServerField, readonly Rule<never>[]>> = {
  agiHost: [rules.host],
  agiAllowedPeers: [peerList],
  httpHost: [notEmpty, rules.host],
  httpAllowedPeers: [peerList],
  tlsCertFile: [rules.filePath],
  tlsKeyFile: [rules.filePath],
  journalSpoolDir: [rules.filePath],
} as Partial<Record<ServerField, readonly Rule<never>[]>>;

function serverSetting(field: ServerField): Rule<never> {
  return ((value: unknown, key: string) => {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      return { message: tr`must be a whole number, got ${value}`, fix: fixFor(field) };
    }
    for (const rule of EXTRA[field] ?? []) {
      const finding = (rule as Rule<unknown>)(value, key);
      if (finding) return finding;
    }
    return validatorFinding(field, value);
  }) as Rule<never>;
}

/** Rules of the `[server]`, `[routing]` and `[callbacks]` keys, by dotted key. */
export const SERVER_RULES: Readonly<Record<string, Rule<never>>> = {
  ...Object.fromEntries(
    (Object.keys(FIXES) as ServerField[]).map((field) => [`server.${field}`, serverSetting(field)]),
  ),
  'routing.parcelHolders': rules.lookupQuery,
  'routing.courierManager': rules.lookupQuery,
  'routing.contactManager': rules.lookupQuery,
  'routing.clientManager': rules.lookupQuery,
  'callbacks.courierMobile': rules.selectQuery(() => [tr`the courier's code (kurier.code)`]),
  'callbacks.recipientDelivery': rules.selectQuery(() => [
    tr`the recipient's digits-only number`,
    tr`the order's code (zakaz.code)`,
  ]),
} as Record<string, Rule<never>>;

/**
 * The rules of `validateServerSettings` that join keys (the company number once tokens are
 * set, the certificate with its key), checked on the whole section once each key passed.
 */
export function serverSectionProblems(values: ConfigValues): ConfigProblem[] {
  try {
    validateServerSettings({
      ...values.server,
      routing: values.routing,
      callbacks: values.callbacks,
    });
    return [];
  } catch (error) {
    if (!(error instanceof ServerConfigError)) throw error;
    return error.problems.map((problem) => {
      const field = NAMED_KEY.exec(problem)?.[1];
      return isServerField(field)
        ? { key: `server.${field}`, message: withoutKey(problem), fix: fixFor(field) }
        : { key: 'server', message: problem, fix: tr`change the [server] keys it names` };
    });
  }
}
