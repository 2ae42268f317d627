const REDACTED = '[redacted]';

/** Shorter values would blank out ordinary words and digits all over the log. */
export const MIN_SCRUBBED_LENGTH = 3;

function forms(secret: string): string[] {
  const jsonEscaped = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, jsonEscaped, encodeURIComponent(secret)])];
}

/**
 * Replaces every occurrence of the given secrets (as written, JSON-escaped or
 * URL-encoded) in a text. The last line of defence behind structured redaction:
 * a secret that slipped into an error message still never reaches a log.
 */
export function createScrubber(secrets: readonly string[]): (text: string) => string {
  const needles = secrets
    .filter((secret) => secret.length >= MIN_SCRUBBED_LENGTH)
    .flatMap(forms)
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  return (text) => {
    let result = text;
    for (const needle of needles) {
      if (result.includes(needle)) result = result.replaceAll(needle, REDACTED);
    }
    return result;
  };
}
