/**
 * URLs reach an `href` only when they are web addresses: cabinet and recording links come
 * from the helper's configuration, and a `javascript:` or `data:` URL there must not run.
 */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The URL when it is a web address, otherwise nothing. */
export function webUrl(url: string | undefined): string | undefined {
  return url !== undefined && isWebUrl(url) ? url : undefined;
}
