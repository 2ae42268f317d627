import { InvalidAllowedOriginError } from './errors';

/** Any Firefox extension: each install gets a random UUID, so the token carries trust. */
export const ANY_FIREFOX_EXTENSION = 'moz-extension://*';

const CHROMIUM_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;
const FIREFOX_ORIGIN =
  /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface OriginPolicy {
  allows(origin: string | undefined): boolean;
}

/** Builds the allow-list check, refusing entries that would admit a web page. */
export function createOriginPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  let anyFirefox = false;
  const exact = new Set<string>();
  for (const entry of allowedOrigins) {
    if (entry === ANY_FIREFOX_EXTENSION) anyFirefox = true;
    else if (CHROMIUM_ORIGIN.test(entry) || FIREFOX_ORIGIN.test(entry)) exact.add(entry);
    else throw new InvalidAllowedOriginError(entry);
  }
  return {
    allows(origin) {
      if (origin === undefined) return false;
      return exact.has(origin) || (anyFirefox && FIREFOX_ORIGIN.test(origin));
    },
  };
}
