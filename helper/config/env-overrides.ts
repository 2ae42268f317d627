import type { Environment } from '../core/cli-io';
import { byCodeUnits } from '../core/code-unit-order';
import { envNameFor, FIELD_SPECS } from './schema';
import { closestName } from './suggest';
import type { ConfigProblem } from './types';
import type { RawTable } from './validate';
import { tr } from '../core/cli-text';
import './russian';

/**
 * Variables with the COURIER_ prefix that are not configuration keys: the file's path and
 * the administrator account of `migrate` (named here, not imported, so that loading the
 * configuration does not load the database driver).
 */
export const NON_KEY_VARIABLES: readonly string[] = [
  'COURIER_CONFIG',
  'COURIER_MIGRATE_ADMIN_USER',
  'COURIER_MIGRATE_ADMIN_PASSWORD',
];

/** Short spellings IT commonly uses; the long `COURIER_DATABASE_*` forms work too. */
const ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  [...FIELD_SPECS.keys()]
    .filter((key) => key.startsWith('database.'))
    .map((key) => [envNameFor(key).replace('COURIER_DATABASE_', 'COURIER_DB_'), key]),
);

const BY_NAME: ReadonlyMap<string, string> = new Map([
  ...[...FIELD_SPECS.keys()].map((key) => [envNameFor(key), key] as const),
  ...Object.entries(ALIASES),
]);

export interface EnvOverrideResult {
  /** The file's table with environment values laid over it. */
  raw: RawTable;
  /** Key → the variable that set it. */
  fromEnv: Map<string, string>;
  /** COURIER_ variables that match no key; they are ignored. */
  warnings: ConfigProblem[];
}

/**
 * Lays `COURIER_<SECTION>_<KEY>` variables over the file's values so secrets need
 * not be written in the file (`COURIER_PBX_SECRET`, `COURIER_DB_PASSWORD`). Empty
 * variables are ignored, as a shell leaves them when unset carelessly.
 */
export function applyEnvOverrides(raw: RawTable, env: Environment): EnvOverrideResult {
  const merged: RawTable = structuredClone(raw);
  const fromEnv = new Map<string, string>();
  const warnings: ConfigProblem[] = [];
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => byCodeUnits(a, b))) {
    if (!name.startsWith('COURIER_') || NON_KEY_VARIABLES.includes(name)) continue;
    if (value === undefined || value === '') continue;
    const key = BY_NAME.get(name);
    if (!key) {
      const guess = closestName(name, [...BY_NAME.keys()]);
      warnings.push({
        key: name,
        message: tr`environment variable matches no configuration key and is ignored`,
        fix: guess ? tr`did you mean ${guess}?` : tr`remove it or correct its name`,
      });
      continue;
    }
    const [section, field] = key.split('.') as [string, string | undefined];
    if (field === undefined) {
      merged[section] = value;
    } else {
      const table = merged[section];
      const target =
        typeof table === 'object' && table !== null && !Array.isArray(table)
          ? (table as RawTable)
          : {};
      target[field] = value;
      merged[section] = target;
    }
    fromEnv.set(key, name);
  }
  return { raw: merged, fromEnv, warnings };
}
