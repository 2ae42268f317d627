import { ANY_FIREFOX_ORIGIN, canonicalOrigin, isFirefoxOrigin } from '../../config/origins';
import { InvalidAllowedOriginError } from './errors';

export interface OriginPolicy {
  allows(origin: string | undefined): boolean;
}

/**
 * Builds the allow-list check, refusing entries that would admit a web page. Entries are
 * taken in the spelling browsers send (lower case), as the configuration check takes them.
 */
export function createOriginPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  let anyFirefox = false;
  const exact = new Set<string>();
  for (const entry of allowedOrigins) {
    const origin = canonicalOrigin(entry);
    if (origin === undefined) throw new InvalidAllowedOriginError(entry);
    if (origin === ANY_FIREFOX_ORIGIN) anyFirefox = true;
    else exact.add(origin);
  }
  return {
    allows(origin) {
      if (origin === undefined) return false;
      return exact.has(origin) || (anyFirefox && isFirefoxOrigin(origin));
    },
  };
}
