export * from './types';
export {
  DEFAULTS,
  DEV_CHROMIUM_ORIGIN,
  ANY_FIREFOX_ORIGIN,
  DEFAULT_WEBSOCKET_PORT,
} from './defaults';
export { DEFAULT_LOOKUP_QUERIES } from './default-queries';
export { loadConfig } from './load';
export type { LoadConfigOptions, LoadConfigResult } from './load';
export { validateConfig } from './validate';
export { applyEnvOverrides } from './env-overrides';
export type { Environment } from './env-overrides';
export { defaultConfigPath, stateDirFor, CONFIG_FILE_NAME } from './paths';
export { envNameFor } from './schema';
export { originMatches, isAllowedOriginPattern } from './origins';
export { ConfigError } from './config-error';
export { formatProblem, formatProblems } from './format-problems';
