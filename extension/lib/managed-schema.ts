import type { Settings } from './settings';

/**
 * The part of JSON Schema that Chromium's `storage.managed_schema` understands, as far as
 * the settings need it.
 */
export type SchemaNode =
  | { type: 'boolean' }
  | { type: 'integer'; minimum: number; maximum: number }
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'array'; items: { type: 'string' } }
  | { type: 'object'; properties: Record<string, SchemaNode> };

/**
 * What IT may set through browser policy: every user setting, under the same name, and the
 * office's managed-pairing secret. Typed by `Settings`, so a new setting does not build
 * until it says how policy sets it.
 */
export const MANAGED_SETTINGS_SCHEMA: { [K in keyof Settings]: SchemaNode } = {
  helper: {
    type: 'object',
    properties: { port: { type: 'integer', minimum: 1024, maximum: 65535 } },
  },
  sites: { type: 'array', items: { type: 'string' } },
  linkify: { type: 'boolean' },
  rendering: { type: 'string', enum: ['highlight', 'links'] },
  cards: { type: 'boolean' },
  notifications: { type: 'boolean' },
  sound: { type: 'boolean' },
  language: { type: 'string', enum: ['auto', 'ru', 'en'] },
  screenPop: {
    type: 'string',
    enum: ['off', 'ring', 'answer'] satisfies readonly Settings['screenPop'][],
  },
};

const PAIRING_SECRET: SchemaNode = { type: 'string' };

/** The document the manifest's `storage.managed_schema` names. */
export function managedSchemaDocument(): object {
  return {
    type: 'object',
    properties: { ...MANAGED_SETTINGS_SCHEMA, pairingSecret: PAIRING_SECRET },
  };
}

function conforms(node: SchemaNode, value: unknown): boolean {
  switch (node.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return (
        Number.isInteger(value) &&
        (value as number) >= node.minimum &&
        (value as number) <= node.maximum
      );
    case 'string':
      return typeof value === 'string' && (node.enum === undefined || node.enum.includes(value));
    case 'array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'object':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([key, inner]) => {
          const property = node.properties[key];
          return property !== undefined && conforms(property, inner);
        })
      );
  }
}

export interface ManagedPolicy {
  /** The settings the administrator set; they win over the user's. */
  settings: Partial<Settings>;
  /** The office's managed-pairing secret, when the policy gives one. */
  pairingSecret: string | null;
}

/**
 * Keeps what matches the schema and drops the rest: Chromium checks policy against the
 * schema itself, Firefox's `policies.json` is not checked, and a wrong value must not
 * break the extension.
 */
export function parseManagedPolicy(raw: Record<string, unknown>): ManagedPolicy {
  const settings: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(MANAGED_SETTINGS_SCHEMA) as [string, SchemaNode][]) {
    if (key in raw && conforms(node, raw[key])) settings[key] = raw[key];
  }
  const secret = raw['pairingSecret'];
  return {
    settings: settings as Partial<Settings>,
    pairingSecret: typeof secret === 'string' && secret.length >= 32 ? secret : null,
  };
}
