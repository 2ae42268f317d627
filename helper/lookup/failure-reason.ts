import { createScrubber } from '../log/scrub';

const MAX_REASON = 300;

/**
 * A short reason for an `unavailable` outcome that an operator or IT can act on:
 * the error's code and message, with configured secrets scrubbed out.
 */
export function describeFailure(error: unknown, secrets: readonly string[]): string {
  const scrub = createScrubber(secrets);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const prefix = typeof code === 'string' && !error.message.includes(code) ? `${code}: ` : '';
    const message = error.message || error.name;
    return scrub(`${prefix}${message}`).slice(0, MAX_REASON);
  }
  return scrub(String(error)).slice(0, MAX_REASON);
}
