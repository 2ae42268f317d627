import { cloneDefaults } from './defaults';
import type { Finding } from './field-rules';
import { FIELD_SPECS, SECTION_NAMES, TOP_LEVEL_KEYS } from './schema';
import { seatAccountName } from './seat-account';
import { serverSectionProblems } from './server-rules';
import type { FieldSpec } from './schema';
import { closestName } from './suggest';
import type { ConfigProblem, ConfigValues } from './types';
import { programName } from '../core/cli-io';
import { tr } from '../core/cli-text';
import './russian';

export type RawTable = Record<string, unknown>;

export type ValidationResult =
  | { ok: true; values: ConfigValues }
  | {
      ok: false;
      problems: ConfigProblem[];
      /** The defaults with every valid value applied, for checks of the sections without problems. */
      partial: ConfigValues;
    };

type Coerced = { ok: true; value: unknown } | { ok: false; finding: Finding };

/** How an environment variable spells a boolean key; the file uses TOML's true and false. */
const ENV_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);

function isTable(value: unknown): value is RawTable {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function describe(value: unknown, secret: boolean): string {
  if (secret) return tr`a value of the wrong type`;
  if (Array.isArray(value)) return tr`a list`;
  if (isTable(value)) return tr`a table`;
  return `${typeof value} ${JSON.stringify(String(value)).slice(0, 60)}`;
}

function coerce(spec: FieldSpec, value: unknown, fromEnv: string | undefined): Coerced {
  const wrong = (expected: string, example: string): Coerced => ({
    ok: false,
    finding: {
      message: tr`must be ${expected}, got ${describe(value, spec.secret)}`,
      fix: tr`write it as ${spec.key.split('.').pop()} = ${example}`,
    },
  });
  switch (spec.kind) {
    case 'string':
      return typeof value === 'string'
        ? { ok: true, value }
        : wrong(tr`text`, tr`"..." (in quotes)`);
    case 'integer':
      if (typeof value === 'number') return { ok: true, value };
      if (fromEnv !== undefined && typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
        return { ok: true, value: Number(value.trim()) };
      }
      return wrong(tr`a number`, tr`a number without quotes`);
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (fromEnv !== undefined && typeof value === 'string') {
        const word = ENV_BOOLEANS.get(value.trim().toLowerCase());
        if (word !== undefined) return { ok: true, value: word };
        return {
          ok: false,
          finding: {
            message: tr`must be true, false, 1 or 0, got ${describe(value, spec.secret)}`,
            fix: tr`set ${fromEnv} to true, false, 1 or 0`,
          },
        };
      }
      return wrong(tr`true or false`, tr`true or false (without quotes)`);
    case 'list':
      if (typeof value === 'number') return { ok: true, value: [String(value)] };
      if (typeof value === 'string') {
        return {
          ok: true,
          value: value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        };
      }
      if (
        Array.isArray(value) &&
        value.every((item) => typeof item === 'string' || typeof item === 'number')
      ) {
        return { ok: true, value: value.map((item) => String(item).trim()) };
      }
      return wrong(tr`a comma-separated text or a list of texts`, tr`"a,b" or ["a", "b"]`);
    case 'enum': {
      const allowed = spec.enumValues ?? [];
      if (typeof value === 'string' && allowed.includes(value)) return { ok: true, value };
      const guess = typeof value === 'string' ? closestName(value, allowed) : undefined;
      return {
        ok: false,
        finding: {
          message: tr`must be one of ${allowed.join(', ')}, got ${describe(value, false)}`,
          fix: guess
            ? tr`did you mean "${guess}"? set ${spec.key} = "${guess}"`
            : tr`set ${spec.key} to one of: ${allowed.map((a) => `"${a}"`).join(', ')}`,
        },
      };
    }
  }
}

function unknownKeyProblem(
  key: string,
  name: string,
  known: readonly string[],
  where: string,
): ConfigProblem {
  const guess = closestName(name, known);
  const elsewhere = [...FIELD_SPECS.keys()].find((k) => k.endsWith(`.${name}`));
  const sections = where === 'sections';
  const knownList = known.join(', ');
  let fix = sections
    ? tr`remove it; known sections: ${knownList}`
    : tr`remove it; known keys in [${where}]: ${knownList}`;
  if (guess) fix = tr`did you mean "${guess}"? rename it`;
  else if (elsewhere) {
    fix = tr`did you mean "${elsewhere}"? move it to [${elsewhere.split('.')[0]}]`;
  }
  return { key, message: sections ? tr`unknown section or key` : tr`unknown key`, fix };
}

function collectFields(raw: RawTable, problems: ConfigProblem[]): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [name, value] of Object.entries(raw)) {
    if (TOP_LEVEL_KEYS.includes(name)) {
      fields.set(name, value);
    } else if (SECTION_NAMES.includes(name)) {
      if (!isTable(value)) {
        problems.push({
          key: name,
          message: tr`must be a section, got ${describe(value, true)}`,
          fix: tr`write it as a [${name}] header followed by its keys`,
        });
        continue;
      }
      const known = [...FIELD_SPECS.keys()]
        .filter((key) => key.startsWith(`${name}.`))
        .map((key) => key.slice(name.length + 1));
      for (const [field, fieldValue] of Object.entries(value)) {
        if (known.includes(field)) fields.set(`${name}.${field}`, fieldValue);
        else problems.push(unknownKeyProblem(`${name}.${field}`, field, known, name));
      }
    } else {
      problems.push(
        unknownKeyProblem(name, name, [...TOP_LEVEL_KEYS, ...SECTION_NAMES], 'sections'),
      );
    }
  }
  return fields;
}

