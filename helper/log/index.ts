export { createLogger } from './create-logger';
export type { HelperLogger, LoggerOptions, LineSink } from './create-logger';
export { createScrubber } from './scrub';
export { REDACT_PATHS } from './redact-paths';
export { configSecrets, loggerForConfig } from './logger-for-config';
