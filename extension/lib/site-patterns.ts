import { MatchPattern } from 'wxt/utils/match-patterns';

/** What the user typed cannot name a web site. */
export class SitePatternError extends Error {
  override readonly name = 'SitePatternError';
}

/** The content script WXT builds from `entrypoints/content.ts` (registered at runtime only). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * Its stylesheet (how painted numbers look), registered with it: the browser
 * injects it before the page is styled, where a sheet added later by the
 * script would make a large page recalculate the style of every element.
 */
export const CONTENT_STYLE_FILE = 'content-scripts/content.css';

const SCHEME = /^(\*|[a-z][a-z0-9+.-]*):\/\//i;

/**
 * Turns what a user types for a cabinet site into the match pattern the
 * extension stores, asks host permission for and registers the content script
 * on: `cabinet.example.com`, `https://cabinet.example.com/orders?x=1` →
 * `https://cabinet.example.com/*`. The port is dropped because Firefox match
 * patterns cannot hold one; a leading `*.` keeps every subdomain.
 */
export function siteToPattern(input: string): string {
  const text = input.trim();
  if (text === '') {
    throw new SitePatternError('Enter the cabinet site address, for example cabinet.example.com.');
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && scheme !== '*') {
    throw new SitePatternError(
      `Only http and https sites can be enabled; "${text}" starts with ${scheme}://.`,
    );
  }
  const rest = scheme === undefined ? text : text.slice(text.indexOf('://') + 3);
  const wildcard = rest.startsWith('*.');
  const url = parseUrl(
    `${scheme === 'http' ? 'http' : 'https'}://${wildcard ? rest.slice(2) : rest}`,
  );
  if (url === null || url.hostname === '' || !isPlausibleHost(url.hostname)) {
    throw new SitePatternError(
      `"${text}" is not a site address; enter something like cabinet.example.com.`,
    );
  }
  const host = wildcard ? `*.${url.hostname}` : url.hostname;
  return `${scheme === '*' ? '*' : url.protocol.slice(0, -1)}://${host}/*`;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function isPlausibleHost(hostname: string): boolean {
  // Match patterns cannot hold IPv6 literals, and a bare word is a typo far more often than a host.
  if (hostname.includes(':') || hostname.includes('*')) return false;
  return hostname === 'localhost' || hostname.includes('.');
}

/** Whether a stored pattern is one `siteToPattern` would produce (guards stored data). */
export function isSitePattern(pattern: string): boolean {
  try {
    return siteToPattern(pattern) === pattern;
  } catch {
    return false;
  }
}

/** Whether `url` belongs to one of the enabled sites. */
export function urlMatchesSites(url: string | undefined, patterns: readonly string[]): boolean {
  if (url === undefined) return false;
  return patterns.some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(url);
    } catch {
      return false;
    }
  });
}

/** A page to open for a pattern when no tab of the site is open: its root. */
export function patternHomeUrl(pattern: string): string | null {
  const match = /^(\*|https?):\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (match === null) return null;
  return `${match[1] === 'http' ? 'http' : 'https'}://${match[3]}/`;
}
