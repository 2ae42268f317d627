/**
 * URLs reach an `href` only when they are web addresses: cabinet and recording links come
 * from the helper's configuration, and a `javascript:` or `data:` URL there must not run.
 */
export function webUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;
}
