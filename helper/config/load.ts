import { existsSync, readFileSync } from 'node:fs';
import { parse, TomlError } from 'smol-toml';
import { osLoginName, withLoginName } from './login-name';
import { applyEnvOverrides } from './env-overrides';
import type { Environment } from '../core/cli-io';
import { defaultConfigPath, stateDirFor } from './paths';
import { FIELD_SPECS } from './schema';
import type { ConfigProblem, HelperConfig } from './types';
import { validateConfig } from './validate';
import type { RawTable } from './validate';
import { tr } from '../core/cli-text';
import './russian';

export interface LoadConfigOptions {
  /** An explicit file (`--config`); it must exist. */
  file?: string;
  env: Environment;
  /** Looked for when `file` is not given; when it does not exist the helper runs in demo mode. */
  defaultFile?: string;
}

export type LoadConfigResult =
  | {
      ok: true;
      config: HelperConfig;
      warnings: ConfigProblem[];
      /** Secret keys whose value is written in the file itself (not set by the environment). */
      secretsInFile?: readonly string[];
    }
  | {
      ok: false;
      problems: ConfigProblem[];
      file: string | null;
      /** Present when the file could be read: the valid part of it over the defaults. */
      partial?: HelperConfig;
      secretsInFile?: readonly string[];
    };

/** The secret keys (`pbx.secret`, `database.password`, …) the file gives a value. */
function secretKeysIn(raw: RawTable): string[] {
  return [...FIELD_SPECS.values()]
    .filter((spec) => spec.secret)
    .map((spec) => spec.key)
    .filter((key) => {
      const [section, field] = key.split('.') as [string, string];
      const table = raw[section];
      if (typeof table !== 'object' || table === null || Array.isArray(table)) return false;
      const value = (table as RawTable)[field];
      return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
    });
}

type ReadResult = { ok: true; raw: RawTable } | { ok: false; problem: ConfigProblem };

function readToml(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: {
        key: '(file)',
        message: tr`cannot read ${file} (${code ?? String(error)})`,
        fix:
          code === 'ENOENT'
            ? tr`create it from config/helper.example.toml, or pass the right path with --config`
            : tr`make the file readable by the user the helper runs as`,
      },
    };
  }
  try {
    return { ok: true, raw: parse(text.replace(/^\uFEFF/, '')) as RawTable };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // The parser's message quotes the offending lines, which may hold a secret.
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? '';
    return {
      ok: false,
      problem: {
        key: '(file)',
        message: tr`${file} line ${error.line}, column ${error.column}: ${reason}`,
        fix: tr`correct the TOML syntax there: text values in "double quotes", one key = value per line, [section] headers`,
      },
    };
  }
}

/**
 * Reads, overlays environment variables and validates the configuration, listing
 * every problem at once. Without `file` and without a file at the default
 * location the helper runs in demo mode on the defaults.
 */
export function loadConfig(options: LoadConfigOptions): LoadConfigResult {
  const explicit = options.file !== undefined;
  const candidate = options.file ?? options.defaultFile ?? defaultConfigPath({ env: options.env });
  const present = explicit || existsSync(candidate);
  let raw: RawTable = {};
  if (present) {
    const read = readToml(candidate);
    if (!read.ok) return { ok: false, problems: [read.problem], file: candidate };
    raw = read.raw;
  } else {
    raw = { mode: 'demo' };
  }
  const secretsInFile = secretKeysIn(raw);
  const { raw: merged, fromEnv, warnings } = applyEnvOverrides(raw, options.env);
  const result = validateConfig(merged, fromEnv);
  const paths = { file: present ? candidate : null, stateDir: stateDirFor(candidate) };
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems,
      file: paths.file,
      partial: { ...result.partial, paths },
      secretsInFile,
    };
  }
  const seatUser = withLoginName(result.values.operator.user, osLoginName(options.env));
  if ('problem' in seatUser) {
    return {
      ok: false,
      problems: [seatUser.problem],
      file: paths.file,
      partial: { ...result.values, paths },
      secretsInFile,
    };
  }
  const operator = { ...result.values.operator, user: seatUser.user };
  return {
    ok: true,
    config: { ...result.values, operator, paths },
    warnings,
    secretsInFile,
  };
}
