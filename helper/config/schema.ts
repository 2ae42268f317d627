import { DEFAULTS } from './defaults';
import * as rules from './field-rules';
import type { Rule } from './field-rules';
import { createLinkList, outcomeList } from './outcome-settings';
import { recordingTemplate, transferSetting } from './recording-transfer-rules';
import { pbxUser } from './seat-account';
import { SERVER_RULES } from './server-rules';
import { LOG_LEVELS, MODES, TRANSFER_METHODS } from './types';
import { tr } from '../core/cli-text';
import './russian';

export type FieldKind = 'string' | 'integer' | 'boolean' | 'list' | 'enum';

export interface FieldSpec {
  /** Dotted key: `database.port`, or `mode` at the top level. */
  key: string;
  kind: FieldKind;
  enumValues?: readonly string[];
  /** Never echoed in problems or logs. */
  secret: boolean;
  rule?: Rule<never>;
}

const RULES: Record<string, Rule<never>> = {
  'pbx.host': rules.host,
  'pbx.port': rules.intRange(1, 65535, () => tr`the AMI port in manager.conf, usually 5038`),
  'pbx.user': pbxUser,
  'pbx.secret': rules.secret,
  'originate.channel': rules.channelTemplate,
  'originate.context': rules.dialContext,
  'originate.callerId': rules.callerId,
  'originate.ringTimeoutSeconds': rules.intRange(
    5,
    300,
    () => tr`how long the operator's phone may ring, e.g. 30`,
  ),
  'operator.extensions': rules.extensionList,
  'operator.user': rules.cabinetUser,
  'database.host': rules.host,
  'database.port': rules.intRange(1, 65535, () => tr`the MySQL port, usually 3306`),
  'database.user': rules.accountName,
  'database.password': rules.secret,
  'database.database': rules.databaseName,
  'database.poolSize': rules.intRange(1, 32, () => tr`the number of connections to keep, e.g. 4`),
  'database.queryTimeoutMs': rules.intRange(100, 60000, () => tr`milliseconds, e.g. 1000`),
  'database.cacheTtlSeconds': rules.intRange(
    0,
    3600,
    () => tr`seconds, e.g. 30 (0 turns caching off)`,
  ),
  'links.client': rules.urlTemplate,
  'links.order': rules.urlTemplate,
  'links.courier': rules.urlTemplate,
  'links.create': createLinkList,
  'websocket.port': rules.intRange(1024, 65535, () => tr`a free local port, e.g. 47800`),
  'websocket.allowedOrigins': rules.originList,
  'websocket.pairingSecret': rules.pairingSecret,
  'log.file': rules.filePath,
  'phone.defaultCountry': rules.country,
  'journal.user': rules.accountName,
  'journal.password': rules.secret,
  'journal.spoolDir': rules.filePath,
  'recording.urlTemplate': recordingTemplate,
  'transfer.courierContext': transferSetting('courierContext'),
  'transfer.courierExten': transferSetting('courierExten'),
  'transfer.managerContext': transferSetting('managerContext'),
  'outcomes.list': outcomeList,
  'outcomes.afterCallMinutes': rules.intRange(
    0,
    1440,
    () =>
      tr`minutes after a call during which its card still takes an outcome, e.g. 5 (0: only during the call)`,
  ),
  ...SERVER_RULES,
} as Record<string, Rule<never>>;

const ENUMS: Record<string, readonly string[]> = {
  mode: MODES,
  'log.level': LOG_LEVELS,
  'transfer.method': TRANSFER_METHODS,
};
const SECRETS = new Set([
  'pbx.secret',
  'database.password',
  'journal.password',
  'server.httpTokens',
  'websocket.pairingSecret',
]);

function kindOf(key: string, value: unknown): FieldKind {
  if (ENUMS[key]) return 'enum';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'boolean';
  return typeof value === 'number' ? 'integer' : 'string';
}

function specFor(key: string, value: unknown): FieldSpec {
  const rule = key.startsWith('lookup.') ? rules.lookupQuery : RULES[key];
  return {
    key,
    kind: kindOf(key, value),
    ...(ENUMS[key] ? { enumValues: ENUMS[key] } : {}),
    secret: SECRETS.has(key),
    ...(rule ? { rule: rule as Rule<never> } : {}),
  };
}

/** Built from DEFAULTS so that every default key has a spec and no spec lacks a default. */
function buildSpecs(): Map<string, FieldSpec> {
  const specs = new Map<string, FieldSpec>();
  for (const [name, value] of Object.entries(DEFAULTS)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [field, fieldValue] of Object.entries(value)) {
        specs.set(`${name}.${field}`, specFor(`${name}.${field}`, fieldValue));
      }
    } else {
      specs.set(name, specFor(name, value));
    }
  }
  return specs;
}

export const FIELD_SPECS: ReadonlyMap<string, FieldSpec> = buildSpecs();

export const SECTION_NAMES: readonly string[] = Object.entries(DEFAULTS)
  .filter(([, value]) => typeof value === 'object' && !Array.isArray(value))
  .map(([name]) => name);

export const TOP_LEVEL_KEYS: readonly string[] = Object.entries(DEFAULTS)
  .filter(([, value]) => typeof value !== 'object' || Array.isArray(value))
  .map(([name]) => name);

/** `database.queryTimeoutMs` → `COURIER_DATABASE_QUERY_TIMEOUT_MS`. */
export function envNameFor(key: string): string {
  return `COURIER_${key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replaceAll('.', '_')
    .toUpperCase()}`;
}
