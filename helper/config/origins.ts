const CHROMIUM_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;
const FIREFOX_ORIGIN =
  /^moz-extension:\/\/(\*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** True for an origin the WebSocket may admit: one Chromium id, any or one Firefox UUID. */
export function isAllowedOriginPattern(origin: string): boolean {
  return CHROMIUM_ORIGIN.test(origin) || FIREFOX_ORIGIN.test(origin);
}

/**
 * Whether a connecting page's `Origin` header matches one of the configured
 * patterns. `moz-extension://*` admits every Firefox extension origin.
 */
export function originMatches(origin: string, patterns: readonly string[]): boolean {
  const lower = origin.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === 'moz-extension://*') return FIREFOX_ORIGIN.test(lower) && lower !== p;
    return p === lower;
  });
}
