import { existsSync, readFileSync } from 'node:fs';
import { parse, TomlError } from 'smol-toml';
import { applyEnvOverrides } from './env-overrides';
import type { Environment } from '../core/cli-io';
import { defaultConfigPath, stateDirFor } from './paths';
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
  | { ok: true; config: HelperConfig; warnings: ConfigProblem[] }
  | {
      ok: false;
      problems: ConfigProblem[];
      file: string | null;
      /** Present when the file could be read: the valid part of it over the defaults. */
      partial?: HelperConfig;
    };

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
  const { raw: merged, fromEnv, warnings } = applyEnvOverrides(raw, options.env);
  const result = validateConfig(merged, fromEnv);
  const paths = { file: present ? candidate : null, stateDir: stateDirFor(candidate) };
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems,
      file: paths.file,
      partial: { ...result.partial, paths },
    };
  }
  return { ok: true, config: { ...result.values, paths }, warnings };
}