function assign(values: ConfigValues, key: string, value: unknown): void {
  const [section, field] = key.split('.');
  const target = values as unknown as RawTable;
  if (field === undefined) target[key] = value;
  else (target[section as string] as RawTable)[field] = value;
}

function requiredProblems(values: ConfigValues): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const need = (key: string, value: string, fix: string): void => {
    if (value === '') problems.push({ key, message: tr`is required`, fix });
  };
  if (values.mode === 'real') {
    need('pbx.host', values.pbx.host, tr`set pbx.host to the PBX address, e.g. "pbx.office.lan"`);
    need('pbx.user', values.pbx.user, tr`set pbx.user to the AMI account from manager.conf`);
    need(
      'pbx.secret',
      values.pbx.secret,
      tr`set pbx.secret, or the environment variable COURIER_PBX_SECRET, to that account's secret`,
    );
    need('database.host', values.database.host, tr`set database.host to the MySQL server address`);
    need('database.user', values.database.user, tr`set database.user to the read-only account`);
  }
  if (values.journal.enabled && values.journal.user === '') {
    problems.push({
      key: 'journal.user',
      message: tr`must not be empty while journal.enabled = true`,
      fix: tr`set journal.user to the account "${programName()} migrate" granted (default "courier_journal"), or set journal.enabled = false`,
    });
  }
  const hasExtensions = values.operator.extensions.length > 0;
  const hasUser = values.operator.user !== '';
  if (hasExtensions && hasUser) {
    problems.push({
      key: 'operator',
      message: tr`sets both operator.extensions and operator.user`,
      fix: tr`keep only one: the extension list, or the cabinet user whose users.extPhone holds them`,
    });
  } else if (!hasExtensions && !hasUser && values.mode === 'real') {
    problems.push({
      key: 'operator',
      message: tr`sets neither operator.extensions nor operator.user`,
      fix: tr`set operator.extensions = "101" (comma-separated for several) or operator.user = "<cabinet login>"`,
    });
  }
  // A fixed extension list (or none) is known now; users.extPhone only when the helper runs.
  if (!hasUser && (hasExtensions || values.mode === 'real')) {
    const seat = seatAccountName(values.pbx.user, values.operator.extensions);
    if ('problem' in seat) problems.push(seat.problem);
  }
  return [...problems, ...serverSectionProblems(values)];
}

/**
 * Checks a parsed configuration table against every rule at once. `fromEnv`
 * names the environment variable that supplied a key, so problems point there.
 */
export function validateConfig(
  raw: RawTable,
  fromEnv: ReadonlyMap<string, string> = new Map(),
): ValidationResult {
  const problems: ConfigProblem[] = [];
  const values = cloneDefaults();
  for (const [key, value] of collectFields(raw, problems)) {
    const spec = FIELD_SPECS.get(key);
    if (!spec) continue;
    const env = fromEnv.get(key);
    const report = (finding: Finding): void => {
      problems.push({
        key,
        message: env
          ? tr`${finding.message} (set by environment variable ${env})`
          : finding.message,
        fix: finding.fix,
      });
    };
    const coerced = coerce(spec, value, env);
    if (!coerced.ok) {
      report(coerced.finding);
      continue;
    }
    const finding = spec.rule?.(coerced.value as never, key);
    if (finding) report(finding);
    else assign(values, key, coerced.value);
  }
  const reported = problems.map((problem) => problem.key);
  const missing = requiredProblems(values).filter(
    (problem) => !reported.some((key) => key === problem.key || key.startsWith(`${problem.key}.`)),
  );
  const all = [...problems, ...missing];
  return all.length > 0 ? { ok: false, problems: all, partial: values } : { ok: true, values };
}
